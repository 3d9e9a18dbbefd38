// The Gaoku window: library list and search on the left, the speech in the middle, its outline on
// the right. Imported text is untrusted: it only ever goes into textContent (see dom.ts).
import "./style.css";
import { SPEECH_KINDS } from "./generated/ipc";
import { installActions } from "./actions";
import { api, asAppError, type OutlineNode, type SearchHit, type Span, type SpeechSummary } from "./api";
import { confirmClick, copyText, decodeEntities, el, highlighted, later, snippetNodes } from "./dom";
import { formatChars, formatDate } from "./format";
import { setupImport } from "./importer";
import { phrasePane, templatePane, templateView } from "./bank";
import { speechToolbar } from "./edit";
import { installQuickSwitch } from "./quickswitch";
import { createWriter } from "./writer";
import { draftPane } from "./drafts";
import { createPalette } from "./palette";
import { paragraphAt, sentenceAt, snippetText, spansByParagraph } from "./passages";
import { exportMenu } from "./exporter";
import type { Template } from "./api";
import { lang, setLang, tr } from "./i18n";
import { filterList, type ListFilter } from "./listfilter";

/** Pause after typing in the year boxes before their search runs. */
const SEARCH_DELAY_MS = 150;

const ui = {
  status: el("span", { class: "status" }),
  search: el("input", {
    id: "search-box",
    type: "search",
    placeholder: tr("检索：原词、关键词或句式（一是…二是…）"),
    "aria-label": tr("检索"),
  }),
  yearFrom: el("input", { id: "year-from", type: "number", placeholder: tr("起始年"), "aria-label": tr("起始年份") }),
  yearTo: el("input", { id: "year-to", type: "number", placeholder: tr("截止年"), "aria-label": tr("截止年份") }),
  kind: el("select", { id: "search-kind", "aria-label": tr("类别") }),
  speaker: el("input", { id: "search-speaker", type: "search", placeholder: tr("讲话人"), "aria-label": tr("讲话人") }),
  tag: el("input", { id: "search-tag", type: "search", placeholder: tr("标签"), "aria-label": tr("标签") }),
  sort: el("select", { id: "search-sort", "aria-label": tr("排序") }),
  searchStatus: el("div", { id: "search-status", class: "search-status" }),
  list: el("ul", { class: "speech-list", id: "speech-list" }),
  results: el("ul", { class: "results", id: "results" }),
  reader: el("main", { class: "reader", id: "reader" }),
  outline: el("aside", { class: "outline", id: "outline" }),
};

const drafts = draftPane({ open: (id) => void openDraft(id) });
const writer = createWriter({
  changed: () => void drafts.refresh(),
  openPalette: () => palette.open(),
  closed: () => {
    showReader();
    ui.reader.replaceChildren(el("p", { class: "hint" }, tr("草稿已删除。")));
  },
});
const palette = createPalette((text) => void writer.insert(text));

/** The middle pane shows either a speech (reader) or the open draft (writer). */
function showReader() {
  writer.element.hidden = true;
  ui.reader.hidden = false;
}

async function openDraft(id: number) {
  try {
    ui.reader.hidden = true;
    writer.element.hidden = false;
    ui.outline.replaceChildren(writer.outline);
    await writer.open(id);
    if (ui.search.value.trim()) void runSearch();
  } catch (e) {
    showReader();
    showError(ui.reader, e);
  }
}

