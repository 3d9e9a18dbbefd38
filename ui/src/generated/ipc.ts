// Generated from the Rust types by src-tauri/tests/ipc_types.rs: do not edit.
// Regenerate: GAOKU_BLESS=1 cargo test -p gaoku-app --test ipc_types

export type SpeechSummary = { 
/**
 * The speech's id.
 */
id: number, 
/**
 * Characters of the body text, whitespace not counted.
 */
chars: number, 
/**
 * The title as shown in the list.
 */
title: string, 
/**
 * As precise as known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 */
date: string | null, 
/**
 * The year, also when only the year is known.
 */
year: number | null, 
/**
 * Who gave the speech.
 */
speaker: string | null, 
/**
 * The meeting or event (全县2020年半年工作总结会议).
 */
occasion: string | null, 
/**
 * 讲话, 报告, 总结, … (see `known_kinds`).
 */
kind: string | null, 
/**
 * The writer's own tags, sorted.
 */
tags: Array<string>, };

export type Speech = { 
/**
 * The speech's id.
 */
id: number, 
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
imported_at: string, 
/**
 * When the metadata was last edited, RFC 3339 UTC.
 */
updated_at: string, 
/**
 * The body, one entry per paragraph.
 */
paragraphs: Array<string>, 
/**
 * The title as shown in the list.
 */
title: string, 
/**
 * As precise as known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 */
date: string | null, 
/**
 * The year, also when only the year is known.
 */
year: number | null, 
/**
 * Who gave the speech.
 */
speaker: string | null, 
/**
 * The meeting or event (全县2020年半年工作总结会议).
 */
occasion: string | null, 
/**
 * 讲话, 报告, 总结, … (see `known_kinds`).
 */
kind: string | null, 
/**
 * The writer's own tags, sorted.
 */
tags: Array<string>, };

export type SpeechEdit = { 
/**
 * A new title (never empty).
 */
title: string | null, 
/**
 * A new date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the year follows it).
 */
date: string | null, 
/**
 * A new speaker.
 */
speaker: string | null, 
/**
 * A new occasion.
 */
occasion: string | null, 
/**
 * A new kind.
 */
kind: string | null, 
/**
 * Replaces all tags when given.
 */
tags: Array<string> | null, };

export type LibraryInfo = { dir: string, speeches: number, 
/**
 * The library's folder or medium is read-only: it can be read and searched, not changed.
 */
read_only: boolean, };

export type ImportReport = { 
/**
 * Files stored as new speeches.
 */
imported: Array<Imported>, 
/**
 * Files whose text the library already held.
 */
duplicates: Array<Duplicate>, 
/**
 * Files that could not be imported, with the reason.
 */
failed: Array<Failed>, 
/**
 * Files in folders that are not documents.
 */
skipped: Array<Skipped>, };

export type Imported = { 
/**
 * The new speech's id.
 */
id: number, 
/**
 * Its detected title.
 */
title: string, 
/**
 * The file it came from.
 */
path: string, };

export type Duplicate = { 
/**
 * The file whose text is already there.
 */
path: string, 
/**
 * The speech that already holds this text.
 */
id: number, };

export type Failed = { 
/**
 * The file that failed.
 */
path: string, 
/**
 * Why, in English (what the CLI prints).
 */
error: string, 
/**
 * The reason's stable code (`bad_bytes`, `not_a_docx`, …) and parameters, which the app
 * renders in the writer's language.
 */
code: string, 
/**
 * The parameters of `code` (`{"encoding": "GBK", "at": 12}`).
 */
params: Record<string, unknown>, };

export type Skipped = { 
/**
 * The file passed over.
 */
path: string, 
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
done: number, 
/**
 * Files in the whole import.
 */
total: number, 
/**
 * The file just done.
 */
path: string, };

