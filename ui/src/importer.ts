// Import: file and folder dialogs, drag and drop, a progress bar, and the per-file report.
import { IMPORT_EXTENSIONS } from "./generated/ipc";
import { open } from "@tauri-apps/plugin-dialog";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { api, asAppError, type ImportReport } from "./api";
import { el } from "./dom";
import { tr } from "./i18n";
import { errorText } from "./errors";

/** The import panel: progress while running, then the report. */
const panel = el("section", { id: "import-panel", class: "import-panel", hidden: "" });

function section(title: string, lines: Array<[string, string]>, cls: string): HTMLElement {
  const box = el("div", { class: `report-part ${cls}` });
  box.append(el("h3", {}, `${title}（${lines.length}）`));
  const list = el("ul");
  for (const [a, b] of lines) {
    const li = el("li");
    li.append(el("span", { class: "path" }, a), el("span", { class: "why" }, b));
    list.append(li);
  }
  box.append(list);
  return box;
}

function renderReport(r: ImportReport) {
  const close = el("button", { type: "button", class: "close" }, tr("关闭"));
  close.addEventListener("click", () => (panel.hidden = true));
  const name = (p: string) => p.split(/[\\/]/).pop() ?? p;
  panel.replaceChildren(
    el("h2", {}, tr("导入结果")),
    el(
      "p",
      { id: "import-summary" },
      tr("已导入 {imported} 篇，重复 {duplicates} 篇，失败 {failed} 个，跳过 {skipped} 个", {
        imported: r.imported.length,
        duplicates: r.duplicates.length,
        failed: r.failed.length,
        skipped: r.skipped.length,
      }),
    ),
    section(tr("已导入"), r.imported.map((i) => [i.title, name(i.path)]), "imported"),
    section(tr("重复（库中已有）"), r.duplicates.map((d) => [name(d.path), tr("与第 {id} 篇相同", { id: d.id })]), "duplicates"),
    section(tr("失败"), r.failed.map((f) => [name(f.path), errorText(f.code, f.params, f.error)]), "failed"),
    section(tr("跳过"), r.skipped.map((s) => [name(s.path), errorText(s.code, {}, s.reason)]), "skipped"),
    close,
  );
}

/** Imports paths with progress, shows the report, then calls `done` (to refresh the library). */
export async function importPaths(paths: string[], done: () => void) {
  if (!paths.length) return;
  const bar = el("progress", { id: "import-progress", max: "1", value: "0" });
  const current = el("div", { class: "current" }, tr("准备中…"));
  const cancel = el("button", { type: "button" }, tr("停止"));
  cancel.addEventListener("click", () => void api.importCancel());
  panel.replaceChildren(el("h2", {}, tr("正在导入")), bar, current, cancel);
  panel.hidden = false;
  const unlisten = await api.onImportProgress((p) => {
    bar.max = p.total;
    bar.value = p.done;
    current.textContent = `${p.done} / ${p.total} · ${p.path}`;
  });
  try {
    renderReport(await api.importPaths(paths));
  } catch (e) {
    panel.replaceChildren(el("p", { class: "error", role: "alert" }, tr("导入失败：{error}", { error: asAppError(e).message })));
  } finally {
    unlisten();
    done();
  }
}

/** Wires the import buttons, drag and drop of files and folders, and returns the panel. */
export function setupImport(buttons: HTMLElement, done: () => void): HTMLElement {
  const files = el("button", { type: "button", id: "import-files" }, tr("导入文件…"));
  const folder = el("button", { type: "button", id: "import-folder" }, tr("导入文件夹…"));
  files.addEventListener("click", async () => {
    const chosen = await open({
      multiple: true,
      // The formats the core reads (generated from Rust), so the dialog never hides one.
      filters: [{ name: tr("讲话稿（Word、WPS、PDF、网页、文本）"), extensions: [...IMPORT_EXTENSIONS] }],
    });
    if (chosen) await importPaths(Array.isArray(chosen) ? chosen : [chosen], done);
  });
  folder.addEventListener("click", async () => {
    const chosen = await open({ directory: true, multiple: false });
    if (typeof chosen === "string") await importPaths([chosen], done);
  });
  buttons.append(files, folder);
  void getCurrentWebview().onDragDropEvent((e) => {
    if (e.payload.type === "drop") void importPaths(e.payload.paths, done);
  });
  // The same entry point as a drop, for callers that hold paths (and for the end-to-end tests,
  // since WebDriver cannot perform an operating-system drop).
  window.addEventListener("gaoku-import", (e) => void importPaths((e as CustomEvent<string[]>).detail, done));
  return panel;
}
