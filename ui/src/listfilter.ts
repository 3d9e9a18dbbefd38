// The library list's own filters, for when the search box is empty: the same year range, kind,
// speaker and tag filters as a search, applied to the list the window already holds.
import type { SpeechSummary } from "./api";

export interface ListFilter {
  yearFrom: number | null;
  yearTo: number | null;
  kind: string;
  speaker: string;
  tag: string;
  /** "date": newest first (the library's order); "title": by title in pinyin order. */
  sort: "date" | "title";
}

export function filterList(rows: SpeechSummary[], f: ListFilter): SpeechSummary[] {
  const out = rows.filter(
    (s) =>
      (f.yearFrom === null || (s.year !== null && s.year >= f.yearFrom)) &&
      (f.yearTo === null || (s.year !== null && s.year <= f.yearTo)) &&
      (!f.kind || s.kind === f.kind) &&
      (!f.speaker || (s.speaker ?? "").includes(f.speaker)) &&
      (!f.tag || s.tags.includes(f.tag)),
  );
  if (f.sort === "title") out.sort((a, b) => byTitle.compare(a.title, b.title));
  return out;
}

/** One collator for every comparison: `localeCompare` with a locale builds one per call (10,000
 * titles took 390 ms to sort that way). */
const byTitle = new Intl.Collator("zh-CN");
