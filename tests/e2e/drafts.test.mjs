// End to end in the real app: the writing side. A draft from a template, Chinese typed through
// the editor's input path, 字数 and speaking time, a search hit and a phrase inserted, the draft
// still there after closing and reopening the app, a revision restored, and raw HTML in the
// preview shown as text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp } from "./webdriver.mjs";

const CTRL = "\uE009";
const END = "\uE010";
const ENTER = "\uE007";
const RELEASE = "\uE000";


/** Waits until the editor's text satisfies `ok` (read from the page: CodeMirror's DOM is live). */
async function waitForEditor(app, ok, timeoutMs = 10000) {
  const last = await app.poll(
    "const c = document.querySelector('#editor .cm-content'); return c ? c.innerText : '';",
    (t) => ok(t ?? ""),
    timeoutMs,
  );
  if (!ok(last ?? "")) throw new Error(`timed out waiting for the editor (last text: ${(last ?? "").slice(0, 300)})`);
  return last;
}
/**
 * Types text the way an input method commits it: a composition, then the committed text inserted
 * through the browser's editing path (beforeinput/input and a DOM change CodeMirror reads back).
 * WebKitWebDriver cannot synthesize key events for Han characters.
 */
const count = async (app) => Number((await app.text(await app.find("#word-count"))).replace(/\D/g, ""));

test("write a draft from a template, insert a hit and a phrase, reopen, restore", async () => {
  const library = mkdtempSync(join(tmpdir(), "gaoku-e2e-"));
  let app = await startApp(library);
  let typed = "";
  try {
    await app.waitFor("#reader h1", (t) => t.includes("2020年半年"));
    await app.click(await app.find("#tab-drafts"));
    await app.waitFor("#draft-template option", (t) => t.length > 0);
    await app.exec("document.getElementById('draft-template').value = '致辞';");
    await app.click(await app.find("#draft-from-template"));
    await waitForEditor(app, (t) => t.includes("尊敬的"));
    await app.waitFor("#draft-outline", (t) => t.includes("草稿提纲"));
    const before = await count(app);
    const timeBefore = await app.text(await app.find("#speaking-time"));

    // Type Chinese at the end of the draft through the editor's input path.
    const content = await app.find("#editor .cm-content");
    await app.click(content);
    typed = "我们要撸起袖子加油干，推动各项工作再上新台阶。";
    await app.type(content, `${CTRL}${END}${RELEASE}${ENTER}${ENTER}`);
    await app.imeType(typed);
    await waitForEditor(app, (t) => t.includes(typed));
    await app.waitFor("#word-count", (t) => Number(t.replace(/\D/g, "")) === before + 21);
    assert.notEqual(await app.text(await app.find("#speaking-time")), timeBefore);
    await app.waitFor("#save-state", (t) => t.startsWith("已保存"));

    // A search hit's sentence goes in at the cursor.
    await app.click(await app.find("#tab-library"));
    await app.type(await app.find("#search-box"), "狠抓落实");
    await app.waitFor("#results li .hit-actions", (t) => t.includes("插入"));
    await app.click(await app.find("#results li .use-sentence"));
    await waitForEditor(app, (t) => /[^。]*狠抓落实[^。]*。/.test(t.split(typed)[1] ?? ""));

    // Ctrl+K: the phrase palette; Enter inserts the first entry at the cursor (the end).
    await app.type(await app.find("#editor .cm-content"), `${CTRL}${END}${RELEASE}`);
    await app.ctrl("k");
    const input = await app.waitFor("#palette-input");
    await app.type(input, "苦干");
    const first = await app.waitFor("#palette-list li span", (t) => t.includes("苦干"));
    const phrase = await app.text(first);
    await app.type(input, ENTER);
    await waitForEditor(app, (t) => t.includes(phrase));
    await app.waitFor("#save-state", (t) => t.startsWith("已保存"));
    // The preview follows the editor: both are scrolled to the end of the draft.
    const previewTop = await app.poll("return document.getElementById('preview').scrollTop;", (top) => top > 0, 5000);
    assert.ok(previewTop > 0, "the preview scrolled with the editor");
    await app.screenshot("writer.png");
  } finally {
    await app.quit();
  }

  // Reopen the app: the draft is there with everything typed and inserted.
  app = await startApp(library);
  try {
    await app.waitFor("#reader h1", (t) => t.includes("2020年半年"));
    await app.click(await app.find("#tab-drafts"));
    await app.click(await app.waitFor("#draft-list li"));
    await waitForEditor(app, (t) => t.includes(typed) && t.includes("苦干"));

    // Change it, save with Ctrl+S, then restore the first revision (the template as created).
    const content = await app.find("#editor .cm-content");
    await app.click(content);
    await app.type(content, `${CTRL}${END}${RELEASE}${ENTER}${ENTER}`);
    await app.imeType("最后一段。");
    await app.ctrl("s");
    await app.waitFor("#save-state", (t) => t.includes("已留存版本"));
    await app.click(await app.find("#draft-history"));
    await app.waitFor("#revision-list li");
    const revisions = await app.findAll("#revision-list li");
    assert.ok(revisions.length >= 2, `revisions: ${revisions.length}`);
    await app.click(revisions[revisions.length - 1]);
    await app.waitFor("#revision-diff .diff-text", (t) => t.includes("撸起袖子"));
    const added = await app.exec("return [...document.querySelectorAll('#revision-diff ins')].map((e) => e.textContent).join('');");
    assert.ok(added.includes(typed) && added.includes("最后一段。"), added);
    await app.screenshot("revisions.png");
    await app.click(await app.find("#revision-restore"));
    await waitForEditor(app, (t) => t.includes("尊敬的") && !t.includes(typed));
    // The replaced text is kept as a revision too.
    await app.click(await app.find("#draft-history"));
    await app.waitFor("#revision-list li");
    const after = await app.findAll("#revision-list li");
    assert.ok(after.length >= revisions.length + 1);
    // A revision side by side with the draft (对比): the typed paragraph is new on the right.
    await app.click(after[after.length - 1]);
    await app.click(await app.waitFor("#revision-compare"));
    await app.waitFor("#reader h1", (t) => t === "对比");
    await app.waitFor("#compare-summary", (t) => t.startsWith("相同"));
    const heads = await app.exec("return [...document.querySelectorAll('#compare-grid .compare-head')].map((e) => e.textContent);");
    assert.ok(heads[0].includes("版本"), heads.join(" | "));
  } finally {
    await app.quit();
  }
});

