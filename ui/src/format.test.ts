import { describe, expect, it } from "vitest";
import { formatChars, formatDate, localTime } from "./format";

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

describe("localTime", () => {
  it("shows a stored UTC time in the writer's zone (Beijing is 8 hours ahead)", () => {
    const before = process.env.TZ;
    process.env.TZ = "Asia/Shanghai";
    try {
      expect(localTime("2026-11-29T22:30:37.302517839Z")).toBe("2026-11-30 06:30");
      expect(localTime("2026-11-29T22:30:37Z", true)).toBe("2026-11-30 06:30:37");
    } finally {
      process.env.TZ = before;
    }
    expect(localTime("soon")).toBe("soon");
  });
});
