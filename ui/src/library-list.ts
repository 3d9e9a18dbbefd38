// The library list (the left pane when the search box is empty): every speech, narrowed and
// sorted by the filter bar, and reloaded after imports, edits and removals.
import { api, type SpeechSummary } from "./api";
import { el } from "./dom";
import { formatChars, formatDate } from "./format";
import { filterList, type ListFilter } from "./listfilter";
import { tr } from "./i18n";
import { SPEECH_KINDS } from "./generated/ipc";
import type { Pane } from "./pane";
import { meta, opensOnActivate, showError, ui } from "./workspace";
import { openSpeech } from "./reader";
import { virtualList, type VirtualList } from "./virtual-list";

/** Every speech of the library, as last loaded. */
export let libraryRows: SpeechSummary[] = [];

const yearOf = (input: HTMLInputElement) => (input.value ? Number(input.value) : null);

/** The list filters as they stand in the filter bar. */
export function listFilter(): ListFilter {
  return {
    yearFrom: yearOf(ui.yearFrom),
    yearTo: yearOf(ui.yearTo),
    kind: ui.kind.value,
    speaker: ui.speaker.value.trim(),
    tag: ui.tag.value.trim(),
    sort: ui.sort.value === "title" ? "title" : "date",
  };
}

/** The 素材库 pane: the search box, the filter bar, and the list or the search hits. */
export function libraryPane(): Pane {
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
  ui.results.hidden = true;
  const pane = el("div", { id: "library-pane", class: "bank-pane" });
  pane.append(ui.search, filters, ui.searchStatus, ui.years, ui.list, ui.results);
  // The list is reloaded whenever the library changes, so there is nothing to load on show.
  return { tab: "tab-library", name: tr("素材库"), element: pane, shown: () => redrawLibrary() };
}

/** The speech last opened from the list (its row stays marked as it scrolls in and out). */
let activeId: number | null = null;

function speechRow(s: SpeechSummary): HTMLElement {
  const item = el("li", { "data-id": String(s.id), tabindex: "0", title: s.title });
  if (s.id === activeId) item.classList.add("active");
  item.append(
    el("div", { class: "title" }, s.title),
    el("div", { class: "meta" }, meta([formatDate(s.date), s.speaker, s.kind, formatChars(s.chars), s.tags.join("、")])),
  );
  return opensOnActivate(ui.list, item, () => {
    activeId = s.id;
    void openSpeech(s.id);
  });
}

let rows: VirtualList<SpeechSummary> | null = null;

/** Shows the library list narrowed and sorted by the filter bar (only the rows in view are
 * drawn, however large the library). */
export function renderLibrary(all: SpeechSummary[]) {
  libraryRows = all;
  const shown = filterList(all, listFilter());
  ui.searchStatus.textContent = shown.length === all.length ? "" : tr("{n} 篇", { n: shown.length });
  rows ??= virtualList(ui.list, speechRow);
  rows.set(shown);
}

/** Draws the list's rows in view again (after the pane was hidden). */
export function redrawLibrary() {
  rows?.refresh();
}

export async function refreshLibrary() {
  try {
    const [info, rows] = await Promise.all([api.libraryInfo(), api.libraryList()]);
    ui.status.textContent = info.read_only
      ? tr("共 {n} 篇 · 只读素材库，可查看和搜索，不能修改 · {dir}", { n: info.speeches, dir: info.dir })
      : tr("共 {n} 篇 · {dir}", { n: info.speeches, dir: info.dir });
    renderLibrary(rows);
  } catch (e) {
    showError(ui.reader, e);
  }
}
