import { describe, expect, it } from "vitest";
import { filterList, type ListFilter } from "./listfilter";
import type { SpeechSummary } from "./api";

const row = (id: number, title: string, year: number | null, kind: string | null, speaker: string | null, tags: string[] = []): SpeechSummary => ({
  id, title, date: year ? String(year) : null, year, speaker, kind, tags, chars: 100,
});
const rows = [
  row(1, "在全县2020年半年工作会议上的讲话", 2020, "讲话", "王某某", ["半年"]),
  row(2, "2019年政府工作报告", 2019, "报告", "李克强"),
  row(3, "无日期的总结", null, "总结", null),
];
const none: ListFilter = { yearFrom: null, yearTo: null, kind: "", speaker: "", tag: "", sort: "date" };

describe("filterList", () => {
  it("keeps everything without filters, in the library's order", () => {
    expect(filterList(rows, none).map((r) => r.id)).toEqual([1, 2, 3]);
  });
  it("filters by year range, kind, speaker and tag", () => {
    expect(filterList(rows, { ...none, yearFrom: 2020 }).map((r) => r.id)).toEqual([1]);
    expect(filterList(rows, { ...none, yearTo: 2019 }).map((r) => r.id)).toEqual([2]);
    expect(filterList(rows, { ...none, kind: "总结" }).map((r) => r.id)).toEqual([3]);
    expect(filterList(rows, { ...none, speaker: "克强" }).map((r) => r.id)).toEqual([2]);
    expect(filterList(rows, { ...none, tag: "半年" }).map((r) => r.id)).toEqual([1]);
  });
  it("sorts by title when asked", () => {
    // Digits first, then pinyin: 无 (wú) before 在 (zài).
    expect(filterList(rows, { ...none, sort: "title" }).map((r) => r.id)).toEqual([2, 3, 1]);
  });
});
