// Generated from the Rust types by src-tauri/tests/ipc_types.rs: do not edit.
// Regenerate: GAOKU_BLESS=1 cargo test -p gaoku-app --test ipc_types

export type SpeechSummary = { id: number, 
/**
 * Characters of the body text, whitespace not counted.
 */
chars: number, title: string, 
/**
 * As precise as known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 */
date: string | null, year: number | null, speaker: string | null, 
/**
 * The meeting or event (全县2020年半年工作总结会议).
 */
occasion: string | null, 
/**
 * 讲话, 报告, 总结, … (see `known_kinds`).
 */
kind: string | null, tags: Array<string>, };

export type Speech = { id: number, 
/**
 * Characters of the body text, whitespace not counted.
 */
chars: number, 
/**
 * File name the speech was imported from (`None` for the built-in sample).
 */
source_file: string | null, 
/**
 * SHA-256 of the normalized text; equal texts are duplicates.
 */
content_hash: string, 
/**
 * RFC 3339, UTC.
 */
imported_at: string, updated_at: string, 
/**
 * The body, one entry per paragraph.
 */
paragraphs: Array<string>, title: string, 
/**
 * As precise as known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 */
date: string | null, year: number | null, speaker: string | null, 
/**
 * The meeting or event (全县2020年半年工作总结会议).
 */
occasion: string | null, 
/**
 * 讲话, 报告, 总结, … (see `known_kinds`).
 */
kind: string | null, tags: Array<string>, };

export type SpeechEdit = { title: string | null, date: string | null, speaker: string | null, occasion: string | null, kind: string | null, 
/**
 * Replaces all tags when given.
 */
tags: Array<string> | null, };

export type LibraryInfo = { dir: string, speeches: number, };

export type ImportReport = { imported: Array<Imported>, duplicates: Array<Duplicate>, failed: Array<Failed>, skipped: Array<Skipped>, };

export type Imported = { id: number, title: string, path: string, };

export type Duplicate = { path: string, 
/**
 * The speech that already holds this text.
 */
id: number, };

export type Failed = { path: string, 
/**
 * Why, in English (what the CLI prints).
 */
error: string, 
/**
 * The reason's stable code (`bad_bytes`, `not_a_docx`, …) and parameters, which the app
 * renders in the writer's language.
 */
code: string, params: Record<string, unknown>, };

export type Skipped = { path: string, 
/**
 * Why, in English.
 */
reason: string, 
/**
 * The reason's stable code (`lock_file`, `not_a_document`).
 */
code: string, };

export type ImportProgress = { 
/**
 * Files done so far, including this one.
 */
done: number, total: number, path: string, };

export type SearchRequest = { query: string, 
/**
 * Treat the query as a pattern even without `…` or `*`.
 */
pattern: boolean, 
/**
 * At most this many hits (0: all).
 */
limit: number, year_from: number | null, year_to: number | null, speaker: string | null, kind: string | null, tag: string | null, sort: SearchSort, };

export type SearchMode = "phrase" | "keywords" | "pattern";

export type SearchSort = "relevance" | "date";

export type SearchResults = { query: string, mode: SearchMode, 
/**
 * Speeches that match (all of them, not only those returned).
 */
total: number, hits: Array<SearchHit>, };

export type SearchHit = { id: number, title: string, date: string | null, score: number, 
/**
 * Non-overlapping occurrences, left to right (for keywords: summed over the terms).
 */
match_count: number, matches: Array<Span>, 
/**
 * 1–3 snippets of about 80 characters, matches in `<mark>`, everything else HTML-escaped.
 */
snippets: Array<string>, };

export type Span = { start: number, end: number, };

export type Outline = { title: string, salutation: OutlinePart | null, nodes: Array<OutlineNode>, 
/**
 * The closing part (a call to action after the last section), if there is one.
 */
closing: OutlinePart | null, };

