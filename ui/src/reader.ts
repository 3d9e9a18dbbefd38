// The reader: a speech with its matches highlighted, its outline beside it (click to jump), a
// floating 复制 for the paragraph under the mouse, the speech toolbar; and a template shown in the
// same pane, with its parts to insert into the open draft.
import { api, asAppError, type Finding, type OutlineNode, type Span, type Speech, type Template } from "./api";
import { renderFindings } from "./check-list";
import { confirmClick, copyText, el, highlighted } from "./dom";
import { formatChars, formatDate } from "./format";
import { templateView } from "./bank";
import { speechToolbar } from "./edit";
import { exportMenu } from "./exporter";
import { spansByParagraph } from "./passages";
import { tr } from "./i18n";
import { drafts, meta, openDraft, showError, showReader, ui, writer } from "./workspace";
import { refreshLibrary } from "./library-list";
import { pickSpeech } from "./quickswitch";
import { partChars } from "./editor-outline";
import { speakingTime, wordCount } from "./count";
import { storedPace } from "./editor-counts";
import { showCompare } from "./compare-view";

/** A template's parts as Markdown headings (from part `from` to the end of its section). */
export function showTemplate(t: Template) {
  showReader();
  const view = templateView(t);
  const bar = el("div", { class: "toolbar" });
  const create = el("button", { type: "button", id: "template-new-draft" }, tr("用此模板新建草稿"));
  create.addEventListener("click", () => void drafts.create(t.name));
  bar.append(create);
  if (!t.builtin) {
    // The writer's own templates can be renamed and deleted (built-in ones cannot).
    const name = el("input", { type: "text", id: "template-name", "aria-label": tr("模板名称") });
    name.value = t.name;
    const rename = el("button", { type: "button", id: "template-rename" }, tr("重命名"));
    const remove = el("button", { type: "button", id: "template-delete" }, tr("删除模板"));
    const note = el("span", { class: "meta", role: "status" });
    rename.addEventListener("click", async () => {
      try {
        showTemplate(await api.renameTemplate(t.name, name.value.trim()));
        document.getElementById("tab-templates")?.click();
      } catch (e) {
        note.textContent = asAppError(e).message;
      }
    });
    confirmClick(remove, async () => {
      try {
        await api.deleteTemplate(t.name);
        ui.reader.replaceChildren(el("p", { class: "hint" }, tr("模板已删除。")));
        document.getElementById("tab-templates")?.click();
      } catch (e) {
        note.textContent = asAppError(e).message;
      }
    });
    bar.append(name, rename, remove, note);
  }
  if (writer.current() !== null) {
    const all = el("button", { type: "button", id: "template-insert" }, tr("整体插入当前草稿"));
    all.addEventListener("click", async () => {
      await openDraft(writer.current()!);
      await writer.insert(`\n${await api.templateMarkdown(t.name, 0, true)}`, "before-insert");
    });
    bar.append(all);
    // Each part can be inserted with its sub-parts.
    view[2].querySelectorAll<HTMLElement>(".part").forEach((row, i) => {
      const b = el("button", { type: "button", class: "part-insert", title: tr("把这一部分插入当前草稿") }, tr("插入"));
      b.addEventListener("click", async () => {
        await openDraft(writer.current()!);
        await writer.insert(`\n${await api.templateMarkdown(t.name, i, false)}`, "before-insert");
      });
      row.append(b);
    });
  }
  ui.reader.replaceChildren(bar, ...view);
  ui.outline.replaceChildren();
}

/** The outline as a list; `times` gives top-level parts their speaking time. */
function renderOutline(nodes: OutlineNode[], times: Map<OutlineNode, string> = new Map()): HTMLElement {
  const list = el("ul");
  for (const n of nodes) {
    const item = el("li", { class: `${n.kind} level-${n.level}` });
    const link = el("button", { type: "button", "data-para": String(n.para) }, `${n.marker}${n.title}`);
    link.addEventListener("click", () => {
      ui.reader.querySelector(`p[data-para="${n.para}"]`)?.scrollIntoView({ block: "start" });
    });
    item.append(link);
    const time = times.get(n);
    if (time) item.append(el("span", { class: "part-time" }, time));
    if (n.children.length) item.append(renderOutline(n.children));
    list.append(item);
  }
  return list;
}

