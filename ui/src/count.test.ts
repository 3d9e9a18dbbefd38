import { describe, expect, it } from "vitest";
import { speakingTime, wordCount } from "./count";

describe("wordCount", () => {
  it("counts Han characters and Latin words like the core", () => {
    expect(wordCount("狠抓落实，GDP增长6.5%。")).toBe(8);
    expect(wordCount("# 一、看形势\n\nHello world")).toBe(6);
    expect(wordCount("")).toBe(0);
    expect(wordCount("𠮷野家")).toBe(3);
  });
});

describe("speakingTime", () => {
  it("reads at the given pace", () => {
    expect(speakingTime(180, 180)).toBe("约 1 分钟");
    expect(speakingTime(270, 180)).toBe("约 1 分 30 秒");
    expect(speakingTime(30, 180)).toBe("约 10 秒");
    expect(speakingTime(600, 200)).toBe("约 3 分钟");
  });
});
