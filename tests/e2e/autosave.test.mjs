// End to end: a draft survives a crash while the writer types without pausing. Real X key events
// (xdotool) go through a real input method (fcitx5, keyboard and pinyin) into the real app; the
// app is killed with SIGKILL shortly after the last key; the library then holds everything that
// was in the editor more than 2 s before the kill, and nothing that was never typed (no stray
// pinyin letters). Timings are random per round and printed, so a failure can be replayed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appBinary, cliBinary, sleep, startApp } from "./webdriver.mjs";
import { appPid, focusWindow, imeAvailable, startIme, xdotool } from "./ime.mjs";

/** The saved text must cover what the editor held this long before the kill. */
const DURABLE_MS = 2000;
const editorText = (app) => app.exec("return document.querySelector('#editor .cm-content').innerText;");
const cli = (...args) => execFileSync(cliBinary, args, { encoding: "utf8" });

/** Saved body of the library's only draft. */
function savedDraft(library) {
  const drafts = JSON.parse(cli("--library", library, "--json", "draft", "list"));
  assert.equal(drafts.length, 1, JSON.stringify(drafts));
  return JSON.parse(cli("--library", library, "--json", "draft", "show", String(drafts[0].id))).body;
}

/**
 * One round: a new draft, words typed steadily (xdotool's 180 ms delay gives a key about every
 * 120 ms here) through the input method for `typeMs`, SIGKILL `killAfterMs` after the last key.
 * `word(i)` is the i-th word (pinyin words are committed with Space). Returns what the editor
 * showed along the way (with times), just before the kill, and what the library holds afterwards.
 */
async function typeAndKill(ime, { word, pinyin, typeMs, killAfterMs }) {
  const library = mkdtempSync(join(tmpdir(), "gaoku-e2e-"));
  const app = await startApp(library, { extraEnv: ime.env });
  const seen = [];
  let last = "";
  let killedAt = 0;
  try {
    await app.newDraft();
    // The new draft as created (typing goes at its end, where the click left the cursor).
    const initial = savedDraft(library);
    const pid = appPid(appBinary, library);
    focusWindow(pid);
    await sleep(300);
    if (pinyin) {
      xdotool("key", "ctrl+space");
      await sleep(300);
    }
    const words = [];
    for (let i = 0, start = Date.now(); Date.now() - start < typeMs; i++) {
      const w = word(i);
      words.push(w);
      xdotool("type", "--delay", "180", w);
      // Pinyin: the space picks the first candidate, as a writer does most of the time.
      if (pinyin) xdotool("key", "--delay", "180", "space");
      seen.push({ at: Date.now(), text: await editorText(app) });
    }
    await sleep(killAfterMs);
    last = await editorText(app);
    killedAt = Date.now();
    process.kill(pid, "SIGKILL");
    // What the editor held DURABLE_MS before the kill (the newest reading at or before that time).
    const due = seen.filter((s) => s.at <= killedAt - DURABLE_MS).at(-1)?.text ?? "";
    return { library, initial, words, seen, last, due, saved: null, typedFor: killedAt - seen[0].at };
  } finally {
    await app.quit().catch(() => {});
  }
}

/** Checks a round: nothing lost that was due, nothing saved that was not typed. */
function checkRound(r, label) {
  const clean = (s) => s.replace(/\n+$/, "");
  r.saved = savedDraft(r.library);
  const saved = clean(r.saved);
  const due = clean(r.due);
  const last = clean(r.last);
  console.log(
    `${label}: typed for ${r.typedFor} ms; editor ${last.length} chars at the kill, ${due.length} due, ${saved.length} saved`,
  );
  assert.ok(last.length > 0, "the keys reached the editor");
  assert.ok(saved.startsWith(due), `saved text lost what was typed >${DURABLE_MS} ms before the kill:\n saved: ${saved}\n due:   ${due}`);
  assert.ok(last.startsWith(saved), `saved text that the editor never held:\n saved: ${saved}\n last:  ${last}`);
}

test("steady typing is saved while it goes on: SIGKILL after the last key loses nothing older than 2 s", { skip: !imeAvailable() && "fcitx5/xdotool not installed" }, async () => {
  const ime = await startIme();
  try {
    for (let round = 1; round <= 3; round++) {
      // 5–7 s of steady typing, then the kill 0.1–0.7 s after the last key.
      const typeMs = 5000 + Math.floor(Math.random() * 2000);
      const killAfterMs = 100 + Math.floor(Math.random() * 600);
      const word = (i) => `k${String(i + 1).padStart(2, "0")} `;
      const r = await typeAndKill(ime, { word, pinyin: false, typeMs, killAfterMs });
      checkRound(r, `round ${round} (typing ${typeMs} ms, kill ${killAfterMs} ms after the last key)`);
      // The keyboard path is exact: the saved draft is the new draft plus the start of what
      // xdotool typed.
      assert.ok(r.saved.startsWith(r.initial), r.saved);
      assert.ok(r.words.join("").startsWith(r.saved.slice(r.initial.length)), r.saved);
      // A debounce would have saved nothing; the throttle has saved most of it.
      assert.ok(r.due.length > 0 && r.saved.length >= r.due.length);
    }
  } finally {
    ime.stop();
  }
});

