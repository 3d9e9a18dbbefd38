// The writing side: a CodeMirror 6 Markdown editor for one draft, composed of extensions that
// each live in their own file — autosave (autosave.ts: every change saved within a second, even
// while typing goes on), live preview (editor-preview.ts), the draft's outline (editor-outline.ts),
// 字数 and speaking time (editor-counts.ts), revision history (editor-history.ts), draft checks
// (editor-checks.ts), 查重 (editor-reuse.ts) and similar passages (editor-similar.ts). A new editor
// feature is a new file of that kind, added to `extensions()` below.
import { EditorSelection, EditorState } from "@codemirror/state";
import { EditorView, drawSelection, highlightActiveLine, keymap } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { highlightSelectionMatches, search, searchKeymap } from "@codemirror/search";
import { markdown } from "@codemirror/lang-markdown";
import { defaultHighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { api, asAppError, type Draft, type DraftSummary, type RevisionReason } from "./api";
import { localTime } from "./format";
import { confirmClick, el } from "./dom";
import { exportMenu } from "./exporter";
import { SaveClock, committedDoc, committedText } from "./autosave";
import { draftChecks } from "./editor-checks";
import { draftReuse } from "./editor-reuse";
import { similarPassages } from "./editor-similar";
import { countsPanel } from "./editor-counts";
import { completionOn, phraseCompletion } from "./editor-complete";
import { draftOutline } from "./editor-outline";
import { historyPanel } from "./editor-history";
import { livePreview } from "./editor-preview";
import { lang, tr } from "./i18n";

/** Every change is saved at most this long after it was made, even while typing goes on. */
export const AUTOSAVE_MS = 1000;
/** After a failed save (disk full, library locked): retry after 2 s, doubling up to 30 s. */
const RETRY_MS = 2000;
const MAX_RETRY_MS = 30_000;

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
  /**
   * The draft list changed: `saved` is the draft as a save left it (its row can be updated in
   * place); without it a draft was created, restored or deleted.
   */
  changed: (saved?: DraftSummary) => void;
  /** Ctrl+K: choose a phrase to insert. */
  openPalette: () => void;
  /** The draft was deleted. */
  closed: () => void;
  /** Open a library speech with characters `start..end` of its text highlighted. */
  openSource: (id: number, start: number, end: number) => void;
  /** 对比: compare the (saved) draft with a speech the writer picks. */
  compare: (draft: number) => void;
}