export type SearchRequest = { 
/**
 * What the writer typed: a phrase, keywords or a pattern with `…` or `*`.
 */
query: string, 
/**
 * Treat the query as a pattern even without `…` or `*`.
 */
pattern: boolean, 
/**
 * At most this many hits (0: all).
 */
limit: number, 
/**
 * Hits to pass over first (the next page starts where the last one ended).
 */
offset: number, 
/**
 * From this year on.
 */
year_from: number | null, 
/**
 * Up to this year.
 */
year_to: number | null, 
/**
 * Only this speaker.
 */
speaker: string | null, 
/**
 * Only this kind.
 */
kind: string | null, 
/**
 * Only speeches with this tag.
 */
tag: string | null, 
/**
 * Relevance or date.
 */
sort: SearchSort, };

export type SearchMode = "phrase" | "keywords" | "pattern";

export type SearchSort = "relevance" | "date";

export type SearchResults = { 
/**
 * The query as given.
 */
query: string, 
/**
 * How the query was read.
 */
mode: SearchMode, 
/**
 * Speeches that match (all of them, not only those returned).
 */
total: number, 
/**
 * The hits returned (at most the request's limit).
 */
hits: Array<SearchHit>, 
/**
 * Set when the index could not take the latest changes in: the results may miss them.
 */
notice: IndexNotice | null, };

export type IndexNotice = { "code": "busy", "params": { 
/**
 * Changes to the library the index does not hold yet.
 */
changes: number, } } | { "code": "behind", "params": { 
/**
 * Changes to the library the index does not hold yet.
 */
changes: number, 
/**
 * What went wrong.
 */
why: string, } };

export type SearchHit = { 
/**
 * The speech's id.
 */
id: number, 
/**
 * The speech's title.
 */
title: string, 
/**
 * The speech's date.
 */
date: string | null, 
/**
 * Relevance score (higher is better).
 */
score: number, 
/**
 * Non-overlapping occurrences, left to right (for keywords: summed over the terms).
 */
match_count: number, 
/**
 * Where the matches are in the shown text.
 */
matches: Array<Span>, 
/**
 * 1–3 snippets of about 80 characters, matches in `<mark>`, everything else HTML-escaped.
 */
snippets: Array<string>, };

export type Span = { 
/**
 * Start character.
 */
start: number, 
/**
 * End character (exclusive).
 */
end: number, };

export type Outline = { 
/**
 * The speech's title.
 */
title: string, 
/**
 * The salutation (同志们：), if there is one.
 */
salutation: OutlinePart | null, 
/**
 * The top-level headings (or items, when the speech has no headings).
 */
nodes: Array<OutlineNode>, 
/**
 * The closing part (a call to action after the last section), if there is one.
 */
closing: OutlinePart | null, };

export type OutlineNode = { 
/**
 * Heading or item.
 */
kind: NodeKind, 
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
offset: number, 
/**
 * Headings one level down and the items under this heading.
 */
children: Array<OutlineNode>, };

export type NodeKind = "heading" | "item";

export type OutlinePart = { 
/**
 * Index of the paragraph in the shown text.
 */
para: number, 
/**
 * The paragraph's text.
 */
text: string, };

export type Template = { 
/**
 * The template's unique name.
 */
name: string, 
/**
 * The kind of speech it fits (讲话, 总结).
 */
kind: string | null, 
/**
 * What it is for, in a sentence.
 */
description: string, 
/**
 * Shipped with Gaoku (cannot be renamed or deleted).
 */
builtin: boolean, 
/**
 * The speech it was taken from.
 */
source_speech: number | null, 
/**
 * The parts, in order.
 */
parts: Array<TemplatePart>, };

export type TemplatePart = { 
/**
 * 0 for an unnumbered part, else the heading level 1–4.
 */
level: number, 
/**
 * The numbering (一、, （一）); empty for level 0.
 */
marker: string, 
/**
 * The part's heading text.
 */
title: string, 
/**
 * What the part does (形势 → 任务 → 落实), shown as a prompt in a new draft.
 */
note: string, };

