import { describe, expect, it } from "vitest";
import { barLabel, yearMarks, yearSpan } from "./year-chart";
import type { YearCounts } from "./api";

const series = (query: string, years: Array<[number | null, number, number]>): YearCounts => ({
  query,
  mode: "phrase",
  years: years.map(([year, speeches, matches]) => ({ year, speeches, matches })),
});

describe("the 按年份 chart", () => {
  it("spans every year from the first to the last of any series, undated left out", () => {
    const span = yearSpan([series("改革", [[1978, 1, 9], [1981, 2, 3], [null, 4, 4]]), series("又好又快", [[1983, 1, 1]])]);
    expect(span).toEqual([1978, 1979, 1980, 1981, 1982, 1983]);
    expect(yearSpan([series("x", [[null, 1, 1]])])).toEqual([]);
  });

  it("marks the ends and the decades that fit between them", () => {
    const years = Array.from({ length: 105 }, (_, i) => 1921 + i); // 1921–2025
    const slot = 300 / years.length;
    const marks = yearMarks(years, slot);
    expect(marks).toEqual([1921, 1940, 1960, 1980, 2000, 2025]);
    // No two marks closer than 30 px: 1930 is 9 slots (≈ 26 px) from 1921, 2020 5 from 2025.
    for (let i = 1; i < marks.length; i++) expect((marks[i] - marks[i - 1]) * slot).toBeGreaterThanOrEqual(30);
    expect(yearMarks([2019], 300)).toEqual([2019]);
  });

  it("says the numbers of a bar in words", () => {
    expect(barLabel(2019, "高质量发展", 3, 12)).toBe("2019年 高质量发展：3 篇，12 处");
  });
});
