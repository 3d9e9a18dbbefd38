// 按年份: how a query's use spreads over the years, as a small bar chart under the search box —
// one bar per year and query (a second query typed in 对比 draws its own bars beside), each bar's
// numbers in its title and label (plain SVG: the numbers are in the DOM), a click on a bar narrows
// the search to that year.
import type { YearCounts } from "./api";
import { tr } from "./i18n";

const SVG = "http://www.w3.org/2000/svg";
/** Bar colours of the first, second, … query. */
export const SERIES_COLOURS = ["#9b2c2c", "#2c5f9b", "#4f7f2a", "#a8711b"];

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** The years a chart spans: from the first to the last dated year of any series, every year. */
export function yearSpan(series: YearCounts[]): number[] {
  const years = series.flatMap((s) => s.years.map((y) => y.year).filter((y): y is number => y !== null));
  if (years.length === 0) return [];
  const [from, to] = [Math.min(...years), Math.max(...years)];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** A bar's words: "2019年 高质量发展：3 篇，12 处". */
export function barLabel(year: number, query: string, speeches: number, matches: number): string {
  return tr("{year}年 {query}：{speeches} 篇，{matches} 处", { year, query, speeches, matches });
}

/** What the bars measure: speeches that use the query, or its matches. */
export type Measure = "speeches" | "matches";

/** Year marks that fit: the first and last year, and round decades at least `gap` px from the
 * marks beside them (a slot is `slot` px wide). */
export function yearMarks(years: number[], slot: number, gap = 30): number[] {
  if (years.length === 0) return [];
  const last = years.length - 1;
  const marks = [0];
  for (let i = 1; i < last; i++) {
    if (years[i] % 10 === 0 && (i - marks[marks.length - 1]) * slot >= gap && (last - i) * slot >= gap) marks.push(i);
  }
  if (last > 0) marks.push(last);
  return marks.map((i) => years[i]);
}

/**
 * Draws the chart: bars of `measure` per year for each series, `selected` years highlighted,
 * `pick` called with the year of a clicked bar.
 */
export function drawYearChart(
  series: YearCounts[],
  measure: Measure,
  selected: (year: number) => boolean,
  pick: (year: number) => void,
): SVGSVGElement {
  const years = yearSpan(series);
  const width = 300;
  const height = 86;
  const top = 4;
  const axis = 14;
  const chart = svg("svg", { class: "year-chart", viewBox: `0 0 ${width} ${height}`, role: "group", "aria-label": tr("按年份") });
  if (years.length === 0) return chart;
  // The tallest dated bar (undated speeches are not drawn).
  const most = Math.max(1, ...series.flatMap((s) => s.years.filter((y) => y.year !== null).map((y) => y[measure])));
  const slot = width / years.length;
  // Bars at most 12 px wide, centred in their year's slot (a single year is not one wide block).
  const bar = Math.min(12, Math.max(1, (slot * 0.8) / series.length));
  years.forEach((year, i) => {
    const x0 = i * slot + (slot - bar * series.length) / 2;
    if (selected(year)) chart.append(svg("rect", { class: "year-selected", x: i * slot, y: 0, width: slot, height: height - axis }));
    series.forEach((s, k) => {
      const row = s.years.find((y) => y.year === year);
      if (!row) return;
      const h = Math.max(1.5, ((height - axis - top) * row[measure]) / most);
      const label = barLabel(year, s.query, row.speeches, row.matches);
      const r = svg("rect", {
        class: "year-bar",
        x: x0 + k * bar,
        y: height - axis - h,
        width: bar,
        height: h,
        fill: SERIES_COLOURS[k % SERIES_COLOURS.length],
        "data-year": year,
        "data-series": k,
        "data-speeches": row.speeches,
        "data-matches": row.matches,
        "aria-label": label,
        role: "button",
        tabindex: "0",
      });
      const title = svg("title", {});
      title.textContent = label;
      r.append(title);
      r.addEventListener("click", () => pick(year));
      r.addEventListener("keydown", (ev) => ev.key === "Enter" && pick(year));
      chart.append(r);
    });
  });
  for (const y of yearMarks(years, slot)) {
    const i = years.indexOf(y);
    const t = svg("text", { class: "year-mark", x: i * slot + slot / 2, y: height - 2, "text-anchor": i === 0 ? "start" : i === years.length - 1 ? "end" : "middle" });
    t.textContent = String(y);
    chart.append(t);
  }
  return chart;
}
