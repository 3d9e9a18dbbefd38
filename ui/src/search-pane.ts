// Search from the library pane: phrase, keywords or pattern as the writer types, with the filter
// bar; hits with snippets, opened at their matches, and their snippet, sentence or paragraph
// inserted into the open draft (or copied).
import { api, asAppError, type IndexNotice, type SearchHit } from "./api";
import { decodeEntities, el, snippetNodes } from "./dom";
import { formatDate } from "./format";
import { paragraphAt, sentenceAt, snippetText } from "./passages";
import { tr } from "./i18n";
import { meta, opensOnActivate, ui, useText, writer } from "./workspace";
import { openSpeech } from "./reader";
import { libraryRows, listFilter, renderLibrary } from "./library-list";

let lastQuery = "";

/** Opens a hit's speech with every match of the query highlighted. */
async function openHit(h: SearchHit) {
  let spans = h.matches;
  try {
    spans = await api.speechMatches(h.id, lastQuery);
  } catch {
    // the first match is enough to open at
  }
  await openSpeech(h.id, spans);
}

function renderHits(hits: SearchHit[]) {
  ui.results.replaceChildren(
    ...hits.map((h) => {
      const item = el("li", { "data-id": String(h.id), tabindex: "0" });
      item.append(
        el("div", { class: "title" }, h.title),
        el("div", { class: "meta" }, meta([formatDate(h.date), tr("{n} 处", { n: h.match_count })])),
      );
      for (const s of h.snippets) {
        const p = el("p", { class: "snippet" });
        p.append(...snippetNodes(s));
        item.append(p);
      }
      item.append(hitActions(h));
      return opensOnActivate(ui.results, item, () => void openHit(h));
    }),
  );
}

/** Buttons under a hit: the snippet, sentence or paragraph of its first match, inserted into the
 * open draft or copied. */
function hitActions(h: SearchHit): HTMLElement {
  const writing = writer.current() !== null && !writer.element.hidden;
  const row = el("div", { class: "hit-actions" });
  const note = el("span", { class: "meta" }, writing ? tr("插入：") : tr("复制："));
  row.append(note);
  const piece = async (kind: "snippet" | "sentence" | "paragraph"): Promise<string> => {
    if (kind === "snippet") return snippetText(h.snippets[0] ?? "", decodeEntities);
    const s = await api.speech(h.id);
    const at = paragraphAt(s.paragraphs, h.matches[0]?.start ?? 0);
    if (!at) return "";
    return kind === "paragraph" ? at.text : sentenceAt(at.text, (h.matches[0]?.start ?? 0) - at.start);
  };
  for (const [kind, label] of [["snippet", tr("片段")], ["sentence", tr("句子")], ["paragraph", tr("段落")]] as const) {
    const b = el("button", { type: "button", class: `use-${kind}` }, label);
    b.addEventListener("click", async (ev) => {
      ev.stopPropagation();
      try {
        await useText(await piece(kind), note);
      } catch (e) {
        note.textContent = asAppError(e).message;
      }
    });
    row.append(b);
  }
  return row;
}

const MODE_NAMES = { phrase: tr("原词"), keywords: tr("关键词"), pattern: tr("句式") } as const;

let searchSeq = 0;
export async function runSearch() {
  const query = ui.search.value.trim();
  const searching = query.length > 0;
  ui.list.hidden = searching;
  ui.results.hidden = !searching;
  if (!searching) {
    // No query: the filters narrow the library list itself.
    ++searchSeq;
    renderLibrary(libraryRows);
    return;
  }
  const seq = ++searchSeq;
  // The same filter bar as the library list, read in one place.
  const f = listFilter();
  try {
    const r = await api.search({
      query,
      limit: 50,
      year_from: f.yearFrom,
      year_to: f.yearTo,
      kind: f.kind || null,
      speaker: f.speaker || null,
      tag: f.tag || null,
      sort: ui.sort.value === "date" ? "date" : "relevance",
    });
    if (seq !== searchSeq) return; // a newer search is on its way
    lastQuery = query;
    const found = tr("{mode}检索：{n} 篇", { mode: MODE_NAMES[r.mode], n: r.total });
    ui.searchStatus.textContent = r.notice ? `${found} · ${noticeText(r.notice)}` : found;
    ui.searchStatus.classList.toggle("warning", r.notice !== null);
    ui.searchStatus.classList.remove("error");
    renderHits(r.hits);
  } catch (e) {
    if (seq !== searchSeq) return;
    ui.searchStatus.textContent = asAppError(e).message;
    ui.searchStatus.classList.add("error");
    ui.results.replaceChildren();
  }
}

/** Why these results may miss the latest changes (the index stayed behind). */
function noticeText(n: IndexNotice): string {
  switch (n.code) {
    case "busy":
      return tr("另一个稿库窗口或命令正在更新索引，最近 {n} 处改动暂未检索", { n: n.params.changes });
    case "behind":
      return tr("索引未能更新（{why}），最近 {n} 处改动未被检索；请腾出磁盘空间后再搜", {
        n: n.params.changes,
        why: n.params.why,
      });
  }
}
