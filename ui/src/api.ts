// The only module that talks to the Rust backend. Every screen calls these functions.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { errorText, type Params } from "./errors";

// The types that cross IPC are generated from the Rust types (src/generated/ipc.ts, checked by
// src-tauri/tests/ipc_types.rs); screens import them from here.
import type {
  AppError,
  BackupInfo,
  BackupPlan,
  BundleInfo,
  BundleParts,
  BundleReport,
  Comparison,
  CompareWith,
  ExportSettings,
  YearCounts,
  RestoreInfo,
  CheckReport,
  Layer,
  ReuseReport,
  RulesImported,
  SimilarHit,
  RulesView,
  TermRule,
  DiffPart,
  Draft,
  DraftOutline,
  DraftSummary,
  ExportFormat,
  ExportStyle,
  ExportTarget,
  ImportProgress,
  ImportReport,
  LibraryInfo,
  Outline,
  Phrase,
  PhraseFilter,
  PhraseKind,
  PhraseUse,
  PhraseCompletion,
  PreviewBlock,
  RevisionInfo,
  RevisionReason,
  SaveKind,
  Saved,
  SearchRequest,
  SearchResults,
  Span,
  Speech,
  SpeechEdit,
  SpeechSummary,
  Template,
} from "./generated/ipc";
export type * from "./generated/ipc";

/**
 * Turns whatever a failed call threw into an AppError whose message is in the UI's language,
 * rendered from its code and parameters (errors.ts).
 */
export function asAppError(e: unknown): AppError {
  if (e && typeof e === "object" && "message" in e) {
    const o = e as { code?: unknown; params?: Params; message: unknown };
    const code = String(o.code ?? "unknown");
    return { code, params: o.params ?? {}, message: errorText(code, o.params, String(o.message)) };
  }
  return { code: "unknown", params: {}, message: String(e) };
}

