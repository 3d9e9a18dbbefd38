//! The one error type every command returns; it serialises to `{ code, params, message }`. The UI
//! renders `code` and `params` from its catalog in the writer's language; `message` is the core's
//! English text, shown only for a code the catalog does not know.

use serde::Serialize;
use serde_json::{Map, Value};

/// An error as the UI sees it.
#[derive(Debug, Clone, thiserror::Error, Serialize, ts_rs::TS)]
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

/// The shell's own errors (none has parameters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShellError {
    /// The window's menu could not be built or set.
    Window,
    /// An import worker died before it reported.
    ImportStopped,
    /// The library's lock was poisoned by a panic.
    LibraryPoisoned,
    /// A backup worker died before it reported.
    BackupStopped,
    /// An import is running, and what was asked must wait for it to end (a restore).
    Importing,
    /// A bundle export or import worker died before it reported.
    BundleStopped,
}

impl ShellError {
    /// Every shell error, for the catalog test.
    pub const ALL: [ShellError; 6] = [
        ShellError::Window,
        ShellError::ImportStopped,
        ShellError::LibraryPoisoned,
        ShellError::BackupStopped,
        ShellError::Importing,
        ShellError::BundleStopped,
    ];

    /// The stable code the UI's catalog knows it by.
    pub fn code(self) -> &'static str {
        match self {
            ShellError::Window => "window",
            ShellError::ImportStopped => "import_stopped",
            ShellError::LibraryPoisoned => "library_poisoned",
            ShellError::BackupStopped => "backup_stopped",
            ShellError::Importing => "importing",
            ShellError::BundleStopped => "bundle_stopped",
        }
    }
}

/// Runs `work` on a blocking worker thread; a worker that dies before it answers is `stopped`,
/// in the words of `what` ("the import").
pub async fn on_worker<T: Send + 'static>(
    stopped: ShellError,
    what: &str,
    work: impl FnOnce() -> CmdResult<T> + Send + 'static,
) -> CmdResult<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| AppError::shell(stopped, format!("{what} stopped unexpectedly: {e}")))?
}

impl AppError {
    /// An error of the shell itself (not from the core), with the technical detail in English.
    pub fn shell(kind: ShellError, message: impl Into<String>) -> Self {
        AppError {
            code: kind.code().into(),
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