export type Phrase = { 
/**
 * The entry's id.
 */
id: number, 
/**
 * 排比, enumeration, paired form, slogan, or the writer's own.
 */
kind: PhraseKind, 
/**
 * The phrase.
 */
text: string, 
/**
 * Occurrences across the library.
 */
count: number, 
/**
 * Speeches it occurs in (a formula many speeches use ranks above one speech's refrain).
 */
speeches: number, 
/**
 * Where it occurs, in speech order: the first [`SOURCES_SHOWN`] unless all were asked for
 * (`count` says how many there are).
 */
sources: Array<PhraseSource>, 
/**
 * Marked by the writer as a favourite.
 */
starred: boolean, 
/**
 * Added (or edited) by the writer rather than mined.
 */
user: boolean, 
/**
 * The writer's own tags.
 */
tags: Array<string>, };

export type PhraseKind = "parallel" | "enumeration" | "paired" | "slogan" | "heading";

export type PhraseSource = { 
/**
 * The speech it occurs in.
 */
speech: number, 
/**
 * Start character in the speech's shown text.
 */
start: number, 
/**
 * End character (exclusive).
 */
end: number, };

export type PhraseUse = { 
/**
 * The speech it occurs in.
 */
speech: number, 
/**
 * That speech's title.
 */
title: string, 
/**
 * That speech's date.
 */
date: string | null, 
/**
 * Start character in the speech's shown text.
 */
start: number, 
/**
 * End character (exclusive).
 */
end: number, 
/**
 * The text around it, the phrase in `<mark>`, everything else HTML-escaped.
 */
snippet: string, };

export type PhraseCompletion = { 
/**
 * The whole entry (既要…更要…).
 */
text: string, 
/**
 * Its kind.
 */
kind: PhraseKind, 
/**
 * Starred by the writer.
 */
starred: boolean, 
/**
 * The writer's own entry.
 */
own: boolean, 
/**
 * Occurrences in the library.
 */
count: number, 
/**
 * How many characters before the cursor it begins with (they are replaced by it).
 */
typed: number, };

export type BackupInfo = { 
/**
 * The backup's folder (a library folder).
 */
path: string, 
/**
 * Speeches in it.
 */
speeches: number, 
/**
 * Size of its database in bytes.
 */
bytes: number, };

export type BundleInfo = { 
/**
 * The bundle file.
 */
path: string, 
/**
 * Speeches in it.
 */
speeches: number, 
/**
 * Phrases in it.
 */
phrases: number, 
/**
 * Templates in it.
 */
templates: number, 
/**
 * 提法 rules in it (both packs).
 */
rules: number, 
/**
 * Drafts in it.
 */
drafts: number, 
/**
 * Size of the file.
 */
bytes: number, };

export type BundleParts = { 
/**
 * Every speech of the library (else only `speech_ids`).
 */
all_speeches: boolean, 
/**
 * The speeches to include when not `all_speeches`.
 */
speech_ids: number[], 
/**
 * The writer's phrases: starred, own or tagged ones (mined ones come back by themselves
 * from the speeches).
 */
phrases: boolean, 
/**
 * The writer's own structure templates.
 */
templates: boolean, 
/**
 * The unit and personal 提法 rule packs.
 */
rules: boolean, 
/**
 * The drafts (their current text).
 */
drafts: boolean, };

export type CompareWith = { "kind": "speech", 
/**
 * Its id.
 */
id: number, } | { "kind": "draft", 
/**
 * Its id.
 */
id: number, } | { "kind": "revision", 
/**
 * The draft.
 */
draft: number, 
/**
 * The revision.
 */
rev: number, } | { "kind": "file", 
/**
 * Its path.
 */
path: string, };

export type Comparison = { 
/**
 * The older text, usually.
 */
left: CompareSide, 
/**
 * The newer text, usually.
 */
right: CompareSide, 
/**
 * Paragraphs paired, in the right text's order.
 */
pairs: Array<ParagraphPair>, 
/**
 * Left paragraphs with no partner: dropped.
 */
left_only: Array<number>, 
/**
 * Right paragraphs with no partner: new.
 */
right_only: Array<number>, 
/**
 * The side-by-side rows: the right text in order, a dropped paragraph after the pair its
 * predecessor on the left is in.
 */
rows: Array<CompareRow>, 
/**
 * What changed.
 */
summary: CompareSummary, };

