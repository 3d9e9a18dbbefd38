// The 素材包 view (File → 素材包…): share the library's material with a colleague as one .gaoku
// file — which speeches (all, or the ones the filter bar shows), the writer's phrases, templates,
// 提法 rules, drafts — and merge a colleague's bundle in, with a report of what came in.
import { open, save } from "@tauri-apps/plugin-dialog";
import { api, asAppError, type BundleParts, type BundleReport } from "./api";
import { el } from "./dom";
import { tr } from "./i18n";
import { libraryRows, listFilter, refreshLibrary } from "./library-list";
import { filterList } from "./listfilter";
import { showPage, ui } from "./workspace";

const FILTERS = [{ name: tr("稿库素材包"), extensions: ["gaoku"] }];

/** `稿库素材包-20261130.gaoku`: the default name of a new bundle. */
export function bundleName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${tr("稿库素材包")}-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}.gaoku`;
}

/** The report of an import as lines to show (the first titles of the new speeches among them). */
export function reportLines(r: BundleReport, titlesShown = 10): string[] {
  const lines = [
    tr("讲话稿：新增 {added} 篇，已有 {known} 篇（补充标签 {tags} 个）", {
      added: r.speeches_added.length,
      known: r.speeches_known,
      tags: r.tags_added,
    }),
  ];
  const titles = r.speeches_added.slice(0, titlesShown).map((s) => `《${s.title}》`);
  if (titles.length > 0) {
    const more = r.speeches_added.length - titles.length;
    lines.push(titles.join("、") + (more > 0 ? tr("等 {n} 篇", { n: r.speeches_added.length }) : ""));
  }
  lines.push(tr("句式：新增 {added} 条，合并收藏和标签 {merged} 条", { added: r.phrases_added, merged: r.phrases_merged }));
  lines.push(
    tr("模板：新增 {added} 个，改名 {renamed} 个，已有 {known} 个", {
      added: r.templates_added,
      renamed: r.templates_renamed.length,
      known: r.templates_known,
    }),
  );
  for (const t of r.templates_renamed) lines.push(tr("“{from}”改名为“{to}”（本库已有同名模板）", { from: t.from, to: t.to }));
  lines.push(tr("提法规则：新增 {added} 条，更新 {replaced} 条", { added: r.rules_added, replaced: r.rules_replaced }));
  lines.push(tr("草稿：新增 {added} 篇，已有 {known} 篇", { added: r.drafts_added, known: r.drafts_known }));
  return lines;
}

function check(id: string, label: string, checked: boolean): [HTMLLabelElement, HTMLInputElement] {
  const box = el("input", { type: "checkbox", id });
  box.checked = checked;
  const l = el("label", { class: "bundle-part" });
  l.append(box, document.createTextNode(label));
  return [l, box];
}

function radio(value: string, checked: boolean): [HTMLLabelElement, HTMLInputElement, Text] {
  const r = el("input", { type: "radio", name: "bundle-speeches", value });
  r.checked = checked;
  const l = el("label", { class: "bundle-part" });
  const text = document.createTextNode("");
  l.append(r, text);
  return [l, r, text];
}

/** Shows the view; `pending` is a bundle the app was asked to open, imported on a click. */
export function showBundle(pending?: string): void {
  showPage();
  const [allLabel, allRadio, allText] = radio("all", true);
  const [shownLabel, shownRadio, shownText] = radio("shown", false);
  const [noneLabel, , noneText] = radio("none", false);
  noneText.textContent = tr("不含讲话稿");
  // The speeches of the list as it stands (counted again after an import).
  let shown = libraryRows;
  const count = () => {
    shown = filterList(libraryRows, listFilter());
    allText.textContent = tr("全部讲话稿（{n} 篇）", { n: libraryRows.length });
    shownText.textContent = tr("素材库列表当前筛选出的 {n} 篇", { n: shown.length });
    // Only a narrowed list is a choice of its own.
    shownLabel.hidden = shown.length === libraryRows.length;
    if (shownLabel.hidden && shownRadio.checked) allRadio.checked = true;
  };
  count();
  const [phrasesLabel, phrases] = check("bundle-phrases", tr("句式（收藏的、自己添加的、加了标签的）"), true);
  const [templatesLabel, templates] = check("bundle-templates", tr("自建模板"), true);
  const [rulesLabel, rules] = check("bundle-rules", tr("单位和个人提法规则"), true);
  const [draftsLabel, drafts] = check("bundle-drafts", tr("草稿（当前文本）"), false);
  const exportButton = el("button", { type: "button", id: "bundle-export" }, tr("导出素材包…"));
  const importButton = el("button", { type: "button", id: "bundle-import" }, tr("导入素材包…"));
  const status = el("p", { id: "bundle-status", class: "meta", role: "status" });
  const exportStatus = el("p", { id: "bundle-export-status", class: "meta", role: "status" });
  const report = el("ul", { id: "bundle-report", class: "bank-list" });

  const parts = (): BundleParts => ({
    all_speeches: allRadio.checked,
    speech_ids: shownRadio.checked ? shown.map((s) => s.id) : [],
    phrases: phrases.checked,
    templates: templates.checked,
    rules: rules.checked,
    drafts: drafts.checked,
  });
  exportButton.addEventListener("click", async () => {
    const path = await save({ title: tr("导出素材包"), defaultPath: bundleName(new Date()), filters: FILTERS });
    if (typeof path !== "string") return;
    exportButton.disabled = true;
    exportStatus.textContent = tr("正在导出…");
    try {
      const info = await api.exportBundle(path, parts());
      exportStatus.textContent = tr("已导出 {path}（{mb} MB）：讲话稿 {speeches} 篇，句式 {phrases} 条，模板 {templates} 个，提法规则 {rules} 条，草稿 {drafts} 篇", {
        path: info.path,
        mb: (info.bytes / 1e6).toFixed(1),
        speeches: info.speeches,
        phrases: info.phrases,
        templates: info.templates,
        rules: info.rules,
        drafts: info.drafts,
      });
    } catch (e) {
      exportStatus.textContent = asAppError(e).message;
    } finally {
      exportButton.disabled = false;
    }
  });
  const runImport = async (path: string) => {
    importButton.disabled = true;
    status.textContent = tr("正在导入…");
    report.replaceChildren();
    try {
      const r = await api.importBundle(path);
      status.textContent = tr("已导入 {path}", { path: r.path });
      report.replaceChildren(...reportLines(r).map((line) => el("li", {}, line)));
      await refreshLibrary();
      count();
    } catch (e) {
      status.textContent = asAppError(e).message;
    } finally {
      importButton.disabled = false;
    }
  };
  importButton.addEventListener("click", async () => {
    const path = await open({ title: tr("导入素材包"), multiple: false, directory: false, filters: FILTERS });
    if (typeof path === "string") await runImport(path);
  });
  // A bundle the app was asked to open (a double-click on a .gaoku file): imported once the
  // writer says so.
  const pendingRow = el("p", { id: "bundle-pending", class: "backup-row" });
  if (pending) {
    const go = el("button", { type: "button", id: "bundle-pending-import" }, tr("导入"));
    go.addEventListener("click", () => {
      pendingRow.remove();
      void runImport(pending);
    });
    pendingRow.append(document.createTextNode(tr("要导入素材包 {path} 吗？", { path: pending })), go);
  }

  const wrap = (button: HTMLElement) => {
    const p = el("p");
    p.append(button);
    return p;
  };
  const fieldset = (legend: string, ...labels: HTMLElement[]) => {
    const f = el("fieldset", { class: "bundle-parts" });
    f.append(el("legend", {}, legend), ...labels);
    return f;
  };
  ui.reader.replaceChildren(
    el("h1", {}, tr("素材包")),
    el("p", { class: "meta" }, tr("把讲话稿、句式、模板和提法规则打成一个文件（.gaoku），用U盘或内网共享给同事。导入时按正文去重：已有的讲话稿不会重复，只补充标签；同名模板改名后导入；损坏的素材包不会导入任何内容。")),
    el("h2", {}, tr("导入")),
    ...(pending ? [pendingRow] : []),
    wrap(importButton),
    status,
    report,
    el("h2", {}, tr("导出")),
    fieldset(tr("讲话稿"), allLabel, shownLabel, noneLabel),
    fieldset(tr("其他"), phrasesLabel, templatesLabel, rulesLabel, draftsLabel),
    wrap(exportButton),
    exportStatus,
  );
}
