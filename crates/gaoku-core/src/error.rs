//! The library's error type.

use std::path::PathBuf;

/// Everything that can go wrong in the core, each with enough context to show a user.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The library database could not be opened, migrated or queried.
    #[error("library database error: {0}")]
    Db(#[from] rusqlite::Error),
    /// A file or folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A file could not be imported; the message says why, in words a writer understands.
    #[error("{0}")]
    Import(String),
    /// No speech has this id.
    #[error("no speech with id {0}")]
    NotFound(i64),
    /// A draft, revision or other named thing does not exist; the message names it.
    #[error("{0}")]
    Missing(String),
    /// A value given by the user is not acceptable (for example an empty title).
    #[error("invalid value: {0}")]
    Invalid(String),
    /// The search index failed even after a rebuild.
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// The query cannot be run; the message says how to fix it.
    #[error("{0}")]
    Query(String),
    /// The library folder is unusable (no data dir, or the database is from a newer Gaoku).
    #[error("library: {0}")]
    Library(String),
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// Result with the core's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
