// The draft's outline in the side pane (一、（一）1.… and 一是… found by the core's parser), kept
// current as the writer types; a click jumps to the line.
import type { Extension } from "@codemirror/state";
import { EditorSelection } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { committedDoc } from "./autosave";
import { api, asAppError, type OutlineNode } from "./api";
import { speakingTime } from "./count";
import { el, later } from "./dom";
import { tr } from "./i18n";

/**
 * 字数 of each top-level part: from its heading's paragraph to the next top-level heading's (the
 * last part to the end), by the paragraphs' counts `chars`.
 */
export function partChars(nodes: Array<{ para: number }>, chars: number[]): number[] {
  return nodes.map((n, i) => {
    const end = i + 1 < nodes.length ? nodes[i + 1].para : chars.length;
    let sum = 0;
    for (let p = n.para; p < end; p++) sum += chars[p] ?? 0;
    return sum;
  });
}

const OUTLINE_MS = 250;

/** The outline pane (`element`) of the editor `view()`, its extension and `render`. */
export function draftOutline(view: () => EditorView, pace: () => number) {
  const element = el("div", { id: "draft-outline" });

  const jumpToLine = (line: number) => {
    const v = view();
    const l = v.state.doc.line(Math.min(line + 1, v.state.doc.lines));
    v.dispatch({
      selection: EditorSelection.cursor(l.from),
      effects: EditorView.scrollIntoView(l.from, { y: "start" }),
    });
    v.focus();
  };

  const render = later(async () => {
    try {
      const o = await api.draftOutline(committedDoc(view()));
      // Each top-level part says how long it takes to speak, at the status bar's pace.
      const top = o.outline.nodes.filter((n) => n.kind === "heading");
      const times = new Map(partChars(top, o.chars).map((n, i) => [top[i], n]));
      const list = (nodes: OutlineNode[]): HTMLElement => {
        const ul = el("ul");
        for (const n of nodes) {
          const li = el("li", { class: `${n.kind} level-${n.level}` });
          const b = el("button", { type: "button", "data-line": String(o.lines[n.para]) }, `${n.marker}${n.title}`);
          b.addEventListener("click", () => jumpToLine(o.lines[n.para]));
          li.append(b);
          const n1 = times.get(n);
          if (n1 !== undefined) li.append(el("span", { class: "part-time", title: tr("{n} 字", { n: n1 }) }, speakingTime(n1, pace())));
          if (n.children.length) li.append(list(n.children));
          ul.append(li);
        }
        return ul;
      };
      element.replaceChildren(el("h2", {}, tr("草稿提纲")), list(o.outline.nodes));
    } catch (e) {
      element.replaceChildren(el("p", { class: "error" }, asAppError(e).message));
    }
  }, OUTLINE_MS);

  const extension: Extension = EditorView.updateListener.of((u) => {
    if (u.docChanged) render.run();
  });
  return { element, extension, render: () => render.run() };
}
