import { describe, expect, it } from "vitest";
import { formatChars, formatDate } from "./format";

describe("formatDate", () => {
  it("shows partial dates the Chinese way", () => {
    expect(formatDate("2020-07-15")).toBe("2020年7月15日");
    expect(formatDate("2020-07")).toBe("2020年7月");
    expect(formatDate("2020")).toBe("2020年");
    expect(formatDate(null)).toBe("—");
  });
});

describe("formatChars", () => {
  it("uses 万 above ten thousand", () => {
    expect(formatChars(850)).toBe("850字");
    expect(formatChars(10919)).toBe("1.1万字");
  });
});
