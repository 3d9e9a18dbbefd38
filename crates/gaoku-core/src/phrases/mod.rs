//! The phrase bank: phrasing mined from the library (see [`mine`]) plus the writer's own entries,
//! stored in SQLite with every source position.

pub mod mine;

pub use mine::{Mined, PhraseKind, MINER_VERSION};

use serde::{Deserialize, Serialize};

/// Where a phrase occurs: a speech and a character range of its shown text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct PhraseSource {
    #[ts(type = "number")]
    pub speech: i64,
    pub start: usize,
    pub end: usize,
}

/// An entry of the phrase bank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Phrase {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: PhraseKind,
    pub text: String,
    /// Occurrences across the library.
    pub count: usize,
    pub sources: Vec<PhraseSource>,
    pub starred: bool,
    /// Added (or edited) by the writer rather than mined.
    pub user: bool,
    pub tags: Vec<String>,
}

/// Which entries to list.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
pub struct PhraseFilter {
    pub kind: Option<PhraseKind>,
    #[serde(default)]
    pub min_count: usize,
    #[serde(default)]
    pub starred_only: bool,
    /// Only entries whose text contains this.
    pub contains: Option<String>,
    pub tag: Option<String>,
    /// At most this many entries (0: all).
    #[serde(default)]
    pub limit: usize,
}
