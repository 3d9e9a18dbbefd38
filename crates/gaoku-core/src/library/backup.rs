//! Backups: a consistent copy of the library's database taken while the library is in use (the
//! app writing, autosaves running), as a library folder that opens as it is; rotating backups
//! kept to the last N; and restoring a library from a backup, with a copy of what it replaces.
//! The search index is derived data: it is not copied, and is rebuilt where it is missing.

use serde::{Deserialize, Serialize};

use super::lock::LibraryLock;
use super::*;

/// Names of rotating backup folders: `gaoku-backup-20261130-091200042`.
const ROTATING_PREFIX: &str = "gaoku-backup-";

/// Settings keys of the library's regular backup.
const PLAN_DIR: &str = "backup_dir";
const PLAN_KEEP: &str = "backup_keep";
const PLAN_LAST: &str = "backup_last";
/// Dated backups kept when the writer has not said.
pub const DEFAULT_KEEP: usize = 7;
/// A regular backup is due this long after the last one.
const BACKUP_EVERY: time::Duration = time::Duration::days(1);

/// The library's regular backup: where to, how many to keep, when the last one was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct BackupPlan {
    /// The folder the dated backups go to; `None`: no regular backup.
    pub dir: Option<String>,
    /// How many dated backups to keep there.
    pub keep: usize,
    /// When the last regular backup was made (RFC 3339, UTC).
    pub last: Option<String>,
}

/// What a backup wrote.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct BackupInfo {
    /// The backup's folder (a library folder).
    pub path: String,
    /// Speeches in it.
    pub speeches: usize,
    /// Size of its database in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
}

/// What a restore did.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct RestoreInfo {
    /// The backup it came from.
    pub from: String,
    /// Where the library as it was before the restore was kept (`None` for a library that had
    /// no database yet).
    pub previous: Option<String>,
    /// Speeches in the library now.
    pub speeches: usize,
}

impl Library {
    /// Writes a consistent copy of the library to `dest`, a folder that must not exist yet or
    /// be empty. The copy is one read transaction of SQLite (`VACUUM INTO`): writes made
    /// meanwhile go on and are simply not in it. The folder opens as a library as it is.
    pub fn backup_to(&self, dest: &Path) -> Result<BackupInfo> {
        if dest.exists()
            && std::fs::read_dir(dest)
                .map_err(|e| Error::io(dest, e))?
                .next()
                .is_some()
        {
            return Err(Error::Invalid(Invalid::FileExists {
                path: dest.display().to_string(),
            }));
        }
        std::fs::create_dir_all(dest).map_err(|e| Error::io(dest, e))?;
        // Written under another name and renamed when complete: a backup cut short by a crash
        // or a full disk never looks like a finished one.
        let partial = dest.join(format!("{DB_FILE}.partial"));
        let _ = std::fs::remove_file(&partial);
        let written = self
            .store
            .conn()
            .execute("VACUUM INTO ?1", [partial.to_string_lossy()]);
        if let Err(e) = written {
            let _ = std::fs::remove_file(&partial);
            return Err(e.into());
        }
        let db = dest.join(DB_FILE);
        sync_file(&partial)?;
        std::fs::rename(&partial, &db).map_err(|e| Error::io(&db, e))?;
        sync_dir(dest);
        // What the copy holds, read from the copy (the library may have changed meanwhile).
        describe(dest)
    }

    /// A backup into a new dated folder under `root`, keeping the newest `keep` of them (the
    /// app's daily backup; older dated folders are deleted, nothing else under `root` is).
    pub fn backup_rotating(&self, root: &Path, keep: usize) -> Result<BackupInfo> {
        // Down to the millisecond, so that names sort as the backups were made.
        let stamp = format!(
            "{}{:03}",
            stamp(),
            time::OffsetDateTime::now_utc().millisecond()
        );
        let mut dest = root.join(format!("{ROTATING_PREFIX}{stamp}"));
        // Two backups in one second: the second gets a suffix.
        let mut n = 1;
        while dest.exists() {
            n += 1;
            dest = root.join(format!("{ROTATING_PREFIX}{stamp}-{n}"));
        }
        let info = self.backup_to(&dest)?;
        let dated = dated_backups(root)?;
        let excess = dated.len().saturating_sub(keep.max(1));
        for old in &dated[..excess] {
            std::fs::remove_dir_all(old).map_err(|e| Error::io(old, e))?;
        }
        Ok(info)
    }

