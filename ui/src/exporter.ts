// Export buttons: a .docx in the 公文 (GB/T 9704) or plain layout or as the 念稿版 reading copy,
// docx-ready Markdown, plain text, written where the user chooses in the save dialog; or the plain
// text copied to the clipboard; and the library's export settings (fonts, the 念稿版's size).
import { save } from "@tauri-apps/plugin-dialog";
import { api, asAppError, type ExportFormat, type ExportStyle, type ExportTarget } from "./api";
import { copyText, el } from "./dom";
import { tr } from "./i18n";

const CHOICES: Array<[string, string, ExportFormat, ExportStyle, string]> = [
  ["export-docx-gbt", tr("Word（公文格式）"), "docx", "gbt9704", "docx"],
  ["export-docx-plain", tr("Word（普通格式）"), "docx", "plain", "docx"],
  ["export-docx-reading", tr("Word（念稿版：大字、留批注边、标时长）"), "docx", "reading", "docx"],
  ["export-md", tr("Markdown（可转 Word）"), "md", "gbt9704", "md"],
  ["export-txt", tr("纯文本"), "txt", "plain", "txt"],
];

/** A file name from a title: no characters that file systems refuse. */
export function fileName(title: string, ext: string): string {
  const base = title.replace(/[\\/:*?"<>|\n\r\t]/g, "").trim().slice(0, 60) || tr("讲话稿");
  return `${base}.${ext}`;
}

export function exportMenu(
  target: () => ExportTarget | null,
  title: () => string,
  before: () => Promise<void> = async () => {},
): HTMLElement {
  const wrap = el("span", { class: "export-menu" });
  const select = el("select", { class: "export-select", "aria-label": tr("导出") });
  select.append(el("option", { value: "" }, tr("导出…")));
  for (const [id, label] of CHOICES) select.append(el("option", { value: id }, label));
  select.append(el("option", { value: "copy" }, tr("复制纯文本")));
  select.append(el("option", { value: "settings" }, tr("导出设置（字体、念稿版字号）…")));
  const note = el("span", { class: "export-note", role: "status" });
  select.addEventListener("change", async () => {
    const choice = select.value;
    select.value = "";
    const t = target();
    if (choice === "settings") {
      void import("./export-settings-view").then((v) => v.showExportSettings());
      return;
    }
    if (!t || !choice) return;
    try {
      await before();
      if (choice === "copy") {
        await copyText(await api.exportText(t, "txt"));
        note.textContent = tr("已复制");
        return;
      }
      const [, label, format, style, ext] = CHOICES.find((c) => c[0] === choice)!;
      const path = await save({ title: tr("导出"), defaultPath: fileName(title(), ext), filters: [{ name: label, extensions: [ext] }] });
      if (!path) return;
      await api.exportSave(t, format, style, path);
      note.textContent = tr("已导出：{path}", { path });
    } catch (e) {
      note.textContent = tr("导出失败：{error}", { error: asAppError(e).message });
    }
  });
  wrap.append(select, note);
  return wrap;
}
