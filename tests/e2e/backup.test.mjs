// End to end: the 备份 view. A backup folder set, a backup made from the view while the app
// runs, listed there, and the backup opens as a library with the CLI.
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
  } finally {
    await app.quit();
  }
  const made = readdirSync(backups).filter((n) => n.startsWith("gaoku-backup-"));
  assert.equal(made.length, 1);
  const list = JSON.parse(execFileSync(cliBinary, ["--library", join(backups, made[0]), "--json", "list"], { encoding: "utf8" }));
  assert.equal(list.length, 1);
  assert.match(list[0].title, /半年工作总结/);
});