function timeOfDay(): string {
  return new Date().toLocaleTimeString("zh-CN", { hour12: false });
}

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
  const checkButton = el("button", { type: "button", id: "draft-check", title: tr("检查编号、标点和提法") }, tr("检查"));
  const reuseButton = el("button", { type: "button", id: "draft-reuse", title: tr("与素材库比对：哪些句子以前说过") }, tr("查重"));
  const compareButton = el("button", { type: "button", id: "draft-compare", title: tr("与一篇讲话稿逐段对比") }, tr("对比"));
  const saveState = el("span", { class: "save-state", id: "save-state" });
  const exports = exportMenu(
    () => (draft ? { kind: "draft", id: draft.id } : null),
    () => draft?.title ?? tr("草稿"),
    async () => {
      await flush();
    },
  );
  toolbar.append(titleLabel, saveButton, historyButton, paletteButton, checkButton, reuseButton, compareButton, previewButton, exports, deleteButton);
  compareButton.addEventListener("click", async () => {
    if (!draft) return;
    // The comparison reads the saved draft: save what was typed first.
    await flush();
    hooks.compare(draft.id);
  });

  const editorHost = el("div", { class: "editor", id: "editor" });
  const preview = el("article", { class: "preview speech-text", id: "preview" });
  const split = el("div", { class: "writer-split" });
  split.append(editorHost, preview);

  // The pace is the library's too (the 念稿版's times use it): kept there when the writer sets it.
  let paceSoon = 0;
  const counts = countsPanel((p) => {
    window.clearTimeout(paceSoon);
    paceSoon = window.setTimeout(async () => {
      outline.render();
      try {
        await api.setExportSettings({ ...(await api.exportSettings()), pace: p });
      } catch {
        // kept in this window; the next change tries again
      }
    }, 500);
  });
  void api
    .exportSettings()
    .then((s) => counts.setPace(s.pace))
    .catch(() => {});
  const history_ = historyPanel({
    flush: () => flush(),
    restored: (d) => {
      load(d);
      hooks.changed();
    },
  });
  const body = () => view.state.doc.toString();
  const live = livePreview(preview, () => view);
  const outline = draftOutline(() => view, counts.pace);
  const completion = phraseCompletion();
  // The status bar's 联想 switch.
  const completeBox = el("input", { type: "checkbox", id: "complete-toggle" });
  completeBox.checked = completionOn();
  completeBox.addEventListener("change", () => completion.set(view, completeBox.checked));
  const completeLabel = el("label", { title: tr("输入时从句式库联想（Tab 或回车采用，Esc 关闭）") });
  completeLabel.append(completeBox, document.createTextNode(tr("联想")));
  const status = el("div", { class: "writer-status" });
  status.append(...counts.elements, completeLabel, saveState);
  const checks = draftChecks(() => view);
  const reuse = draftReuse(() => view, hooks.openSource);
  const similar = similarPassages(() => view, {
    insert: (text) => void insert(text),
    open: hooks.openSource,
  });
  const side = el("div", { class: "writer-side" });
  side.append(outline.element, similar.element);
  root.append(toolbar, split, checks.element, reuse.element, status, history_.element);

  /** True from a failed save until the next good one: the status keeps saying so meanwhile. */
  let failing = false;
  const setState = (text: string) => {
    saveState.textContent = text;
  };
  const setFailing = (on: boolean) => {
    failing = on;
    saveState.classList.toggle("failed", on);
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
          setFailing(false);
        }
        hooks.changed(r.draft);
        return true;
      } catch (e) {
        if (draft?.id === id) {
          setState(tr("保存失败：{error}（正文仍在编辑器中，将自动重试）", { error: asAppError(e).message }));
          setFailing(true);
        }
        return false;
      }
    };
    saving = saving.then(run);
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

  const view = new EditorView({
    parent: editorHost,
    state: EditorState.create({ doc: "" }),
  });
  // The scroller survives setState: one listener keeps the preview beside what is being edited.
  live.attach(view);

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
    counts.extension,
    live.extension,
    outline.extension,
    checks.extension,
    reuse.extension,
    similar.extension,
    completion.extension,
    keymap.of([
      ...searchKeymap,
      ...historyKeymap,
      ...defaultKeymap,
    ]),
    EditorView.contentAttributes.of({ "aria-label": tr("草稿正文"), lang: "zh-CN" }),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) {
        if (!failing) setState(tr("未保存"));
        autosave.changed();
      }
    }),
  ];

  const load = (d: Draft) => {
    autosave.cancel();
    setFailing(false);
    draft = d;
    lastSaved = d.body;
    titleLabel.textContent = d.title;
    view.setState(EditorState.create({ doc: d.body, extensions: extensions() }));
    setState(tr("已保存 · {time}", { time: localTime(d.updated) }));
    counts.update(view.state);
    live.reset();
    outline.render();
    checks.reset();
    reuse.reset();
    similar.reset();
  };

  const open = async (id: number) => {
    // A draft whose last edits could not be saved stays open: switching would drop them.
    if (!(await flush())) return;
    history_.hide();
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

  const PREVIEW_KEY = "gaoku.preview";
  const setPreview = (on: boolean) => {
    preview.hidden = !on;
    previewButton.setAttribute("aria-pressed", String(on));
    localStorage.setItem(PREVIEW_KEY, on ? "1" : "0");
  };
  setPreview(localStorage.getItem(PREVIEW_KEY) !== "0");
  previewButton.addEventListener("click", () => setPreview(preview.hidden));
  checkButton.addEventListener("click", () => checks.toggle());
  reuseButton.addEventListener("click", () => reuse.run());
  saveButton.addEventListener("click", () => void save("manual"));
  historyButton.addEventListener("click", () => draft && void history_.show(draft.id));
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
    outline: side,
    open,
    insert,
    flush,
    save: () => save("manual"),
    current: () => draft?.id ?? null,
    focus: () => view.focus(),
  };
}

export type Writer = ReturnType<typeof createWriter>;
