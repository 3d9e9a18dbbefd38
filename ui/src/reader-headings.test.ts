import { describe, expect, it } from "vitest";
import { partChars } from "./editor-outline";
import { leadIn } from "./reader";

describe("headings in the reader", () => {
  it("knows a whole-paragraph heading from a lead-in", () => {
    expect(leadIn("一、上半年工作回顾", { marker: "一、", title: "上半年工作回顾", offset: 0 })).toBeNull();
    const p = "（一）发展势头平稳。今年以来，全县经济运行总体平稳。";
    expect(leadIn(p, { marker: "（一）", title: "发展势头平稳", offset: 0 })).toBe("（一）发展势头平稳。".length);
    // A title the paragraph does not hold as written: no lead-in drawn.
    expect(leadIn("一是经济运行总体平稳，稳中有进。", { marker: "一是", title: "别的", offset: 0 })).toBeNull();
  });
});

describe("speaking time per part in the draft outline", () => {
  it("sums each part from its heading to the next, the last to the end", () => {
    const chars = [5, 10, 20, 7, 3, 40];
    expect(partChars([{ para: 1 }, { para: 3 }], chars)).toEqual([30, 50]);
    expect(partChars([], chars)).toEqual([]);
  });
});