export type CompareSide = { 
/**
 * What it is: a speech's or a draft's title, a file's name.
 */
title: string, 
/**
 * Its paragraphs, as compared.
 */
paragraphs: Array<string>, };

export type ParagraphPair = { 
/**
 * Its index on the left.
 */
left: number, 
/**
 * Its index on the right.
 */
right: number, 
/**
 * How alike, 0–1 (1: the same text).
 */
similarity: number, 
/**
 * Out of order against the other pairs: the paragraph moved.
 */
moved: boolean, 
/**
 * The wording from left to right (empty when the same).
 */
diff: Array<DiffPart>, };

export type CompareRow = { 
/**
 * The left paragraph, if any.
 */
left: number | null, 
/**
 * The right paragraph, if any.
 */
right: number | null, 
/**
 * The pair's index in `pairs`, for a pair.
 */
pair: number | null, };

export type CompareSummary = { 
/**
 * Characters of the left text.
 */
left_chars: number, 
/**
 * Characters of the right text.
 */
right_chars: number, 
/**
 * Characters in both, unchanged.
 */
unchanged: number, 
/**
 * Characters only on the right (new paragraphs and new wording).
 */
added: number, 
/**
 * Characters only on the left (dropped paragraphs and dropped wording).
 */
dropped: number, 
/**
 * Paragraphs the same on both sides.
 */
same_paragraphs: number, 
/**
 * Paragraphs rewritten.
 */
changed_paragraphs: number, 
/**
 * Paragraphs only on the right.
 */
new_paragraphs: number, 
/**
 * Paragraphs only on the left.
 */
dropped_paragraphs: number, 
/**
 * Pairs out of order: sections that moved.
 */
moved_paragraphs: number, };

export type YearCount = { 
/**
 * The year; `None` for speeches without a date.
 */
year: number | null, 
/**
 * Speeches of that year that match.
 */
speeches: number, 
/**
 * Matches in them.
 */
matches: number, };

export type YearCounts = { 
/**
 * The query as given.
 */
query: string, 
/**
 * How the query was read.
 */
mode: SearchMode, 
/**
 * The years with a matching speech, in order; undated speeches last.
 */
years: Array<YearCount>, };

export type ExportSettings = { 
/**
 * The Chinese fonts.
 */
font_set: FontSet, 
/**
 * A font for digits and Latin letters (many units require Times New Roman); `None`: the
 * Chinese font. Quotes, dashes and ellipses stay in the Chinese font either way.
 */
latin_font: string | null, 
/**
 * Body size of the 念稿版, in points (16 = 三号, 18 = 小二, 22 = 二号).
 */
reading_size: number, 
/**
 * Speaking pace for the 念稿版's times, 字 per minute.
 */
pace: number, };

export type FontSet = "gb2312" | "common";

export type BundleReport = { 
/**
 * The bundle file.
 */
path: string, 
/**
 * Speeches added, in bundle order.
 */
speeches_added: Array<BundleSpeech>, 
/**
 * Speeches whose text the library had already (their tags merged, the rest kept).
 */
speeches_known: number, 
/**
 * Tags added to speeches the library had.
 */
tags_added: number, 
/**
 * Phrases new to the bank.
 */
phrases_added: number, 
/**
 * Phrases the bank had, given a star, an own mark or tags from the bundle.
 */
phrases_merged: number, 
/**
 * Templates added under their own name.
 */
templates_added: number, 
/**
 * Templates added under a new name (the library had another one of that name).
 */
templates_renamed: Array<Renamed>, 
/**
 * Templates the library had already, the same.
 */
templates_known: number, 
/**
 * 提法 rules added to the unit and personal packs.
 */
rules_added: number, 
/**
 * 提法 rules replaced (same id).
 */
rules_replaced: number, 
/**
 * Drafts added.
 */
drafts_added: number, 
/**
 * Drafts the library had already (same title and text).
 */
drafts_known: number, };

