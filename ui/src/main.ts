// The Gaoku window: library list and search on the left, the speech in the middle, its outline on
// the right. Imported text is untrusted: it only ever goes into textContent (see dom.ts).
import "./style.css";
import { api, asAppError, type OutlineNode, type SearchHit, type Span, type SpeechSummary } from "./api";
import { el, highlighted, snippetNodes } from "./dom";
import { formatChars, formatDate } from "./format";
import { setupImport } from "./importer";
import { phrasePane, templatePane, templateView } from "./bank";
import { speechToolbar } from "./edit";
import { installQuickSwitch } from "./quickswitch";

const SEARCH_DELAY_MS = 120;

const ui = {
  status: el("span", { class: "status" }),
  search: el("input", {
    id: "search-box",
    type: "search",
    placeholder: "检索：原词、关键词或句式（一是…二是…）",
    "aria-label": "检索",
  }),
  yearFrom: el("input", { id: "year-from", type: "number", placeholder: "起始年", "aria-label": "起始年份" }),
  yearTo: el("input", { id: "year-to", type: "number", placeholder: "截止年", "aria-label": "截止年份" }),
  kind: el("select", { id: "search-kind", "aria-label": "类别" }),
  sort: el("select", { id: "search-sort", "aria-label": "排序" }),
  searchStatus: el("div", { id: "search-status", class: "search-status" }),
  list: el("ul", { class: "speech-list", id: "speech-list" }),
  results: el("ul", { class: "results", id: "results" }),
  reader: el("main", { class: "reader", id: "reader" }),
  outline: el("aside", { class: "outline", id: "outline" }),
};

function showError(target: HTMLElement, e: unknown) {
  target.replaceChildren(el("p", { class: "error", role: "alert" }, `出错了：${asAppError(e).message}`));
}

function meta(parts: Array<string | null | undefined>): string {
  return parts.filter(Boolean).join(" · ");
}

/** Splits speech-wide match spans into per-paragraph spans. */
function spansByParagraph(paragraphs: string[], matches: Span[]): Map<number, Array<[number, number]>> {
  const out = new Map<number, Array<[number, number]>>();
  let offset = 0;
  let m = 0;
  paragraphs.forEach((p, i) => {
    const len = Array.from(p).length;
    while (m < matches.length && matches[m].start < offset + len) {
      const s = matches[m];
      const list = out.get(i) ?? [];
      list.push([s.start - offset, Math.min(s.end, offset + len) - offset]);
      out.set(i, list);
      m++;
    }
    offset += len + 1;
  });
  return out;
}

function renderOutline(nodes: OutlineNode[]): HTMLElement {
  const list = el("ul");
  for (const n of nodes) {
    const item = el("li", { class: `${n.kind} level-${n.level}` });
    const link = el("button", { type: "button", "data-para": String(n.para) }, `${n.marker}${n.title}`);
    link.addEventListener("click", () => {
      ui.reader.querySelector(`p[data-para="${n.para}"]`)?.scrollIntoView({ block: "start" });
    });
    item.append(link);
    if (n.children.length) item.append(renderOutline(n.children));
    list.append(item);
  }
  return list;
}

async function openSpeech(id: number, matches: Span[] = []) {
  try {
    const [s, outline] = await Promise.all([api.speech(id), api.outline(id)]);
    const marks = spansByParagraph(s.paragraphs, matches);
    const body = el("article", { class: "speech-text" });
    s.paragraphs.forEach((p, i) => {
      const para = el("p", { "data-para": String(i) });
      const spans = marks.get(i);
      if (spans) para.append(...highlighted(p, spans));
      else para.textContent = p;
      body.append(para);
    });
    const toolbar = speechToolbar(s, (removed) => {
      void refreshLibrary();
      if (removed) ui.reader.replaceChildren(el("p", { class: "hint" }, "已删除。"));
      else void openSpeech(id);
    });
    ui.reader.replaceChildren(
      toolbar,
      el("h1", {}, s.title),
      el("div", { class: "meta" }, meta([formatDate(s.date), s.speaker, s.kind, formatChars(s.chars), s.tags.join("、")])),
      body,
    );
    ui.outline.replaceChildren(el("h2", {}, "提纲"), renderOutline(outline.nodes));
    const first = ui.reader.querySelector("mark.hit");
    if (first) first.scrollIntoView({ block: "center" });
    else ui.reader.scrollTop = 0;
  } catch (e) {
    showError(ui.reader, e);
  }
}

/** Makes a list item open something on click or Enter, marking it as the active one. */
function opensOnActivate(list: HTMLElement, item: HTMLElement, open: () => void): HTMLElement {
  const activate = () => {
    list.querySelectorAll("li.active").forEach((n) => n.classList.remove("active"));
    item.classList.add("active");
    open();
  };
  item.addEventListener("click", activate);
  item.addEventListener("keydown", (ev) => ev.key === "Enter" && activate());
  return item;
}

let libraryRows: SpeechSummary[] = [];

function renderLibrary(rows: SpeechSummary[]) {
  libraryRows = rows;
  ui.list.replaceChildren(
    ...rows.map((s) => {
      const item = el("li", { "data-id": String(s.id), tabindex: "0" });
      item.append(
        el("div", { class: "title" }, s.title),
        el("div", { class: "meta" }, meta([formatDate(s.date), s.speaker, s.kind, formatChars(s.chars)])),
      );
      return opensOnActivate(ui.list, item, () => void openSpeech(s.id));
    }),
  );
}