/** A template's parts as Markdown headings (from part `from` to the end of its section). */
function showTemplate(t: Template) {
  showReader();
  const view = templateView(t);
  const bar = el("div", { class: "toolbar" });
  const create = el("button", { type: "button", id: "template-new-draft" }, tr("用此模板新建草稿"));
  create.addEventListener("click", () => void drafts.create(t.name));
  bar.append(create);
  if (!t.builtin) {
    // The writer's own templates can be renamed and deleted (built-in ones cannot).
    const name = el("input", { type: "text", id: "template-name", "aria-label": tr("模板名称") });
    name.value = t.name;
    const rename = el("button", { type: "button", id: "template-rename" }, tr("重命名"));
    const remove = el("button", { type: "button", id: "template-delete" }, tr("删除模板"));
    const note = el("span", { class: "meta", role: "status" });
    rename.addEventListener("click", async () => {
      try {
        showTemplate(await api.renameTemplate(t.name, name.value.trim()));
        document.getElementById("template-pane")?.dispatchEvent(new Event("gaoku-show"));
      } catch (e) {
        note.textContent = asAppError(e).message;
      }
    });
    confirmClick(remove, async () => {
      try {
        await api.deleteTemplate(t.name);
        ui.reader.replaceChildren(el("p", { class: "hint" }, tr("模板已删除。")));
        document.getElementById("template-pane")?.dispatchEvent(new Event("gaoku-show"));
      } catch (e) {
        note.textContent = asAppError(e).message;
      }
    });
    bar.append(name, rename, remove, note);
  }
  if (writer.current() !== null) {
    const all = el("button", { type: "button", id: "template-insert" }, tr("整体插入当前草稿"));
    all.addEventListener("click", async () => {
      await openDraft(writer.current()!);
      await writer.insert(`\n${await api.templateMarkdown(t.name, 0, true)}`, "before-insert");
    });
    bar.append(all);
    // Each part can be inserted with its sub-parts.
    view[2].querySelectorAll<HTMLElement>(".part").forEach((row, i) => {
      const b = el("button", { type: "button", class: "part-insert", title: tr("把这一部分插入当前草稿") }, tr("插入"));
      b.addEventListener("click", async () => {
        await openDraft(writer.current()!);
        await writer.insert(`\n${await api.templateMarkdown(t.name, i, false)}`, "before-insert");
      });
      row.append(b);
    });
  }
  ui.reader.replaceChildren(bar, ...view);
  ui.outline.replaceChildren();
}

/** Inserts into the open draft, or copies when no draft is open. */
async function useText(text: string, label: HTMLElement) {
  if (writer.current() !== null && !writer.element.hidden) {
    await writer.insert(text);
  } else {
    await copyText(text);
    label.textContent = tr("已复制");
  }
}

function showError(target: HTMLElement, e: unknown) {
  target.replaceChildren(el("p", { class: "error", role: "alert" }, tr("出错了：{error}", { error: asAppError(e).message })));
}

