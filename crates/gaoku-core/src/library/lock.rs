//! The library lock: one desktop app (or one restore) at a time per library folder, also across
//! machines sharing the folder on a network drive. The holder writes who it is into the lock
//! file, so a second one is told whom to ask. The CLI's reads and ordinary writes take no lock:
//! SQLite serialises them (WAL on one machine).

use std::fs::File;
use std::io::{Read, Seek, Write};

use super::*;

/// File name of the lock inside the library folder.
pub const LOCK_FILE: &str = "library.lock";

/// An exclusive hold on a library folder, released on drop (and by the system when the process
/// dies, so a crash leaves no stale lock).
#[derive(Debug)]
pub struct LibraryLock {
    _file: File,
}

impl LibraryLock {
    /// Takes the lock of the library in `dir` for `role` (`app`, `restore`), or fails with
    /// [`LibraryError::InUse`] naming the holder. A folder that cannot be written (a read-only
    /// library) cannot be changed either: no lock is needed there, `Ok(None)`.
    pub fn acquire(dir: &Path, role: &str) -> Result<Option<Self>> {
        Self::acquire_within(dir, role, std::time::Duration::ZERO)
    }

    /// [`LibraryLock::acquire`], waiting up to `wait` for a holder to let go (an app that is
    /// closing while the next one starts).
    pub fn acquire_within(
        dir: &Path,
        role: &str,
        wait: std::time::Duration,
    ) -> Result<Option<Self>> {
        let path = dir.join(LOCK_FILE);
        let mut file = match std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&path)
        {
            Ok(f) => f,
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
                ) =>
            {
                return Ok(None)
            }
            Err(e) => return Err(Error::io(&path, e)),
        };
        if !lock_within(&file, wait).map_err(|e| Error::io(&path, e))? {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            let holder = holder.trim();
            return Err(Error::Library(LibraryError::InUse {
                holder: if holder.is_empty() {
                    "another Gaoku".into()
                } else {
                    holder.to_string()
                },
            }));
        }
        let me = holder_text(role);
        let written = file
            .set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| file.write_all(me.as_bytes()))
            .and_then(|()| file.sync_data());
        written.map_err(|e| Error::io(&path, e))?;
        Ok(Some(LibraryLock { _file: file }))
    }
}

/// Takes an exclusive lock on `file`, trying again for up to `wait` while another holder has it;
/// `Ok(false)` when it still does (the library lock and the index lock wait this way).
pub(super) fn lock_within(file: &File, wait: std::time::Duration) -> std::io::Result<bool> {
    let deadline = std::time::Instant::now() + wait;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(true),
            Err(std::fs::TryLockError::WouldBlock) if std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(std::fs::TryLockError::WouldBlock) => return Ok(false),
            Err(std::fs::TryLockError::Error(e)) => return Err(e),
        }
    }
}

/// `writer@office-pc (app, pid 4242, since 2026-11-30T09:12:00Z)`.
fn holder_text(role: &str) -> String {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "?".into());
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "?".into());
    format!(
        "{user}@{} ({role}, pid {}, since {})",
        host.trim(),
        std::process::id(),
        crate::store::now()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_with_the_first_named_until_it_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let first = LibraryLock::acquire(dir.path(), "app").unwrap().unwrap();
        let err = LibraryLock::acquire(dir.path(), "restore").unwrap_err();
        let Error::Library(LibraryError::InUse { holder }) = &err else {
            panic!("{err:?}")
        };
        assert!(holder.contains("(app, pid "), "{holder}");
        assert!(holder.contains(&std::process::id().to_string()), "{holder}");
        drop(first);
        let again = LibraryLock::acquire(dir.path(), "restore")
            .unwrap()
            .unwrap();
        drop(again);
    }
}
