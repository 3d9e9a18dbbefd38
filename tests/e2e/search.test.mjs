// End to end in the real app: search as you type, highlighted hits, the speech opened at the
// match, patterns, year filters, and the outline beside the text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliBinary, startApp } from "./webdriver.mjs";

/** A library with the sample speech (2020) and a short speech of 2021 that also says 狠抓落实. */
function library() {
  const dir = mkdtempSync(join(tmpdir(), "gaoku-e2e-"));
  const file = join(dir, "2021.txt");
  writeFileSync(file, "在全县2021年工作会议上的讲话\n同志们：\n今年要狠抓落实，一是抓项目，二是抓招商，三是抓民生。\n");
  execFileSync(cliBinary, ["--library", dir, "import", file]);
  return dir;
}

test("phrase search highlights hits and opens the speech at the match", async () => {
  const app = await startApp(library());
  try {
    await app.waitFor("#speech-list li .title", (t) => t.length > 0);
    await app.type(await app.find("#search-box"), "狠抓落实");
    await app.waitFor("#search-status", (t) => t.includes("原词检索：2 篇"));
    const marks = await app.findAll("#results li .snippet mark");
    assert.ok(marks.length >= 2);
    for (const m of marks) assert.equal(await app.text(m), "狠抓落实");
    await app.screenshot("search.png");
    // Open the sample speech's hit: the reader shows it with the match highlighted and in view.
    const items = await app.findAll("#results li");
    let sample = null;
    for (const it of items) if ((await app.text(it)).includes("2020年半年")) sample = it;
    assert.ok(sample, "the sample speech is among the hits");
    await app.click(sample);
    await app.waitFor("#reader h1", (t) => t.includes("2020年半年工作总结会议"));
    const hit = await app.waitFor("#reader mark.hit", (t) => t === "狠抓落实");
    const r = await app.rect(hit);
    assert.equal(r.top >= 0 && r.bottom <= r.height, true, "the reader is scrolled to the match");
  } finally {
    await app.quit();
  }
});

test("pattern search and the year filter", async () => {
  const app = await startApp(library());
  try {
    await app.waitFor("#speech-list li .title", (t) => t.length > 0);
    const box = await app.find("#search-box");
    await app.type(box, "一是…二是…三是");
    await app.waitFor("#search-status", (t) => t.includes("句式检索：2 篇"));
    await app.clear(box);
    await app.type(box, "狠抓落实");
    await app.waitFor("#search-status", (t) => t.includes("2 篇"));
    // Sorted by date, the 2021 speech comes first.
    await app.click(await app.find('#search-sort option[value="date"]'));
    await app.waitFor("#results li .title", (t) => t.includes("2021年工作会议"));
    await app.click(await app.find('#search-sort option[value="relevance"]'));
    await app.type(await app.find("#year-from"), "2021");
    await app.waitFor("#search-status", (t) => t.includes("1 篇"));
    assert.match(await app.text(await app.find("#results li .title")), /2021年工作会议/);
    // A kind no speech has: nothing.
    await app.click(await app.find('#search-kind option[value="致辞"]'));
    await app.waitFor("#search-status", (t) => t.includes("0 篇"));
    // With the search box empty, the same filters narrow the library list itself.
    await app.click(await app.find('#search-kind option[value=""]'));
    await app.clear(box);
    await app.type(box, " \uE003"); // a space, then Backspace: an input event with an empty query
    await app.waitFor("#search-status", (t) => t === "1 篇");
    const listed = await app.findAll("#speech-list li .title");
    assert.equal(listed.length, 1);
    assert.match(await app.text(listed[0]), /2021年工作会议/);
    // A new draft from the open speech starts as its text, headings and all.
    await app.click(listed[0]);
    await app.waitFor("#reader h1", (t) => t.includes("2021年工作会议"));
    await app.click(await app.find("#draft-from-speech"));
    const title = await app.poll(
      "const t = document.getElementById('draft-title'); return t ? t.textContent : '';",
      (t) => (t ?? "").includes("2021年工作会议"),
    );
    assert.match(title, /2021年工作会议/);
    assert.equal(await app.exec("return document.getElementById('writer').hidden;"), false);
  } finally {
    await app.quit();
  }
});

test("the outline of the sample speech beside the text, click to jump", async () => {
  const dir = mkdtempSync(join(tmpdir(), "gaoku-e2e-"));
  const app = await startApp(dir);
  try {
    await app.waitFor("#reader h1", (t) => t.includes("2020年半年工作总结会议"));
    await app.waitFor("#outline li.heading.level-1 > button", (t) => t.startsWith("一、"));
    const top = await app.findAll("#outline li.heading.level-1 > button");
    const titles = await Promise.all(top.map((b) => app.text(b)));
    assert.deepEqual(titles.map((t) => t.slice(0, 2)), ["一、", "二、", "三、"]);
    assert.equal((await app.findAll("#outline li.heading.level-2")).length, 10);
    await app.click(top[2]);
    const para = await app.find('#reader p[data-para="15"]');
    assert.match(await app.text(para), /^三、/);
    const r = await app.rect(para);
    assert.equal(r.top >= 0 && r.top < r.height, true);
    await app.screenshot("reader-outline.png");
  } finally {
    await app.quit();
  }
});

test("Ctrl+P switches to a speech by part of its title", async () => {
  const app = await startApp(library());
  try {
    await app.waitFor("#reader h1", (t) => t.length > 0);
    await app.ctrl("p");
    const input = await app.find("#quick-switch input");
    await app.type(input, "2021");
    await app.waitFor("#quick-switch li.selected", (t) => t.includes("2021年工作会议"));
    await app.type(input, "\uE007"); // Enter
    await app.waitFor("#reader h1", (t) => t === "在全县2021年工作会议上的讲话");
    assert.equal(await app.exec("return document.getElementById('quick-switch').hidden;"), true);
  } finally {
    await app.quit();
  }
});
