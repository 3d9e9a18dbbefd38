import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { speakingTime, wordCount } from "./count";

describe("wordCount", () => {
  it("agrees with the core on the shared fixture", () => {
    const cases: Array<{ text: string; count: number; why: string }> = JSON.parse(
      readFileSync(`${process.cwd()}/../tests/fixtures/word-count.json`, "utf8"),
    );
    expect(cases.length).toBeGreaterThanOrEqual(10);
    for (const c of cases) expect(wordCount(c.text), `${c.text}: ${c.why}`).toBe(c.count);
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
