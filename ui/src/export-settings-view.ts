// 导出设置 (from any 导出… menu): how this library's Word exports look — the GB2312 fonts GB/T 9704
// names or the common ones Windows ships, a font for digits and Latin letters (Times New Roman
// where a unit asks for it), the 念稿版's size and the pace its times are reckoned at.
import { api, asAppError, type ExportSettings } from "./api";
import { el } from "./dom";
import { tr } from "./i18n";
import { showPage, ui } from "./workspace";

/** The 念稿版 sizes offered: (points, 字号). */
export const READING_SIZES: Array<[number, string]> = [
  [16, "三号"],
  [18, "小二"],
  [22, "二号"],
  [26, "一号"],
];

function select(id: string, label: string, options: Array<[string, string]>, value: string): [HTMLElement, HTMLSelectElement] {
  const s = el("select", { id });
  for (const [v, text] of options) s.append(el("option", { value: v }, text));
  s.value = value;
  const row = el("p", { class: "backup-row" });
  row.append(document.createTextNode(label), s);
  return [row, s];
}

export async function showExportSettings(): Promise<void> {
  showPage();
  let current: ExportSettings;
  try {
    current = await api.exportSettings();
  } catch (e) {
    ui.reader.replaceChildren(el("p", { class: "error" }, asAppError(e).message));
    return;
  }
  const [fontRow, fontSet] = select(
    "export-font-set",
    tr("中文字体："),
    [
      ["gb2312", tr("仿宋_GB2312、楷体_GB2312、方正小标宋_GBK（GB/T 9704 所列）")],
      ["common", tr("仿宋、楷体、方正小标宋简体（Windows 自带，含生僻字）")],
    ],
    current.font_set,
  );
  const [latinRow, latin] = select(
    "export-latin-font",
    tr("数字和西文："),
    [
      ["", tr("与中文相同")],
      ["Times New Roman", "Times New Roman"],
      ["Arial", "Arial"],
    ],
    current.latin_font ?? "",
  );
  const [sizeRow, size] = select(
    "export-reading-size",
    tr("念稿版字号："),
    READING_SIZES.map(([pt, name]) => [String(pt), `${tr(name)}（${pt} 磅）`]),
    String(current.reading_size),
  );
  const pace = el("input", { id: "export-pace", type: "number", min: "60", max: "600", step: "10" });
  pace.value = String(current.pace);
  const paceRow = el("p", { class: "backup-row" });
  paceRow.append(document.createTextNode(tr("语速：每分钟")), pace, document.createTextNode(tr("字（念稿版标注的时长按此计算）")));
  const status = el("p", { id: "export-settings-status", class: "meta", role: "status" });
  const save = async () => {
    try {
      current = await api.setExportSettings({
        font_set: fontSet.value === "common" ? "common" : "gb2312",
        latin_font: latin.value || null,
        reading_size: Number(size.value),
        pace: Number(pace.value) || current.pace,
      });
      status.textContent = tr("已保存");
    } catch (e) {
      status.textContent = asAppError(e).message;
    }
  };
  for (const input of [fontSet, latin, size, pace]) input.addEventListener("change", () => void save());
  ui.reader.replaceChildren(
    el("h1", {}, tr("导出设置")),
    el("p", { class: "meta" }, tr("本素材库的 Word 导出都按这里的设置。引号、破折号、省略号始终用中文字体，即使数字和西文选了 Times New Roman。")),
    fontRow,
    latinRow,
    sizeRow,
    paceRow,
    status,
  );
}