export type BundleSpeech = { 
/**
 * Its id in this library.
 */
id: number, 
/**
 * Its title.
 */
title: string, };

export type Renamed = { 
/**
 * Its name in the bundle.
 */
from: string, 
/**
 * Its name in this library.
 */
to: string, };

export type BackupPlan = { 
/**
 * The folder the dated backups go to; `None`: no regular backup.
 */
dir: string | null, 
/**
 * How many dated backups to keep there.
 */
keep: number, 
/**
 * When the last regular backup was made (RFC 3339, UTC).
 */
last: string | null, };

export type RestoreInfo = { 
/**
 * The backup it came from.
 */
from: string, 
/**
 * Where the library as it was before the restore was kept (`None` for a library that had
 * no database yet).
 */
previous: string | null, 
/**
 * Speeches in the library now.
 */
speeches: number, };

export type PhraseFilter = { 
/**
 * Only this kind.
 */
kind: PhraseKind | null, 
/**
 * Only entries found at least this many times.
 */
min_count: number, 
/**
 * Only starred entries.
 */
starred_only: boolean, 
/**
 * Only entries whose text contains this.
 */
contains: string | null, 
/**
 * Only entries with this tag.
 */
tag: string | null, 
/**
 * At most this many entries (0: all).
 */
limit: number, 
/**
 * Every source of each entry, not only the first few (a slogan can have thousands).
 */
all_sources: boolean, };

export type DraftSummary = { 
/**
 * The draft's id.
 */
id: number, 
/**
 * The first heading or line of the body (or 未命名).
 */
title: string, 
/**
 * When it was made, RFC 3339 UTC.
 */
created: string, 
/**
 * When it was last saved, RFC 3339 UTC.
 */
updated: string, 
/**
 * 字数 of the body (Han characters plus Latin words).
 */
chars: number, };

export type Draft = { 
/**
 * The draft's id.
 */
id: number, 
/**
 * The first heading or line of the body (or 未命名).
 */
title: string, 
/**
 * The Markdown text.
 */
body: string, 
/**
 * When it was made, RFC 3339 UTC.
 */
created: string, 
/**
 * When it was last saved, RFC 3339 UTC.
 */
updated: string, 
/**
 * 字数 of the body.
 */
chars: number, 
/**
 * Where it started: `template:NAME`, `speech:ID` or `file:PATH`.
 */
source: string | null, };

export type SaveKind = "auto" | "manual";

export type Saved = { 
/**
 * The draft as saved.
 */
draft: DraftSummary, 
/**
 * Snapshots taken by this save (before and/or after it).
 */
revisions: Array<number>, };

export type RevisionInfo = { 
/**
 * The revision's id (unique across drafts).
 */
id: number, 
/**
 * When it was taken, RFC 3339 UTC.
 */
created: string, 
/**
 * 字数 of the body it holds.
 */
chars: number, 
/**
 * Why it was taken.
 */
reason: RevisionReason, };

export type RevisionReason = "created" | "manual" | "timed" | "before-paste" | "before-restore" | "before-insert" | "restored";

export type DiffPart = { 
/**
 * Whether the text is kept, added or removed.
 */
op: DiffOp, 
/**
 * The text of this piece.
 */
text: string, };

export type DiffOp = "same" | "added" | "removed";

export type PreviewBlock = { 
/**
 * The 0-based source line the block starts on.
 */
line: number, 
/**
 * The block's HTML, sanitized.
 */
html: string, };

export type DraftOutline = { 
/**
 * The outline of the draft's paragraphs.
 */
outline: Outline, 
/**
 * `lines[para]` is the 0-based line where paragraph `para` of the outline starts.
 */
lines: Array<number>, 
/**
 * The line of the draft's `#` title, if it has one.
 */
title_line: number | null, 
/**
 * `chars[para]`: the 字数 of paragraph `para` (for each part's speaking time).
 */
chars: Array<number>, };

