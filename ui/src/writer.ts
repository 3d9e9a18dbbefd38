// The writing side: a CodeMirror 6 Markdown editor for one draft, with a sanitized live preview
// (rendered by the core), the draft's outline, 字数 and speaking time, autosave (every change
// saved within a second, even while typing goes on; see autosave.ts), Ctrl+S snapshots, and the
// revision history with a readable diff.
import { EditorSelection, EditorState } from "@codemirror/state";
import { EditorView, drawSelection, highlightActiveLine, keymap } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { highlightSelectionMatches, search, searchKeymap } from "@codemirror/search";
import { markdown } from "@codemirror/lang-markdown";
import { defaultHighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { api, asAppError, type Draft, type OutlineNode, type RevisionReason } from "./api";
import { confirmClick, el, later } from "./dom";
import { DEFAULT_PACE, speakingTime, wordCount } from "./count";
import { exportMenu } from "./exporter";
import { patchPreview, resetPreview } from "./preview";
import { SaveClock, committedDoc, committedText } from "./autosave";
import { lang, tr } from "./i18n";

/** Every change is saved at most this long after it was made, even while typing goes on. */
export const AUTOSAVE_MS = 1000;
/** After a failed save (disk full, library locked): retry after 2 s, doubling up to 30 s. */
const RETRY_MS = 2000;
const MAX_RETRY_MS = 30_000;
const PREVIEW_MS = 60;
const OUTLINE_MS = 250;
const PACE_KEY = "gaoku.pace";

/** The search panel and other CodeMirror texts in Chinese. */
const PHRASES = {
  Find: "查找",
  Replace: "替换",
  next: "下一个",
  previous: "上一个",
  all: "全部",
  "match case": "区分大小写",
  regexp: "正则",
  "by word": "整词",
  replace: "替换",
  "replace all": "全部替换",
  close: "关闭",
  "current match": "当前匹配",
  "replaced match on line $": "已替换第 $ 行的匹配",
  "replaced $ matches": "已替换 $ 处",
  "Go to line": "跳到行",
  go: "跳转",
};

/**
 * The page's CSP nonce (Tauri adds one to the inline style tag of index.html and to `style-src`):
 * CodeMirror's own stylesheet needs it under the strict CSP, which allows no other inline style.
 */
function cspNonce(): string {
  return (document.getElementById("csp-nonce") as HTMLStyleElement | null)?.nonce ?? "";
}

export interface WriterHooks {
  /** The draft list changed (title, 字数, a new or deleted draft). */
  changed: () => void;
  /** Ctrl+K: choose a phrase to insert. */
  openPalette: () => void;
  /** The draft was deleted. */
  closed: () => void;
}

function timeOfDay(): string {
  return new Date().toLocaleTimeString("zh-CN", { hour12: false });
}

const REASONS: Record<RevisionReason, string> = {
  created: tr("新建"),
  manual: tr("手动保存"),
  timed: tr("定时快照"),
  "before-paste": tr("大段粘贴前"),
  "before-restore": tr("恢复前"),
  "before-insert": tr("插入模板前"),
  restored: tr("恢复后"),
};

export function createWriter(hooks: WriterHooks) {
  let draft: Draft | null = null;
  let lastSaved = "";
  let saving: Promise<boolean> = Promise.resolve(true);

  const root = el("section", { class: "writer", id: "writer" });
  const toolbar = el("div", { class: "toolbar writer-toolbar" });
  const titleLabel = el("strong", { class: "draft-title", id: "draft-title" });
  const saveButton = el("button", { type: "button", id: "draft-save", title: tr("保存并留存版本（Ctrl+S）") }, tr("保存"));
  const historyButton = el("button", { type: "button", id: "draft-history" }, tr("历史版本"));
  const paletteButton = el("button", { type: "button", id: "draft-palette", title: tr("插入句式（Ctrl+K）") }, tr("插入句式"));
  const deleteButton = el("button", { type: "button", id: "draft-delete" }, tr("删除草稿"));
  const previewButton = el("button", { type: "button", id: "preview-toggle", "aria-pressed": "true" }, tr("预览"));
  const saveState = el("span", { class: "save-state", id: "save-state" });
  const exports = exportMenu(
    () => (draft ? { kind: "draft", id: draft.id } : null),
    () => draft?.title ?? tr("草稿"),
    async () => {
      await flush();
    },
  );
  toolbar.append(titleLabel, saveButton, historyButton, paletteButton, previewButton, exports, deleteButton);

  const editorHost = el("div", { class: "editor", id: "editor" });
  const preview = el("article", { class: "preview speech-text", id: "preview" });
  const split = el("div", { class: "writer-split" });
  split.append(editorHost, preview);

  const count = el("span", { id: "word-count" });
  const time = el("span", { id: "speaking-time" });
  const selection = el("span", { id: "selection-count" });
  const pace = el("input", {
    id: "pace",
    type: "number",
    min: "60",
    max: "400",
    step: "10",
    "aria-label": tr("语速（字/分钟）"),
    title: tr("语速（字/分钟）"),
  });
  pace.value = localStorage.getItem(PACE_KEY) ?? String(DEFAULT_PACE);
  const status = el("div", { class: "writer-status" });
  const paceLabel = el("label", {});
  paceLabel.append(document.createTextNode(tr("语速 ")), pace, document.createTextNode(tr(" 字/分")));
  status.append(count, time, selection, paceLabel, saveState);
  const history_ = el("div", { class: "history-panel", id: "history-panel", hidden: "" });
  root.append(toolbar, split, status, history_);

  const outlinePane = el("div", { id: "draft-outline" });

  const body = () => view.state.doc.toString();

  const updateCounts = () => {
    const n = wordCount(body());
    const p = Number(pace.value) || DEFAULT_PACE;
    count.textContent = tr("字数 {n}", { n });
    time.textContent = tr("讲话时长 {time}", { time: speakingTime(n, p) });
    const sel = view.state.selection.main;
    if (sel.empty) selection.textContent = "";
    else {
      const m = wordCount(view.state.sliceDoc(sel.from, sel.to));
      selection.textContent = tr("选中 {n} 字 · {time}", { n: m, time: speakingTime(m, p) });
    }
  };
  pace.addEventListener("input", () => {
    localStorage.setItem(PACE_KEY, pace.value);
    updateCounts();
  });

  const renderPreview = later(async () => {
    try {
      const start = performance.now();
      // Sanitized in the core (ammonia): raw HTML in a draft arrives as text.
      patchPreview(preview, await api.preview(body()));
      // Request to patched DOM, readable by tests/e2e/measure.mjs.
      performance.measure("gaoku-preview", { start, end: performance.now() });
    } catch (e) {
      resetPreview(preview);
      preview.append(el("p", { class: "error" }, asAppError(e).message));
    }
  }, PREVIEW_MS);

  const jumpToLine = (line: number) => {
    const l = view.state.doc.line(Math.min(line + 1, view.state.doc.lines));
    view.dispatch({
      selection: EditorSelection.cursor(l.from),
      effects: EditorView.scrollIntoView(l.from, { y: "start" }),
    });
    view.focus();
  };

  const renderOutline = later(async () => {
    try {
      const o = await api.draftOutline(body());
      const list = (nodes: OutlineNode[]): HTMLElement => {
        const ul = el("ul");
        for (const n of nodes) {
          const li = el("li", { class: `${n.kind} level-${n.level}` });
          const b = el("button", { type: "button", "data-line": String(o.lines[n.para]) }, `${n.marker}${n.title}`);
          b.addEventListener("click", () => jumpToLine(o.lines[n.para]));
          li.append(b);
          if (n.children.length) li.append(list(n.children));
          ul.append(li);
        }
        return ul;
      };
      outlinePane.replaceChildren(el("h2", {}, tr("草稿提纲")), list(o.outline.nodes));
    } catch (e) {
      outlinePane.replaceChildren(el("p", { class: "error" }, asAppError(e).message));
    }
  }, OUTLINE_MS);

  const setState = (text: string) => {
    saveState.textContent = text;
  };

  /**
   * Saves the editor's text as last committed (never half-typed pinyin) if it changed; `manual`
   * also leaves a revision. Resolves false when the save failed: the text stays in the editor,
   * the status bar says so, and the autosave clock retries.
   */
  const save = (kind: "auto" | "manual"): Promise<boolean> => {
    const run = async (): Promise<boolean> => {
      if (!draft) return true;
      const text = committedDoc(view);
      if (kind === "auto" && text === lastSaved) return true;
      const id = draft.id;
      setState(tr("保存中…"));
      const start = performance.now();
      try {
        const r = await api.saveDraft(id, text, kind);
        // Request to answer, readable by tests/e2e/measure.mjs.
        performance.measure("gaoku-autosave", { start, end: performance.now() });
        if (draft?.id === id) {
          lastSaved = text;
          draft.title = r.draft.title;
          titleLabel.textContent = r.draft.title;
          const more = text === body() ? "" : tr("（正在输入的拼音除外）");
          setState(tr("已保存 {time}", { time: timeOfDay() }) + more + (r.revisions.length ? tr(" · 已留存版本") : ""));
        }
        hooks.changed();
        return true;
      } catch (e) {
        if (draft?.id === id) {
          setState(tr("保存失败：{error}（正文仍在编辑器中，将自动重试）", { error: asAppError(e).message }));
          saveState.classList.add("failed");
        }
        return false;
      }
    };
    saving = saving.then(run).then((ok) => {
      if (ok) saveState.classList.remove("failed");
      return ok;
    });
    return saving;
  };

  const autosave = new SaveClock({
    waitMs: AUTOSAVE_MS,
    retryMs: RETRY_MS,
    maxRetryMs: MAX_RETRY_MS,
    save: () => save("auto"),
  });

  /** Saves now whatever is unsaved (before close, export, restore, switching drafts, on blur). */
  const flush = () => autosave.flush();
  // The window loses focus or is hidden (another program, minimised, the screen locked): save.
  window.addEventListener("blur", () => void flush());
  document.addEventListener("visibilitychange", () => {
    if (document.hidden) void flush();
  });

  let syncing = false;
  const syncPreview = () => {
    if (syncing) return;
    syncing = true;
    requestAnimationFrame(() => {
      syncing = false;
      const top = view.lineBlockAtHeight(view.scrollDOM.scrollTop);
      const line = view.state.doc.lineAt(top.from).number - 1;
      let target: HTMLElement | null = null;
      for (const b of preview.querySelectorAll<HTMLElement>("[data-line]")) {
        if (Number(b.dataset.line) > line) break;
        target = b;
      }
      // The preview is positioned, so a block's offsetTop is measured from its top.
      preview.scrollTop = target ? target.offsetTop : 0;
    });
  };

  const view = new EditorView({
    parent: editorHost,
    state: EditorState.create({ doc: "" }),
  });
  // The scroller survives setState: one listener keeps the preview beside what is being edited.
  view.scrollDOM.addEventListener("scroll", () => syncPreview());

  const extensions = () => [
    EditorView.cspNonce.of(cspNonce()),
    history(),
    drawSelection(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    EditorView.lineWrapping,
    markdown(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    search({ top: true }),
    EditorState.phrases.of(lang === "zh" ? PHRASES : {}),
    committedText(),
    keymap.of([
      ...searchKeymap,
      ...historyKeymap,
      ...defaultKeymap,
    ]),
    EditorView.contentAttributes.of({ "aria-label": tr("草稿正文"), lang: "zh-CN" }),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) {
        if (!saveState.classList.contains("failed")) setState(tr("未保存"));
        autosave.changed();
        renderPreview.run();
        renderOutline.run();
      }
      if (u.docChanged || u.selectionSet) updateCounts();
    }),
  ];

  const load = (d: Draft) => {
    autosave.cancel();
    draft = d;
    lastSaved = d.body;
    titleLabel.textContent = d.title;
    view.setState(EditorState.create({ doc: d.body, extensions: extensions() }));
    resetPreview(preview);
    setState(tr("已保存 · {time}", { time: d.updated.slice(0, 16).replace("T", " ") }));
    updateCounts();
    renderPreview.run();
    renderOutline.run();
  };

  const open = async (id: number) => {
    // A draft whose last edits could not be saved stays open: switching would drop them.
    if (!(await flush())) return;
    history_.hidden = true;
    load(await api.draft(id));
    view.focus();
  };

  /** Inserts text at the cursor (replacing the selection); `snapshot` first keeps the draft as it was. */
  const insert = async (text: string, snapshot?: RevisionReason) => {
    if (!draft) return;
    if (snapshot) {
      await flush();
      await api.snapshotDraft(draft.id, snapshot);
    }
    const sel = view.state.selection.main;
    view.dispatch({
      changes: { from: sel.from, to: sel.to, insert: text },
      selection: EditorSelection.cursor(sel.from + text.length),
      scrollIntoView: true,
    });
    view.focus();
  };

  const showHistory = async () => {
    if (!draft) return;
    history_.replaceChildren(el("p", { class: "hint" }, tr("载入中…")));
    history_.hidden = false;
    await flush();
    const id = draft.id;
    const revs = await api.revisions(id);
    const list = el("ul", { class: "revision-list", id: "revision-list" });
    const diff = el("div", { class: "diff", id: "revision-diff" }, tr("选择一个版本，查看它与当前稿的差异。"));
    const close = el("button", { type: "button", class: "close" }, tr("关闭"));
    close.addEventListener("click", () => (history_.hidden = true));
    for (const r of revs) {
      const li = el("li", { tabindex: "0", "data-rev": String(r.id) });
      li.append(
        el("div", {}, r.created.slice(0, 19).replace("T", " ")),
        el("div", { class: "meta" }, tr("{reason} · {n} 字", { reason: REASONS[r.reason], n: r.chars })),
      );
      li.addEventListener("click", async () => {
        list.querySelectorAll("li.active").forEach((n) => n.classList.remove("active"));
        li.classList.add("active");
        const parts = await api.diff(id, r.id);
        const restore = el("button", { type: "button", id: "revision-restore" }, tr("恢复此版本"));
        restore.addEventListener("click", async () => {
          if (!(await flush())) return;
          load(await api.restore(id, r.id));
          history_.hidden = true;
          hooks.changed();
        });
        const text = el("div", { class: "diff-text" });
        parts.forEach((p, i) => {
          if (p.op !== "same") {
            text.append(el(p.op === "added" ? "ins" : "del", {}, p.text));
            return;
          }
          // Long unchanged stretches are folded to their ends, so the changes stand out.
          const chars = Array.from(p.text);
          const keep = 40;
          const head = i === 0 ? 0 : keep;
          const tail = i === parts.length - 1 ? 0 : keep;
          if (chars.length <= head + tail + 20) {
            text.append(document.createTextNode(p.text));
            return;
          }
          const folded = chars.length - head - tail;
          text.append(
            document.createTextNode(chars.slice(0, head).join("")),
            el("span", { class: "elided" }, tr("……（{n} 字未改动）……", { n: folded })),
            document.createTextNode(chars.slice(chars.length - tail).join("")),
          );
        });
        const changed = parts.some((p) => p.op !== "same");
        diff.replaceChildren(
          el("p", { class: "meta" }, changed ? tr("删除线为此版本有、当前稿没有的文字；下划线为当前稿新增。") : tr("与当前稿相同。")),
          restore,
          text,
        );
      });
      list.append(li);
    }
    const head = el("div", { class: "history-head" });
    head.append(el("h2", {}, tr("历史版本")), close);
    const cols = el("div", { class: "history-cols" });
    cols.append(list, diff);
    history_.replaceChildren(head, cols);
    history_.hidden = false;
  };

  const PREVIEW_KEY = "gaoku.preview";
  const setPreview = (on: boolean) => {
    preview.hidden = !on;
    previewButton.setAttribute("aria-pressed", String(on));
    localStorage.setItem(PREVIEW_KEY, on ? "1" : "0");
  };
  setPreview(localStorage.getItem(PREVIEW_KEY) !== "0");
  previewButton.addEventListener("click", () => setPreview(preview.hidden));
  saveButton.addEventListener("click", () => void save("manual"));
  historyButton.addEventListener("click", () => void showHistory());
  paletteButton.addEventListener("click", () => hooks.openPalette());
  confirmClick(
    deleteButton,
    async () => {
      if (!draft) return;
      autosave.cancel();
      await api.deleteDraft(draft.id);
      draft = null;
      hooks.changed();
      hooks.closed();
    },
    4000,
  );

  return {
    element: root,
    outline: outlinePane,
    open,
    insert,
    flush,
    save: () => save("manual"),
    current: () => draft?.id ?? null,
    focus: () => view.focus(),
  };
}

export type Writer = ReturnType<typeof createWriter>;
