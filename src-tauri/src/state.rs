//! Shared app state: the open library behind a mutex (SQLite connections are not `Sync`).

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use gaoku_core::Library;

use crate::error::{AppError, CmdResult, ShellError};

/// What every command can reach.
pub struct AppState {
    library: Mutex<Library>,
    /// Set to stop a running import before its next file.
    pub cancel_import: std::sync::atomic::AtomicBool,
}

impl AppState {
    /// Opens the library in `dir`.
    pub fn open(dir: &Path) -> gaoku_core::Result<Self> {
        Ok(AppState {
            library: Mutex::new(Library::open(dir)?),
            cancel_import: Default::default(),
        })
    }

    /// Opens the library named by `GAOKU_LIBRARY`, or the platform default.
    pub fn open_default() -> gaoku_core::Result<Self> {
        Self::open(&Library::default_dir()?)
    }

    /// The library, locked for one command.
    pub fn library(&self) -> CmdResult<MutexGuard<'_, Library>> {
        self.library.lock().map_err(|_| {
            AppError::shell(
                ShellError::LibraryPoisoned,
                "the library is unavailable after an earlier failure; restart Gaoku",
            )
        })
    }
}
