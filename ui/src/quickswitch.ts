// Ctrl+P: jump to any speech by typing part of its title. The same box picks a speech for other
// actions (the speech to compare with).
import type { SpeechSummary } from "./api";
import { el } from "./dom";
import { formatDate } from "./format";
import { tr } from "./i18n";

/** Shows the box to pick a speech for `action` (its prompt in `placeholder`); set up by
 * `installQuickSwitch`. */
export let pickSpeech: (placeholder: string, action: (s: SpeechSummary) => void) => void = () => {};

/** Installs the quick switcher; `rows` gives the current library, `open` opens a speech. */
export function installQuickSwitch(rows: () => SpeechSummary[], open: (id: number) => void): HTMLElement {
  const box = el("div", { id: "quick-switch", class: "quick-switch", hidden: "" });
  const input = el("input", { type: "search", placeholder: tr("输入标题中的字，回车打开"), "aria-label": tr("快速切换") });
  // What choosing a speech does: open it, or the action of `pickSpeech`.
  let act = (s: SpeechSummary) => open(s.id);
  const list = el("ul");
  box.append(input, list);
  let shown: SpeechSummary[] = [];
  let selected = 0;

  const render = () => {
    const q = input.value.trim();
    shown = rows().filter((s) => !q || s.title.includes(q) || (s.date ?? "").startsWith(q)).slice(0, 20);
    selected = Math.min(selected, Math.max(shown.length - 1, 0));
    list.replaceChildren(
      ...shown.map((s, i) => {
        const li = el("li", { class: i === selected ? "selected" : "" });
        li.append(el("span", {}, s.title), el("span", { class: "meta" }, formatDate(s.date)));
        li.addEventListener("click", () => choose(i));
        return li;
      }),
    );
  };
  const close = () => {
    box.hidden = true;
  };
  const choose = (i: number) => {
    const s = shown[i];
    close();
    if (s) act(s);
  };
  const filter = () => {
    selected = 0;
    render();
  };
  // Filter by committed text only (pinyin being composed shows inline, but is not a title).
  input.addEventListener("input", (ev) => !(ev as InputEvent).isComposing && filter());
  input.addEventListener("compositionend", filter);
  input.addEventListener("keydown", (ev) => {
    if (ev.isComposing || ev.keyCode === 229) return; // never act in the middle of an input-method composition
    if (ev.key === "Escape") close();
    else if (ev.key === "Enter") choose(selected);
    else if (ev.key === "ArrowDown") selected = Math.min(selected + 1, shown.length - 1);
    else if (ev.key === "ArrowUp") selected = Math.max(selected - 1, 0);
    else return;
    ev.preventDefault();
    render();
  });
  const show = (placeholder = tr("输入标题中的字，回车打开"), action = (s: SpeechSummary) => open(s.id)) => {
    act = action;
    input.placeholder = placeholder;
    box.hidden = false;
    input.value = "";
    selected = 0;
    render();
    input.focus();
  };
  document.addEventListener("keydown", (ev) => {
    if (ev.isComposing || ev.keyCode === 229) return;
    if (ev.ctrlKey && !ev.shiftKey && ev.key.toLowerCase() === "p") {
      ev.preventDefault();
      show();
    }
  });
  // The menu bar's 快速切换 opens it too.
  box.addEventListener("gaoku-open", () => show());
  pickSpeech = show;
  return box;
}
