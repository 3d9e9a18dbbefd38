// The app on a library of 10,000 speeches (generated here from the sample speech's paragraphs,
// imported once through the CLI and kept in the system's temp folder for later runs): the list
// draws a window of rows, not ten thousand; clearing the search box and switching tabs keep it
// so; search results come in pages; the 句式 pane never leaves an older answer on screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliBinary, repo, sleep, startApp } from "./webdriver.mjs";

const N = 10_000;

/** A library of N speeches, built once per machine (a marker says it is complete). */
function scaleLibrary() {
  const dir = join(tmpdir(), `gaoku-e2e-scale-${N}-v1`);
  const library = join(dir, "library");
  if (existsSync(join(dir, "complete"))) return library;
  rmSync(dir, { recursive: true, force: true });
  const files = join(dir, "files");
  mkdirSync(files, { recursive: true });
  const sample = readFileSync(join(repo, "assets/samples/county-half-year-review-2020.txt"), "utf8");
  const paras = sample.split("\n").slice(2).filter((p) => p.trim().length > 20);
  // A fixed-seed generator: the same library on every machine.
  let seed = 0x2545f491;
  const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) % paras.length;
  for (let i = 0; i < N; i++) {
    const year = 1995 + (i % 30);
    const body = Array.from({ length: 6 }, next).map((k) => paras[k]);
    writeFileSync(
      join(files, `${String(i).padStart(5, "0")}.txt`),
      `在全县${year}年第${i}次工作会议上的讲话\n同志们：\n第${i}号会议要求：${body.join("\n")}\n`,
    );
  }
  execFileSync(cliBinary, ["--library", library, "--no-seed", "import", files], { stdio: "ignore", maxBuffer: 1 << 26 });
  rmSync(files, { recursive: true, force: true });
  writeFileSync(join(dir, "complete"), "");
  return library;
}

/** Rows of the library list in the DOM. */
const rowCount = (app) => app.exec("return document.querySelectorAll('#speech-list li').length;");

test("10,000 speeches: a windowed list, paged results, and no stale 句式 list", { timeout: 600_000 }, async () => {
  const library = scaleLibrary();
  const app = await startApp(library);
  try {
    await app.waitFor(".status", (t) => t.includes(`共 ${N} 篇`), 60_000);
    await app.waitFor("#speech-list li .title", (t) => t.length > 0, 60_000);
    const drawn = await rowCount(app);
    assert.ok(drawn > 5 && drawn < 100, `${drawn} rows in the DOM for ${N} speeches`);

    // Search: the first page of 50, the count of all, the next page on scroll.
    const box = await app.find("#search-box");
    await app.type(box, "落实");
    const status = await app.waitFor("#search-status", (t) => t.includes("显示 50 篇"), 30_000);
    assert.match(await app.text(status), /原词检索：\d+ 篇/);
    assert.equal(await app.exec("return document.querySelectorAll('#results li:not(.more)').length;"), 50);
    await app.exec("const r = document.getElementById('results'); r.scrollTop = r.scrollHeight; return 1;");
    await app.waitFor("#search-status", (t) => t.includes("显示 100 篇"), 30_000);

    // Clearing the box brings the windowed list back, as does a round trip through another tab.
    await app.exec("const b = document.getElementById('search-box'); b.value = ''; b.dispatchEvent(new Event('input')); return 1;");
    await app.poll("return document.getElementById('speech-list').hidden;", (hidden) => hidden === false, 10_000);
    await sleep(300);
    assert.ok((await rowCount(app)) < 100);
    await app.click(await app.find("#tab-phrases"));
    await app.click(await app.find("#tab-library"));
    await app.waitFor("#speech-list li .title", (t) => t.length > 0);
    assert.ok((await rowCount(app)) < 100);
    // Scrolling to the end draws the last rows (and still only a window).
    await app.exec("const l = document.getElementById('speech-list'); l.scrollTop = l.scrollHeight; return 1;");
    // The list is newest first: its end is the oldest year's speeches.
    await app.poll("return Array.from(document.querySelectorAll('#speech-list li .meta')).pop()?.textContent ?? '';", (t) => t?.startsWith("1995"), 10_000);
    const lastMeta = await app.exec("return Array.from(document.querySelectorAll('#speech-list li .meta')).pop().textContent;");
    assert.ok(lastMeta.startsWith("1995"), lastMeta);
    assert.ok((await rowCount(app)) < 100);
    await app.screenshot("scale.png");

    // 句式: a kind change and a filter typed at once, five times: the list shown is always the
    // filtered one (an unfiltered answer arriving late must not replace it).
    await app.click(await app.find("#tab-phrases"));
    await app.waitFor("#phrase-list li .phrase-text", (t) => t.length > 0, 30_000);
    for (let round = 0; round < 5; round++) {
      const texts = await app.exec(
        `const kind = document.getElementById('phrase-kind');
         const filter = document.getElementById('phrase-filter');
         filter.value = '';
         kind.value = arguments[0];
         kind.dispatchEvent(new Event('change'));
         filter.value = '干';
         filter.dispatchEvent(new Event('input'));
         return new Promise((done) => setTimeout(() => done(
           Array.from(document.querySelectorAll('#phrase-list li .phrase-text')).map((t) => t.textContent)), 2500));`,
        [round % 2 === 0 ? "" : "parallel"],
      );
      assert.ok(texts.length > 0, `round ${round}: some entries hold 干`);
      assert.ok(texts.every((t) => t.includes("干")), `round ${round}: ${texts.filter((t) => !t.includes("干")).slice(0, 3)}`);
    }
    // Where an entry is used: 20 places at a time, the next 20 on request.
    await app.click(await app.find("#phrase-list li .phrase-uses-toggle"));
    await app.poll("return document.querySelectorAll('#phrase-list .phrase-uses li[data-speech]').length;", (n) => n === 20, 10_000);
    await app.waitFor("#phrase-list .phrase-uses li[data-speech] .snippet mark", (t) => t.includes("干"));
    await app.click(await app.waitFor("#phrase-list .phrase-uses .more button", (t) => t.startsWith("再显示 20 处")));
    await app.poll("return document.querySelectorAll('#phrase-list .phrase-uses li[data-speech]').length;", (n) => n === 40, 10_000);
  } finally {
    await app.quit();
  }
});

