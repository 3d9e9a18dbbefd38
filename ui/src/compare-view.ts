// 对比: two texts side by side — last year's speech and this year's, a speech and the draft, a
// draft and one of its revisions. Paragraphs are paired by content wherever they stand; a
// rewritten pair shows its dropped wording on the left and its new wording on the right, a
// paragraph only on one side is marked 新增 or 删去, one that changed place 调整位置; the summary
// says how much was kept, added and dropped.
import { api, asAppError, type Comparison, type CompareWith, type DiffPart } from "./api";
import { el } from "./dom";
import { tr } from "./i18n";
import { showPage, ui } from "./workspace";

/** A pair's wording for one side: what both have, plus what only this side has, marked. */
export function sideParts(diff: DiffPart[], side: "left" | "right"): Array<{ text: string; marked: boolean }> {
  const own = side === "left" ? "removed" : "added";
  return diff.filter((d) => d.op === "same" || d.op === own).map((d) => ({ text: d.text, marked: d.op === own }));
}

function cell(text: string | null, cls: string, parts?: Array<{ text: string; marked: boolean }>): HTMLElement {
  const td = el("div", { class: `compare-cell ${cls}` });
  if (text === null) return td;
  if (parts) {
    for (const p of parts) td.append(p.marked ? el("mark", { class: cls === "left" ? "dropped" : "added" }, p.text) : document.createTextNode(p.text));
  } else {
    td.textContent = text;
  }
  return td;
}

/** The summary line of a comparison. */
export function summaryText(c: Comparison): string {
  const s = c.summary;
  return tr("相同 {same} 段，改写 {changed} 段，调整位置 {moved} 段，新增 {added} 段，删去 {dropped} 段 · 按字数：未改 {unchanged}，新增 {addedChars}，删去 {droppedChars}", {
    same: s.same_paragraphs,
    changed: s.changed_paragraphs,
    moved: s.moved_paragraphs,
    added: s.new_paragraphs,
    dropped: s.dropped_paragraphs,
    unchanged: s.unchanged,
    addedChars: s.added,
    droppedChars: s.dropped,
  });
}

export async function showCompare(left: CompareWith, right: CompareWith): Promise<void> {
  showPage();
  ui.reader.replaceChildren(el("p", { class: "hint" }, tr("正在对比…")));
  let c: Comparison;
  try {
    c = await api.compare(left, right);
  } catch (e) {
    ui.reader.replaceChildren(el("p", { class: "error" }, asAppError(e).message));
    return;
  }
  const swap = el("button", { type: "button", id: "compare-swap" }, tr("左右互换"));
  swap.addEventListener("click", () => void showCompare(right, left));
  const onlyChanges = el("input", { type: "checkbox", id: "compare-only-changes" });
  const onlyLabel = el("label", { class: "compare-toggle" });
  onlyLabel.append(onlyChanges, document.createTextNode(tr("只看改动")));
  const grid = el("div", { class: "compare-grid", id: "compare-grid" });
  grid.append(el("div", { class: "compare-head" }, c.left.title), el("div", { class: "compare-head" }, c.right.title));
  for (const row of c.rows) {
    const pair = row.pair === null ? null : c.pairs[row.pair];
    let kind: string;
    let l: HTMLElement;
    let r: HTMLElement;
    if (pair) {
      kind = pair.diff.length === 0 ? "same" : "changed";
      l = cell(c.left.paragraphs[pair.left], "left", kind === "changed" ? sideParts(pair.diff, "left") : undefined);
      r = cell(c.right.paragraphs[pair.right], "right", kind === "changed" ? sideParts(pair.diff, "right") : undefined);
      if (pair.moved) r.prepend(el("span", { class: "compare-badge moved" }, tr("调整位置")));
    } else if (row.right !== null) {
      kind = "new";
      l = cell(null, "left");
      r = cell(c.right.paragraphs[row.right], "right");
      r.prepend(el("span", { class: "compare-badge new" }, tr("新增")));
    } else {
      kind = "dropped";
      l = cell(c.left.paragraphs[row.left ?? 0], "left");
      l.prepend(el("span", { class: "compare-badge dropped" }, tr("删去")));
      r = cell(null, "right");
    }
    const line = el("div", { class: `compare-row ${kind}`, "data-kind": kind });
    line.append(l, r);
    grid.append(line);
  }
  onlyChanges.addEventListener("change", () => grid.classList.toggle("only-changes", onlyChanges.checked));
  const bar = el("div", { class: "backup-row" });
  bar.append(swap, onlyLabel);
  ui.reader.replaceChildren(
    el("h1", {}, tr("对比")),
    el("p", { class: "meta", id: "compare-summary" }, summaryText(c)),
    bar,
    grid,
  );
  ui.reader.scrollTop = 0;
}
