//! Gaoku core: the speech library and everything a writer does with it, with no UI dependency.
//!
//! [`Library`] is the facade: the CLI, the desktop shell and the tests all go through it.
#![warn(missing_docs)]

/// `FromStr` for a closed set by the names it has in JSON (`"docx"`, `"gbt9704"`, `"date"`), so
/// the CLI parses the core's own enums instead of mirroring them. An unknown name is an error that
/// lists the known ones.
macro_rules! from_json_name {
    ($($t:ty),* $(,)?) => {
        $(impl std::str::FromStr for $t {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                serde_json::from_value(serde_json::Value::String(s.to_string()))
                    .map_err(|e| e.to_string())
            }
        })*
    };
}

pub mod check;
pub mod compare;
pub mod drafts;
pub mod error;
pub mod export;
pub(crate) mod ingest;
/// Reading untrusted files in a guarded worker process.
pub use ingest::guard;
pub mod library;
pub mod model;
pub mod outline;
pub mod panics;
pub mod phrases;
#[cfg(test)]
mod properties;
pub mod reuse;
pub mod search;
pub(crate) mod store;
pub mod templates;
pub mod text;
pub mod zh;

pub use error::{Error, Result};
pub use ingest::IMPORT_EXTENSIONS;
pub use library::{
    BackupInfo, BackupPlan, BundleInfo, BundleParts, BundleReport, BundleSpeech, Library,
    LibraryLock, OpenOptions, Renamed, RestoreInfo, BUNDLE_EXTENSION, BUNDLE_VERSION, LIBRARY_ENV,
};
pub use model::*;
pub use phrases::PhraseKind;
pub use phrases::{Phrase, PhraseCompletion, PhraseFilter, PhraseSource, PhraseUse};
pub use search::{
    Mode, SearchHit, SearchRequest, SearchResults, Sort, Span, YearCount, YearCounts,
};
pub use zh::known_kinds;
