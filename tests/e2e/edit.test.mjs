// End to end in the real app: edit a speech's metadata, then remove it (two clicks).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp } from "./webdriver.mjs";

test("edit metadata and remove a speech", async () => {
  const app = await startApp(mkdtempSync(join(tmpdir(), "gaoku-e2e-")));
  try {
    await app.waitFor("#reader h1", (t) => t.includes("2020年半年"));
    await app.click(await app.find("#edit-speech"));
    const speaker = await app.find('#edit-form input[name="speaker"]');
    await app.type(speaker, "王某某");
    const date = await app.find('#edit-form input[name="date"]');
    await app.clear(date);
    await app.type(date, "2020-07-15");
    await app.type(await app.find('#edit-form input[name="tags"]'), "半年，县委");
    await app.click(await app.find('#edit-form button[type="submit"]'));
    await app.waitFor("#reader .meta", (t) => t.includes("2020年7月15日") && t.includes("王某某") && t.includes("半年、县委"));
    await app.waitFor("#speech-list li .meta", (t) => t.includes("王某某"));
    const remove = await app.find("#remove-speech");
    await app.click(remove);
    assert.equal(await app.text(remove), "确认删除？");
    await app.click(remove);
    await app.waitFor("#reader .hint", (t) => t === "已删除。");
    await app.waitFor("header .status", (t) => t.startsWith("共 0 篇"));
    assert.deepEqual(await app.findAll("#speech-list li"), []);
  } finally {
    await app.quit();
  }
});
