import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { EN } from "./i18n-en";
import { tr } from "./i18n";
import { SPEECH_KINDS } from "./generated/ipc";

describe("i18n", () => {
  it("has English for every UI string the code looks up", () => {
    const dir = `${process.cwd()}/src/`;
    const used = new Set<string>();
    for (const f of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.includes(".test."))) {
      for (const m of readFileSync(dir + f, "utf8").matchAll(/tr\("([^"]*)"/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((k) => !(k in EN));
    expect(missing).toEqual([]);
    // Placeholders survive translation.
    for (const k of used) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(EN[k]), k).toEqual(names(k));
    }
  });
  it("has English for every kind of document the core detects", () => {
    expect(SPEECH_KINDS.filter((k) => !(k in EN))).toEqual([]);
  });
  it("is Chinese by default and fills placeholders", () => {
    expect(tr("共 {n} 篇 · {dir}", { n: 3, dir: "/lib" })).toBe("共 3 篇 · /lib");
    expect(tr("保存")).toBe("保存");
  });
});
