// Updates the preview in place: only the blocks whose HTML changed are replaced, so typing in a
// 30,000-字 draft re-lays out one paragraph, not the whole preview.
import type { PreviewBlock } from "./api";

interface Shown {
  el: HTMLElement;
  html: string;
}

const shown = new WeakMap<HTMLElement, Shown[]>();

function block(b: PreviewBlock): Shown {
  const el = document.createElement("div");
  el.dataset.line = String(b.line);
  // Sanitized by the core (ammonia); the draft's own HTML arrives as text.
  el.innerHTML = b.html;
  return { el, html: b.html };
}

/** Makes `root` show `blocks`, keeping the common head and tail of what it shows now. */
export function patchPreview(root: HTMLElement, blocks: PreviewBlock[]): void {
  const old = shown.get(root) ?? [];
  let head = 0;
  while (head < old.length && head < blocks.length && old[head].html === blocks[head].html) head++;
  let tail = 0;
  while (
    tail < old.length - head &&
    tail < blocks.length - head &&
    old[old.length - 1 - tail].html === blocks[blocks.length - 1 - tail].html
  )
    tail++;
  const middle = blocks.slice(head, blocks.length - tail).map(block);
  const removed = old.slice(head, old.length - tail);
  const anchor = old[old.length - tail]?.el ?? null;
  for (const r of removed) r.el.remove();
  for (const m of middle) root.insertBefore(m.el, anchor);
  const next = [...old.slice(0, head), ...middle, ...old.slice(old.length - tail)];
  // Kept blocks may have moved to other lines.
  next.forEach((s, i) => {
    const line = String(blocks[i].line);
    if (s.el.dataset.line !== line) s.el.dataset.line = line;
  });
  if (old.length === 0) root.replaceChildren(...next.map((s) => s.el));
  shown.set(root, next);
}

/** Forgets what `root` shows (a different draft is opened). */
export function resetPreview(root: HTMLElement): void {
  shown.delete(root);
  root.replaceChildren();
}
