// End to end in the real app: 查重 and similar passages. A draft that copies a sentence of the
// sample speech word for word and another paragraph of it with a few words changed: the 查重
// report names the sample as the source and marks both stretches in the text; with the cursor in
// the edited paragraph, the 相似段落 panel shows the sample's paragraph first. Screenshot.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp } from "./webdriver.mjs";

const ENTER = "\uE007";
const SAMPLE = "在全县2020年半年工作总结会议上的讲话";

test("查重 names the sample as the source; similar passages find the edited paragraph's source", async () => {
  const library = mkdtempSync(join(tmpdir(), "gaoku-e2e-"));
  const app = await startApp(library);
  try {
    const content = await app.newDraft();
    await app.ctrl("a");
    const lines = [
      "# 在全县重点项目推进会上的讲话",
      // Copied word for word, then a sentence of our own.
      "要把项目建设作为稳增长、保态势的根本举措来抓，全力以赴抓招商、上项目、破难题，全面掀起大抓项目的新高潮，带动全县发展实现大突破。青石镇今年要在云岭村新建三座冷链仓库。",
      // A paragraph of the sample with a few words changed (三季度 → 四季度, 过硬 → 有力, 千方百计 → 想方设法).
      "千招万招，不抓落实就是空招。打好四季度工作攻坚战，全县上下要以更加强烈的落实意识，更加有力的落实举措，更加务实的落实作风，不折不扣抓贯彻，想方设法抓推进，着力形成“攻坚决战、狠抓落实”的强大合力。",
    ];
    for (const [i, line] of lines.entries()) {
      if (i > 0) await app.type(content, `${ENTER}${ENTER}`);
      await app.imeType(line);
    }

    // The cursor rests in the edited paragraph: the sample's paragraph comes first.
    const first = await app.waitFor("#similar-list li[data-id]", () => true, 15000);
    assert.ok((await app.text(first)).includes(SAMPLE));
    assert.ok((await app.text(first)).includes("千招万招"));
    assert.ok((await app.findAll("#similar-list li:first-child mark.hit")).length > 0, "shared wording highlighted");

    await app.click(await app.find("#draft-reuse"));
    await app.waitFor("#reuse-summary", (t) => t.includes("重复率"), 15000);
    const sources = await app.text(await app.find("#reuse-sources"));
    assert.ok(sources.includes(SAMPLE), sources);
    const marked = await app.exec(
      "return [...document.querySelectorAll('#editor .reuse-mark')].map((e) => e.textContent).join('|');",
    );
    assert.ok(marked.includes("根本举措来抓"), marked);
    assert.ok(marked.includes("落实意识"), marked);
    assert.ok(!marked.includes("冷链仓库"), `our own sentence is not marked: ${marked}`);
    // A source row shows its passage beside the report.
    await app.click(await app.find("#reuse-sources button"));
    await app.waitFor("#reuse-passage", (t) => t.includes(SAMPLE) && t.includes("原文照搬"));
    await app.screenshot("reuse.png");
  } finally {
    await app.quit();
  }
});
