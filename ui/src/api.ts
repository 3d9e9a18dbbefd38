// The only module that talks to the Rust backend. Every screen calls these functions.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { errorText, type Params } from "./errors";

/** One row of the library list (mirrors gaoku_core::SpeechSummary). */
export interface SpeechSummary {
  id: number;
  title: string;
  date: string | null;
  year: number | null;
  speaker: string | null;
  kind: string | null;
  tags: string[];
  chars: number;
}

/** A whole speech (mirrors gaoku_core::Speech). */
export interface Speech extends SpeechSummary {
  occasion: string | null;
  source_file: string | null;
  content_hash: string;
  imported_at: string;
  updated_at: string;
  paragraphs: string[];
}

export interface LibraryInfo {
  dir: string;
  speeches: number;
}

/** The error every command returns (mirrors the shell's AppError). */
export interface AppError {
  code: string;
  params?: Params;
  message: string;
}

/**
 * Turns whatever a failed call threw into an AppError whose message is in the UI's language,
 * rendered from its code and parameters (errors.ts).
 */
export function asAppError(e: unknown): AppError {
  if (e && typeof e === "object" && "message" in e) {
    const o = e as { code?: unknown; params?: Params; message: unknown };
    const code = String(o.code ?? "unknown");
    return { code, params: o.params, message: errorText(code, o.params, String(o.message)) };
  }
  return { code: "unknown", message: String(e) };
}

/** A search as the core takes it (mirrors gaoku_core::SearchRequest). */
export interface SearchRequest {
  query: string;
  pattern?: boolean;
  limit?: number;
  year_from?: number | null;
  year_to?: number | null;
  speaker?: string | null;
  kind?: string | null;
  tag?: string | null;
  sort?: "relevance" | "date";
}

export interface Span {
  start: number;
  end: number;
}

export interface SearchHit {
  id: number;
  title: string;
  date: string | null;
  score: number;
  match_count: number;
  matches: Span[];
  snippets: string[];
}

export interface SearchResults {
  query: string;
  mode: "phrase" | "keywords" | "pattern";
  total: number;
  hits: SearchHit[];
}

export interface OutlineNode {
  kind: "heading" | "item";
  level: number;
  marker: string;
  title: string;
  para: number;
  offset: number;
  children: OutlineNode[];
}

export interface Outline {
  title: string;
  salutation: { para: number; text: string } | null;
  nodes: OutlineNode[];
  closing: { para: number; text: string } | null;
}

export interface ImportReport {
  imported: Array<{ id: number; title: string; path: string }>;
  duplicates: Array<{ path: string; id: number }>;
  failed: Array<{ path: string; error: string; code: string; params: Params }>;
  skipped: Array<{ path: string; reason: string; code: string }>;
}

export interface ImportProgress {
  done: number;
  total: number;
  path: string;
}

export type PhraseKind = "parallel" | "enumeration" | "paired" | "slogan" | "heading";

export interface Phrase {
  id: number;
  kind: PhraseKind;
  text: string;
  count: number;
  sources: Array<{ speech: number; start: number; end: number }>;
  starred: boolean;
  user: boolean;
  tags: string[];
}

export interface PhraseFilter {
  kind?: PhraseKind | null;
  min_count?: number;
  starred_only?: boolean;
  contains?: string | null;
  tag?: string | null;
  limit?: number;
}

export interface TemplatePart {
  level: number;
  marker: string;
  title: string;
  note: string;
}

export interface Template {
  name: string;
  kind: string | null;
  description: string;
  builtin: boolean;
  source_speech: number | null;
  parts: TemplatePart[];
}

/** Metadata changes (mirrors gaoku_core::SpeechEdit): absent = unchanged, "" = cleared. */
export interface SpeechEdit {
  title?: string;
  date?: string;
  speaker?: string;
  occasion?: string;
  kind?: string;
  tags?: string[];
}

/** A draft as listed (mirrors gaoku_core::drafts::DraftSummary). */
export interface DraftSummary {
  id: number;
  title: string;
  created: string;
  updated: string;
  chars: number;
}

/** A draft with its Markdown body. */
export interface Draft extends DraftSummary {
  body: string;
  source: string | null;
}

export interface RevisionInfo {
  id: number;
  created: string;
  chars: number;
  reason: string;
}

