// The 句式 (phrase bank) and 模板 (templates) panes of the sidebar.
import { api, asAppError, type Phrase, type PhraseKind, type Template } from "./api";
import { confirmClick, copyText, el, snippetNodes } from "./dom";
import { tr } from "./i18n";
import { latest, STALE } from "./latest";
import type { Pane } from "./pane";

export const KIND_NAMES: Record<PhraseKind, string> = {
  parallel: tr("排比"),
  enumeration: tr("列举"),
  paired: tr("对举"),
  slogan: tr("提法"),
  heading: tr("标题"),
};

/** Callbacks into the rest of the window. */
export interface BankHooks {
  /** Open a speech with one span highlighted. */
  openAt: (speech: number, start: number, end: number) => void;
  /** Show a template in the reader. */
  showTemplate: (t: Template) => void;
}

/** Places shown per page in an entry's list of uses. */
const USES_PAGE = 20;

/**
 * The places an entry is used, under it: speech, date and the text around each, a page at a time
 * ("再显示 20 处" until all are shown). Clicking one opens the speech there.
 */
function usesList(p: Phrase, hooks: BankHooks, status: HTMLElement): HTMLElement {
  const box = el("ol", { class: "phrase-uses" });
  box.addEventListener("click", (ev) => ev.stopPropagation());
  const more = el("li", { class: "more" });
  const moreButton = el("button", { type: "button" }, "");
  more.append(moreButton);
  let shown = 0;
  const page = async () => {
    moreButton.disabled = true;
    try {
      const uses = await api.phraseUses(p.id, shown, USES_PAGE);
      more.remove();
      for (const u of uses) {
        const row = el("li", { tabindex: "0", "data-speech": String(u.speech) });
        const head = el("div", { class: "meta" }, `${u.title}${u.date ? ` · ${u.date}` : ""}`);
        const text = el("div", { class: "snippet" });
        text.append(...snippetNodes(u.snippet));
        row.append(head, text);
        const open = () => hooks.openAt(u.speech, u.start, u.end);
        row.addEventListener("click", open);
        row.addEventListener("keydown", (e) => {
          if (e.key === "Enter") open();
        });
        box.append(row);
      }
      shown += uses.length;
      if (uses.length === USES_PAGE && shown < p.count) {
        moreButton.textContent = tr("再显示 {n} 处（共 {total} 处）", { n: Math.min(USES_PAGE, p.count - shown), total: p.count });
        moreButton.disabled = false;
        box.append(more);
      }
    } catch (e) {
      status.textContent = asAppError(e).message;
      moreButton.disabled = false;
    }
  };
  moreButton.addEventListener("click", () => void page());
  void page();
  return box;
}

