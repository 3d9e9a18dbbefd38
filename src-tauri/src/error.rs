//! The one error type every command returns; it serialises to `{ code, params, message }`. The UI
//! renders `code` and `params` from its catalog in the writer's language; `message` is the core's
//! English text, shown only for a code the catalog does not know.

use serde::Serialize;
use serde_json::{Map, Value};

/// An error as the UI sees it.
#[derive(Debug, thiserror::Error, Serialize, ts_rs::TS)]
#[error("{message}")]
pub struct AppError {
    /// Stable machine-readable code (`not_found`, `bad_bytes`, `empty_query`, …): see
    /// `gaoku_core::Error::catalog`.
    pub code: String,
    /// The code's parameters by name (`{"what": "draft", "id": "3"}`).
    #[ts(type = "Record<string, unknown>")]
    pub params: Map<String, Value>,
    /// What happened, in English.
    pub message: String,
}

/// Codes of the shell's own errors (none has parameters): the window's menu could not be built,
/// an import worker died, the library's lock was poisoned by a panic.
pub const SHELL_CODES: [&str; 3] = ["window", "import_stopped", "library_poisoned"];

impl AppError {
    /// An error of the shell itself (not from the core).
    pub fn shell(code: &str, message: impl Into<String>) -> Self {
        debug_assert!(SHELL_CODES.contains(&code), "{code} is not in SHELL_CODES");
        AppError {
            code: code.into(),
            params: Map::new(),
            message: message.into(),
        }
    }
}

impl From<gaoku_core::Error> for AppError {
    fn from(e: gaoku_core::Error) -> Self {
        let (code, params) = e.coded();
        AppError {
            code,
            params,
            message: e.to_string(),
        }
    }
}

/// Result of a command.
pub type CmdResult<T> = Result<T, AppError>;