export interface Saved {
  draft: DraftSummary;
  revisions: number[];
}

export interface DiffPart {
  op: "same" | "added" | "removed";
  text: string;
}

/** One top-level block of a draft's preview: its first source line and sanitized HTML. */
export interface PreviewBlock {
  line: number;
  html: string;
}

/** A draft's outline; `lines[para]` is the editor line (0-based) of paragraph `para`. */
export interface DraftOutline {
  outline: Outline;
  lines: number[];
  title_line: number | null;
}

export type ExportTarget = { kind: "speech"; id: number } | { kind: "draft"; id: number };
export type ExportFormat = "md" | "docx" | "txt";
export type ExportStyle = "gbt9704" | "plain";

export const api = {
  /** Menu bar clicks (the id of the item). */
  onMenu: (f: (id: string) => void): Promise<UnlistenFn> => listen<string>("menu", (e) => f(e.payload)),
  /** Rebuilds the menu bar in English (true) or Chinese. */
  menuLanguage: (en: boolean) => invoke<void>("menu_language", { en }),
  /** Runs `f` (the last autosave) before the window closes. */
  /** Runs `f` before the window closes; the close is cancelled when `f` resolves false. */
  beforeClose: (f: () => Promise<boolean>) =>
    getCurrentWindow().onCloseRequested(async (ev) => {
      if (!(await f())) ev.preventDefault();
    }),
  drafts: (query: string | null) => invoke<DraftSummary[]>("drafts_list", { query }),
  draft: (id: number) => invoke<Draft>("draft_get", { id }),
  createDraft: (template: string | null) => invoke<Draft>("draft_create", { template }),
  draftFromSpeech: (id: number) => invoke<Draft>("draft_from_speech", { id }),
  saveDraft: (id: number, body: string, kind: "auto" | "manual") =>
    invoke<Saved>("draft_save", { id, body, kind }),
  snapshotDraft: (id: number, reason: string) => invoke<number | null>("draft_snapshot", { id, reason }),
  revisions: (id: number) => invoke<RevisionInfo[]>("draft_revisions", { id }),
  diff: (id: number, rev: number) => invoke<DiffPart[]>("draft_diff", { id, rev }),
  restore: (id: number, rev: number) => invoke<Draft>("draft_restore", { id, rev }),
  deleteDraft: (id: number) => invoke<void>("draft_delete", { id }),
  preview: (markdown: string) => invoke<PreviewBlock[]>("draft_preview", { markdown }),
  draftOutline: (markdown: string) => invoke<DraftOutline>("draft_outline", { markdown }),
  exportSave: (target: ExportTarget, format: ExportFormat, style: ExportStyle, path: string) =>
    invoke<number>("export_save", { target, format, style, path }),
  exportText: (target: ExportTarget, format: ExportFormat) => invoke<string>("export_text", { target, format }),
  editSpeech: (id: number, edit: SpeechEdit) => invoke<Speech>("speech_edit", { id, edit }),
  removeSpeech: (id: number) => invoke<void>("speech_remove", { id }),
  phrases: (filter: PhraseFilter) => invoke<Phrase[]>("phrases_list", { filter }),
  starPhrase: (id: number, starred: boolean) => invoke<Phrase>("phrase_star", { id, starred }),
  addPhrase: (kind: PhraseKind, text: string) => invoke<Phrase>("phrase_add", { kind, text }),
  editPhrase: (id: number, text: string) => invoke<Phrase>("phrase_edit", { id, text }),
  tagPhrase: (id: number, tags: string[]) => invoke<Phrase>("phrase_tag", { id, tags }),
  deletePhrase: (id: number) => invoke<void>("phrase_delete", { id }),
  renameTemplate: (from: string, to: string) => invoke<Template>("template_rename", { from, to }),
  deleteTemplate: (name: string) => invoke<void>("template_delete", { name }),
  templates: () => invoke<Template[]>("templates_list"),
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
  search: (request: SearchRequest) => invoke<SearchResults>("search", { request }),
  speechMatches: (id: number, query: string, pattern = false) =>
    invoke<Span[]>("speech_matches", { id, query, pattern }),
  outline: (id: number) => invoke<Outline>("outline_get", { id }),
};
