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
  // Two hostile files: a PDF whose form object draws itself (it overflowed the app's stack
  // before the reading guard) and a file holding one character.
  writeFileSync(join(folder, "loop.pdf"), selfDrawingPdf());
  writeFileSync(join(folder, "one.txt"), "!");
  const app = await startApp(library);
  try {
    await app.waitFor("#speech-list li .title", (t) => t.length > 0);
    // WebDriver cannot perform an operating-system drop: hand the app the paths a drop would.
    await app.exec("window.dispatchEvent(new CustomEvent('gaoku-import', { detail: [arguments[0]] }));", [folder]);
    const summary = await app.waitFor("#import-summary", (t) => t.includes("已导入"));
    assert.equal(await app.text(summary), "已导入 2 篇，重复 7 篇，失败 5 个，跳过 0 个");
    const lines = await app.exec(
      "return Array.from(document.querySelectorAll('#import-panel .failed li')).map((li) => li.querySelector('.path').textContent + ' ' + li.querySelector('.why').textContent);",
    );
    // Reasons in Chinese, as the writer reads them.
    assert.ok(lines.some((l) => l.includes("old.doc") && l.includes("不是有效的 .doc 文件")), lines.join("\n"));
    assert.ok(lines.some((l) => l.includes("broken.docx") && l.includes("不是有效的 .docx")), lines.join("\n"));
    assert.ok(lines.some((l) => l.includes("empty.txt") && l.includes("空文件")), lines.join("\n"));
    // The app survived the PDF (read in its guarded worker) and says why it was skipped.
    assert.ok(lines.some((l) => l.includes("loop.pdf") && l.includes("嵌套过深")), lines.join("\n"));
    assert.ok(lines.some((l) => l.includes("one.txt") && l.includes("不是一篇讲话稿")), lines.join("\n"));
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

/** A one-page PDF whose form XObject draws itself: endless recursion in a PDF reader. */
function selfDrawingPdf() {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X 4 0 R >> >> /Length 5 >>\nstream\n/X Do\nendstream",
    "<< /Length 5 >>\nstream\n/X Do\nendstream",
  ];
  let out = "%PDF-1.7\n";
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
