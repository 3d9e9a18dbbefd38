//! Plain data types that cross the facade: speeches, edits, import reports.

use serde::{Deserialize, Serialize};

/// What a speech is: the metadata shared by the list row, the whole speech, the import and the
/// editor. Every field is a best guess at import and editable later.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct SpeechMeta {
    /// The title as shown in the list.
    pub title: String,
    /// As precise as known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The year, also when only the year is known.
    pub year: Option<i32>,
    /// Who gave the speech.
    pub speaker: Option<String>,
    /// The meeting or event (全县2020年半年工作总结会议).
    pub occasion: Option<String>,
    /// 讲话, 报告, 总结, … (see `known_kinds`).
    pub kind: Option<String>,
    /// The writer's own tags, sorted.
    pub tags: Vec<String>,
}

/// One row of the library list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct SpeechSummary {
    /// The speech's id.
    #[ts(type = "number")]
    pub id: i64,
    /// Title, date, speaker and the other metadata.
    #[serde(flatten)]
    pub meta: SpeechMeta,
    /// Characters of the body text, whitespace not counted.
    pub chars: usize,
}

/// A whole speech: metadata and its cleaned text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Speech {
    /// The speech's id.
    #[ts(type = "number")]
    pub id: i64,
    /// Title, date, speaker and the other metadata.
    #[serde(flatten)]
    pub meta: SpeechMeta,
    /// Characters of the body text, whitespace not counted.
    pub chars: usize,
    /// File name the speech was imported from (`None` for the built-in sample).
    pub source_file: Option<String>,
    /// SHA-256 of the normalized text; equal texts are duplicates.
    pub content_hash: String,
    /// RFC 3339, UTC.
    pub imported_at: String,
    /// When the metadata was last edited, RFC 3339 UTC.
    pub updated_at: String,
    /// The body, one entry per paragraph.
    pub paragraphs: Vec<String>,
}

impl Speech {
    /// The body as shown: paragraphs joined by `\n`.
    pub fn text(&self) -> String {
        self.paragraphs.join("\n")
    }

    /// The list row for this speech.
    pub fn summary(&self) -> SpeechSummary {
        SpeechSummary {
            id: self.id,
            meta: self.meta.clone(),
            chars: self.chars,
        }
    }
}

/// Changes to a speech's metadata; `None` leaves a field as it is, `Some("")` clears it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
pub struct SpeechEdit {
    /// A new title (never empty).
    pub title: Option<String>,
    /// A new date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the year follows it).
    pub date: Option<String>,
    /// A new speaker.
    pub speaker: Option<String>,
    /// A new occasion.
    pub occasion: Option<String>,
    /// A new kind.
    pub kind: Option<String>,
    /// Replaces all tags when given.
    pub tags: Option<Vec<String>>,
}

/// A speech that an import stored.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct Imported {
    /// The new speech's id.
    #[ts(type = "number")]
    pub id: i64,
    /// Its detected title.
    pub title: String,
    /// The file it came from.
    pub path: String,
}

/// A file whose text is already in the library.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct Duplicate {
    /// The file whose text is already there.
    pub path: String,
    /// The speech that already holds this text.
    #[ts(type = "number")]
    pub id: i64,
}

/// A file that could not be imported, and why.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct Failed {
    /// The file that failed.
    pub path: String,
    /// Why, in English (what the CLI prints).
    pub error: String,
    /// The reason's stable code (`bad_bytes`, `not_a_docx`, …) and parameters, which the app
    /// renders in the writer's language.
    pub code: String,
    /// The parameters of `code` (`{"encoding": "GBK", "at": 12}`).
    #[serde(default)]
    #[ts(type = "Record<string, unknown>")]
    pub params: serde_json::Map<String, serde_json::Value>,
}

impl Failed {
    /// A file that failed with `error`.
    pub fn new(path: String, error: &crate::error::ImportError) -> Self {
        let (code, params) = crate::error::coded(error);
        Failed {
            path,
            error: error.to_string(),
            code,
            params,
        }
    }
}

/// A file inside an imported folder that is not a document (an image, a hidden file) and was passed over.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct Skipped {
    /// The file passed over.
    pub path: String,
    /// Why, in English.
    pub reason: String,
    /// The reason's stable code (`lock_file`, `not_a_document`).
    pub code: String,
}

impl Skipped {
    /// A file passed over for `reason`.
    pub fn new(path: String, reason: &crate::error::SkipReason) -> Self {
        Skipped {
            path,
            reason: reason.to_string(),
            code: crate::error::coded(reason).0,
        }
    }
}

/// The complete outcome of one import, file by file.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
pub struct ImportReport {
    /// Files stored as new speeches.
    pub imported: Vec<Imported>,
    /// Files whose text the library already held.
    pub duplicates: Vec<Duplicate>,
    /// Files that could not be imported, with the reason.
    pub failed: Vec<Failed>,
    /// Files in folders that are not documents.
    pub skipped: Vec<Skipped>,
}

/// Progress of a running import, reported once per file.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ImportProgress<'a> {
    /// Files done so far, including this one.
    pub done: usize,
    /// Files in the whole import.
    pub total: usize,
    /// The file just done.
    pub path: &'a str,
}
