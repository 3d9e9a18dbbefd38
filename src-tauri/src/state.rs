//! Shared app state: the open library behind a mutex (SQLite connections are not `Sync`).

use std::ops::{Deref, DerefMut};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

use gaoku_core::{Library, LibraryLock, RestoreInfo};

use crate::error::{AppError, CmdResult, ShellError};

/// What every command can reach.
pub struct AppState {
    /// The library, or why it cannot be used (it is open in Gaoku on another machine): the
    /// window still opens and says so. `None` only while a restore swaps it, under the mutex.
    library: Result<Mutex<Option<Library>>, AppError>,
    /// This app's hold on the library folder (none for a read-only library).
    lock: Mutex<Option<LibraryLock>>,
    /// Set to stop a running import before its next file.
    pub cancel_import: AtomicBool,
    /// Set while an import runs on its own handle (a restore waits for it to end).
    importing: AtomicBool,
    /// The file the app was launched to open (a draft or a 素材包), until the page takes it.
    opened: Mutex<Option<String>>,
}

/// A running import (see [`AppState::importing`]).
pub struct Importing<'a>(&'a AtomicBool);

impl Drop for Importing<'_> {
    fn drop(&mut self) {
        self.0.store(false, Ordering::SeqCst);
    }
}

/// The library, held for one command.
pub struct LibraryGuard<'a>(MutexGuard<'a, Option<Library>>);

impl Deref for LibraryGuard<'_> {
    type Target = Library;
    fn deref(&self) -> &Library {
        self.0
            .as_ref()
            .expect("the library is only absent inside a restore")
    }
}

impl DerefMut for LibraryGuard<'_> {
    fn deref_mut(&mut self) -> &mut Library {
        self.0
            .as_mut()
            .expect("the library is only absent inside a restore")
    }
}

impl AppState {
    /// Opens the library in `dir`, holding its lock while the app runs. A library another app
    /// holds is not opened: every command then answers with who holds it.
    pub fn open(dir: &Path) -> gaoku_core::Result<Self> {
        std::fs::create_dir_all(dir).map_err(|e| gaoku_core::Error::io(dir, e))?;
        // An app on this library that is closing as this one starts lets go within moments.
        let wait = std::time::Duration::from_secs(3);
        let (library, lock) = match LibraryLock::acquire_within(dir, "app", wait) {
            Ok(lock) => (Ok(Mutex::new(Some(Library::open(dir)?))), lock),
            Err(e @ gaoku_core::Error::Library(gaoku_core::error::LibraryError::InUse { .. })) => {
                (Err(AppError::from(e)), None)
            }
            Err(e) => return Err(e),
        };
        Ok(AppState {
            library,
            lock: Mutex::new(lock),
            cancel_import: Default::default(),
            importing: Default::default(),
            opened: Default::default(),
        })
    }

    /// Keeps the file the app was launched to open, for the page to take.
    pub fn set_opened(&self, file: Option<String>) {
        if let Ok(mut o) = self.opened.lock() {
            *o = file;
        }
    }

    /// The file the app was launched to open, once.
    pub fn take_opened(&self) -> Option<String> {
        self.opened.lock().ok().and_then(|mut o| o.take())
    }

    /// Whether this app holds the library's lock (it opened the library for writing).
    pub fn holds_lock(&self) -> bool {
        self.lock.lock().is_ok_and(|l| l.is_some())
    }

    /// The library, locked for one command.
    pub fn library(&self) -> CmdResult<LibraryGuard<'_>> {
        let library = self.library.as_ref().map_err(Clone::clone)?;
        let guard = library.lock().map_err(|_| poisoned())?;
        if guard.is_none() {
            return Err(poisoned());
        }
        Ok(LibraryGuard(guard))
    }

    /// A second handle on the library for long work on a worker thread (an import, a backup):
    /// commands on the main handle go on meanwhile.
    pub fn background(&self) -> CmdResult<Library> {
        let dir = self.library()?.dir().to_path_buf();
        Ok(Library::open_background(&dir)?)
    }

    /// Marks an import as running until the returned guard is dropped.
    pub fn importing(&self) -> Importing<'_> {
        self.importing.store(true, Ordering::SeqCst);
        Importing(&self.importing)
    }

    /// Replaces the library with the backup in `from` (see [`Library::restore`]): the app lets
    /// go of the library for the swap — every other command waits meanwhile — and opens it again,
    /// also when the restore fails (then as it was).
    pub fn restore(&self, from: &Path) -> CmdResult<RestoreInfo> {
        if self.importing.load(Ordering::SeqCst) {
            return Err(AppError::shell(
                ShellError::Importing,
                "an import is running: restore once it has finished",
            ));
        }
        let library = self.library.as_ref().map_err(Clone::clone)?;
        let mut guard = library.lock().map_err(|_| poisoned())?;
        let mut lock = self.lock.lock().map_err(|_| poisoned())?;
        let dir = guard.as_ref().ok_or_else(poisoned)?.dir().to_path_buf();
        // Close our connection and let go of the folder: the restore takes the lock itself.
        guard.take();
        let held = lock.take().is_some();
        let restored = Library::restore(&dir, from);
        if held {
            *lock = LibraryLock::acquire(&dir, "app")?;
        }
        *guard = Some(Library::open(&dir)?);
        Ok(restored?)
    }
}

fn poisoned() -> AppError {
    AppError::shell(
        ShellError::LibraryPoisoned,
        "the library is unavailable after an earlier failure; restart Gaoku",
    )
}
