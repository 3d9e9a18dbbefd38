//! Shared app state: the open library behind a mutex (SQLite connections are not `Sync`).

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use gaoku_core::{Library, LibraryLock};

use crate::error::{AppError, CmdResult, ShellError};

/// What every command can reach.
pub struct AppState {
    /// The library, or why it cannot be used (it is open in Gaoku on another machine): the
    /// window still opens and says so.
    library: Result<Mutex<Library>, AppError>,
    /// This app's hold on the library folder (none for a read-only library).
    lock: Option<LibraryLock>,
    /// Set to stop a running import before its next file.
    pub cancel_import: std::sync::atomic::AtomicBool,
}

impl AppState {
    /// Opens the library in `dir`, holding its lock while the app runs. A library another app
    /// holds is not opened: every command then answers with who holds it.
    pub fn open(dir: &Path) -> gaoku_core::Result<Self> {
        std::fs::create_dir_all(dir).map_err(|e| gaoku_core::Error::io(dir, e))?;
        // An app on this library that is closing as this one starts lets go within moments.
        let wait = std::time::Duration::from_secs(3);
        let (library, lock) = match LibraryLock::acquire_within(dir, "app", wait) {
            Ok(lock) => (Ok(Mutex::new(Library::open(dir)?)), lock),
            Err(e @ gaoku_core::Error::Library(gaoku_core::error::LibraryError::InUse { .. })) => {
                (Err(AppError::from(e)), None)
            }
            Err(e) => return Err(e),
        };
        Ok(AppState {
            library,
            lock,
            cancel_import: Default::default(),
        })
    }

    /// Whether this app holds the library's lock (it opened the library for writing).
    pub fn holds_lock(&self) -> bool {
        self.lock.is_some()
    }

    /// The library, locked for one command.
    pub fn library(&self) -> CmdResult<MutexGuard<'_, Library>> {
        let library = self.library.as_ref().map_err(Clone::clone)?;
        library.lock().map_err(|_| {
            AppError::shell(
                ShellError::LibraryPoisoned,
                "the library is unavailable after an earlier failure; restart Gaoku",
            )
        })
    }
}
