import { describe, expect, it } from "vitest";
import { utf16Offsets } from "./offsets";

describe("utf16Offsets", () => {
  it("is the identity for text in the Basic Multilingual Plane", () => {
    const f = utf16Offsets("一、看形势");
    expect([0, 2, 5].map(f)).toEqual([0, 2, 5]);
  });
  it("counts a character outside it as two units", () => {
    // 𠀀 (U+20000) is one character and two UTF-16 units.
    const text = "甲𠀀乙,丙";
    const f = utf16Offsets(text);
    expect(f(3)).toBe(4);
    expect(text.slice(f(3), f(4))).toBe(",");
    expect(f(99)).toBe(text.length);
  });
});
