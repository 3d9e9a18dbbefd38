// End to end in the real app (WebKitGTK webview): the library window on a real library.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliBinary, startApp } from "./webdriver.mjs";

const SAMPLE_TITLE = "在全县2020年半年工作总结会议上的讲话";

test("first launch on an empty library shows the sample speech", async () => {
  const library = mkdtempSync(join(tmpdir(), "gaoku-e2e-"));
  const app = await startApp(library);
  try {
    const item = await app.waitFor("#speech-list li .title", (t) => t.length > 0);
    assert.equal(await app.text(item), SAMPLE_TITLE);
    const heading = await app.waitFor("#reader h1", (t) => t === SAMPLE_TITLE);
    assert.ok(heading);
    const first = await app.waitFor("#reader .speech-text p", (t) => t.length > 0);
    assert.equal(await app.text(first), "同志们：");
    await app.screenshot("library.png");
  } finally {
    await app.quit();
  }
});

test("imported markup is shown as text and never runs", async () => {
  const library = mkdtempSync(join(tmpdir(), "gaoku-e2e-"));
  const file = join(library, "xss.txt");
  writeFileSync(
    file,
    "在<img src=x onerror=\"window.__pwned=1\">会议上的讲话\n同志们：\n<script>window.__pwned=2</script>要<b>狠抓落实</b>。\n",
  );
  execFileSync(cliBinary, ["--library", library, "--no-seed", "import", file]);
  const app = await startApp(library);
  try {
    const title = await app.waitFor("#reader h1", (t) => t.includes("onerror"));
    assert.equal(await app.text(title), "在<img src=x onerror=\"window.__pwned=1\">会议上的讲话");
    const body = await app.waitFor("#reader .speech-text p:nth-child(2)", (t) => t.length > 0);
    assert.equal(await app.text(body), "<script>window.__pwned=2</script>要<b>狠抓落实</b>。");
    assert.deepEqual(await app.findAll("#app img, #app script, #app b"), []);
    assert.equal(await app.exec("return window.__pwned === undefined;"), true);
  } finally {
    await app.quit();
  }
});

test("the UI switches to English and back, and remembers the choice", async () => {
  const library = mkdtempSync(join(tmpdir(), "gaoku-e2e-"));
  let app = await startApp(library);
  try {
    await app.waitFor("#tab-library", (t) => t === "素材库");
    await app.click(await app.find("#lang-toggle"));
    await app.waitFor("#tab-library", (t) => t === "Library");
    await app.waitFor("#tab-drafts", (t) => t === "Drafts");
    await app.waitFor("header .status", (t) => t.startsWith("1 speeches"));
    assert.equal(await app.exec("return document.documentElement.lang;"), "en");
    // Speech text is never translated.
    await app.waitFor("#reader h1", (t) => t === SAMPLE_TITLE);
  } finally {
    await app.quit();
  }
  app = await startApp(library);
  try {
    await app.waitFor("#tab-library", (t) => t === "Library");
    await app.click(await app.find("#lang-toggle"));
    await app.waitFor("#tab-library", (t) => t === "素材库");
  } finally {
    await app.quit();
  }
});
