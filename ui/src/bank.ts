// The 句式 (phrase bank) and 模板 (templates) panes of the sidebar.
import { api, asAppError, type Phrase, type PhraseKind, type Template } from "./api";
import { el } from "./dom";

export const KIND_NAMES: Record<PhraseKind, string> = {
  parallel: "排比",
  enumeration: "列举",
  paired: "对举",
  slogan: "提法",
  heading: "标题",
};

/** Callbacks into the rest of the window. */
export interface BankHooks {
  /** Open a speech with one span highlighted. */
  openAt: (speech: number, start: number, end: number) => void;
  /** Show a template in the reader. */
  showTemplate: (t: Template) => void;
}

export function phrasePane(hooks: BankHooks): HTMLElement {
  const pane = el("div", { id: "phrase-pane", class: "bank-pane" });
  const kind = el("select", { id: "phrase-kind", "aria-label": "类别" });
  kind.append(el("option", { value: "" }, "全部"));
  for (const [k, name] of Object.entries(KIND_NAMES)) kind.append(el("option", { value: k }, name));
  const filter = el("input", { id: "phrase-filter", type: "search", placeholder: "筛选句式", "aria-label": "筛选句式" });
  const starredOnly = el("input", { id: "phrase-starred", type: "checkbox" });
  const starredLabel = el("label", { class: "check" });
  starredLabel.append(starredOnly, document.createTextNode("只看收藏"));
  const bar = el("div", { class: "bank-filters" });
  bar.append(kind, filter, starredLabel);
  const list = el("ul", { id: "phrase-list", class: "bank-list" });
  const status = el("div", { class: "search-status" });
  pane.append(bar, status, list);

  const item = (p: Phrase): HTMLElement => {
    const li = el("li", { "data-id": String(p.id), class: p.starred ? "starred" : "" });
    const star = el("button", { type: "button", class: "star", title: p.starred ? "取消收藏" : "收藏" }, p.starred ? "★" : "☆");
    star.addEventListener("click", async (ev) => {
      ev.stopPropagation();
      try {
        const updated = await api.starPhrase(p.id, !p.starred);
        li.replaceWith(item(updated));
      } catch (e) {
        status.textContent = asAppError(e).message;
      }
    });
    const text = el("div", { class: "phrase-text" }, p.text);
    const meta = el("div", { class: "meta" }, `${KIND_NAMES[p.kind]} · ${p.count} 处${p.user ? " · 自添" : ""}`);
    li.append(star, text, meta);
    const source = p.sources[0];
    if (source) li.addEventListener("click", () => hooks.openAt(source.speech, source.start, source.end));
    return li;
  };

  const load = async () => {
    try {
      const rows = await api.phrases({
        kind: (kind.value || null) as PhraseKind | null,
        contains: filter.value.trim() || null,
        starred_only: starredOnly.checked,
        limit: 300,
      });
      status.textContent = `${rows.length} 条`;
      list.replaceChildren(...rows.map(item));
    } catch (e) {
      status.textContent = asAppError(e).message;
    }
  };
  kind.addEventListener("change", () => void load());
  starredOnly.addEventListener("change", () => void load());
  filter.addEventListener("input", () => void load());
  pane.addEventListener("gaoku-show", () => void load());
  return pane;
}

export function templatePane(hooks: BankHooks): HTMLElement {
  const pane = el("div", { id: "template-pane", class: "bank-pane" });
  const list = el("ul", { id: "template-list", class: "bank-list" });
  pane.append(list);
  pane.addEventListener("gaoku-show", async () => {
    try {
      const all = await api.templates();
      list.replaceChildren(
        ...all.map((t) => {
          const li = el("li", { tabindex: "0" });
          li.append(
            el("div", { class: "title" }, `${t.builtin ? "【内置】" : ""}${t.name}`),
            el("div", { class: "meta" }, t.description),
          );
          li.addEventListener("click", () => hooks.showTemplate(t));
          return li;
        }),
      );
    } catch (e) {
      list.replaceChildren(el("li", { class: "error" }, asAppError(e).message));
    }
  });
  return pane;
}

/** The reader's view of a template: its parts as an outline with notes. */
export function templateView(t: Template): HTMLElement[] {
  const body = el("article", { class: "template-view" });
  for (const p of t.parts) {
    const row = el("div", { class: `part level-${p.level}` });
    row.append(el("span", { class: "part-title" }, `${p.marker}${p.title}`));
    if (p.note) row.append(el("span", { class: "part-note" }, p.note));
    body.append(row);
  }
  return [el("h1", {}, t.name), el("div", { class: "meta" }, t.description), body];
}