    /// The library's regular backup plan.
    pub fn backup_plan(&self) -> Result<BackupPlan> {
        Ok(BackupPlan {
            dir: self.store.setting(PLAN_DIR)?.filter(|d| !d.is_empty()),
            keep: self
                .store
                .setting(PLAN_KEEP)?
                .and_then(|k| k.parse().ok())
                .unwrap_or(DEFAULT_KEEP),
            last: self.store.setting(PLAN_LAST)?,
        })
    }

    /// Sets where regular backups go (`None`: none) and how many are kept (at least one).
    pub fn set_backup_plan(&mut self, dir: Option<&Path>, keep: usize) -> Result<BackupPlan> {
        if let Some(d) = dir {
            std::fs::create_dir_all(d).map_err(|e| Error::io(d, e))?;
        }
        let dir = dir.map(|d| d.display().to_string()).unwrap_or_default();
        self.store.set_setting(PLAN_DIR, &dir)?;
        self.store
            .set_setting(PLAN_KEEP, &keep.max(1).to_string())?;
        self.backup_plan()
    }

    /// A backup by the plan now (a dated folder in its folder, the newest `keep` kept).
    pub fn backup_by_plan(&mut self) -> Result<BackupInfo> {
        let plan = self.backup_plan()?;
        let Some(dir) = plan.dir else {
            return Err(Error::Invalid(Invalid::NoBackupFolder));
        };
        let info = self.backup_rotating(Path::new(&dir), plan.keep)?;
        self.store.set_setting(PLAN_LAST, &crate::store::now())?;
        Ok(info)
    }

    /// Whether the plan's regular backup is due (a folder is set and the last backup is a day
    /// old or more, or there was none).
    pub fn backup_due(&self) -> Result<bool> {
        let plan = self.backup_plan()?;
        if plan.dir.is_none() {
            return Ok(false);
        }
        let last = plan.last.and_then(|l| {
            time::OffsetDateTime::parse(&l, &time::format_description::well_known::Rfc3339).ok()
        });
        Ok(last.is_none_or(|l| time::OffsetDateTime::now_utc() - l >= BACKUP_EVERY))
    }

    /// The dated backups in the plan's folder, newest first.
    pub fn backups(&self) -> Result<Vec<BackupInfo>> {
        let Some(dir) = self.backup_plan()?.dir else {
            return Ok(Vec::new());
        };
        // A folder that went away (an unplugged drive) holds no backups.
        let dated = dated_backups(Path::new(&dir)).unwrap_or_default();
        dated.iter().rev().map(|p| describe(p)).collect()
    }

    /// Replaces the library in `dir` with the backup in `from` (a backup folder or its database
    /// file). The library as it was is first backed up beside it (`before-restore-…`), so a
    /// restore loses nothing. Refused while the desktop app has the library open.
    pub fn restore(dir: &Path, from: &Path) -> Result<RestoreInfo> {
        let source = if from.is_dir() {
            from.join(DB_FILE)
        } else {
            from.to_path_buf()
        };
        check_backup(&source)?;
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let _lock = LibraryLock::acquire(dir, "restore")?;
        // The copy is made a whole library of this build first, beside the library: migrated,
        // then checked as `check` checks a library. Only a copy that passes replaces anything.
        let staged = stage(&source, dir)?;
        let db = dir.join(DB_FILE);
        let previous = if db.is_file() {
            let current = Library::open_with(dir, OpenOptions { seed_sample: false })?;
            let keep = dir.join(format!("before-restore-{}", stamp()));
            current.backup_to(&keep)?;
            Some(keep.display().to_string())
        } else {
            None
        };
        // Our handle is closed: SQLite folded its log into the database. The copy goes in
        // under another name and replaces the database in one rename.
        let incoming = dir.join(format!("{DB_FILE}.restoring"));
        let copied = std::fs::copy(staged.path().join(DB_FILE), &incoming)
            .map_err(|e| Error::io(&incoming, e));
        drop(staged);
        copied?;
        sync_file(&incoming)?;
        for stale in ["-wal", "-shm"] {
            let p = dir.join(format!("{DB_FILE}{stale}"));
            if p.exists() {
                std::fs::remove_file(&p).map_err(|e| Error::io(&p, e))?;
            }
        }
        std::fs::rename(&incoming, &db).map_err(|e| Error::io(&db, e))?;
        sync_dir(dir);
        // The index described the replaced database: it goes, and is built again on first use.
        let index = dir.join(INDEX_DIR);
        for derived in [index.clone(), index.with_extension("verified")] {
            super::index::remove_path(&derived).map_err(|e| Error::io(&derived, e))?;
        }
        let restored = Library::open_with(dir, OpenOptions { seed_sample: false })?;
        Ok(RestoreInfo {
            from: from.display().to_string(),
            previous,
            speeches: restored.store.count()?,
        })
    }
}

