// DOM helpers. Text from the library is untrusted: it only ever goes into textContent.
import { tr } from "./i18n";

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&#39;": "'" };

/** Decodes the five entities the core's snippets use. */
export function decodeEntities(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|#39);/g, (m) => ENTITIES[m] ?? m);
}

/**
 * Renders a core snippet ("…<mark>狠抓落实</mark>…", everything else HTML-escaped) as nodes:
 * text nodes and <mark> elements, never parsed as HTML.
 */
export function snippetNodes(snippet: string): Node[] {
  const out: Node[] = [];
  let inMark = false;
  for (const part of snippet.split(/(<mark>|<\/mark>)/)) {
    if (part === "<mark>") inMark = true;
    else if (part === "</mark>") inMark = false;
    else if (part) {
      const text = decodeEntities(part);
      out.push(inMark ? el("mark", {}, text) : document.createTextNode(text));
    }
  }
  return out;
}

/**
 * A paragraph with character ranges highlighted; `spans` are [start, end) in characters of this
 * paragraph, sorted and not overlapping.
 */
export function highlighted(text: string, spans: Array<[number, number]>): Node[] {
  const chars = Array.from(text);
  const out: Node[] = [];
  let at = 0;
  for (const [s, e] of spans) {
    if (s > at) out.push(document.createTextNode(chars.slice(at, s).join("")));
    out.push(el("mark", { class: "hit" }, chars.slice(s, e).join("")));
    at = e;
  }
  if (at < chars.length) out.push(document.createTextNode(chars.slice(at).join("")));
  return out;
}

/** Copies text to the clipboard (the async API, or a hidden textarea where it is unavailable). */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // fall through
  }
  const area = el("textarea", { "aria-hidden": "true", style: "position:fixed;left:-9999px" });
  area.value = text;
  document.body.append(area);
  area.select();
  document.execCommand("copy");
  area.remove();
}

/** Runs `f` once, `ms` after the last `run()` (a debounce); `cancel()` drops a pending run. */
export function later(f: () => void, ms: number): { run: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    run: () => {
      clearTimeout(timer);
      timer = setTimeout(f, ms);
    },
    cancel: () => clearTimeout(timer),
  };
}

/**
 * A button that asks first (a delete, a restore): the first click turns it into `confirmLabel`
 * (确认删除？ by default), the second runs `action`. With `disarmMs`, an unanswered question goes back to the button's label after that time.
 */
export function confirmClick(
  button: HTMLElement,
  action: () => Promise<void> | void,
  disarmMs?: number,
  confirmLabel: string = tr("确认删除？"),
): void {
  const label = button.textContent ?? "";
  let armed = false;
  button.addEventListener("click", async (ev) => {
    ev.stopPropagation();
    if (!armed) {
      armed = true;
      button.textContent = confirmLabel;
      button.classList.add("danger");
      if (disarmMs !== undefined)
        setTimeout(() => {
          armed = false;
          button.textContent = label;
          button.classList.remove("danger");
        }, disarmMs);
      return;
    }
    await action();
  });
}