export type OutlineNode = { kind: NodeKind, 
/**
 * Heading level 1–4 (一、 （一） 1. （1））; for items, one below the heading they sit in.
 */
level: number, 
/**
 * The numbering as written: `一、`, `（二）`, `3.`, `一是`, `第二，`, `首先，`.
 */
marker: string, 
/**
 * The heading's first sentence (or whole line), or the item's first clause.
 */
title: string, 
/**
 * Index of the paragraph in the shown text.
 */
para: number, 
/**
 * Character offset of the marker inside that paragraph.
 */
offset: number, children: Array<OutlineNode>, };

export type NodeKind = "heading" | "item";

export type OutlinePart = { para: number, text: string, };

export type Template = { name: string, kind: string | null, description: string, 
/**
 * Shipped with Gaoku (cannot be renamed or deleted).
 */
builtin: boolean, 
/**
 * The speech it was taken from.
 */
source_speech: number | null, parts: Array<TemplatePart>, };

export type TemplatePart = { level: number, marker: string, title: string, 
/**
 * What the part does (形势 → 任务 → 落实), shown as a prompt in a new draft.
 */
note: string, };

export type Phrase = { id: number, kind: PhraseKind, text: string, 
/**
 * Occurrences across the library.
 */
count: number, sources: Array<PhraseSource>, starred: boolean, 
/**
 * Added (or edited) by the writer rather than mined.
 */
user: boolean, tags: Array<string>, };

export type PhraseKind = "parallel" | "enumeration" | "paired" | "slogan" | "heading";

export type PhraseSource = { speech: number, start: number, end: number, };

export type PhraseFilter = { kind: PhraseKind | null, min_count: number, starred_only: boolean, 
/**
 * Only entries whose text contains this.
 */
contains: string | null, tag: string | null, 
/**
 * At most this many entries (0: all).
 */
limit: number, };

export type DraftSummary = { id: number, title: string, created: string, updated: string, 
/**
 * 字数 of the body (Han characters plus Latin words).
 */
chars: number, };

export type Draft = { id: number, title: string, body: string, created: string, updated: string, chars: number, 
/**
 * Where it started: `template:NAME`, `speech:ID` or `file:PATH`.
 */
source: string | null, };

export type SaveKind = "auto" | "manual";

export type Saved = { draft: DraftSummary, 
/**
 * Snapshots taken by this save (before and/or after it).
 */
revisions: Array<number>, };

export type RevisionInfo = { id: number, created: string, chars: number, 
/**
 * Why it was taken.
 */
reason: RevisionReason, };

export type RevisionReason = "created" | "manual" | "timed" | "before-paste" | "before-restore" | "before-insert" | "restored";

export type DiffPart = { op: DiffOp, text: string, };

export type DiffOp = "same" | "added" | "removed";

export type PreviewBlock = { line: number, html: string, };

export type DraftOutline = { outline: Outline, 
/**
 * `lines[para]` is the 0-based line where paragraph `para` of the outline starts.
 */
lines: Array<number>, title_line: number | null, };

export type ExportTarget = { "kind": "speech", "id": number } | { "kind": "draft", "id": number };

export type ExportFormat = "md" | "docx" | "txt";

export type ExportStyle = "gbt9704" | "plain";

export type AppError = { 
/**
 * Stable machine-readable code (`not_found`, `bad_bytes`, `empty_query`, …): see
 * `gaoku_core::Error::catalog`.
 */
code: string, 
/**
 * The code's parameters by name (`{"what": "draft", "id": "3"}`).
 */
params: Record<string, unknown>, 
/**
 * What happened, in English.
 */
message: string, };

/** The marks that end a sentence (gaoku_core::text::SENTENCE_ENDS). */
export const SENTENCE_ENDS = "。！？；!?;";

/** The kinds of document import detects (gaoku_core::known_kinds). */
export const SPEECH_KINDS = ["讲话","报告","总结","致辞","发言","决议","汇报","主持词","党课","述职报告","心得体会"] as const;
