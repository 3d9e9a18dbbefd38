// End to end in the real app: importing a folder of good and bad files shows progress, then a
// report that names each bad file with its reason; the library list grows by the good ones. The
// folder holds one speech as LibreOffice saved it in six formats (tests/fixtures/formats: .doc,
// .docx, .pdf, .odt, .rtf, .html) and as a WPS .wps: one speech, the rest its duplicates.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repo, startApp } from "./webdriver.mjs";

test("import a folder of good and bad files and see the report", async () => {
  const library = mkdtempSync(join(tmpdir(), "gaoku-e2e-"));
  const folder = mkdtempSync(join(tmpdir(), "gaoku-import-"));
  mkdirSync(join(folder, "2021"));
  writeFileSync(join(folder, "2021", "动员会.txt"), "在全县安全生产动员会上的讲话\n同志们：\n要严督、严查、严问责。\n");
  copyFileSync(join(repo, "tests/fixtures/sample-gbk.txt"), join(folder, "sample-gbk.txt"));
  writeFileSync(join(folder, "empty.txt"), "");
  writeFileSync(join(folder, "old.doc"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
  writeFileSync(join(folder, "broken.docx"), "not a zip");
  const formats = join(repo, "tests/fixtures/formats");
  for (const name of readdirSync(formats).filter((n) => n.startsWith("秋冬季"))) {
    copyFileSync(join(formats, name), join(folder, name));
  }
  copyFileSync(join(formats, "秋冬季安全生产.doc"), join(folder, "秋冬季安全生产（WPS）.wps"));
  const app = await startApp(library);
  try {
    await app.waitFor("#speech-list li .title", (t) => t.length > 0);
    // WebDriver cannot perform an operating-system drop: hand the app the paths a drop would.
    await app.exec("window.dispatchEvent(new CustomEvent('gaoku-import', { detail: [arguments[0]] }));", [folder]);
    const summary = await app.waitFor("#import-summary", (t) => t.includes("已导入"));
    assert.equal(await app.text(summary), "已导入 2 篇，重复 7 篇，失败 3 个，跳过 0 个");
    const lines = await app.exec(
      "return Array.from(document.querySelectorAll('#import-panel .failed li')).map((li) => li.querySelector('.path').textContent + ' ' + li.querySelector('.why').textContent);",
    );
    // Reasons in Chinese, as the writer reads them.
    assert.ok(lines.some((l) => l.includes("old.doc") && l.includes("不是有效的 .doc 文件")), lines.join("\n"));
    assert.ok(lines.some((l) => l.includes("broken.docx") && l.includes("不是有效的 .docx")), lines.join("\n"));
    assert.ok(lines.some((l) => l.includes("empty.txt") && l.includes("空文件")), lines.join("\n"));
    const dups = await app.exec(
      "return Array.from(document.querySelectorAll('#import-panel .duplicates li')).map((li) => li.textContent).join('\\n');",
    );
    assert.match(dups, /sample-gbk\.txt/);
    for (const ext of ["docx", "pdf", "odt", "rtf", "html", "wps"]) {
      assert.ok(dups.includes(`.${ext}`), `the .${ext} is a duplicate of the same speech:\n${dups}`);
    }
    await app.waitFor("header .status", (t) => t.startsWith("共 3 篇"));
    const titles = await app.exec("return Array.from(document.querySelectorAll('#speech-list li .title')).map((t) => t.textContent);");
    assert.ok(titles.includes("在全县秋冬季安全生产工作会议上的讲话"), titles.join("\n"));
    await app.screenshot("import-report.png");
  } finally {
    await app.quit();
  }
});
