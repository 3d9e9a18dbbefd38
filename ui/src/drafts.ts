// The 草稿 pane of the sidebar: the writer's drafts, searchable, and new drafts (blank or from a template).
import { api, asAppError, type DraftSummary } from "./api";
import { localTime } from "./format";
import { el } from "./dom";
import { tr } from "./i18n";
import type { Pane } from "./pane";

export interface DraftPaneHooks {
  open: (id: number) => void;
}

export function draftPane(hooks: DraftPaneHooks) {
  const pane = el("div", { id: "draft-pane", class: "bank-pane" });
  const bar = el("div", { class: "bank-filters" });
  const blank = el("button", { type: "button", id: "draft-new", title: tr("新建草稿（Ctrl+N）") }, tr("新建"));
  const template = el("select", { id: "draft-template", "aria-label": tr("模板") });
  const fromTemplate = el("button", { type: "button", id: "draft-from-template" }, tr("按模板新建"));
  const filter = el("input", { id: "draft-filter", type: "search", placeholder: tr("查找草稿"), "aria-label": tr("查找草稿") });
  bar.append(blank, template, fromTemplate);
  const status = el("div", { class: "search-status" });
  const list = el("ul", { id: "draft-list", class: "speech-list" });
  pane.append(bar, filter, status, list);

  const rowMeta = (d: DraftSummary) => tr("{time} · {n} 字", { time: localTime(d.updated), n: d.chars });
  const render = (rows: DraftSummary[]) => {
    list.replaceChildren(
      ...rows.map((d) => {
        const li = el("li", { tabindex: "0", "data-id": String(d.id) });
        li.append(
          el("div", { class: "title" }, d.title),
          el("div", { class: "meta" }, rowMeta(d)),
        );
        const open = () => {
          list.querySelectorAll("li.active").forEach((n) => n.classList.remove("active"));
          li.classList.add("active");
          hooks.open(d.id);
        };
        li.addEventListener("click", open);
        li.addEventListener("keydown", (ev) => ev.key === "Enter" && open());
        return li;
      }),
    );
    status.textContent = tr("{n} 篇草稿", { n: rows.length });
  };

  /**
   * A draft was saved: while it heads the list (it does while the writer types) its row is
   * updated in place, with no reload; otherwise the list is reloaded to reorder it.
   */
  const saved = (d: DraftSummary) => {
    const row = list.firstElementChild as HTMLElement | null;
    if (row?.dataset.id !== String(d.id)) return void refresh();
    row.querySelector(".title")!.textContent = d.title;
    row.querySelector(".meta")!.textContent = rowMeta(d);
  };

  const refresh = async () => {
    try {
      render(await api.drafts(filter.value.trim() || null));
    } catch (e) {
      status.textContent = asAppError(e).message;
    }
  };
  const loadTemplates = async () => {
    const all = await api.templates();
    template.replaceChildren(...all.map((t) => el("option", { value: t.name }, t.name)));
  };

  const create = async (name: string | null) => {
    try {
      const d = await api.createDraft(name);
      await refresh();
      hooks.open(d.id);
    } catch (e) {
      status.textContent = asAppError(e).message;
    }
  };
  blank.addEventListener("click", () => void create(null));
  fromTemplate.addEventListener("click", () => void create(template.value || null));
  filter.addEventListener("input", () => void refresh());
  const shown = () => {
    void refresh();
    void loadTemplates();
  };
  const self: Pane = { tab: "tab-drafts", name: tr("草稿"), element: pane, shown };
  return { ...self, refresh, saved, create };
}
