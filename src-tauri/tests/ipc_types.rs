//! The TypeScript declarations of every type that crosses IPC, generated from the Rust types
//! into `ui/src/generated/ipc.ts` (the UI imports them instead of copying them by hand). This
//! test fails when the file is stale. Regenerate with
//! `GAOKU_BLESS=1 cargo test -p gaoku-app --test ipc_types`.

use gaoku_app::commands::export::Target;
use gaoku_app::commands::library::LibraryInfo;
use gaoku_app::error::AppError;
mod generated;

use gaoku_core::check::{Finding, Fix, Layer, RuleInfo, RuleKind, RulePack, Severity, TermRule};
use gaoku_core::compare::{CompareRow, CompareSide, CompareSummary, Comparison, ParagraphPair};
use gaoku_core::drafts::{
    diff::{DiffOp, DiffPart},
    preview::PreviewBlock,
    Draft, DraftSummary, RevisionInfo, RevisionReason, SaveKind, Saved,
};
use gaoku_core::export::{ExportSettings, FontSet, Format, Style};
use gaoku_core::library::{
    BackupInfo, BackupPlan, BundleInfo, BundleParts, BundleReport, BundleSpeech, CompareWith,
    DraftOutline, IndexNotice, Renamed, RestoreInfo,
};
use gaoku_core::library::{
    CheckEntry, CheckReport, DateSource, PackInfo, RulesImported, RulesView, TermEntry,
};
use gaoku_core::outline::{Node, NodeKind, Outline, Part};
use gaoku_core::phrases::PhraseKind;
use gaoku_core::phrases::{Phrase, PhraseCompletion, PhraseFilter, PhraseSource, PhraseUse};
use gaoku_core::reuse::{ReuseKind, ReuseReport, ReuseSource, ReuseSpan, SimilarHit};
use gaoku_core::search::{Mode, SearchHit, SearchRequest, SearchResults, Sort, Span};
use gaoku_core::search::{YearCount, YearCounts};
use gaoku_core::templates::{Template, TemplatePart};
use gaoku_core::{
    Duplicate, Failed, ImportProgress, ImportReport, Imported, Skipped, Speech, SpeechEdit,
    SpeechSummary,
};
use ts_rs::TS;

macro_rules! declarations {
    ($($t:ty),* $(,)?) => {
        vec![$(format!("export {}", <$t as TS>::decl())),*]
    };
}

#[test]
fn generated_ipc_types_are_current() {
    let decls = declarations![
        // The library and import.
        SpeechSummary,
        Speech,
        SpeechEdit,
        LibraryInfo,
        ImportReport,
        Imported,
        Duplicate,
        Failed,
        Skipped,
        ImportProgress<'static>,
        // Search.
        SearchRequest,
        SearchMode,
        SearchSort,
        SearchResults,
        IndexNotice,
        SearchHit,
        Span,
        // Structure.
        Outline,
        OutlineNode,
        NodeKind,
        OutlinePart,
        Template,
        TemplatePart,
        Phrase,
        PhraseKind,
        PhraseSource,
        PhraseUse,
        PhraseCompletion,
        BackupInfo,
        BundleInfo,
        BundleParts,
        CompareWith,
        Comparison,
        CompareSide,
        ParagraphPair,
        CompareRow,
        CompareSummary,
        YearCount,
        YearCounts,
        ExportSettings,
        FontSet,
        BundleReport,
        BundleSpeech,
        Renamed,
        BackupPlan,
        RestoreInfo,
        PhraseFilter,
        // Drafts and export.
        DraftSummary,
        Draft,
        SaveKind,
        Saved,
        RevisionInfo,
        RevisionReason,
        DiffPart,
        DiffOp,
        PreviewBlock,
        DraftOutline,
        ExportTarget,
        ExportFormat,
        ExportStyle,
        // Checks and 提法 rules.
        CheckReport,
        DateSource,
        Finding,
        Fix,
        Severity,
        RuleKind,
        RuleInfo,
        Layer,
        TermRule,
        RulePack,
        RulesView,
        CheckEntry,
        TermEntry,
        PackInfo,
        RulesImported,
        // 查重 and similar passages.
        ReuseReport,
        ReuseSource,
        ReuseSpan,
        ReuseKind,
        SimilarHit,
        // Errors.
        AppError,
    ];
    let text = format!(
        "// Generated from the Rust types by src-tauri/tests/ipc_types.rs: do not edit.\n// Regenerate: GAOKU_BLESS=1 cargo test -p gaoku-app --test ipc_types\n\n{}\n",
        decls.join("\n\n")
    ) + &format!(
        "\n/** The marks that end a sentence (gaoku_core::zh::SENTENCE_ENDS). */\nexport const SENTENCE_ENDS = {};\n",
        serde_json::to_string(gaoku_core::zh::SENTENCE_ENDS).unwrap()
    ) + &format!(
        "\n/** The kinds of document import detects (gaoku_core::known_kinds). */\nexport const SPEECH_KINDS = {} as const;\n",
        serde_json::to_string(&gaoku_core::known_kinds()).unwrap()
    ) + &format!(
        "\n/** The file extensions import reads (gaoku_core::IMPORT_EXTENSIONS). */\nexport const IMPORT_EXTENSIONS = {} as const;\n",
        serde_json::to_string(gaoku_core::IMPORT_EXTENSIONS).unwrap()
    );
    generated::check("ipc.ts", &text, "ipc_types");
}

// The Rust names of the renamed types, so the list above reads as the TypeScript does.
type SearchMode = Mode;
type SearchSort = Sort;
type OutlineNode = Node;
type OutlinePart = Part;
type ExportTarget = Target;
type ExportFormat = Format;
type ExportStyle = Style;
