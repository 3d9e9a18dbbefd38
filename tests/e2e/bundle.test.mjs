// End to end: the 素材包 view. A colleague's bundle (made with the CLI from another library, with a
// starred phrase and a template) is imported from the view: the report names what came in, the
// library list grows, the star is here; importing it again adds nothing; a cut copy of it is
// refused and changes nothing; the library exported from the view imports into a third library.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { appBinary, cliBinary, repo, startApp } from "./webdriver.mjs";

const cli = (library, ...args) => execFileSync(cliBinary, ["--library", library, ...args], { encoding: "utf8" });
const json = (library, ...args) => JSON.parse(cli(library, "--json", ...args));

test("share material between two libraries through the 素材包 view", async () => {
  const work = mkdtempSync(join(tmpdir(), "gaoku-e2e-bundle-"));
  // The colleague's library: the sample and one more speech, a starred phrase, a template.
  const theirs = join(work, "theirs");
  cli(theirs, "import", join(repo, "tests/fixtures/formats/秋冬季安全生产.docx"));
  const phrase = json(theirs, "phrases").find((p) => p.kind === "parallel");
  cli(theirs, "phrase", "star", String(phrase.id));
  const other = json(theirs, "list").find((s) => s.title.includes("安全"));
  cli(theirs, "template", "from", String(other.id), "--name", "冬季安全部署");
  const bundle = join(work, "shared.gaoku");
  cli(theirs, "bundle", "export", "-o", bundle);
  const cut = join(work, "cut.gaoku");
  const bytes = readFileSync(bundle);
  writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));

  const mine = join(work, "mine");
  const app = await startApp(mine);
  try {
    await app.waitFor("header .status", (t) => t.startsWith("共 1 篇"));
    await app.exec("return window.__TAURI_INTERNALS__.invoke('plugin:event|emit', { event: 'menu', payload: 'bundle' });");
    await app.waitFor("#reader h1", (t) => t === "素材包");

    // The file is chosen in the native dialog, typed there with X key events.
    await app.click(await app.find("#bundle-import"));
    await app.chooseFile("导入素材包", bundle);
    await app.waitFor("#bundle-status", (t) => t.startsWith("已导入"));
    await app.waitFor("#bundle-report li", (t) => t === "讲话稿：新增 1 篇，已有 1 篇（补充标签 0 个）");
    const lines = await app.exec("return [...document.querySelectorAll('#bundle-report li')].map((l) => l.textContent);");
    assert.ok(lines.some((l) => l.includes("秋冬季")), lines.join("\n"));
    assert.ok(lines.includes("模板：新增 1 个，改名 0 个，已有 0 个"), lines.join("\n"));
    await app.waitFor("header .status", (t) => t.startsWith("共 2 篇"));
    await app.screenshot("bundle.png");
    const starred = json(mine, "phrases", "--starred").map((p) => p.text);
    assert.ok(starred.includes(phrase.text), starred.join("、"));

    // Again: nothing new.
    await app.click(await app.find("#bundle-import"));
    await app.chooseFile("导入素材包", bundle);
    await app.waitFor("#bundle-report li", (t) => t === "讲话稿：新增 0 篇，已有 2 篇（补充标签 0 个）");
    // A cut copy: refused, named damaged, nothing imported.
    await app.click(await app.find("#bundle-import"));
    await app.chooseFile("导入素材包", cut);
    await app.waitFor("#bundle-status", (t) => t.includes("已损坏") && t.includes("没有导入任何内容"));
    assert.equal(json(mine, "list").length, 2);

    // Export everything with the drafts from the view; a third library takes it whole.
    const out = join(work, "mine.gaoku");
    await app.click(await app.find("#bundle-drafts"));
    await app.click(await app.find("#bundle-export"));
    await app.chooseFile("导出素材包", out);
    await app.waitFor("#bundle-export-status", (t) => t.startsWith("已导出") && t.includes("讲话稿 2 篇") && t.includes("模板 1 个"));
  } finally {
    await app.quit();
  }
  const third = join(work, "third");
  const report = json(third, "--no-seed", "bundle", "import", join(work, "mine.gaoku"));
  assert.equal(report.speeches_added.length, 2);
  assert.equal(report.templates_added, 1);
  assert.deepEqual(
    json(third, "list").map((s) => s.title).sort(),
    json(mine, "list").map((s) => s.title).sort(),
  );
});

test("a file the app is launched with opens: a 素材包 to import, a draft in the editor", async () => {
  const work = mkdtempSync(join(tmpdir(), "gaoku-e2e-open-"));
  const theirs = join(work, "theirs");
  cli(theirs, "import", join(repo, "tests/fixtures/formats/秋冬季安全生产.docx"));
  const bundle = join(work, "秋冬季素材.gaoku");
  cli(theirs, "bundle", "export", "-o", bundle);
  const mine = join(work, "mine");
  // As a double-click on the .gaoku file launches it (the desktop entry passes the file).
  const app = await startApp(mine, { args: [bundle] });
  try {
    await app.waitFor("#reader h1", (t) => t === "素材包");
    await app.waitFor("#bundle-pending", (t) => t.includes("秋冬季素材.gaoku") && t.includes("吗？"));
    // Nothing is imported before the writer says so.
    assert.equal(json(mine, "list").length, 1);
    await app.click(await app.find("#bundle-pending-import"));
    await app.waitFor("#bundle-report li", (t) => t.startsWith("讲话稿：新增 1 篇"));
    await app.waitFor("header .status", (t) => t.startsWith("共 2 篇"));

    // A draft double-clicked while the app runs: the second launch hands the file over and
    // ends; this window opens it as a new draft.
    const md = join(work, "提纲.md");
    writeFileSync(md, "# 在全县秋冬季工作会议上的讲话\n\n## 一、统一思想\n\n同志们：冬季安全不能松。\n");
    const second = spawn(appBinary, [md], { env: { ...process.env, GAOKU_LIBRARY: mine }, stdio: "ignore" });
    const end = await new Promise((done) => second.on("exit", (code, signal) => done({ code, signal })));
    assert.deepEqual(end, { code: 0, signal: null });
    await app.waitFor("#editor .cm-content", (t) => t.includes("冬季安全不能松"));
    await app.waitFor("#app-notice", (t) => t.includes("打开为新草稿"));
    const drafts = json(mine, "draft", "list");
    assert.deepEqual(drafts.map((d) => d.title), ["在全县秋冬季工作会议上的讲话"]);
  } finally {
    await app.quit();
  }
});