export const api = {
  /** Menu bar clicks (the id of the item). */
  onMenu: (f: (id: string) => void): Promise<UnlistenFn> => listen<string>("menu", (e) => f(e.payload)),
  /** Rebuilds the menu bar in English (true) or Chinese. */
  menuLanguage: (en: boolean) => invoke<void>("menu_language", { en }),
  /** Runs `f` when a second launch on this library was handed over to this window. */
  /** A second launch came here; `file` is the file it was to open, or null. */
  onSecondLaunch: (f: (file: string | null) => void): Promise<UnlistenFn> =>
    listen<string | null>("second-launch", (e) => f(e.payload ?? null)),
  /** The file the app was launched to open, once (null after, or when none). */
  openedFile: () => invoke<string | null>("opened_file"),
  /** A new draft from a file (.md as it is; other documents laid out with their headings). */
  draftFromFile: (path: string) => invoke<Draft>("draft_from_file", { path }),
  /** Runs `f` when the system asks the app to stop (SIGTERM), then ends the app. */
  onTerminating: (f: () => Promise<unknown>): Promise<UnlistenFn> =>
    listen("terminating", async () => {
      try {
        await f();
      } finally {
        await invoke<void>("app_quit");
      }
    }),
  /** Runs `f` before the window closes; the close is cancelled when `f` resolves false. */
  beforeClose: (f: () => Promise<boolean>) =>
    getCurrentWindow().onCloseRequested(async (ev) => {
      if (!(await f())) ev.preventDefault();
    }),
  drafts: (query: string | null) => invoke<DraftSummary[]>("drafts_list", { query }),
  draft: (id: number) => invoke<Draft>("draft_get", { id }),
  createDraft: (template: string | null) => invoke<Draft>("draft_create", { template }),
  draftFromSpeech: (id: number) => invoke<Draft>("draft_from_speech", { id }),
  saveDraft: (id: number, body: string, kind: SaveKind) =>
    invoke<Saved>("draft_save", { id, body, kind }),
  snapshotDraft: (id: number, reason: RevisionReason) => invoke<number | null>("draft_snapshot", { id, reason }),
  revisions: (id: number) => invoke<RevisionInfo[]>("draft_revisions", { id }),
  diff: (id: number, rev: number) => invoke<DiffPart[]>("draft_diff", { id, rev }),
  restore: (id: number, rev: number) => invoke<Draft>("draft_restore", { id, rev }),
  deleteDraft: (id: number) => invoke<void>("draft_delete", { id }),
  preview: (markdown: string) => invoke<PreviewBlock[]>("draft_preview", { markdown }),
  draftOutline: (markdown: string) => invoke<DraftOutline>("draft_outline", { markdown }),
  exportSave: (target: ExportTarget, format: ExportFormat, style: ExportStyle, path: string) =>
    invoke<number>("export_save", { target, format, style, path }),
  exportText: (target: ExportTarget, format: ExportFormat) => invoke<string>("export_text", { target, format }),
  editSpeech: (id: number, edit: Partial<SpeechEdit>) => invoke<Speech>("speech_edit", { id, edit }),
  removeSpeech: (id: number) => invoke<void>("speech_remove", { id }),
  phrases: (filter: Partial<PhraseFilter>) => invoke<Phrase[]>("phrases_list", { filter }),
  backupPlan: () => invoke<BackupPlan>("backup_plan_get"),
  setBackupPlan: (dir: string | null, keep: number) => invoke<BackupPlan>("backup_plan_set", { dir, keep }),
  backups: () => invoke<BackupInfo[]>("backups_list"),
  backupNow: () => invoke<BackupInfo>("backup_now"),
  /** Replaces the library with a backup folder's (the current one is kept beside it). */
  restoreLibrary: (from: string) => invoke<RestoreInfo>("library_restore", { from }),
  /** How this library's Word exports look (fonts, the 念稿版's size and pace). */
  exportSettings: () => invoke<ExportSettings>("export_settings_get"),
  setExportSettings: (settings: ExportSettings) => invoke<ExportSettings>("export_settings_set", { settings }),
  /** A query's speeches and matches per year (the request's filters apply, not its paging). */
  byYear: (request: SearchRequest) => invoke<YearCounts>("search_by_year", { request }),
  /** Two texts compared paragraph by paragraph. */
  compare: (left: CompareWith, right: CompareWith) => invoke<Comparison>("compare_texts", { left, right }),
  /** Writes a 素材包 of the chosen parts to a new file. */
  exportBundle: (path: string, parts: BundleParts) => invoke<BundleInfo>("bundle_export", { path, parts }),
  /** Merges a 素材包 into the library (a damaged one changes nothing). */
  importBundle: (path: string) => invoke<BundleReport>("bundle_import", { path }),
  /** A regular backup the app made on its own. */
  onBackupDone: (f: (b: BackupInfo) => void): Promise<UnlistenFn> => listen<BackupInfo>("backup-done", (e) => f(e.payload)),
  /** Phrase-bank entries continuing the text before the cursor, best first. */
  phraseCompletions: (before: string, limit: number) => invoke<PhraseCompletion[]>("phrase_completions", { before, limit }),
  /** Places an entry is used, `limit` at a time from `offset` (speech order). */
  phraseUses: (id: number, offset: number, limit: number) => invoke<PhraseUse[]>("phrase_uses", { id, offset, limit }),
  starPhrase: (id: number, starred: boolean) => invoke<Phrase>("phrase_star", { id, starred }),
  addPhrase: (kind: PhraseKind, text: string) => invoke<Phrase>("phrase_add", { kind, text }),
  editPhrase: (id: number, text: string) => invoke<Phrase>("phrase_edit", { id, text }),
  tagPhrase: (id: number, tags: string[]) => invoke<Phrase>("phrase_tag", { id, tags }),
  deletePhrase: (id: number) => invoke<void>("phrase_delete", { id }),
  renameTemplate: (from: string, to: string) => invoke<Template>("template_rename", { from, to }),
  deleteTemplate: (name: string) => invoke<void>("template_delete", { name }),
  templates: () => invoke<Template[]>("templates_list"),
  /** Part `from` of a template (everything from it with `whole`) as Markdown for a draft. */
  templateMarkdown: (name: string, from: number, whole: boolean) =>
    invoke<string>("template_markdown", { name, from, whole }),
  templateFromSpeech: (id: number, name: string, placeholders: boolean) =>
    invoke<Template>("template_from_speech", { id, name, placeholders }),
  importPaths: (paths: string[]) => invoke<ImportReport>("import_paths", { paths }),
  importCancel: () => invoke<void>("import_cancel"),
  onImportProgress: (f: (p: ImportProgress) => void): Promise<UnlistenFn> =>
    listen<ImportProgress>("import-progress", (e) => f(e.payload)),
  libraryInfo: () => invoke<LibraryInfo>("library_info"),
  libraryList: () => invoke<SpeechSummary[]>("library_list"),
  speech: (id: number) => invoke<Speech>("speech_get", { id }),
  /** Hits carry only their first match span; `speechMatches` gives all of one speech. */
  search: (request: Partial<SearchRequest> & { query: string }) => invoke<SearchResults>("search", { request }),
  speechMatches: (id: number, query: string, pattern = false) =>
    invoke<Span[]>("speech_matches", { id, query, pattern }),
  outline: (id: number) => invoke<Outline>("outline_get", { id }),
  /** Checks the editor's Markdown as of `date` (null: the draft's own date line, else today). */
  checkMarkdown: (markdown: string, date: string | null) =>
    invoke<CheckReport>("check_markdown", { markdown, date }),
  checkSpeech: (id: number, date: string | null) => invoke<CheckReport>("check_speech", { id, date }),
  rules: () => invoke<RulesView>("rules_get"),
  enableRule: (id: string, enabled: boolean) => invoke<RulesView>("rule_enable", { id, enabled }),
  saveTermRule: (layer: Layer, rule: TermRule) => invoke<RulesView>("term_rule_save", { layer, rule }),
  deleteTermRule: (layer: Layer, id: string) => invoke<RulesView>("term_rule_delete", { layer, id }),
  importRules: (layer: Layer, path: string) => invoke<RulesImported>("rules_import", { layer, path }),
  exportRules: (layer: Layer, path: string) => invoke<void>("rules_export", { layer, path }),
  /** 查重: where the draft's sentences were said before. */
  reuse: (markdown: string) => invoke<ReuseReport>("reuse_markdown", { markdown }),
  /** The library paragraphs closest to a text. */
  similar: (text: string, limit: number) => invoke<SimilarHit[]>("similar_passages", { text, limit }),
};
