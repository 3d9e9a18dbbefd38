//! The phrase bank: phrasing mined from the library (see [`mine`]) plus the writer's own entries,
//! stored in SQLite with every source position.

pub mod mine;

pub use mine::{Mined, PhraseKind, MINER_VERSION};

use serde::{Deserialize, Serialize};

/// Where a phrase occurs: a speech and a character range of its shown text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct PhraseSource {
    /// The speech it occurs in.
    #[ts(type = "number")]
    pub speech: i64,
    /// Start character in the speech's shown text.
    pub start: usize,
    /// End character (exclusive).
    pub end: usize,
}

/// A phrase-bank entry that continues what the writer is typing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct PhraseCompletion {
    /// The whole entry (既要…更要…).
    pub text: String,
    /// Its kind.
    pub kind: PhraseKind,
    /// Starred by the writer.
    pub starred: bool,
    /// The writer's own entry.
    pub own: bool,
    /// Occurrences in the library.
    pub count: usize,
    /// How many characters before the cursor it begins with (they are replaced by it).
    pub typed: usize,
}

/// One place a phrase-bank entry is used, for the list of its sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct PhraseUse {
    /// The speech it occurs in.
    #[ts(type = "number")]
    pub speech: i64,
    /// That speech's title.
    pub title: String,
    /// That speech's date.
    pub date: Option<String>,
    /// Start character in the speech's shown text.
    pub start: usize,
    /// End character (exclusive).
    pub end: usize,
    /// The text around it, the phrase in `<mark>`, everything else HTML-escaped.
    pub snippet: String,
}

/// An entry of the phrase bank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Phrase {
    /// The entry's id.
    #[ts(type = "number")]
    pub id: i64,
    /// 排比, enumeration, paired form, slogan, or the writer's own.
    pub kind: PhraseKind,
    /// The phrase.
    pub text: String,
    /// Occurrences across the library.
    pub count: usize,
    /// Speeches it occurs in (a formula many speeches use ranks above one speech's refrain).
    pub speeches: usize,
    /// Where it occurs, in speech order: the first [`SOURCES_SHOWN`] unless all were asked for
    /// (`count` says how many there are).
    pub sources: Vec<PhraseSource>,
    /// Marked by the writer as a favourite.
    pub starred: bool,
    /// Added (or edited) by the writer rather than mined.
    pub user: bool,
    /// The writer's own tags.
    pub tags: Vec<String>,
}

/// Which entries to list.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
pub struct PhraseFilter {
    /// Only this kind.
    pub kind: Option<PhraseKind>,
    /// Only entries found at least this many times.
    #[serde(default)]
    pub min_count: usize,
    /// Only starred entries.
    #[serde(default)]
    pub starred_only: bool,
    /// Only entries whose text contains this.
    pub contains: Option<String>,
    /// Only entries with this tag.
    pub tag: Option<String>,
    /// At most this many entries (0: all).
    #[serde(default)]
    pub limit: usize,
    /// Every source of each entry, not only the first few (a slogan can have thousands).
    #[serde(default)]
    pub all_sources: bool,
}

/// Sources listed with an entry unless all are asked for.
pub const SOURCES_SHOWN: usize = 3;
