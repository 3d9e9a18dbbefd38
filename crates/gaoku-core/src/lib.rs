//! Gaoku core: the speech library and everything a writer does with it, with no UI dependency.
//!
//! [`Library`] is the facade: the CLI, the desktop shell and the tests all go through it.

pub mod drafts;
pub mod error;
pub mod export;
pub mod ingest;
pub mod library;
pub mod model;
pub mod outline;
pub mod phrases;
pub mod search;
pub mod store;
pub mod templates;
pub mod text;

pub use error::{Error, Result};
pub use library::{Library, OpenOptions, LIBRARY_ENV};
pub use model::*;
pub use phrases::PhraseKind;
pub use phrases::{Phrase, PhraseFilter, PhraseSource};
pub use search::{Mode, SearchHit, SearchRequest, SearchResults, Sort, Span};