test("a draft's preview shows raw HTML as text and runs no script", async () => {
  const app = await startApp(mkdtempSync(join(tmpdir(), "gaoku-e2e-")));
  try {
    const content = await app.newDraft();
    const evil = `<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2">`;
    await app.type(content, `${CTRL}${END}${RELEASE}${ENTER}`);
    await app.imeType(evil);
    await app.waitFor("#preview", (t) => t.includes("<script>window.__pwned = 1</script>"));
    await app.waitFor("#preview", (t) => t.includes('<img src=x onerror="window.__pwned = 2">'));
    const live = await app.exec(
      "return [window.__pwned === undefined, document.querySelectorAll('#preview script, #preview img').length];",
    );
    assert.deepEqual(live, [true, 0]);
  } finally {
    await app.quit();
  }
});

test("closing the window saves what was typed in the last second", async () => {
  const library = mkdtempSync(join(tmpdir(), "gaoku-e2e-"));
  let app = await startApp(library);
  try {
    await app.waitFor("#reader h1", (t) => t.includes("2020年半年"));
    await app.click(await app.find("#tab-drafts"));
    await app.click(await app.waitFor("#draft-new"));
    const content = await app.waitFor("#editor .cm-content");
    await app.waitFor("#save-state", (t) => t.startsWith("已保存"));
    await app.type(content, `${CTRL}${END}${RELEASE}`);
    // In one script, so no autosave timer can run in between: type, then the close request a
    // window manager sends when the writer clicks ×, as Tauri delivers it. The window saves,
    // then closes itself.
    const state = await app.exec(
      `const c = document.querySelector('#editor .cm-content');
       c.focus();
       document.execCommand('insertText', false, '关窗前的最后一句。');
       const state = document.getElementById('save-state').textContent;
       window.__TAURI_INTERNALS__.invoke('plugin:event|emit', { event: 'tauri://close-requested', payload: null });
       return state;`,
    );
    assert.equal(state, "未保存", "the edit was not autosaved before the close");
    const open = await app.poll("return true;", (alive) => alive !== true, 5000);
    assert.notEqual(open, true, "the window closed");
  } finally {
    await app.quit().catch(() => {});
  }
  app = await startApp(library);
  try {
    await app.waitFor("#reader h1", (t) => t.includes("2020年半年"));
    await app.click(await app.find("#tab-drafts"));
    await app.click(await app.waitFor("#draft-list li"));
    await waitForEditor(app, (t) => t.includes("关窗前的最后一句。"));
  } finally {
    await app.quit();
  }
});
