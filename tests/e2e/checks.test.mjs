// End to end in the real app: draft checks. A draft typed with a numbering gap (一、 then 三、), a
// half-width comma and an outdated 提法 (十九大精神 as the current task) shows all three as diagnostics; the quick fix in the
// hover corrects the comma; the 检查 panel lists the findings by kind; judged as of 2019 the
// 提法 is no longer flagged. The 规则 pane turns a check off; the reader checks a speech. Screenshot for the README.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp } from "./webdriver.mjs";

const ENTER = "\uE007";

/** The underlined texts in the editor, by severity (errors, warnings). */
const marks = async (app) => {
  const [errors, warnings] = await app.exec(
    `return ['error', 'warning'].map((s) =>
       [...document.querySelectorAll('#editor .cm-lintRange-' + s)].map((e) => e.textContent));`,
  );
  return { errors, warnings };
};

test("checks follow the typing: diagnostics, quick fix, the panel, the date", async () => {
  const library = mkdtempSync(join(tmpdir(), "gaoku-e2e-"));
  const app = await startApp(library);
  try {
    // The reader checks a library speech as of its own date (the sample: 2020).
    await app.waitFor("#reader h1", (t) => t.includes("2020年半年"));
    await app.click(await app.find("#check-speech"));
    await app.waitFor("#speech-check .check-summary", (t) => t.includes("讲话日期") && t.includes("2020"));

    const content = await app.newDraft();
    const lines = ["# 在全县重点工作推进会上的讲话", "同志们：", "## 一、看形势", "我们要深入学习贯彻党的十九大精神,狠抓工作落实。", "## 三、抓落实", "正文。"];
    await app.ctrl("a");
    for (const [i, line] of lines.entries()) {
      if (i > 0) await app.type(content, `${ENTER}${ENTER}`);
      await app.imeType(line);
    }
    // The checks run after a pause in the typing.
    const found = await app.poll(
      `return [...document.querySelectorAll('#editor .cm-lintRange')].map((e) => e.textContent).join('|');`,
      (t) => (t ?? "").includes("三、") && (t ?? "").includes(",") && (t ?? "").includes("十九大"),
      15000,
    );
    assert.ok(found?.includes("三、"), `diagnostics: ${found}`);
    const m = await marks(app);
    assert.ok(m.errors.includes("三、"), `the gap is an error: ${JSON.stringify(m)}`);
    assert.ok(m.warnings.includes(","), `the comma is a warning: ${JSON.stringify(m)}`);
    assert.ok(m.warnings.some((t) => t.includes("十九大")), `the 提法 is a warning: ${JSON.stringify(m)}`);
    // A gutter mark on the lines with findings.
    assert.ok((await app.findAll("#editor .cm-lint-marker")).length >= 2);

    // The panel: findings by kind, with the date they were judged by (today: no date in the draft).
    await app.click(await app.find("#draft-check"));
    await app.waitFor("#check-body .check-summary", (t) => t.includes("今天") && t.includes("1 个错误"));
    const panel = await app.text(await app.find("#check-body"));
    for (const kind of ["结构", "写作", "提法"]) assert.ok(panel.includes(kind), `${kind} in ${panel}`);
    assert.ok(panel.includes("缺少二、"), panel);
    await app.screenshot("checks.png");

    // The quick fix in the hover over the comma.
    const comma = (await app.findAll("#editor .cm-lintRange-warning")).at(-1);
    let fixed = false;
    for (const el of await app.findAll("#editor .cm-lintRange-warning")) {
      if ((await app.text(el)) !== ",") continue;
      await app.hover(el);
      const action = await app.waitFor(".cm-tooltip-lint .cm-diagnosticAction", (t) => t.includes("，"), 5000);
      await app.screenshot("checks-fix.png");
      await app.click(action);
      fixed = true;
      break;
    }
    assert.ok(fixed && comma, "the comma had a quick fix");
    await app.poll(
      "return document.querySelector('#editor .cm-content').innerText;",
      (t) => (t ?? "").includes("精神，狠抓"),
    );
    assert.ok((await app.exec("return document.querySelector('#editor .cm-content').innerText;")).includes("精神，狠抓"));

    // Judged as of 2019 the plan was current: the 提法 goes, the gap stays.
    await app.exec(
      "const d = document.getElementById('check-date'); d.value = '2019-06-30'; d.dispatchEvent(new Event('change'));",
    );
    await app.waitFor("#check-body .check-summary", (t) => t.includes("2019-06-30"));
    await app.poll(
      "return [...document.querySelectorAll('#editor .cm-lintRange-warning')].map((e) => e.textContent).join('|');",
      (t) => !(t ?? "十九大").includes("十九大"),
    );
    const after = await marks(app);
    assert.ok(!after.warnings.some((t) => t.includes("十九大")), JSON.stringify(after));
    assert.ok(after.errors.includes("三、"), JSON.stringify(after));
    assert.ok(!(await app.text(await app.find("#check-body"))).includes("提法 "));

    // The 规则 pane: turning numbering-gap off silences it in the editor.
    await app.click(await app.find("#tab-rules"));
    const box = await app.waitFor('#check-rules input[data-rule="numbering-gap"]');
    await app.click(box);
    await app.waitFor("#rules-status", (t) => t.includes("已停用"));
    const terms = await app.text(await app.find("#term-rules"));
    assert.ok(terms.includes("十三五") && terms.includes("2016-01-01"), terms.slice(0, 200));
    await app.type(await app.find("#editor .cm-content"), " ");
    const quiet = await app.poll(
      "return document.querySelectorAll('#editor .cm-lintRange-error').length;",
      (n) => n === 0,
      10000,
    );
    assert.equal(quiet, 0, "the gap is no longer reported");
  } finally {
    await app.quit();
  }
});