/// A folder beside the library that removes itself: where a restore readies its copy.
struct Staged(PathBuf);

impl Staged {
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Copies the backup's database into a staging folder in `dir`, opens it as a library (which
/// migrates an older one) and checks it whole; the folder, with the database closed and its
/// log folded in, ready to go in.
fn stage(source: &Path, dir: &Path) -> Result<Staged> {
    let staged = Staged(dir.join(format!("restoring-{}", stamp())));
    let _ = std::fs::remove_dir_all(staged.path());
    std::fs::create_dir_all(staged.path()).map_err(|e| Error::io(staged.path(), e))?;
    let db = staged.path().join(DB_FILE);
    std::fs::copy(source, &db).map_err(|e| Error::io(&db, e))?;
    let not_a_backup = |why: String| {
        Error::Library(LibraryError::NotABackup {
            path: source.display().to_string(),
            why,
        })
    };
    let problems = {
        let lib = Library::open_with(staged.path(), OpenOptions { seed_sample: false })
            .map_err(|e| not_a_backup(e.to_string()))?;
        lib.store.check_integrity()?
    };
    if !problems.is_empty() {
        return Err(not_a_backup(problems.join("; ")));
    }
    Ok(staged)
}

/// The dated backup folders under `root` (each with its database), oldest first.
fn dated_backups(root: &Path) -> Result<Vec<PathBuf>> {
    let mut dated: Vec<PathBuf> = std::fs::read_dir(root)
        .map_err(|e| Error::io(root, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(ROTATING_PREFIX))
                && p.join(DB_FILE).is_file()
        })
        .collect();
    dated.sort();
    Ok(dated)
}

/// A backup folder as the writer sees it: where, how many speeches, how large.
fn describe(folder: &Path) -> Result<BackupInfo> {
    let db = folder.join(DB_FILE);
    let speeches =
        rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .and_then(|c| c.query_row("SELECT count(*) FROM speeches", [], |r| r.get(0)))
            .unwrap_or(0);
    Ok(BackupInfo {
        path: folder.display().to_string(),
        speeches,
        bytes: std::fs::metadata(&db).map_err(|e| Error::io(&db, e))?.len(),
    })
}

/// A backup must be a Gaoku database this build can read, and whole.
fn check_backup(db: &Path) -> Result<()> {
    let not_a_backup = |why: String| {
        Error::Library(LibraryError::NotABackup {
            path: db.display().to_string(),
            why,
        })
    };
    if !db.is_file() {
        return Err(not_a_backup(format!("no {DB_FILE} there")));
    }
    let conn = rusqlite::Connection::open_with_flags(
        db,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| not_a_backup(e.to_string()))?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| not_a_backup(e.to_string()))?;
    if version > crate::store::SCHEMA_VERSION {
        return Err(Error::Library(LibraryError::NewerSchema {
            found: version,
            known: crate::store::SCHEMA_VERSION,
        }));
    }
    let has_speeches: bool = conn
        .query_row(
            "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'speeches'",
            [],
            |r| r.get(0),
        )
        .map_err(|e| not_a_backup(e.to_string()))?;
    if version == 0 || !has_speeches {
        return Err(not_a_backup("not a Gaoku library".into()));
    }
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| not_a_backup(e.to_string()))?;
    if check != "ok" {
        return Err(not_a_backup(check));
    }
    Ok(())
}

/// `20261130-091200` (UTC): names that sort by time.
fn stamp() -> String {
    let t = time::OffsetDateTime::now_utc();
    format!(
        "{:04}{:02}{:02}-{:02}{:02}{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

fn sync_file(path: &Path) -> Result<()> {
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::io(path, e))
}

/// Makes a rename in `dir` durable (best effort: not every system syncs folders).
fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}
