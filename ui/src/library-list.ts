// The library list (the left pane when the search box is empty): every speech, narrowed and
// sorted by the filter bar, and reloaded after imports, edits and removals.
import { api, type SpeechSummary } from "./api";
import { el } from "./dom";
import { formatChars, formatDate } from "./format";
import { filterList, type ListFilter } from "./listfilter";
import { tr } from "./i18n";
import { meta, opensOnActivate, showError, ui } from "./workspace";
import { openSpeech } from "./reader";

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

export function renderLibrary(rows: SpeechSummary[]) {
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

export async function refreshLibrary() {
  try {
    const [info, rows] = await Promise.all([api.libraryInfo(), api.libraryList()]);
    ui.status.textContent = tr("共 {n} 篇 · {dir}", { n: info.speeches, dir: info.dir });
    renderLibrary(rows);
  } catch (e) {
    showError(ui.reader, e);
  }
}
