//! The one error type every command returns; it serialises to `{ code, message }` for the UI.

use serde::Serialize;

/// An error as the UI sees it.
#[derive(Debug, thiserror::Error, Serialize)]
#[error("{message}")]
pub struct AppError {
    /// Stable machine-readable kind: `not_found`, `invalid`, `import`, `library`, `io`, `db`.
    pub code: &'static str,
    /// What happened, for the user.
    pub message: String,
}

impl From<gaoku_core::Error> for AppError {
    fn from(e: gaoku_core::Error) -> Self {
        use gaoku_core::Error as E;
        let code = match &e {
            E::NotFound(_) | E::Missing(_) => "not_found",
            E::Invalid(_) => "invalid",
            E::Import(_) => "import",
            E::Library(_) => "library",
            E::Io { .. } => "io",
            E::Db(_) => "db",
            E::Index(_) => "index",
            E::Query(_) => "query",
        };
        AppError {
            code,
            message: e.to_string(),
        }
    }
}

/// Result of a command.
pub type CmdResult<T> = Result<T, AppError>;