export type ExportTarget = { "kind": "speech", "id": number } | { "kind": "draft", "id": number };

export type ExportFormat = "md" | "docx" | "txt";

export type ExportStyle = "gbt9704" | "plain" | "reading";

export type CheckReport = { 
/**
 * `YYYY-MM-DD`.
 */
date: string, 
/**
 * Where the date came from.
 */
date_source: DateSource, 
/**
 * In text order.
 */
findings: Array<Finding>, };

export type DateSource = "given" | "text" | "metadata" | "today";

export type Finding = { 
/**
 * The rule's id (`numbering-gap`, `punct-halfwidth`, `outdated-term`, …): a contract.
 */
rule: string, 
/**
 * How much it matters.
 */
severity: Severity, 
/**
 * 1-based line of the start in the checked text.
 */
line: number, 
/**
 * Character offsets of the finding in the whole checked text.
 */
start: number, 
/**
 * End (exclusive).
 */
end: number, 
/**
 * What is wrong, in Chinese.
 */
message: string, 
/**
 * Where the rule comes from (a standard's clause, the document a 提法 follows), if known.
 */
basis: string | null, 
/**
 * The correction, when one is certain.
 */
fix: Fix | null, };

export type Fix = { 
/**
 * Character offsets of the text to replace, in the whole checked text.
 */
start: number, 
/**
 * End (exclusive).
 */
end: number, 
/**
 * The text to put there.
 */
replacement: string, 
/**
 * Safe to apply without reading (punctuation width, doubled punctuation).
 */
safe: boolean, };

export type Severity = "error" | "warning" | "hint";

export type RuleKind = "structure" | "writing" | "term";

export type RuleInfo = { 
/**
 * The rule's id.
 */
id: string, 
/**
 * Structure, writing or term.
 */
kind: RuleKind, 
/**
 * Its usual severity.
 */
severity: Severity, 
/**
 * Short name, in Chinese.
 */
title: string, 
/**
 * What it checks and why, with the standard's clause where one speaks.
 */
explanation: string, };

export type Layer = "builtin" | "unit" | "personal";

export type TermRule = { 
/**
 * Stable id; a higher layer's rule with the same id replaces this one.
 */
id: string, 
/**
 * What to look for: a regular expression (Rust `regex` syntax).
 */
pattern: string, 
/**
 * Why it is outdated outside its dates.
 */
reason: string, 
/**
 * The wording to use instead.
 */
suggest?: string, 
/**
 * The document or date the rule follows from (依据).
 */
basis: string, 
/**
 * First day the formulation is right (`YYYY-MM-DD`); before it, it is reported.
 */
valid_from?: string, 
/**
 * Last day the formulation is right; after it, it is reported.
 */
valid_until?: string, 
/**
 * Regular expressions for contexts where the term is fine (retrospective wording): any of
 * them in the same sentence silences the rule.
 */
exceptions?: Array<string>, 
/**
 * Severity of a finding (warning unless said).
 */
severity?: Severity, };

export type RulePack = { 
/**
 * The pack's name (内置提法规则, the office's name, …).
 */
name: string, 
/**
 * Format version (1).
 */
version: number, 
/**
 * When the pack was last changed (`YYYY-MM-DD`), if said.
 */
updated?: string, 
/**
 * Rule ids (提法 rules of lower layers, or built-in checks) this pack turns off.
 */
disable?: Array<string>, 
/**
 * The pack's rules.
 */
rule?: Array<TermRule>, };

export type RulesView = { 
/**
 * The built-in checks.
 */
checks: Array<CheckEntry>, 
/**
 * The 提法 rules, layered.
 */
terms: Array<TermEntry>, 
/**
 * The three packs.
 */
packs: Array<PackInfo>, };

