import { describe, expect, it } from "vitest";
import { clauseBefore } from "./editor-complete";

describe("联想", () => {
  it("completes the clause before the cursor, not across punctuation", () => {
    expect(clauseBefore("同志们：我们既要")).toBe("我们既要");
    expect(clauseBefore("狠抓落实，")).toBeNull();
    expect(clauseBefore("要")).toBeNull();
    expect(clauseBefore("一是…二是")).toBe("一是…二是");
  });
});
