// End to end through a real input method: fcitx5 pinyin on a private D-Bus session, real X key
// events from xdotool, into the real app — as a writer types. The composition shows inline at the
// caret; what is committed arrives (words and full-width punctuation), what is being composed is
// never saved, searched, filtered by or acted on: Enter that commits the letters does not open or
// insert, Ctrl+S, Ctrl+K, Ctrl+P and Esc pressed while composing do nothing else.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appBinary, cliBinary, sleep, startApp } from "./webdriver.mjs";
import { appPid, candidateWindow, caretOnScreen, focusWindow, imeAvailable, startIme, xdotool } from "./ime.mjs";

const cli = (library, ...args) => JSON.parse(execFileSync(cliBinary, ["--library", library, "--json", ...args], { encoding: "utf8" }));
const editorText = (app) => app.exec("return document.querySelector('#editor .cm-content').innerText;");
/** Keys as a writer types them: a little time between keys, and for the IME to answer. */
const keys = async (text) => {
  xdotool("type", "--delay", "120", text);
  await sleep(400);
};
const press = async (...k) => {
  xdotool("key", "--delay", "120", ...k);
  await sleep(400);
};
/** The candidate window is at the caret: at its row (just below it, or moved up over it near the
 * bottom edge), in the field typed in, and whole on the 1280×800 screen. */
function nearCaret(caret, win, where) {
  assert.ok(win, `no candidate window ${where}`);
  const said = `${where}: caret ${JSON.stringify(caret)}, candidates ${JSON.stringify(win)}`;
  assert.ok(win.x >= 0 && win.y >= 0 && win.x + win.w <= 1280 && win.y + win.h <= 800, `off the screen ${said}`);
  // Horizontally at the caret or where the composed text began (it may have wrapped from the
  // row before): inside the field typed in, unless pushed left by the screen's edge.
  const [fieldLeft, fieldRight] = caret.field;
  assert.ok((win.x >= fieldLeft - 20 && win.x <= fieldRight + 20) || win.x + win.w === 1280, `not in the field typed in ${said}`);
  // Vertically at the caret's row: below it, or (near the bottom edge, where fcitx5 moves it up)
  // touching it — never a line or more away.
  const below = win.y - caret.bottom;
  const above = caret.top - (win.y + win.h);
  assert.ok(below <= 60 && above <= 60, `not at the caret's row ${said}`);
}

/** The composition the page sees: the text of the focused element being composed, if any. */
const COMPOSING = `return window.__composing ?? null;`;

