// End to end: the 备份 view. A backup folder set, a backup made from the view while the app
// runs, listed there; the speech removed, then the backup restored from the view (two clicks):
// the speech is back, the library as it was kept beside it; the backup opens with the CLI.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliBinary, startApp } from "./webdriver.mjs";

test("back the library up from the app and open the backup", async () => {
  const library = mkdtempSync(join(tmpdir(), "gaoku-e2e-"));
  const backups = mkdtempSync(join(tmpdir(), "gaoku-e2e-backups-"));
  const app = await startApp(library);
  try {
    await app.waitFor("#reader h1", (t) => t.length > 0);
    // The folder comes from a native dialog in use; here it is set through the same command.
    await app.exec("return window.__TAURI_INTERNALS__.invoke('backup_plan_set', { dir: arguments[0], keep: 3 });", [backups]);
    // File → 备份…: the menu sends its id to the page as an event.
    await app.exec("return window.__TAURI_INTERNALS__.invoke('plugin:event|emit', { event: 'menu', payload: 'backup' });");
    await app.waitFor("#backup-dir", (t) => t === backups);
    assert.equal(await app.exec("return document.getElementById('backup-keep').value;"), "3");
    await app.click(await app.find("#backup-now"));
    await app.waitFor("#backup-status", (t) => t.startsWith("已备份 1 篇"));
    await app.waitFor("#backup-list li", (t) => t.includes("1 篇"));
    await app.screenshot("backup.png");
    // Remove the speech, then restore the backup from the view.
    await app.exec("return window.__TAURI_INTERNALS__.invoke('speech_remove', { id: 1 });");
    const count = () => JSON.parse(execFileSync(cliBinary, ["--library", library, "--json", "list"], { encoding: "utf8" })).length;
    assert.equal(count(), 0);
    const restore = await app.find("#backup-list li .backup-restore");
    await app.click(restore);
    assert.equal(await app.text(restore), "确认恢复？");
    await app.click(restore);
    await app.waitFor("#backup-status", (t) => t.startsWith("已恢复：1 篇"));
    // The page starts afresh on the restored library.
    await app.waitFor("header .status", (t) => t.startsWith("共 1 篇"), 15000);
    await app.waitFor("#speech-list li .title", (t) => t.includes("半年工作总结"));
    assert.ok(readdirSync(library).some((n) => n.startsWith("before-restore-")));
    assert.equal(count(), 1);
    // The app works on the restored library: a search finds the speech's text.
    await app.type(await app.find("#search-box"), "狠抓落实");
    await app.waitFor("#results li .title", (t) => t.includes("半年工作总结"));
  } finally {
    await app.quit();
  }
  const made = readdirSync(backups).filter((n) => n.startsWith("gaoku-backup-"));
  assert.equal(made.length, 1);
  const list = JSON.parse(execFileSync(cliBinary, ["--library", join(backups, made[0]), "--json", "list"], { encoding: "utf8" }));
  assert.equal(list.length, 1);
  assert.match(list[0].title, /半年工作总结/);
});