function renderHits(hits: SearchHit[]) {
  ui.results.replaceChildren(
    ...hits.map((h) => {
      const item = el("li", { "data-id": String(h.id), tabindex: "0" });
      item.append(
        el("div", { class: "title" }, h.title),
        el("div", { class: "meta" }, meta([formatDate(h.date), `${h.match_count} 处`])),
      );
      for (const s of h.snippets) {
        const p = el("p", { class: "snippet" });
        p.append(...snippetNodes(s));
        item.append(p);
      }
      return opensOnActivate(ui.results, item, () => void openSpeech(h.id, h.matches));
    }),
  );
}

const MODE_NAMES = { phrase: "原词", keywords: "关键词", pattern: "句式" } as const;

let searchSeq = 0;
async function runSearch() {
  const query = ui.search.value.trim();
  const searching = query.length > 0;
  ui.list.hidden = searching;
  ui.results.hidden = !searching;
  if (!searching) {
    ui.searchStatus.textContent = "";
    return;
  }
  const seq = ++searchSeq;
  const year = (input: HTMLInputElement) => (input.value ? Number(input.value) : null);
  try {
    const r = await api.search({
      query,
      limit: 50,
      year_from: year(ui.yearFrom),
      year_to: year(ui.yearTo),
      kind: ui.kind.value || null,
      sort: ui.sort.value === "date" ? "date" : "relevance",
    });
    if (seq !== searchSeq) return; // a newer search is on its way
    ui.searchStatus.textContent = `${MODE_NAMES[r.mode]}检索：${r.total} 篇`;
    ui.searchStatus.classList.remove("error");
    renderHits(r.hits);
  } catch (e) {
    if (seq !== searchSeq) return;
    ui.searchStatus.textContent = asAppError(e).message;
    ui.searchStatus.classList.add("error");
    ui.results.replaceChildren();
  }
}

function debounce(f: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(f, ms);
  };
}

async function main() {
  const app = document.getElementById("app")!;
  const header = el("header");
  const actions = el("span", { class: "actions" });
  header.append(el("strong", {}, "稿库"), el("span", { class: "sub" }, "素材库"), actions, ui.status);
  const importPanel = setupImport(actions, () => void refreshLibrary());
  const filters = el("div", { class: "filters" });
  ui.kind.append(el("option", { value: "" }, "全部类别"));
  for (const k of ["讲话", "报告", "总结", "致辞", "发言", "决议", "汇报"]) ui.kind.append(el("option", { value: k }, k));
  ui.sort.append(el("option", { value: "relevance" }, "按相关度"), el("option", { value: "date" }, "按日期"));
  filters.append(ui.yearFrom, el("span", {}, "—"), ui.yearTo, ui.kind, ui.sort);
  const side = el("nav", { class: "side" });
  ui.results.hidden = true;
  const libraryPane = el("div", { id: "library-pane", class: "bank-pane" });
  libraryPane.append(ui.search, filters, ui.searchStatus, ui.list, ui.results);
  const hooks = {
    openAt: (speech: number, start: number, end: number) => void openSpeech(speech, [{ start, end }]),
    showTemplate: (t: Parameters<typeof templateView>[0]) => {
      ui.reader.replaceChildren(...templateView(t));
      ui.outline.replaceChildren();
    },
  };
  const panes: Array<[string, string, HTMLElement]> = [
    ["tab-library", "素材库", libraryPane],
    ["tab-phrases", "句式", phrasePane(hooks)],
    ["tab-templates", "模板", templatePane(hooks)],
  ];
  const tabs = el("div", { class: "tabs", role: "tablist" });
  for (const [id, name, pane] of panes) {
    const tab = el("button", { type: "button", id, role: "tab" }, name);
    tab.addEventListener("click", () => {
      for (const [otherId, , other] of panes) {
        other.hidden = other !== pane;
        document.getElementById(otherId)?.classList.toggle("active", other === pane);
      }
      pane.dispatchEvent(new Event("gaoku-show"));
    });
    tabs.append(tab);
    pane.hidden = pane !== libraryPane;
  }
  tabs.firstElementChild?.classList.add("active");
  side.append(tabs, ...panes.map(([, , pane]) => pane));
  const main = el("div", { class: "panes" });
  ui.reader.append(el("p", { class: "hint" }, "在左侧选择一篇讲话稿。"));
  main.append(side, ui.reader, ui.outline);
  const quick = installQuickSwitch(
    () => libraryRows,
    (id) => void openSpeech(id),
  );
  app.append(header, main, importPanel, quick);

  const later = debounce(() => void runSearch(), SEARCH_DELAY_MS);
  for (const input of [ui.search, ui.yearFrom, ui.yearTo]) input.addEventListener("input", later);
  for (const select of [ui.kind, ui.sort]) select.addEventListener("change", later);
  document.addEventListener("keydown", (ev) => {
    if (ev.ctrlKey && ev.shiftKey && ev.key.toLowerCase() === "f") {
      ev.preventDefault();
      ui.search.focus();
      ui.search.select();
    }
  });

  await refreshLibrary();
  (ui.list.firstElementChild as HTMLElement | null)?.click();
}

async function refreshLibrary() {
  try {
    const [info, rows] = await Promise.all([api.libraryInfo(), api.libraryList()]);
    ui.status.textContent = `共 ${info.speeches} 篇 · ${info.dir}`;
    renderLibrary(rows);
  } catch (e) {
    showError(ui.reader, e);
  }
}

void main();