test("a real pinyin input method in the editor, the search box, the quick switch, the palette and forms", { skip: !imeAvailable() && "fcitx5/xdotool not installed" }, async () => {
  const ime = await startIme();
  const library = mkdtempSync(join(tmpdir(), "gaoku-e2e-ime-"));
  // The writer's own entry of the phrase bank, for 联想 below.
  cli(library, "phrase", "add", "实干兴邦、空谈误国", "--kind", "paired");
  const app = await startApp(library, { extraEnv: ime.env });
  try {
    // The page notes compositions as they happen (only to observe them here).
    await app.exec(`
      window.__composing = null;
      document.addEventListener('compositionupdate', (e) => { window.__composing = e.data; }, true);
      document.addEventListener('compositionend', () => { window.__composing = null; }, true);`);
    const content = await app.newDraft();
    const draft = cli(library, "draft", "list")[0].id;
    const initial = cli(library, "draft", "show", String(draft)).body;
    focusWindow(appPid(appBinary, library));
    await sleep(300);
    await press("ctrl+space"); // pinyin

    // --- The editor: words and punctuation committed; the composition inline, never saved.
    await keys("gaige");
    await press("space");
    await sleep(700);
    await keys("fazhan");
    await press("space");
    await keys(",");
    await keys("wending");
    await press("space");
    await keys(".");
    let text = await editorText(app);
    assert.ok(text.includes("改革发展，稳定。"), `committed words and full-width punctuation: ${text}`);
    // Quotes and book-title marks through the input method.
    await keys('"');
    await keys("shigan");
    await press("space");
    await keys('"');
    await keys("<");
    await keys("xuanjiang");
    await press("space");
    await keys(">");
    text = await editorText(app);
    assert.match(text, /“实干”《宣讲》$/m, text);

    // Composing: the pinyin stands inline at the caret, underlined, and no save takes it.
    await keys("jianshe");
    const composing = await app.exec(COMPOSING);
    assert.ok(composing && /jian\s?she/.test(composing), `composition seen by the page: ${composing}`);
    text = await editorText(app);
    assert.match(text, /jian\s?she/, `the composition is shown inline in the editor: ${text}`);
    await app.screenshot("ime-editor.png");
    nearCaret(await caretOnScreen(app), candidateWindow(), "in the editor");
    // Shortcuts pressed while composing act on nothing.
    const revisions = cli(library, "draft", "revisions", String(draft)).length;
    await press("ctrl+s");
    await press("ctrl+k");
    await press("ctrl+p");
    assert.equal(await app.exec("return document.getElementById('palette').hidden;"), true, "Ctrl+K while composing opened the palette");
    assert.equal(await app.exec("return document.getElementById('quick-switch').hidden;"), true, "Ctrl+P while composing opened the quick switch");
    await sleep(2500);
    const saved = cli(library, "draft", "show", String(draft)).body;
    assert.doesNotMatch(saved.slice(initial.length), /[a-z]/, `pinyin letters saved: ${saved}`);
    assert.equal(cli(library, "draft", "revisions", String(draft)).length, revisions, "Ctrl+S while composing saved a revision");
    // Esc drops the composition and nothing else.
    await press("Escape");
    text = await editorText(app);
    assert.doesNotMatch(text, /jian/, text);
    assert.equal(await app.exec("return document.getElementById('writer').hidden;"), false);
    // One undo takes back the last committed word, not a letter.
    await keys("tuanjie");
    await press("space");
    await sleep(800);
    assert.match(await editorText(app), /《宣讲》团结$/m);
    await press("ctrl+z");
    text = await editorText(app);
    assert.match(text, /《宣讲》$/m, `one undo: ${text}`);
    await app.waitFor("#save-state", (t) => t.startsWith("已保存"), 10000);
    await sleep(1500);
    const body = cli(library, "draft", "show", String(draft)).body;
    assert.ok(body.trimEnd().endsWith("改革发展，稳定。“实干”《宣讲》"), body);

    // --- The search box: the search runs on the committed word, not on the letters.
    await app.click(await app.find("#tab-library"));
    await app.click(await app.find("#search-box"));
    await sleep(300);
    await keys("zongjie");
    const status = await app.text(await app.find("#search-status"));
    assert.ok(!status.includes("篇"), `searched while composing: ${status}`);
    assert.match(await app.exec("return document.getElementById('search-box').value;"), /zong\s?jie/, "inline in the search box");
    await app.screenshot("ime-search.png");
    await press("space");
    await app.waitFor("#search-status", (t) => t.includes("1 篇"));
    assert.equal(await app.exec("return document.getElementById('search-box').value;"), "总结");

    // --- The quick switch: Enter that commits the letters does not open a speech.
    await app.exec("document.activeElement.blur(); return 1;");
    await press("ctrl+p");
    await app.waitFor("#quick-switch input");
    assert.equal(await app.exec("return document.getElementById('quick-switch').hidden;"), false);
    await keys("zongjie");
    await press("Return"); // commits the letters as typed
    assert.equal(await app.exec("return document.getElementById('quick-switch').hidden;"), false, "Enter that committed opened a speech");
    await app.exec("const i = document.querySelector('#quick-switch input'); i.value = ''; i.dispatchEvent(new Event('input')); return 1;");
    await keys("zongjie");
    await press("space");
    await app.waitFor("#quick-switch li", (t) => t.includes("总结"));
    await press("Return");
    await app.waitFor("#reader h1", (t) => t.includes("总结会议"));
    assert.equal(await app.exec("return document.getElementById('quick-switch').hidden;"), true);

    // --- Metadata: the title field takes committed words.
    await app.click(await app.find("#edit-speech"));
    const title = await app.waitFor("#edit-form input[name=title]");
    await app.click(title);
    await press("End");
    await keys("xiugai");
    await press("space");
    assert.ok((await app.exec("return document.querySelector('#edit-form input[name=title]').value;")).endsWith("修改"));
    await press("Escape");

    // --- The phrase palette: Enter that commits does not insert; then a committed filter does.
    await app.click(await app.find("#tab-drafts"));
    await app.click(await app.waitFor("#draft-list li"));
    await app.poll("return document.querySelector('#editor .cm-content')?.innerText ?? '';", (t) => t && t.includes("《宣讲》"));
    await app.click(content);
    await press("ctrl+End");
    const before = await editorText(app);
    await press("ctrl+k");
    await app.waitFor("#palette-input");
    await keys("shigan");
    await press("Return");
    assert.equal(await app.exec("return document.getElementById('palette').hidden;"), false, "Enter that committed inserted a phrase");
    assert.equal(await editorText(app), before);
    await app.exec("const i = document.getElementById('palette-input'); i.value = ''; i.dispatchEvent(new Event('input')); return 1;");
    await keys("shigan");
    await press("space");
    await app.waitFor("#palette-list li", (t) => t.includes("实干"));
    await press("Return");
    await app.poll("return document.querySelector('#editor .cm-content').innerText;", (t) => t && t.length > before.length);
    assert.ok((await editorText(app)).length > before.length, "the chosen phrase was inserted");

    // --- 联想: the phrase bank continues a committed word; never while composing.
    await press("ctrl+End");
    await press("Return");
    await keys("shigan");
    await sleep(600);
    assert.equal((await app.findAll(".cm-tooltip-autocomplete")).length, 0, "completions shown while composing");
    await press("space");
    assert.match(await editorText(app), /实干$/m, "the committed word");
    await app.waitFor(".cm-tooltip-autocomplete li", (t) => t.includes("实干兴邦、空谈误国"));
    await app.screenshot("ime-complete.png");
    await press("Tab");
    await app.poll("return document.querySelector('#editor .cm-content').innerText;", (t) => t && /实干兴邦、空谈误国$/m.test(t));
    assert.match(await editorText(app), /实干兴邦、空谈误国$/m);
    // One key dismisses an offer; the committed word stays as typed.
    await keys("shigan");
    await press("space");
    await app.waitFor(".cm-tooltip-autocomplete li");
    await press("Escape");
    assert.equal((await app.findAll(".cm-tooltip-autocomplete")).length, 0);
    assert.match(await editorText(app), /空谈误国实干$/m);
  } finally {
    await app.quit();
    ime.stop();
  }
});

