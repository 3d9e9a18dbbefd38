// What every part of the window shares: its elements (the library pane's inputs and lists, the
// reader, the outline), the writer and its helpers, and switching the middle pane between a
// speech and the open draft. The parts themselves live in reader.ts, library-list.ts,
// search-pane.ts and main.ts (layout, tabs, shortcuts).
import { asAppError } from "./api";
import { copyText, el } from "./dom";
import { createWriter } from "./writer";
import { draftPane } from "./drafts";
import { createPalette } from "./palette";
import { tr } from "./i18n";
import { pickSpeech } from "./quickswitch";
import { runSearch } from "./search-pane";

/** The window's shared elements. */
export const ui = {
  status: el("span", { class: "status" }),
  /** A passing word from the app (a second launch handed over to this window). */
  notice: el("span", { id: "app-notice", class: "notice", role: "status" }),
  search: el("input", {
    id: "search-box",
    type: "search",
    placeholder: tr("检索：原词、关键词或句式（一是…二是…）"),
    "aria-label": tr("检索"),
  }),
  yearFrom: el("input", { id: "year-from", type: "number", placeholder: tr("起始年"), "aria-label": tr("起始年份") }),
  yearTo: el("input", { id: "year-to", type: "number", placeholder: tr("截止年"), "aria-label": tr("截止年份") }),
  kind: el("select", { id: "search-kind", "aria-label": tr("类别") }),
  speaker: el("input", { id: "search-speaker", type: "search", placeholder: tr("讲话人"), "aria-label": tr("讲话人") }),
  tag: el("input", { id: "search-tag", type: "search", placeholder: tr("标签"), "aria-label": tr("标签") }),
  sort: el("select", { id: "search-sort", "aria-label": tr("排序") }),
  searchStatus: el("div", { id: "search-status", class: "search-status" }),
  /** 按年份: the search's use over the years, and other queries to compare with. */
  years: el("div", { id: "year-panel", class: "year-panel", hidden: "" }),
  compareTerms: el("input", {
    id: "year-compare",
    type: "search",
    placeholder: tr("对比：另一个词，如 又好又快"),
    "aria-label": tr("与其他词对比"),
  }),
  list: el("ul", { class: "speech-list", id: "speech-list" }),
  results: el("ul", { class: "results", id: "results" }),
  reader: el("main", { class: "reader", id: "reader" }),
  outline: el("aside", { class: "outline", id: "outline" }),
};

export const drafts = draftPane({ open: (id) => void openDraft(id) });
export const writer = createWriter({
  changed: (saved) => (saved ? drafts.saved(saved) : void drafts.refresh()),
  openPalette: () => palette.open(),
  closed: () => {
    showReader();
    ui.reader.replaceChildren(el("p", { class: "hint" }, tr("草稿已删除。")));
  },
  // reader.ts imports this module: load it when first needed.
  openSource: (id, start, end) => void import("./reader").then((r) => r.openSpeech(id, [{ start, end }])),
  // So does compare-view.ts.
  compare: (id) =>
    pickSpeech(tr("选择要与草稿对比的讲话稿…"), (s) =>
      void import("./compare-view").then((c) => c.showCompare({ kind: "speech", id: s.id }, { kind: "draft", id })),
    ),
});
export const palette = createPalette((text) => void writer.insert(text));

/** The middle pane shows either a speech (reader) or the open draft (writer). */
let noticeTimer: number | undefined;

/** A passing word in the header (a second launch came here, a backup was made), gone after 8 s. */
export function notify(text: string) {
  ui.notice.textContent = text;
  window.clearTimeout(noticeTimer);
  noticeTimer = window.setTimeout(() => (ui.notice.textContent = ""), 8000);
}

export function showReader() {
  writer.element.hidden = true;
  ui.reader.hidden = false;
}

/** Shows a page of the app's own (备份, 素材包) in the reader: no speech, so no outline beside. */
export function showPage() {
  showReader();
  ui.outline.replaceChildren();
}

export async function openDraft(id: number) {
  try {
    ui.reader.hidden = true;
    writer.element.hidden = false;
    ui.outline.replaceChildren(writer.outline);
    await writer.open(id);
    if (ui.search.value.trim()) void runSearch();
  } catch (e) {
    showReader();
    showError(ui.reader, e);
  }
}

/** Inserts into the open draft, or copies when no draft is open. */
export async function useText(text: string, label: HTMLElement) {
  if (writer.current() !== null && !writer.element.hidden) {
    await writer.insert(text);
  } else {
    await copyText(text);
    label.textContent = tr("已复制");
  }
}

export function showError(target: HTMLElement, e: unknown) {
  target.replaceChildren(el("p", { class: "error", role: "alert" }, tr("出错了：{error}", { error: asAppError(e).message })));
}

export function meta(parts: Array<string | null | undefined>): string {
  return parts.filter(Boolean).join(" · ");
}

/** Makes a list item open something on click or Enter, marking it as the active one. */
export function opensOnActivate(list: HTMLElement, item: HTMLElement, open: () => void): HTMLElement {
  const activate = () => {
    list.querySelectorAll("li.active").forEach((n) => n.classList.remove("active"));
    item.classList.add("active");
    open();
  };
  item.addEventListener("click", activate);
  item.addEventListener("keydown", (ev) => ev.key === "Enter" && activate());
  return item;
}
