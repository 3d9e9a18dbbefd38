// 相似段落: beside the draft, the library paragraphs closest to the paragraph at the cursor, found
// again after the cursor rests in another paragraph; the shared wording highlighted, with 插入
// (put it in the draft at the cursor) and 打开 (the speech, at that paragraph).
import type { Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { api, asAppError, type SimilarHit } from "./api";
import { el, highlighted, later } from "./dom";
import { tr } from "./i18n";
import { latest, STALE } from "./latest";

const SIMILAR_MS = 600;
/** Paragraphs shorter than this (characters) are not looked up. */
const MIN_CHARS = 12;

/** The paragraph around the cursor: the block of non-empty lines, Markdown heading marks removed. */
function paragraphAt(v: EditorView): string {
  const doc = v.state.doc;
  const line = doc.lineAt(v.state.selection.main.head);
  if (!line.text.trim()) return "";
  let first = line.number;
  let last = line.number;
  while (first > 1 && doc.line(first - 1).text.trim()) first--;
  while (last < doc.lines && doc.line(last + 1).text.trim()) last++;
  const lines: string[] = [];
  for (let n = first; n <= last; n++) lines.push(doc.line(n).text.replace(/^#+\s*/, "").trim());
  return lines.join("");
}

export interface SimilarHooks {
  insert: (text: string) => void;
  open: (id: number, start: number, end: number) => void;
}

/** The 相似段落 panel (`element`) and the extension that follows the cursor of `view()`. */
export function similarPassages(view: () => EditorView, hooks: SimilarHooks) {
  const element = el("section", { class: "similar", id: "similar-panel" });
  const list = el("ol", { class: "similar-list", id: "similar-list" });
  element.append(el("h2", {}, tr("相似段落")), list);
  let last = "";
  const newest = latest();

  const item = (h: SimilarHit) => {
    const li = el("li", { "data-id": String(h.id), "data-para": String(h.para) });
    const meta = el("div", { class: "meta" }, `${h.title}${h.date ? ` · ${h.date}` : ""} · ${Math.round(h.score * 100)}%`);
    const text = el("p", { class: "similar-text" });
    text.append(...highlighted(h.text, h.shared));
    const insert = el("button", { type: "button", class: "similar-insert" }, tr("插入"));
    const open = el("button", { type: "button", class: "similar-open" }, tr("打开"));
    insert.addEventListener("click", () => hooks.insert(`${h.text}\n`));
    const end = h.offset + Array.from(h.text).length;
    open.addEventListener("click", () => hooks.open(h.id, h.offset, end));
    const bar = el("div", { class: "hit-actions" });
    bar.append(insert, open);
    li.append(meta, text, bar);
    return li;
  };

  const update = later(async () => {
    const para = paragraphAt(view());
    if (para === last) return;
    last = para;
    if (Array.from(para).length < MIN_CHARS) {
      newest.cancel();
      list.replaceChildren(el("li", { class: "hint" }, tr("光标所在段落较短，未查找。")));
      return;
    }
    try {
      const hits = await newest(api.similar(para, 5));
      if (hits === STALE) return;
      list.replaceChildren(...(hits.length ? hits.map(item) : [el("li", { class: "hint" }, tr("素材库中没有相似的段落。"))]));
    } catch (e) {
      list.replaceChildren(el("li", { class: "error" }, asAppError(e).message));
    }
  }, SIMILAR_MS);

  const extension: Extension = EditorView.updateListener.of((u) => {
    if (u.selectionSet || u.docChanged) update.run();
  });
  return {
    element,
    extension,
    reset: () => {
      last = "";
      list.replaceChildren();
      update.run();
    },
  };
}
