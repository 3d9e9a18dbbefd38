import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { CATALOG, errorText } from "./errors";

/** Every code the core and the shell can send, with its parameters (generated from Rust). */
const CODES: Record<string, string[]> = JSON.parse(
  readFileSync(`${process.cwd()}/src/generated/error-codes.json`, "utf8"),
);
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe("the error catalog", () => {
  it("has Chinese and English for every code the app can receive", () => {
    expect(Object.keys(CODES).length).toBeGreaterThan(40);
    const missing = Object.keys(CODES).filter((c) => !CATALOG[c]?.zh || !CATALOG[c]?.en);
    expect(missing).toEqual([]);
  });

  it("uses the same parameters in both languages, all of them sent with the code", () => {
    for (const [code, params] of Object.entries(CODES)) {
      const { zh, en } = CATALOG[code];
      expect(placeholders(zh), code).toEqual(placeholders(en));
      for (const p of placeholders(zh)) expect(params, `${code} uses {${p}}`).toContain(p);
    }
  });

  it("has no entries for codes nobody sends", () => {
    expect(Object.keys(CATALOG).filter((c) => !(c in CODES))).toEqual([]);
  });

  it("fills parameters, names things in Chinese, and falls back to the core's text", () => {
    expect(errorText("bad_bytes", { encoding: "GB18030", at: 17 }, "x")).toBe(
      "第 17 字节处有无效的 GB18030 编码：文件已损坏或编码无法识别",
    );
    expect(errorText("not_found", { what: "draft", id: "3" }, "x")).toBe("找不到草稿（3）");
    expect(errorText("no_such_code", {}, "no draft with id 3")).toBe("no draft with id 3");
  });

  it("says which limit of the reading guard stopped a file, and the damage otherwise", () => {
    const stopped = (why: string) => errorText("damaged", { format: "pdf", why }, "x");
    expect(stopped("too_large")).toContain("内存");
    expect(stopped("too_deep")).toContain("嵌套过深");
    expect(stopped("timeout")).toContain("超时");
    expect(stopped("crashed")).toContain(".pdf");
    // Any other detail is the plain damaged message.
    expect(stopped("broken xref")).toBe(CATALOG.damaged.zh.replace("{format}", "pdf"));
  });
});
