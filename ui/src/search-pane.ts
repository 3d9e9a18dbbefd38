// Search from the library pane: phrase, keywords or pattern as the writer types, with the filter
// bar; hits with snippets, opened at their matches, and their snippet, sentence or paragraph
// inserted into the open draft (or copied).
import { api, asAppError, type IndexNotice, type SearchHit, type SearchRequest } from "./api";
import { latest, STALE } from "./latest";
import { decodeEntities, el, snippetNodes } from "./dom";
import { formatDate } from "./format";
import { paragraphAt, sentenceAt, snippetText } from "./passages";
import { tr } from "./i18n";
import { meta, opensOnActivate, ui, useText, writer } from "./workspace";
import { openSpeech } from "./reader";
import { libraryRows, listFilter, renderLibrary } from "./library-list";
import { drawYearChart, SERIES_COLOURS, type Measure } from "./year-chart";

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

/** Hits per page: the first page on each search, the next as the writer scrolls to the end. */
const PAGE = 50;

function hitRows(hits: SearchHit[]): HTMLElement[] {
  return hits.map((h) => {
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
    });
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

/** The search on screen: its request, hits shown so far and the whole count. */
let current: { request: SearchRequest; shown: number; total: number; status: string } | null = null;
const newest = latest();
let loadingMore = false;

export async function runSearch() {
  watchScroll();
  const query = ui.search.value.trim();
  const searching = query.length > 0;
  ui.list.hidden = searching;
  ui.results.hidden = !searching;
  if (!searching) {
    // No query: the filters narrow the library list itself.
    newest.cancel();
    yearsNewest.cancel();
    ui.years.hidden = true;
    current = null;
    renderLibrary(libraryRows);
    return;
  }
  // The same filter bar as the library list, read in one place.
  const f = listFilter();
  const request: SearchRequest = {
    query,
    pattern: false,
    limit: PAGE,
    offset: 0,
    year_from: f.yearFrom,
    year_to: f.yearTo,
    kind: f.kind || null,
    speaker: f.speaker || null,
    tag: f.tag || null,
    sort: ui.sort.value === "date" ? "date" : "relevance",
  };
  try {
    const r = await newest(api.search(request));
    if (r === STALE) return; // a newer search is on its way
    lastQuery = query;
    const found = tr("{mode}检索：{n} 篇", { mode: MODE_NAMES[r.mode], n: r.total });
    current = { request, shown: r.hits.length, total: r.total, status: r.notice ? `${found} · ${noticeText(r.notice)}` : found };
    ui.searchStatus.classList.toggle("warning", r.notice !== null);
    ui.searchStatus.classList.remove("error");
    ui.results.replaceChildren(...hitRows(r.hits));
    ui.results.scrollTop = 0;
    showCount();
    void drawYears(request);
  } catch (e) {
    ui.searchStatus.textContent = asAppError(e).message;
    ui.searchStatus.classList.add("error");
    ui.results.replaceChildren();
  }
}

/** "句式检索：9,999 篇 · 显示 50 篇", and a button for the next page while there is one. */
function showCount() {
  if (!current) return;
  const { shown, total, status } = current;
  ui.searchStatus.textContent = shown < total ? `${status} · ${tr("显示 {shown} 篇，向下滚动看更多", { shown })}` : status;
  ui.results.querySelector("li.more")?.remove();
  if (shown < total) {
    const more = el("li", { class: "more", tabindex: "0" }, tr("再显示 {n} 篇", { n: Math.min(PAGE, total - shown) }));
    more.addEventListener("click", () => void loadMore());
    more.addEventListener("keydown", (ev) => ev.key === "Enter" && void loadMore());
    ui.results.append(more);
  }
}

/** Appends the next page of the search on screen. */
async function loadMore() {
  if (!current || loadingMore || current.shown >= current.total) return;
  const page = current;
  loadingMore = true;
  try {
    const r = await newest(api.search({ ...page.request, offset: page.shown }));
    if (r === STALE || current !== page) return;
    page.shown += r.hits.length;
    page.total = r.total;
    ui.results.querySelector("li.more")?.remove();
    ui.results.append(...hitRows(r.hits));
    if (r.hits.length === 0) page.shown = page.total;
    showCount();
  } catch (e) {
    ui.searchStatus.textContent = asAppError(e).message;
    ui.searchStatus.classList.add("error");
  } finally {
    loadingMore = false;
  }
}

/** The next page comes as the writer nears the end of the hits (set up on the first search:
 * `ui` is not there yet while the modules load). */
let watching = false;
function watchScroll() {
  if (watching) return;
  watching = true;
  ui.results.addEventListener("scroll", () => {
    const r = ui.results;
    if (r.scrollTop + r.clientHeight > r.scrollHeight - 400) void loadMore();
  });
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

const yearsNewest = latest();
let yearsSetUp = false;
/** What the chart's bars measure, as the writer last chose. */
let measure: Measure = "speeches";

/** Other queries to compare with, as typed in 对比 (separated by 、 , ， or |). */
export function compareTerms(text: string): string[] {
  return text
    .split(/[、,，|｜]/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .slice(0, SERIES_COLOURS.length - 1);
}

/** The 按年份 chart of the search on screen (all years, the other filters as set), with the
 * queries typed in 对比 beside it. */
async function drawYears(base: SearchRequest) {
  if (!yearsSetUp) {
    yearsSetUp = true;
    let soon = 0;
    const redraw = () => {
      window.clearTimeout(soon);
      soon = window.setTimeout(() => current && void drawYears(current.request), 300);
    };
    // Terms count once the input method commits them.
    ui.compareTerms.addEventListener("input", (ev) => !(ev as InputEvent).isComposing && redraw());
    ui.compareTerms.addEventListener("compositionend", redraw);
  }
  const queries = [base.query, ...compareTerms(ui.compareTerms.value)];
  const asked = queries.map((query) =>
    api.byYear({ ...base, query, limit: 0, offset: 0, year_from: null, year_to: null }).catch(() => null),
  );
  const got = await yearsNewest(Promise.all(asked));
  if (got === STALE) return;
  const series = got.filter((s) => s !== null);
  const from = base.year_from;
  const to = base.year_to;
  const chart = drawYearChart(
    series,
    measure,
    (y) => (from !== null || to !== null) && (from === null || y >= from) && (to === null || y <= to),
    (year) => {
      ui.yearFrom.value = String(year);
      ui.yearTo.value = String(year);
      void runSearch();
    },
  );
  const legend = el("div", { class: "year-legend" });
  series.forEach((s, k) => {
    const undated = s.years.find((y) => y.year === null);
    const key = el("span", { class: "year-key" });
    key.style.setProperty("--key", SERIES_COLOURS[k % SERIES_COLOURS.length]);
    const total = s.years.reduce((n, y) => n + y.speeches, 0);
    key.textContent = undated
      ? tr("{query} {n} 篇（无日期 {u} 篇）", { query: s.query, n: total, u: undated.speeches })
      : tr("{query} {n} 篇", { query: s.query, n: total });
    legend.append(key);
  });
  const head = el("div", { class: "year-head" });
  const toggle = el("button", { type: "button", id: "year-measure", class: "link", title: tr("柱高按篇数或次数") }, measure === "speeches" ? tr("篇数") : tr("次数"));
  toggle.addEventListener("click", () => {
    measure = measure === "speeches" ? "matches" : "speeches";
    void drawYears(base);
  });
  head.append(el("span", { class: "meta" }, tr("按年份")), toggle, ui.compareTerms);
  ui.years.replaceChildren(head, chart, legend);
  ui.years.hidden = false;
}
