// End to end over the corpus: the 按年份 chart of a search (改革) shows every year the CLI counts,
// with the numbers in the DOM; a second term (对比) draws its own bars; a click on a bar narrows
// the search to that year. 对比: the 2019 report opened, 与…对比 picks the 2018 one, and the two
// stand side by side, the older on the left, with a summary. Screenshots of both.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliBinary, repo, startApp } from "./webdriver.mjs";

const corpus = process.env.GAOKU_CORPUS ?? join(repo, "../shared/corpus/gov-reports");
const json = (library, ...args) =>
  JSON.parse(execFileSync(cliBinary, ["--library", library, "--json", ...args], { encoding: "utf8", maxBuffer: 1 << 26 }));

test("use over the years and two reports compared, over the corpus", async (t) => {
  if (!existsSync(join(corpus, "manifest.tsv"))) {
    t.skip("SKIPPED: the corpus is absent (../shared/corpus/gov-reports beside the checkout, or GAOKU_CORPUS)");
    return;
  }
  const library = mkdtempSync(join(tmpdir(), "gaoku-e2e-years-"));
  execFileSync(cliBinary, ["--library", library, "--no-seed", "import", join(corpus, "docs")], { stdio: "ignore" });
  const truth = json(library, "search", "改革", "--by-year").years.filter((y) => y.year !== null);
  const app = await startApp(library);
  try {
    await app.waitFor("header .status", (t) => t.startsWith("共 "));
    await app.type(await app.find("#search-box"), "改革");
    await app.waitFor("#search-status", (t) => t.includes("篇"));
    await app.waitFor("#year-panel .year-legend", (t) => t.startsWith("改革"));
    const bars = await app.exec(
      "return [...document.querySelectorAll('#year-panel rect.year-bar[data-series=\"0\"]')].map((r) => [Number(r.dataset.year), Number(r.dataset.speeches), Number(r.dataset.matches), r.getAttribute('aria-label')]);",
    );
    assert.deepEqual(
      bars.map(([year, speeches, matches]) => ({ year, speeches, matches })),
      truth,
    );
    assert.ok(bars.every(([year, speeches, , label]) => label === `${year}年 改革：${speeches} 篇，${bars.find((b) => b[0] === year)[2]} 处`));
    const marks = await app.exec("return [...document.querySelectorAll('#year-panel text.year-mark')].map((t) => t.textContent);");
    assert.equal(marks[0], String(truth[0].year));
    assert.equal(marks.at(-1), String(truth.at(-1).year));

    // A second term to compare: its own bars.
    await app.type(await app.find("#year-compare"), "又好又快");
    await app.waitFor("#year-panel .year-legend", (t) => t.includes("又好又快"));
    const second = await app.exec("return [...document.querySelectorAll('#year-panel rect.year-bar[data-series=\"1\"]')].map((r) => Number(r.dataset.year));");
    const truth2 = json(library, "search", "又好又快", "--by-year").years.filter((y) => y.year !== null).map((y) => y.year);
    assert.deepEqual(second, truth2);
    await app.screenshot("by-year.png");

    // A click on the 2019 bar: the search narrows to 2019.
    await app.click(await app.find('#year-panel rect.year-bar[data-series="0"][data-year="2019"]'));
    await app.waitFor("#search-status", (t) => t.includes(`${truth.find((y) => y.year === 2019).speeches} 篇`));
    assert.equal(await app.exec("return document.getElementById('year-from').value + '-' + document.getElementById('year-to').value;"), "2019-2019");
    const titles = await app.exec("return [...document.querySelectorAll('#results li .title')].map((e) => e.textContent);");
    assert.ok(titles.some((t) => t.startsWith("2019年")), titles.join("\n"));

    // 对比: the 2019 report beside the 2018 one.
    assert.ok(titles.some((t) => t.startsWith("2019年中华人民共和国国务院政府工作报告")), titles.join("\n"));
    await app.exec(
      "[...document.querySelectorAll('#results li')].find((li) => li.querySelector('.title')?.textContent.startsWith('2019年中华人民共和国国务院政府工作报告')).click();",
    );
    await app.waitFor("#reader h1", (t) => t.startsWith("2019年"));
    await app.click(await app.find("#compare-speech"));
    const picker = await app.waitFor("#quick-switch input");
    await app.type(picker, "2018年中华人民共和国国务院");
    await app.waitFor("#quick-switch li", (t) => t.startsWith("2018年"));
    await app.type(picker, "\uE007");
    await app.waitFor("#reader h1", (t) => t === "对比", 15000);
    const heads = await app.exec("return [...document.querySelectorAll('#compare-grid .compare-head')].map((e) => e.textContent);");
    assert.ok(heads[0].startsWith("2018年") && heads[1].startsWith("2019年"), heads.join(" | "));
    const cli = json(library, "compare", String(idOf(library, "2018年")), String(idOf(library, "2019年")));
    const summary = await app.text(await app.find("#compare-summary"));
    assert.ok(summary.startsWith(`相同 ${cli.summary.same_paragraphs} 段，改写 ${cli.summary.changed_paragraphs} 段`), summary);
    const rows = await app.exec("return document.querySelectorAll('#compare-grid .compare-row').length;");
    assert.equal(rows, cli.rows.length);
    assert.ok((await app.findAll("#compare-grid mark.added")).length > 0);
    await app.screenshot("compare.png");
  } finally {
    await app.quit();
  }
});

function idOf(library, prefix) {
  return json(library, "list").find((s) => s.title.startsWith(prefix) && s.title.includes("政府工作报告")).id;
}
