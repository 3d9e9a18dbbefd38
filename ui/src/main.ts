// Library window: lists the speeches in the library and shows one when clicked.
// Imported text is untrusted: it is only ever set through textContent, never as HTML.
import "./style.css";
import { api, asAppError, type SpeechSummary } from "./api";
import { formatChars, formatDate } from "./format";

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function showError(target: HTMLElement, e: unknown) {
  const err = asAppError(e);
  target.replaceChildren(el("p", { class: "error", role: "alert" }, `出错了：${err.message}`));
}

async function openSpeech(id: number, reader: HTMLElement) {
  try {
    const s = await api.speech(id);
    const meta = [formatDate(s.date), s.speaker, s.kind, formatChars(s.chars)].filter(Boolean).join(" · ");
    const body = el("article", { class: "speech-text" });
    for (const p of s.paragraphs) body.append(el("p", {}, p));
    reader.replaceChildren(el("h1", {}, s.title), el("div", { class: "meta" }, meta), body);
  } catch (e) {
    showError(reader, e);
  }
}

function renderList(rows: SpeechSummary[], list: HTMLElement, reader: HTMLElement) {
  list.replaceChildren(
    ...rows.map((s) => {
      const item = el("li", { "data-id": String(s.id), tabindex: "0" });
      item.append(
        el("div", { class: "title" }, s.title),
        el("div", { class: "meta" }, [formatDate(s.date), s.speaker, s.kind, formatChars(s.chars)].filter(Boolean).join(" · ")),
      );
      const open = () => {
        list.querySelectorAll("li.active").forEach((n) => n.classList.remove("active"));
        item.classList.add("active");
        void openSpeech(s.id, reader);
      };
      item.addEventListener("click", open);
      item.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter") open();
      });
      return item;
    }),
  );
}

async function main() {
  const app = document.getElementById("app")!;
  const status = el("span", { class: "status" });
  const header = el("header", {}, "");
  header.append(el("strong", {}, "稿库"), el("span", { class: "sub" }, "素材库"), status);
  const list = el("ul", { class: "speech-list", id: "speech-list" });
  const reader = el("main", { class: "reader", id: "reader" });
  reader.append(el("p", { class: "hint" }, "在左侧选择一篇讲话稿。"));
  const side = el("nav", { class: "side" });
  side.append(list);
  app.append(header, el("div", { class: "panes" }));
  app.querySelector(".panes")!.append(side, reader);
  try {
    const [info, rows] = await Promise.all([api.libraryInfo(), api.libraryList()]);
    status.textContent = `共 ${info.speeches} 篇 · ${info.dir}`;
    renderList(rows, list, reader);
    if (rows.length > 0) (list.firstElementChild as HTMLElement).click();
  } catch (e) {
    showError(reader, e);
  }
}

void main();
