// End to end in the real app: the phrase bank (filter, star, open a source) and the templates.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp } from "./webdriver.mjs";

test("star a phrase, open where it was said, browse templates", async () => {
  const app = await startApp(mkdtempSync(join(tmpdir(), "gaoku-e2e-")));
  try {
    await app.waitFor("#reader h1", (t) => t.length > 0);
    await app.click(await app.find("#tab-phrases"));
    await app.waitFor("#phrase-list li .phrase-text", (t) => t.length > 0);
    await app.type(await app.find("#phrase-filter"), "苦干");
    const text = await app.waitFor("#phrase-list li .phrase-text", (t) => t === "苦干、实干、拼命干");
    assert.ok(text);
    await app.click(await app.find("#phrase-list li .star"));
    await app.waitFor("#phrase-list li.starred .star", (t) => t === "★");
    // Only starred ones: the entry is there, and it stays starred after a reload of the list.
    await app.click(await app.find("#phrase-starred"));
    await app.waitFor("#phrase-list li.starred .phrase-text", (t) => t === "苦干、实干、拼命干");
    // Where it is used: the speech and the text around it; clicking one opens the speech there.
    await app.click(await app.find("#phrase-list li .phrase-uses-toggle"));
    await app.waitFor("#phrase-list .phrase-uses li .snippet mark", (t) => t === "苦干、实干、拼命干");
    await app.waitFor("#phrase-list .phrase-uses li .meta", (t) => t.includes("讲话"));
    await app.click(await app.find("#phrase-list .phrase-uses li .snippet"));
    await app.waitFor("#reader mark.hit", (t) => t === "苦干、实干、拼命干");
    // Clicking the entry opens the speech at its source, highlighted.
    await app.click(await app.find("#phrase-list li .phrase-text"));
    await app.waitFor("#reader mark.hit", (t) => t === "苦干、实干、拼命干");
    await app.screenshot("phrase-bank.png");
    // The speech's structure saved as a template shows up under 模板.
    await app.click(await app.find("#use-as-template"));
    await app.waitFor("#reader .toolbar-message", (t) => t.startsWith("已存为模板"));
    await app.click(await app.find("#tab-templates"));
    await app.waitFor("#template-list li .title", (t) => t.includes("半年工作总结会讲话"));
    await app.waitFor("#template-list li:last-child .title", (t) => t.includes("（结构）"));
    await app.click(await app.find("#template-list li"));
    await app.waitFor("#reader h1", (t) => t === "半年工作总结会讲话");
    const parts = await app.exec("return Array.from(document.querySelectorAll('#reader .part.level-1 .part-title')).map((e) => e.textContent);");
    assert.equal(parts.length, 3);
    assert.match(parts[0], /看形势/);
  } finally {
    await app.quit();
  }
});

test("add, tag and edit your own phrase; rename and delete your own template", async () => {
  const app = await startApp(mkdtempSync(join(tmpdir(), "gaoku-e2e-")));
  try {
    await app.waitFor("#reader h1", (t) => t.length > 0);
    await app.click(await app.find("#tab-phrases"));
    const add = await app.waitFor('#phrase-add input[name="text"]');
    await app.exec("document.querySelector('#phrase-add select').value = 'paired';");
    await app.type(add, "既要抓发展，更要抓安全");
    await app.click(await app.find('#phrase-add button[type="submit"]'));
    await app.waitFor("#phrase-list li .phrase-text", (t) => t === "既要抓发展，更要抓安全");
    await app.waitFor("#phrase-list li .meta", (t) => t.includes("对举") && t.includes("自添"));
    // Tags: typed in place, Enter saves.
    await app.click(await app.find("#phrase-list li .phrase-tag"));
    await app.type(await app.find("#phrase-list li .phrase-input"), "安全、开头\uE007");
    await app.waitFor("#phrase-list li .meta", (t) => t.includes("安全、开头"));
    // Edit the text.
    await app.click(await app.find("#phrase-list li .phrase-edit"));
    const input = await app.find("#phrase-list li .phrase-input");
    await app.clear(input);
    await app.type(input, "既要抓发展，也要抓安全\uE007");
    await app.waitFor("#phrase-list li .phrase-text", (t) => t === "既要抓发展，也要抓安全");
    // The tag filters the bank through the core (reload the list with the filter box).
    await app.type(await app.find("#phrase-filter"), "抓安全");
    await app.waitFor("#phrase-list li .phrase-text", (t) => t === "既要抓发展，也要抓安全");

    // Save the sample's structure as a template, rename it, delete it.
    await app.click(await app.find("#tab-library"));
    await app.click(await app.waitFor("#speech-list li"));
    await app.click(await app.waitFor("#use-as-template"));
    await app.waitFor("#reader .toolbar-message", (t) => t.startsWith("已存为模板"));
    await app.click(await app.find("#tab-templates"));
    await app.click(await app.waitFor("#template-list li:last-child", (t) => t.includes("（结构）")));
    const name = await app.waitFor("#template-name");
    await app.clear(name);
    await app.type(name, "县委半年讲话");
    await app.click(await app.find("#template-rename"));
    await app.waitFor("#reader h1", (t) => t === "县委半年讲话");
    await app.waitFor("#template-list li:last-child .title", (t) => t === "县委半年讲话");
    const del = await app.find("#template-delete");
    await app.click(del);
    await app.click(del);
    await app.waitFor("#reader .hint", (t) => t === "模板已删除。");
    await app.waitFor("#template-list li:last-child .title", (t) => t.includes("【内置】"));
  } finally {
    await app.quit();
  }
});
