// End to end: the reading side of a speech. The reader sets headings as 公文 print them (whole
// headings marked by level, a heading opening a paragraph as its lead-in); 导出设置 keeps Times New
// Roman for Latin letters in the library; the 念稿版 is exported from the reader through the real
// save dialog and holds each part's time; a draft made from the speech shows each part's speaking
// time in its outline, at the status bar's pace.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliBinary, sleep, startApp } from "./webdriver.mjs";

const choose = (app, css, value) =>
  app.exec(`const s = document.querySelector(arguments[0]); s.value = arguments[1]; s.dispatchEvent(new Event("change")); return s.value;`, [css, value]);

test("公文 headings in the reader, export settings, the 念稿版 and part times", async () => {
  const library = mkdtempSync(join(tmpdir(), "gaoku-e2e-reading-"));
  const app = await startApp(library);
  try {
    await app.waitFor("#reader h1", (t) => t.includes("2020年半年"));
    // Whole headings by level; （一）… opening a paragraph is its lead-in.
    const levels = await app.exec("return [...document.querySelectorAll('#reader p.heading')].map((p) => p.className);");
    assert.ok(levels.some((c) => c.includes("level-1")), levels.join(","));
    const lead = await app.exec("const s = document.querySelector('#reader .lead-in.level-2'); return s ? [s.textContent, getComputedStyle(s).fontWeight] : null;");
    assert.ok(lead && lead[0].startsWith("（一）"), String(lead));
    assert.ok(Number(lead[1]) >= 600, `lead-in weight ${lead[1]}`);
    // The reader's outline gives each top-level part its speaking time.
    const times = await app.exec("return [...document.querySelectorAll('#outline .part-time')].map((s) => s.textContent);");
    assert.ok(times.length >= 3 && times.every((t) => t.startsWith("约")), times.join(","));

    // 导出设置 from the export menu: Times New Roman for Latin letters, the 念稿版 at 小二.
    await choose(app, "#reader .export-select", "settings");
    await app.waitFor("#reader h1", (t) => t === "导出设置");
    await choose(app, "#export-latin-font", "Times New Roman");
    await app.waitFor("#export-settings-status", (t) => t === "已保存");
    await choose(app, "#export-reading-size", "18");
    const kept = JSON.parse(execFileSync(cliBinary, ["--library", library, "--json", "export-settings"], { encoding: "utf8" }));
    assert.equal(kept.latin_font, "Times New Roman");
    assert.equal(kept.reading_size, 18);

    // The 念稿版 from the reader, saved through the real dialog.
    await app.click(await app.find("#speech-list li"));
    await app.waitFor("#reader h1", (t) => t.includes("2020年半年"));
    const out = join(library, "reading-copy.docx");
    await choose(app, "#reader .export-select", "export-docx-reading");
    await app.chooseFile("导出", out);
    await app.waitFor("#reader .export-note", (t) => t.startsWith("已导出"));
    assert.ok(existsSync(out));
    const xml = execFileSync("unzip", ["-p", out, "word/document.xml"], { encoding: "utf8" });
    assert.ok(xml.includes("本部分约") && xml.includes("累计约"), "each part's time");
    assert.ok(xml.includes('w:ascii="Times New Roman"'));
    assert.ok(readFileSync(out).length > 1000);

    // A draft from the speech: its outline gives each part's speaking time at the pace.
    await app.click(await app.find("#draft-from-speech"));
    await app.waitFor("#draft-outline .part-time", (t) => t.startsWith("约"), 15000);
    const before = await app.exec("return [...document.querySelectorAll('#draft-outline .part-time')].map((s) => s.textContent);");
    assert.ok(before.length >= 3, before.join(","));
    await app.exec("const p = document.getElementById('pace'); p.value = '90'; p.dispatchEvent(new Event('input')); return 1;");
    await app.poll(
      "return [...document.querySelectorAll('#draft-outline .part-time')].map((s) => s.textContent).join();",
      (t) => t !== null && t !== before.join(),
      5000,
    );
    await app.screenshot("reading-outline.png");
    // The pace is the library's now: the 念稿版 reckons with it.
    await sleep(1200);
    const pace = JSON.parse(execFileSync(cliBinary, ["--library", library, "--json", "export-settings"], { encoding: "utf8" })).pace;
    assert.equal(pace, 90);
  } finally {
    await app.quit();
  }
});
