// End to end: the app's life as a process. The system asking it to stop (SIGTERM: a logout,
// `kill`, a service manager): what was typed a moment before is saved, and the app ends with
// status 0 rather than dying of the signal. A second launch on the same library: the running
// window comes forward and the second process ends.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appPid } from "./ime.mjs";
import { appBinary, cliBinary, sleep, startApp } from "./webdriver.mjs";

const CTRL = "\uE009";
const END = "\uE010";
const ENTER = "\uE007";
const RELEASE = "\uE000";

const gone = (pid) => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};

test("SIGTERM right after typing: the text is saved, then the app ends", async () => {
  const library = mkdtempSync(join(tmpdir(), "gaoku-e2e-"));
  const app = await startApp(library);
  const typed = "收到终止信号之前刚刚输入的这句话也要保存下来。";
  try {
    await app.waitFor("#reader h1", (t) => t.length > 0);
    await app.click(await app.find("#tab-drafts"));
    await app.waitFor("#draft-template option", (t) => t.length > 0);
    await app.exec("document.getElementById('draft-template').value = '致辞';");
    await app.click(await app.find("#draft-from-template"));
    const content = await app.waitFor("#editor .cm-content", (t) => t.includes("尊敬的"));
    await app.waitFor("#save-state", (t) => t.startsWith("已保存"));
    await app.click(content);
    await app.type(content, `${CTRL}${END}${RELEASE}${ENTER}`);
    await app.imeType(typed);
    await app.poll("return document.querySelector('#editor .cm-content').innerText;", (t) => t?.includes(typed), 5000);
    // At once, before the autosave's pause has passed.
    const pid = appPid(appBinary, library);
    process.kill(pid, "SIGTERM");
    const deadline = Date.now() + 10_000;
    while (!gone(pid) && Date.now() < deadline) await sleep(50);
    assert.ok(gone(pid), "the app ended within 10 s of SIGTERM");
  } finally {
    await app.quit().catch(() => {});
  }
  const drafts = JSON.parse(execFileSync(cliBinary, ["--library", library, "--json", "draft", "list"], { encoding: "utf8" }));
  const draft = JSON.parse(execFileSync(cliBinary, ["--library", library, "--json", "draft", "show", String(drafts[0].id)], { encoding: "utf8" }));
  assert.ok(draft.body.includes(typed), draft.body.slice(-200));
});

test("the app started on its own exits with status 0 on SIGTERM", async () => {
  const library = mkdtempSync(join(tmpdir(), "gaoku-e2e-"));
  const child = spawn(appBinary, [], { env: { ...process.env, GAOKU_LIBRARY: library }, stdio: "ignore" });
  const exited = new Promise((done) => child.on("exit", (code, signal) => done({ code, signal })));
  // Started: it holds the library (its lock names it), and its page has had time to load.
  const lock = join(library, "library.lock");
  const deadline = Date.now() + 20_000;
  while (!(existsSync(lock) && readFileSync(lock, "utf8").includes(`pid ${child.pid}`)) && Date.now() < deadline) await sleep(100);
  await sleep(3000);
  child.kill("SIGTERM");
  const end = await exited;
  assert.deepEqual(end, { code: 0, signal: null });
});

test("a second launch on the same library hands over to the running window", async () => {
  const library = mkdtempSync(join(tmpdir(), "gaoku-e2e-"));
  const app = await startApp(library);
  try {
    await app.waitFor("#reader h1", (t) => t.length > 0);
    const first = appPid(appBinary, library);
    const second = spawn(appBinary, [], { env: { ...process.env, GAOKU_LIBRARY: library }, stdio: "ignore" });
    const end = await new Promise((done) => second.on("exit", (code, signal) => done({ code, signal })));
    assert.deepEqual(end, { code: 0, signal: null });
    await app.waitFor("#app-notice", (t) => t.includes("已在运行"));
    assert.equal(appPid(appBinary, library), first, "the first app goes on");
    // Another library is another window.
    const other = mkdtempSync(join(tmpdir(), "gaoku-e2e-"));
    const third = spawn(appBinary, [], { env: { ...process.env, GAOKU_LIBRARY: other }, stdio: "ignore" });
    const deadline = Date.now() + 20_000;
    while (!existsSync(join(other, "library.lock")) && Date.now() < deadline) await sleep(100);
    await sleep(1000);
    assert.equal(third.exitCode, null, "an app on another library keeps running");
    third.kill("SIGTERM");
  } finally {
    await app.quit();
  }
});