function meta(parts: Array<string | null | undefined>): string {
  return parts.filter(Boolean).join(" · ");
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
  showReader();
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
    // One floating 复制 button follows the paragraph under the mouse (kept out of the text itself).
    const copy = el("button", { type: "button", class: "copy-para", id: "copy-para", title: tr("复制本段"), hidden: "" }, tr("复制"));
    let hovered = -1;
    body.addEventListener("mouseover", (ev) => {
      const p = (ev.target as HTMLElement).closest<HTMLElement>("p[data-para]");
      if (!p) return;
      hovered = Number(p.dataset.para);
      copy.hidden = false;
      copy.textContent = tr("复制");
      copy.style.top = `${p.offsetTop}px`;
    });
    copy.addEventListener("click", async () => {
      if (hovered < 0) return;
      await copyText(s.paragraphs[hovered]);
      copy.textContent = tr("已复制");
    });
    body.append(copy);
    const toolbar = speechToolbar(s, (removed) => {
      void refreshLibrary();
      if (removed) ui.reader.replaceChildren(el("p", { class: "hint" }, tr("已删除。")));
      else void openSpeech(id);
    }, (draftId) => {
      void drafts.refresh();
      void openDraft(draftId);
    });
    toolbar.append(exportMenu(() => ({ kind: "speech", id: s.id }), () => s.title));
    ui.reader.replaceChildren(
      toolbar,
      el("h1", {}, s.title),
      el("div", { class: "meta" }, meta([formatDate(s.date), s.speaker, s.kind, formatChars(s.chars), s.tags.join("、")])),
      body,
    );
    ui.outline.replaceChildren(el("h2", {}, tr("提纲")), renderOutline(outline.nodes));
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

const yearOf = (input: HTMLInputElement) => (input.value ? Number(input.value) : null);

/** The list filters as they stand in the filter bar. */
function listFilter(): ListFilter {
  return {
    yearFrom: yearOf(ui.yearFrom),
    yearTo: yearOf(ui.yearTo),
    kind: ui.kind.value,
    speaker: ui.speaker.value.trim(),
    tag: ui.tag.value.trim(),
    sort: ui.sort.value === "title" ? "title" : "date",
  };
}

function renderLibrary(rows: SpeechSummary[]) {
  libraryRows = rows;
  const shown = filterList(rows, listFilter());
  ui.searchStatus.textContent = shown.length === rows.length ? "" : tr("{n} 篇", { n: shown.length });
  ui.list.replaceChildren(
    ...shown.map((s) => {
      const item = el("li", { "data-id": String(s.id), tabindex: "0" });
      item.append(
        el("div", { class: "title" }, s.title),
        el("div", { class: "meta" }, meta([formatDate(s.date), s.speaker, s.kind, formatChars(s.chars), s.tags.join("、")])),
      );
      return opensOnActivate(ui.list, item, () => void openSpeech(s.id));
    }),
  );
}

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
async function runSearch() {
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
  const year = yearOf;
  try {
    const r = await api.search({
      query,
      limit: 50,
      year_from: year(ui.yearFrom),
      year_to: year(ui.yearTo),
      kind: ui.kind.value || null,
      speaker: ui.speaker.value.trim() || null,
      tag: ui.tag.value.trim() || null,
      sort: ui.sort.value === "date" ? "date" : "relevance",
    });
    if (seq !== searchSeq) return; // a newer search is on its way
    lastQuery = query;
    ui.searchStatus.textContent = tr("{mode}检索：{n} 篇", { mode: MODE_NAMES[r.mode], n: r.total });
    ui.searchStatus.classList.remove("error");
    renderHits(r.hits);
  } catch (e) {
    if (seq !== searchSeq) return;
    ui.searchStatus.textContent = asAppError(e).message;
    ui.searchStatus.classList.add("error");
    ui.results.replaceChildren();
  }
}

async function main() {
  document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  const app = document.getElementById("app")!;
  const header = el("header");
  const actions = el("span", { class: "actions" });
  // 中文 by default; English for colleagues who read it more easily. Switching reloads the window.
  const langButton = el("button", { type: "button", id: "lang-toggle", class: "lang" }, lang === "en" ? "中文" : "English");
  langButton.addEventListener("click", async () => {
    if (!(await writer.flush())) return;
    setLang(lang === "en" ? "zh" : "en");
  });
  header.append(el("strong", {}, tr("稿库")), el("span", { class: "sub" }, tr("素材库")), actions, ui.status, langButton);
  const importPanel = setupImport(actions, () => void refreshLibrary());
  const filters = el("div", { class: "filters" });
  ui.kind.append(el("option", { value: "" }, tr("全部类别")));
  // The kinds the core's import detects (generated from Rust), so the filter never misses one.
  for (const k of SPEECH_KINDS) ui.kind.append(el("option", { value: k }, tr(k)));
  ui.sort.append(
    el("option", { value: "relevance" }, tr("按相关度")),
    el("option", { value: "date" }, tr("按日期")),
    el("option", { value: "title" }, tr("按标题")),
  );
  filters.append(ui.yearFrom, el("span", {}, "—"), ui.yearTo, ui.kind, ui.sort, ui.speaker, ui.tag);
  const side = el("nav", { class: "side" });
  ui.results.hidden = true;
  const libraryPane = el("div", { id: "library-pane", class: "bank-pane" });
  libraryPane.append(ui.search, filters, ui.searchStatus, ui.list, ui.results);
  const hooks = {
    openAt: (speech: number, start: number, end: number) => void openSpeech(speech, [{ start, end }]),
    showTemplate,
  };
  const panes: Array<[string, string, HTMLElement]> = [
    ["tab-library", tr("素材库"), libraryPane],
    ["tab-phrases", tr("句式"), phrasePane(hooks)],
    ["tab-templates", tr("模板"), templatePane(hooks)],
    ["tab-drafts", tr("草稿"), drafts.pane],
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
  ui.reader.append(el("p", { class: "hint" }, tr("在左侧选择一篇讲话稿。")));
  writer.element.hidden = true;
  main.append(side, ui.reader, writer.element, ui.outline);
  const quick = installQuickSwitch(
    () => libraryRows,
    (id) => void openSpeech(id),
  );
  app.append(header, main, importPanel, quick, palette.element);
  const showDrafts = () => document.getElementById("tab-drafts")?.click();

  // Results as you type: a search runs at once; keystrokes during it coalesce into one more.
  let running = false;
  let again = false;
  const searchNow = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await runSearch();
    } finally {
      running = false;
      if (again) {
        again = false;
        void searchNow();
      }
    }
  };
  const searchSoon = later(() => void searchNow(), SEARCH_DELAY_MS).run;
  for (const input of [ui.search, ui.speaker, ui.tag]) {
    // Mid-composition text (pinyin) is not what the writer means: search when the IME commits.
    input.addEventListener("input", (ev) => !(ev as InputEvent).isComposing && void searchNow());
    input.addEventListener("compositionend", () => void searchNow());
  }
  for (const input of [ui.yearFrom, ui.yearTo]) input.addEventListener("input", searchSoon);
  for (const select of [ui.kind, ui.sort]) select.addEventListener("change", () => void searchNow());
  // Shortcuts and the menu bar read one table: an action behaves the same from either.
  const click = (id: string) => document.getElementById(id)?.click();
  const draftOpen = () => writer.current() !== null;
  const commands = installActions([
    { id: "import-files", run: () => click("import-files") },
    { id: "import-folder", run: () => click("import-folder") },
    {
      id: "new-draft",
      keys: { key: "n" },
      run: () => {
        showDrafts();
        void drafts.create(null);
      },
    },
    { id: "save-draft", keys: { key: "s" }, when: draftOpen, run: () => void writer.save() },
    { id: "insert-phrase", keys: { key: "k" }, when: draftOpen, run: () => palette.open() },
    {
      id: "search",
      keys: { key: "f", shift: true },
      run: () => {
        click("tab-library");
        ui.search.focus();
        ui.search.select();
      },
    },
    { id: "quick-switch", run: () => quick.dispatchEvent(new Event("gaoku-open")) },
    { id: "tab-library", run: () => click("tab-library") },
    { id: "tab-phrases", run: () => click("tab-phrases") },
    { id: "tab-templates", run: () => click("tab-templates") },
    { id: "tab-drafts", run: () => click("tab-drafts") },
    { id: "language", run: () => langButton.click() },
  ]);
  void api.onMenu((id) => commands.run(id));
  if (lang === "en") void api.menuLanguage(true);
  // A draft is never lost: the last edits are saved before the window closes.
  // When that save fails (disk full, library locked) the window stays open unless the writer
  // chooses to close anyway: the text is still in the editor to copy out.
  void api.beforeClose(
    async () => (await writer.flush()) || window.confirm(tr("草稿的最新修改未能保存。仍要关闭吗？未保存的文字将丢失。")),
  );
  await refreshLibrary();
  (ui.list.firstElementChild as HTMLElement | null)?.click();
}

async function refreshLibrary() {
  try {
    const [info, rows] = await Promise.all([api.libraryInfo(), api.libraryList()]);
    ui.status.textContent = tr("共 {n} 篇 · {dir}", { n: info.speeches, dir: info.dir });
    renderLibrary(rows);
  } catch (e) {
    showError(ui.reader, e);
  }
}

void main();