test("the candidate window stays at the caret: at the end of a long line and near the bottom edge", { skip: !imeAvailable() && "fcitx5/xdotool not installed" }, async () => {
  const ime = await startIme();
  const library = mkdtempSync(join(tmpdir(), "gaoku-e2e-ime-"));
  const app = await startApp(library, { extraEnv: ime.env });
  try {
    await app.newDraft();
    focusWindow(appPid(appBinary, library));
    await sleep(300);
    // A long line: the caret at its end, by the editor's right edge.
    await app.imeType("要把项目建设作为稳增长、保态势的根本举措来抓，全力以赴抓招商、上项目、破难题，全面掀起大抓项目的新高潮，");
    await press("ctrl+space");
    await keys("gaige");
    nearCaret(await caretOnScreen(app), candidateWindow(), "at the end of a long line");
    await press("Escape");
    // Near the window's bottom edge: lines down to the last one in view.
    for (let i = 0; i < 30; i++) xdotool("key", "Return");
    await sleep(500);
    await keys("fazhan");
    const caret = await caretOnScreen(app);
    assert.ok(caret.bottom > 650, `the caret is near the bottom: ${JSON.stringify(caret)}`);
    nearCaret(caret, candidateWindow(), "near the bottom edge");
    await app.screenshot("ime-bottom.png");
    await press("space");
    assert.match(await editorText(app), /发展$/m);
  } finally {
    await app.quit();
    ime.stop();
  }
});
