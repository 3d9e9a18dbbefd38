// The status bar's 字数 and speaking time, for the draft and for the selection, with the pace the
// writer reads at. An editor extension keeps them current.
import type { EditorState, Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { DEFAULT_PACE, speakingTime, wordCount } from "./count";
import { el } from "./dom";
import { tr } from "./i18n";

const PACE_KEY = "gaoku.pace";

/** The writer's pace as last set (字 per minute). */
export function storedPace(): number {
  return Number(localStorage.getItem(PACE_KEY)) || DEFAULT_PACE;
}

/** The status-bar items (`elements`), the extension that updates them, and the pace. The pace
 * is also the library's (the 念稿版's times use it): `changed` is called when the writer sets
 * it, and `setPace` takes the library's at start. */
export function countsPanel(changed: (pace: number) => void = () => {}) {
  const count = el("span", { id: "word-count" });
  const time = el("span", { id: "speaking-time" });
  const selection = el("span", { id: "selection-count" });
  const pace = el("input", {
    id: "pace",
    type: "number",
    min: "60",
    max: "600",
    step: "10",
    "aria-label": tr("语速（字/分钟）"),
    title: tr("语速（字/分钟）"),
  });
  pace.value = localStorage.getItem(PACE_KEY) ?? String(DEFAULT_PACE);
  const paceLabel = el("label", {});
  paceLabel.append(document.createTextNode(tr("语速 ")), pace, document.createTextNode(tr(" 字/分")));

  let last: EditorState | null = null;
  /** Counts the draft (and the selection) of `state`. */
  const update = (state: EditorState) => {
    last = state;
    const n = wordCount(state.doc.toString());
    const p = Number(pace.value) || DEFAULT_PACE;
    count.textContent = tr("字数 {n}", { n });
    time.textContent = tr("讲话时长 {time}", { time: speakingTime(n, p) });
    const sel = state.selection.main;
    if (sel.empty) selection.textContent = "";
    else {
      const m = wordCount(state.sliceDoc(sel.from, sel.to));
      selection.textContent = tr("选中 {n} 字 · {time}", { n: m, time: speakingTime(m, p) });
    }
  };
  pace.addEventListener("input", () => {
    localStorage.setItem(PACE_KEY, pace.value);
    if (last) update(last);
    const p = Number(pace.value);
    if (p >= 60 && p <= 600) changed(p);
  });
  const setPace = (p: number) => {
    pace.value = String(p);
    localStorage.setItem(PACE_KEY, pace.value);
    if (last) update(last);
  };
  const extension: Extension = EditorView.updateListener.of((u) => {
    if (u.docChanged || u.selectionSet) update(u.state);
  });
  const current = () => Number(pace.value) || DEFAULT_PACE;
  return { elements: [count, time, selection, paceLabel], extension, update, pace: current, setPace };
}