export function phrasePane(hooks: BankHooks): Pane {
  const pane = el("div", { id: "phrase-pane", class: "bank-pane" });
  const kind = el("select", { id: "phrase-kind", "aria-label": tr("类别") });
  kind.append(el("option", { value: "" }, tr("全部")));
  for (const [k, name] of Object.entries(KIND_NAMES)) kind.append(el("option", { value: k }, name));
  const filter = el("input", { id: "phrase-filter", type: "search", placeholder: tr("筛选句式"), "aria-label": tr("筛选句式") });
  const starredOnly = el("input", { id: "phrase-starred", type: "checkbox" });
  const starredLabel = el("label", { class: "check" });
  starredLabel.append(starredOnly, document.createTextNode(tr("只看收藏")));
  const bar = el("div", { class: "bank-filters" });
  bar.append(kind, filter, starredLabel);
  const list = el("ul", { id: "phrase-list", class: "bank-list" });
  const status = el("div", { class: "search-status" });
  // The writer's own entries.
  const addForm = el("form", { id: "phrase-add", class: "bank-filters" });
  const addKind = el("select", { "aria-label": tr("新句式的类别") });
  for (const [k, name] of Object.entries(KIND_NAMES)) addKind.append(el("option", { value: k }, name));
  const addText = el("input", { type: "text", name: "text", placeholder: tr("添加自己的句式"), "aria-label": tr("添加自己的句式") });
  addForm.append(addKind, addText, el("button", { type: "submit" }, tr("添加")));
  addForm.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    try {
      const p = await api.addPhrase(addKind.value as PhraseKind, addText.value);
      addText.value = "";
      list.prepend(item(p));
      status.textContent = tr("已添加");
    } catch (e) {
      status.textContent = asAppError(e).message;
    }
  });
  pane.append(bar, addForm, status, list);

  const item = (p: Phrase): HTMLElement => {
    const li = el("li", { "data-id": String(p.id), class: p.starred ? "starred" : "" });
    const star = el("button", { type: "button", class: "star", title: p.starred ? tr("取消收藏") : tr("收藏") }, p.starred ? "★" : "☆");
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
    const tags = p.tags.length ? ` · ${p.tags.join("、")}` : "";
    const meta = el("div", { class: "meta" }, `${KIND_NAMES[p.kind]} · ${tr("{s} 篇 {n} 处", { s: p.speeches, n: p.count })}${p.user ? tr(" · 自添") : ""}${tags}`);
    const tools = el("div", { class: "phrase-tools" });
    // Edit the text or the tags in place: an input replaces the line, Enter saves, Esc cancels.
    const inline = (label: string, value: string, save: (v: string) => Promise<Phrase>) => {
      const b = el("button", { type: "button", class: `phrase-${label === tr("编辑") ? "edit" : "tag"}` }, label);
      b.addEventListener("click", (ev) => {
        ev.stopPropagation();
        const input = el("input", { type: "text", class: "phrase-input", "aria-label": label });
        input.value = value;
        input.addEventListener("click", (e) => e.stopPropagation());
        input.addEventListener("keydown", async (e) => {
          if (e.isComposing || e.keyCode === 229) return;
          if (e.key === "Escape") input.replaceWith(tools);
          if (e.key !== "Enter") return;
          try {
            li.replaceWith(item(await save(input.value)));
          } catch (err) {
            status.textContent = asAppError(err).message;
          }
        });
        tools.replaceWith(input);
        input.focus();
      });
      return b;
    };
    const remove = el("button", { type: "button", class: "phrase-delete" }, tr("删除"));
    confirmClick(remove, async () => {
      try {
        await api.deletePhrase(p.id);
        li.remove();
      } catch (e) {
        status.textContent = asAppError(e).message;
      }
    });
    const usesButton = el("button", { type: "button", class: "phrase-uses-toggle", "aria-expanded": "false" }, tr("出处 {n}", { n: p.count }));
    let uses: HTMLElement | null = null;
    usesButton.addEventListener("click", (ev) => {
      ev.stopPropagation();
      if (uses) {
        uses.remove();
        uses = null;
      } else {
        uses = usesList(p, hooks, status);
        li.append(uses);
      }
      usesButton.setAttribute("aria-expanded", String(uses !== null));
    });
    const copy = el("button", { type: "button", class: "phrase-copy" }, tr("复制句式"));
    copy.addEventListener("click", async (ev) => {
      ev.stopPropagation();
      await copyText(p.text);
      copy.textContent = tr("已复制");
    });
    tools.append(
      ...(p.count > 0 ? [usesButton] : []),
      copy,
      inline(tr("编辑"), p.text, (v) => api.editPhrase(p.id, v)),
      inline(tr("标签"), p.tags.join("、"), (v) =>
        api.tagPhrase(
          p.id,
          v.split(/[、，,\s]+/).filter((t) => t.length > 0),
        ),
      ),
      remove,
    );
    li.append(star, text, meta, tools);
    const source = p.sources[0];
    if (source) li.addEventListener("click", () => hooks.openAt(source.speech, source.start, source.end));
    return li;
  };

  // Kind, filter and star change as fast as the writer clicks and types: only the latest
  // answer is shown.
  const newest = latest();
  const load = async () => {
    try {
      const rows = await newest(
        api.phrases({
          kind: (kind.value || null) as PhraseKind | null,
          contains: filter.value.trim() || null,
          starred_only: starredOnly.checked,
          limit: 300,
        }),
      );
      if (rows === STALE) return;
      status.textContent = tr("{n} 条", { n: rows.length });
      list.replaceChildren(...rows.map(item));
    } catch (e) {
      status.textContent = asAppError(e).message;
    }
  };
  kind.addEventListener("change", () => void load());
  starredOnly.addEventListener("change", () => void load());
  filter.addEventListener("input", () => void load());
  return { tab: "tab-phrases", name: tr("句式"), element: pane, shown: () => void load() };
}

export function templatePane(hooks: BankHooks): Pane {
  const pane = el("div", { id: "template-pane", class: "bank-pane" });
  const list = el("ul", { id: "template-list", class: "bank-list" });
  pane.append(list);
  const newest = latest();
  const load = async () => {
    try {
      const all = await newest(api.templates());
      if (all === STALE) return;
      list.replaceChildren(
        ...all.map((t) => {
          const li = el("li", { tabindex: "0" });
          li.append(
            el("div", { class: "title" }, `${t.builtin ? tr("【内置】") : ""}${t.name}`),
            el("div", { class: "meta" }, t.description),
          );
          li.addEventListener("click", () => hooks.showTemplate(t));
          return li;
        }),
      );
    } catch (e) {
      list.replaceChildren(el("li", { class: "error" }, asAppError(e).message));
    }
  };
  return { tab: "tab-templates", name: tr("模板"), element: pane, shown: () => void load() };
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
