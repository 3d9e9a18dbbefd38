// Measures the built app as a writer meets it (not a test: timings are printed, never asserted).
//   node tests/e2e/measure.mjs LIBRARY [runs] [DRAFT.md]
// Cold start: from asking WebKitWebDriver for a session (which launches the app) until the
// library list shows every speech and the first speech is open. Search as you type: in the page,
// from the input event of the last keystroke until the hits are in the DOM and painted. With a
// draft file (imported into LIBRARY as a draft first): the preview update after each of 20 typed
// characters, from the request to the patched DOM, and the same followed by layout; then the
// autosave under steady typing (save round trip, longest gap between frames).
import { startApp } from "./webdriver.mjs";

const library = process.argv[2];
const runs = Number(process.argv[3] ?? 5);
const QUERIES = ["狠抓落实", "全面建成小康社会", "乡村 振兴", "一是…二是…三是", "改革", "既要…更要"];
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];

const starts = [];
const actions = [];
const search = new Map(QUERIES.map((q) => [q, []]));
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  const app = await startApp(library);
  try {
    await app.waitFor(".status", (t) => t.includes("共"), 30000);
    await app.waitFor("#speech-list li .title", (t) => t.length > 0, 30000);
    await app.waitFor("#reader h1", (t) => t.length > 0, 30000);
    starts.push(performance.now() - t0);
    // List actions, from the event to the next painted frame.
    const acts = await app.exec(
      `return (async () => {
         const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
         const box = document.getElementById('search-box');
         const status = document.getElementById('search-status');
         const time = async (act) => { const t = performance.now(); act(); await frame(); return performance.now() - t; };
         box.value = '落实'; box.dispatchEvent(new Event('input'));
         while (!status.textContent.includes('篇')) await new Promise((r) => setTimeout(r, 20));
         const clear = await time(() => { box.value = ''; box.dispatchEvent(new Event('input')); });
         const tab = await time(() => { document.getElementById('tab-phrases').click(); document.getElementById('tab-library').click(); });
         const sort = document.getElementById('search-sort');
         const bySort = sort ? await time(() => { sort.value = 'title'; sort.dispatchEvent(new Event('change')); }) : NaN;
         if (sort) { sort.value = 'relevance'; sort.dispatchEvent(new Event('change')); }
         return { clear, tab, sort: bySort, rows: document.querySelectorAll('#speech-list li').length };
       })();`,
    );
    actions.push(acts);
    for (const q of QUERIES) {
      const ms = await app.exec(
        `const q = arguments[0];
         const box = document.getElementById('search-box');
         const status = document.getElementById('search-status');
         status.textContent = '';
         return new Promise((done) => {
           const mo = new MutationObserver(() => {
             if (!status.textContent.includes('篇')) return;
             mo.disconnect();
             requestAnimationFrame(() => done(performance.now() - t0));
           });
           mo.observe(status, { childList: true, characterData: true, subtree: true });
           box.value = q;
           const t0 = performance.now();
           box.dispatchEvent(new Event('input'));
         });`,
        [q],
      );
      search.get(q).push(ms);
    }
  } finally {
    await app.quit();
  }
}
const draftFile = process.argv[4];
if (draftFile) {
  const { execFileSync } = await import("node:child_process");
  const { cliBinary } = await import("./webdriver.mjs");
  execFileSync(cliBinary, ["--library", library, "draft", "import", draftFile]);
  const app = await startApp(library);
  try {
    await app.waitFor("#reader h1", (t) => t.length > 0, 30000);
    await app.click(await app.find("#tab-drafts"));
    await app.click(await app.waitFor("#draft-list li"));
    await app.waitFor("#preview div[data-line]", (t) => t.length > 0, 30000);
    const content = await app.find("#editor .cm-content");
    await app.type(content, "\uE009\uE010\uE000");
    const result = await app.exec(
      `return (async () => {
         const wait = (ms) => new Promise((r) => setTimeout(r, ms));
         const c = document.querySelector('#editor .cm-content');
         const preview = document.getElementById('preview');
         performance.clearMeasures('gaoku-preview');
         const withLayout = [];
         for (let i = 0; i < 20; i++) {
           c.focus();
           document.execCommand('insertText', false, '字');
           const before = performance.getEntriesByName('gaoku-preview').length;
           while (performance.getEntriesByName('gaoku-preview').length === before) await wait(5);
           const t = performance.now();
           preview.offsetHeight;
           withLayout.push(performance.getEntriesByName('gaoku-preview').at(-1).duration + performance.now() - t);
         }
         const ms = performance.getEntriesByName('gaoku-preview').map((m) => m.duration);
         const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
         return { patch: med(ms), patchMax: Math.max(...ms), withLayout: med(withLayout), chars: document.getElementById('word-count').textContent };
       })();`,
    );
    console.log(`preview update of a draft of ${result.chars}: median ${result.patch.toFixed(1)} ms (max ${result.patchMax.toFixed(1)}), with layout ${result.withLayout.toFixed(1)} ms`);
    // Steady typing (a character every 100 ms for 6 s): the autosave runs every second; how long
    // each save takes (request to answer) and the longest gap between painted frames meanwhile.
    const typing = await app.exec(
      `return (async () => {
         const wait = (ms) => new Promise((r) => setTimeout(r, ms));
         const c = document.querySelector('#editor .cm-content');
         performance.clearMeasures('gaoku-autosave');
         let last = performance.now(), worst = 0, running = true;
         const frame = (t) => { worst = Math.max(worst, t - last); last = t; if (running) requestAnimationFrame(frame); };
         requestAnimationFrame(frame);
         for (let i = 0; i < 60; i++) {
           c.focus();
           document.execCommand('insertText', false, '字');
           await wait(100);
         }
         await wait(1500);
         running = false;
         const ms = performance.getEntriesByName('gaoku-autosave').map((m) => m.duration);
         const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
         return { saves: ms.length, median: med(ms), max: Math.max(...ms), worstFrame: worst, state: document.getElementById('save-state').textContent };
       })();`,
    );
    console.log(`autosave while typing steadily for 6 s: ${typing.saves} saves, median ${typing.median.toFixed(1)} ms (max ${typing.max.toFixed(1)}), longest frame gap ${typing.worstFrame.toFixed(0)} ms, status "${typing.state}"`);
  } finally {
    await app.quit();
  }
}
console.log(`cold start to a usable window (ms, ${runs} runs): median ${median(starts).toFixed(0)}, all ${starts.map((x) => x.toFixed(0)).join(" ")}`);
for (const k of ["clear", "tab", "sort"]) {
  const t = actions.map((a) => a[k]).filter((x) => !Number.isNaN(x));
  if (t.length) console.log(`list action "${k}" to the next frame: median ${median(t).toFixed(1)} ms (max ${Math.max(...t).toFixed(1)}); rows in the DOM ${actions[0].rows}`);
}
for (const [q, t] of search) console.log(`search as you type "${q}": median ${median(t).toFixed(1)} ms (max ${Math.max(...t).toFixed(1)})`);