/** The heading nodes of an outline by paragraph. */
function headingsByParagraph(nodes: OutlineNode[]): Map<number, OutlineNode> {
  const out = new Map<number, OutlineNode>();
  const walk = (ns: OutlineNode[]) => {
    for (const n of ns) {
      if (n.kind === "heading" && !out.has(n.para)) out.set(n.para, n);
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

/**
 * Where a heading that opens a paragraph ends (after its title and the 。 closing it), or null
 * when the heading is the whole paragraph.
 */
export function leadIn(text: string, h: { marker: string; title: string; offset: number }): number | null {
  const whole = `${h.marker}${h.title}`;
  if (text.trim() === whole || text.trim().length <= whole.length + 1) return null;
  const at = text.indexOf(h.title, h.offset);
  if (at < 0 || h.title.length === 0) return null;
  let end = at + h.title.length;
  if ("。：；！？".includes(text[end] ?? "")) end += 1;
  return end >= text.length ? null : end;
}

/** 与…对比: the speech beside another the writer picks, the older one on the left. */
function compareButton(s: Speech): HTMLElement {
  const b = el("button", { type: "button", id: "compare-speech", title: tr("与另一篇讲话稿逐段对比") }, tr("与…对比"));
  b.addEventListener("click", () =>
    pickSpeech(tr("选择要对比的讲话稿…"), (other) => {
      const newer = (other.date ?? "") > (s.date ?? "");
      const [left, right] = newer ? [s.id, other.id] : [other.id, s.id];
      void showCompare({ kind: "speech", id: left }, { kind: "speech", id: right });
    }),
  );
  return b;
}

/**
 * The reader's 检查: the same checks as the writer's, on a library speech as of its own date.
 * Findings carry offsets in the paragraphs joined by line breaks; a click marks the range.
 */
function speechChecks(s: Speech, body: HTMLElement): { button: HTMLElement; panel: HTMLElement } {
  const button = el("button", { type: "button", id: "check-speech", title: tr("检查编号、标点和提法") }, tr("检查"));
  const panel = el("section", { class: "check-panel", id: "speech-check", hidden: "" });
  const lengths = s.paragraphs.map((p) => Array.from(p).length);
  const jump = (f: Finding) => {
    let start = f.start;
    let i = 0;
    while (i < lengths.length - 1 && start > lengths[i]) {
      start -= lengths[i] + 1;
      i++;
    }
    const end = Math.min(start + (f.end - f.start), lengths[i]);
    const p = body.querySelector<HTMLElement>(`p[data-para="${i}"]`);
    if (!p) return;
    body.querySelectorAll("p.checked").forEach((q) => {
      q.classList.remove("checked");
      q.textContent = s.paragraphs[Number((q as HTMLElement).dataset.para)];
    });
    p.replaceChildren(...highlighted(s.paragraphs[i], [[start, end]]));
    p.classList.add("checked");
    p.scrollIntoView({ block: "center" });
  };
  button.addEventListener("click", async () => {
    panel.hidden = !panel.hidden;
    if (panel.hidden) return;
    try {
      await renderFindings(panel, await api.checkSpeech(s.id, null), jump);
    } catch (e) {
      showError(panel, e);
    }
  });
  return { button, panel };
}

export async function openSpeech(id: number, matches: Span[] = []) {
  showReader();
  try {
    const [s, outline] = await Promise.all([api.speech(id), api.outline(id)]);
    const marks = spansByParagraph(s.paragraphs, matches);
    const body = el("article", { class: "speech-text" });
    const heads = headingsByParagraph(outline.nodes);
    s.paragraphs.forEach((p, i) => {
      const para = el("p", { "data-para": String(i) });
      const spans = marks.get(i);
      const h = heads.get(i);
      if (spans) para.append(...highlighted(p, spans));
      else para.textContent = p;
      if (h) {
        // Headings as 公文 print them: 一、 in 黑体, （一） in 楷体, 1. in bold; a heading that
        // opens a paragraph is its bold lead-in.
        const lead = leadIn(p, h);
        if (lead === null) para.classList.add("heading", `level-${h.level}`);
        else if (!spans) para.replaceChildren(el("span", { class: `lead-in level-${h.level}` }, p.slice(0, lead)), document.createTextNode(p.slice(lead)));
      }
      body.append(para);
    });
    // One floating 复制 button follows the paragraph under the mouse (kept out of the text itself).
    const copy = el("button", { type: "button", class: "copy-para", id: "copy-para", title: tr("复制本段"), hidden: "" }, tr("复制"));
    let hovered = -1;
    body.addEventListener("mouseover", (ev) => {
      const p = (ev.target as HTMLElement).closest<HTMLElement>("p[data-para]");
      if (!p) return;
      hovered = Number(p.dataset.para);
      copy.hidden = false;
      copy.textContent = tr("复制");
      copy.style.top = `${p.offsetTop}px`;
    });
    copy.addEventListener("click", async () => {
      if (hovered < 0) return;
      await copyText(s.paragraphs[hovered]);
      copy.textContent = tr("已复制");
    });
    body.append(copy);
    const toolbar = speechToolbar(s, (removed) => {
      void refreshLibrary();
      if (removed) ui.reader.replaceChildren(el("p", { class: "hint" }, tr("已删除。")));
      else void openSpeech(id);
    }, (draftId) => {
      void drafts.refresh();
      void openDraft(draftId);
    });
    toolbar.append(exportMenu(() => ({ kind: "speech", id: s.id }), () => s.title));
    const checks = speechChecks(s, body);
    toolbar.append(checks.button, compareButton(s));
    ui.reader.replaceChildren(
      toolbar,
      checks.panel,
      el("h1", {}, s.title),
      el("div", { class: "meta" }, meta([formatDate(s.date), s.speaker, s.kind, formatChars(s.chars), s.tags.join("、")])),
      body,
    );
    // Each top-level part's speaking time, at the writer's pace.
    const top = outline.nodes.filter((n) => n.kind === "heading");
    const chars = partChars(top, s.paragraphs.map(wordCount));
    const times = new Map(top.map((n, i) => [n, speakingTime(chars[i], storedPace())]));
    ui.outline.replaceChildren(el("h2", {}, tr("提纲")), renderOutline(outline.nodes, times));
    const first = ui.reader.querySelector("mark.hit");
    if (first) first.scrollIntoView({ block: "center" });
    else ui.reader.scrollTop = 0;
  } catch (e) {
    showError(ui.reader, e);
  }
}