test("pinyin typed steadily through fcitx5 is saved as committed words, never as pinyin letters", { skip: !imeAvailable() && "fcitx5/xdotool not installed" }, async () => {
  const ime = await startIme();
  try {
    const words = ["gaige", "fazhan", "wending", "jianshe", "chuangxin", "xietiao", "lvse", "kaifang", "gongxiang"];
    const typeMs = 5000 + Math.floor(Math.random() * 2000);
    const killAfterMs = 100 + Math.floor(Math.random() * 600);
    const word = (i) => words[i % words.length];
    const r = await typeAndKill(ime, { word, pinyin: true, typeMs, killAfterMs });
    checkRound(r, `pinyin (typing ${typeMs} ms, kill ${killAfterMs} ms after the last key)`);
    assert.match(r.last, /改革/, "the input method committed Chinese");
    assert.doesNotMatch(r.saved, /[a-z]/i, `pinyin letters in the saved draft: ${r.saved}`);
    assert.ok(r.due.length > 0, "some words were due before the kill");

    // Reopened, the app shows the saved draft in the editor.
    const app = await startApp(r.library);
    try {
      await app.waitFor("#reader h1", (t) => t.includes("2020年半年"));
      await app.click(await app.find("#tab-drafts"));
      await app.click(await app.waitFor("#draft-list li"));
      const shown = await app.poll("return document.querySelector('#editor .cm-content')?.innerText ?? '';", (t) => t && t.includes(r.saved.trim()));
      assert.ok(shown.includes(r.saved.trim()), shown);
    } finally {
      await app.quit();
    }
  } finally {
    ime.stop();
  }
});

test("a save that fails (the library locked by another program) is shown, keeps the text, and is retried", { skip: !sqliteAvailable() && "sqlite3 not installed" }, async () => {
  const library = mkdtempSync(join(tmpdir(), "gaoku-e2e-"));
  const app = await startApp(library);
  let lock = null;
  try {
    const content = await app.newDraft();
    await app.type(content, "before the lock ");
    await app.waitFor("#save-state", (t) => t.startsWith("已保存"));

    // Another program holds a write lock on the library database.
    lock = await holdWriteLock(join(library, "library.sqlite3"));
    await app.type(content, "typed while locked ");
    // The save waits for the lock; the editor stays usable meanwhile (the save runs off the
    // window's main thread): more typing arrives while it waits.
    await app.waitFor("#save-state", (t) => t.startsWith("保存中"));
    await app.type(content, "and more ");
    const during = await app.exec(
      "return [document.querySelector('#editor .cm-content').innerText, document.getElementById('save-state').textContent];",
    );
    assert.ok(during[0].includes("and more"), during[0]);
    // Typed during the wait: the status says the text is not saved yet (never 已保存).
    assert.match(during[1], /^(保存中|未保存)/, `the save was still waiting: ${during[1]}`);
    // It fails: the status bar says so, in the writer's language, and never claims a save.
    const failed = await app.waitFor("#save-state", (t) => t.startsWith("保存失败"), 20000);
    assert.match(await app.text(failed), /将自动重试/);
    assert.equal(await app.exec("return document.getElementById('save-state').classList.contains('failed');"), true);
    assert.ok((await editorText(app)).includes("typed while locked and more"), "the text stays in the editor");
    await app.screenshot("autosave-failed.png");

    // The lock goes away: the retry saves everything, with no further keystroke.
    lock.release();
    lock = null;
    await app.waitFor("#save-state", (t) => t.startsWith("已保存"), 40000);
    assert.match(savedDraft(library), /before the lock typed while locked and more/);
  } finally {
    lock?.release();
    await app.quit();
  }
});

function sqliteAvailable() {
  try {
    execFileSync("sqlite3", ["-version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Opens `db` in the sqlite3 shell and holds an exclusive write lock until `release()`. */
async function holdWriteLock(db) {
  const shell = spawn("sqlite3", [db], { stdio: ["pipe", "pipe", "inherit"] });
  let out = "";
  shell.stdout.on("data", (d) => (out += d));
  shell.stdin.write("BEGIN EXCLUSIVE;\nSELECT 'locked';\n");
  for (let i = 0; !out.includes("locked"); i++) {
    if (i > 100) throw new Error("could not lock the library");
    await sleep(100);
  }
  return {
    release() {
      shell.stdin.end("COMMIT;\n.quit\n");
    },
  };
}