export type CheckEntry = { 
/**
 * On, unless a pack turned it off.
 */
enabled: boolean, 
/**
 * The rule's id.
 */
id: string, 
/**
 * Structure, writing or term.
 */
kind: RuleKind, 
/**
 * Its usual severity.
 */
severity: Severity, 
/**
 * Short name, in Chinese.
 */
title: string, 
/**
 * What it checks and why, with the standard's clause where one speaks.
 */
explanation: string, };

export type TermEntry = { 
/**
 * The rule in force for its id.
 */
rule: TermRule, 
/**
 * The highest layer that defines it.
 */
layer: Layer, 
/**
 * On, unless a pack turned it off.
 */
enabled: boolean, };

export type PackInfo = { 
/**
 * Which layer.
 */
layer: Layer, 
/**
 * The pack's name.
 */
name: string, 
/**
 * How many rules it defines.
 */
rules: number, 
/**
 * How many ids it turns off.
 */
disabled: number, };

export type RulesImported = { 
/**
 * The layer it went into.
 */
layer: Layer, 
/**
 * Rules new to that layer.
 */
added: number, 
/**
 * Rules that replaced one with the same id.
 */
replaced: number, 
/**
 * Ids newly turned off.
 */
disabled: number, };

export type ReuseReport = { 
/**
 * Characters reused (exact and near) over all characters of the text, 0.0–1.0.
 */
ratio: number, 
/**
 * Characters of the text counted (paragraphs, spaces left out).
 */
total_chars: number, 
/**
 * Sources by share, largest first.
 */
sources: Array<ReuseSource>, 
/**
 * Every stretch found, in text order (common wording included, marked so).
 */
spans: Array<ReuseSpan>, };

export type ReuseSource = { 
/**
 * The speech.
 */
id: number, 
/**
 * Its title.
 */
title: string, 
/**
 * Its date, if known.
 */
date: string | null, 
/**
 * Occasion, if known.
 */
occasion: string | null, 
/**
 * Characters of the draft found in it (exact and near).
 */
chars: number, };

export type ReuseSpan = { 
/**
 * Character offsets in the checked text (for a draft, its Markdown).
 */
start: number, 
/**
 * End (exclusive).
 */
end: number, 
/**
 * The speech it is found in.
 */
source_id: number, 
/**
 * Character offsets in that speech's text (`gaoku show`: paragraphs joined by line breaks).
 */
source_start: number, 
/**
 * End (exclusive).
 */
source_end: number, 
/**
 * Exact, near or common.
 */
kind: ReuseKind, };

export type ReuseKind = "exact" | "near" | "common";

export type SimilarHit = { 
/**
 * The speech.
 */
id: number, 
/**
 * Its title.
 */
title: string, 
/**
 * Its date, if known.
 */
date: string | null, 
/**
 * The paragraph's index in the speech's paragraphs.
 */
para: number, 
/**
 * Character offset of the paragraph in the speech's text (paragraphs joined by line breaks).
 */
offset: number, 
/**
 * Similarity, 0.0–1.0: shared character pairs (the mean of their cosine and of the share
 * of the text's pairs the paragraph holds).
 */
score: number, 
/**
 * The paragraph.
 */
text: string, 
/**
 * Character ranges of the paragraph that the text shares (runs of 4 or more).
 */
shared: Array<[number, number]>, };

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

/** The marks that end a sentence (gaoku_core::zh::SENTENCE_ENDS). */
export const SENTENCE_ENDS = "。！？；!?;";

/** The kinds of document import detects (gaoku_core::known_kinds). */
export const SPEECH_KINDS = ["讲话","报告","总结","致辞","发言","决议","汇报","主持词","党课","述职报告","心得体会","通知","通报","意见","决定","办法","条例","规定","细则","方案","规划","请示","批复","函","公报","公告","通告","纪要"] as const;

/** The file extensions import reads (gaoku_core::IMPORT_EXTENSIONS). */
export const IMPORT_EXTENSIONS = ["docx","doc","wps","pdf","odt","rtf","html","htm","txt","md","docm","dotx","dot","wpt","ott","xhtml","shtml","text","markdown"] as const;
