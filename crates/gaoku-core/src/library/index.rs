//! The search index's lifecycle, as one type: opened lazily, built from SQLite when missing, of
//! another version or damaged, caught up from the change log before each search, rebuilt on
//! request. The index is derived data: SQLite stays the source of truth.
//!
//! Several processes share a library (the app, its background import, the CLI). Every write to
//! the index happens under one lock file beside it (`search-index.lock`); a rebuild builds the
//! new index in a folder beside the old one and swaps it in when complete, so readers keep the
//! old one until then and a failed rebuild (a full disk) leaves the old one working. Handles that
//! hold the old build notice the swap through the generation in its commit and reopen.

use std::cell::RefCell;
use std::fs::File;
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::search::index::{IndexState, Verify};

use super::*;

/// How long a search waits for another process's index write before answering from the index
/// as it is (and saying so).
const BUSY_WAIT: Duration = Duration::from_secs(2);

/// Why search results may miss the latest changes: the index could not be brought up to date,
/// so the results come from the index as it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(tag = "code", content = "params", rename_all = "snake_case")]
pub enum IndexNotice {
    /// Another process is writing the index (a rebuild or a long import); `changes` changes to
    /// the library are not in it yet.
    Busy {
        /// Changes to the library the index does not hold yet.
        #[ts(type = "number")]
        changes: i64,
    },
    /// The index could not be written (a full disk, no permission): `changes` changes are not
    /// in it; `why` is what the system said.
    Behind {
        /// Changes to the library the index does not hold yet.
        #[ts(type = "number")]
        changes: i64,
        /// What went wrong.
        why: String,
    },
}

impl std::fmt::Display for IndexNotice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IndexNotice::Busy { changes } => write!(
                f,
                "another Gaoku process is updating the search index: the latest {changes} change(s) to the library are not searched yet"
            ),
            IndexNotice::Behind { changes, why } => write!(
                f,
                "the search index could not be brought up to date ({why}): the latest {changes} change(s) to the library are not searched; free some disk space and search again"
            ),
        }
    }
}

/// An exclusive lock on a library's index, held while writing it; released on drop (also when
/// the process dies).
struct IndexLock(#[allow(dead_code)] File);

impl IndexLock {
    fn file(dir: &Path) -> Result<File> {
        let path = lock_path(dir);
        std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))
    }

    /// Waits for the lock as long as it takes.
    fn acquire(dir: &Path) -> Result<Self> {
        let f = Self::file(dir)?;
        f.lock().map_err(|e| Error::io(lock_path(dir), e))?;
        Ok(IndexLock(f))
    }

    /// Waits for the lock at most `wait`; `None` if another process still holds it.
    fn acquire_within(dir: &Path, wait: Duration) -> Result<Option<Self>> {
        let f = Self::file(dir)?;
        let held = super::lock::lock_within(&f, wait).map_err(|e| Error::io(lock_path(dir), e))?;
        Ok(held.then_some(IndexLock(f)))
    }
}

/// What stopped an index write, in the system's words when it is a common one (tantivy's own
/// message nests the OS error in debug output).
pub(crate) fn plain_why(e: &Error) -> String {
    let text = e.to_string();
    for (code, plain) in [
        ("os error 28)", "no space left on device"),
        ("os error 122)", "disk quota exceeded"),
        ("os error 30)", "read-only file system"),
        ("os error 13)", "permission denied"),
    ] {
        if text.contains(code) {
            return plain.to_string();
        }
    }
    text
}

/// `search-index` → `search-index.lock` (beside the index, so it survives the swap).
fn lock_path(dir: &Path) -> PathBuf {
    dir.with_extension("lock")
}

/// Removes a file, link or folder, whichever `path` is; nothing there is fine.
pub(super) fn remove_path(path: &Path) -> std::io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => std::fs::remove_dir_all(path),
        Ok(_) => std::fs::remove_file(path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// The library's search index and what keeps it in step with the database.
pub(super) struct LiveIndex {
    /// The library's index folder.
    dir: PathBuf,
    /// Where the index is built when the library folder cannot be written (a read-only library).
    fallback: Option<PathBuf>,
    /// The build in use, once opened.
    current: RefCell<Option<Arc<SearchIndex>>>,
    /// False for a background handle: its writes leave the index to the main handle.
    writes: bool,
}

impl LiveIndex {
    /// The index in `dir` (opened on first use); `writes` false leaves catching up to another
    /// handle. With a `fallback`, the library folder is read-only: an index that must be built
    /// is built there instead.
    pub(super) fn new(dir: PathBuf, writes: bool, fallback: Option<PathBuf>) -> Self {
        LiveIndex {
            dir,
            fallback,
            current: RefCell::new(None),
            writes,
        }
    }

    /// Lets this handle catch the index up after its writes (or not, for a background handle).
    pub(super) fn set_writes(&mut self, writes: bool) {
        self.writes = writes;
    }

    /// The folder new builds go to.
    fn build_dir(&self) -> &Path {
        self.fallback.as_deref().unwrap_or(&self.dir)
    }

    /// The index, opened (and if need be built from `store`) on first use.
    pub(super) fn get(&self, store: &Store) -> Result<Arc<SearchIndex>> {
        if let Some(idx) = self.current.borrow().as_ref() {
            return Ok(idx.clone());
        }
        let idx = self.open_or_build(store)?;
        *self.current.borrow_mut() = Some(idx.clone());
        Ok(idx)
    }

    /// Opens the library's index, or the fallback's, or builds one.
    fn open_or_build(&self, store: &Store) -> Result<Arc<SearchIndex>> {
        let head = store.log_head()?;
        let mut candidates = vec![self.dir.as_path()];
        candidates.extend(self.fallback.as_deref());
        for (i, dir) in candidates.iter().enumerate() {
            // An unreadable index is as good as none: a new one is built beside it.
            if let Ok(Some((idx, seq))) = SearchIndex::open(dir, Verify::Full) {
                // A read-only library's own index serves only while it is current.
                let last = i + 1 == candidates.len();
                if last || seq == head {
                    return Ok(Arc::new(idx));
                }
            }
        }
        self.build(store, false, &mut |_, _| {})
    }

    /// Builds a new index beside the old one (under the lock) and swaps it in. Unless `force`,
    /// an index another process built meanwhile is taken instead.
    fn build(
        &self,
        store: &Store,
        force: bool,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Arc<SearchIndex>> {
        let dir = self.build_dir();
        if let Some(parent) = dir.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        let _lock = IndexLock::acquire(dir)?;
        if !force {
            if let Ok(Some((idx, _))) = SearchIndex::open(dir, Verify::Full) {
                return Ok(Arc::new(idx));
            }
        }
        let building = dir.with_extension("building");
        // Left over from a build that died: nobody else builds while we hold the lock.
        remove_path(&building).map_err(|e| Error::io(&building, e))?;
        let built = SearchIndex::create(&building)
            .map_err(Error::from)
            .and_then(|idx| rebuild_into(store, &idx, progress));
        if let Err(e) = built {
            let _ = remove_path(&building);
            return Err(match e {
                Error::Index(_) => Error::Library(LibraryError::IndexBuild { why: plain_why(&e) }),
                other => other,
            });
        }
        swap_in(dir, &building)?;
        match SearchIndex::open(dir, Verify::Trusted)? {
            Some((idx, _)) => Ok(Arc::new(idx)),
            None => Err(Error::Index(tantivy::TantivyError::InternalError(
                "the index just built cannot be opened".into(),
            ))),
        }
    }

    /// Brings the index up to date with `store`, using the change log. `Some` notice when the
    /// index stays behind (another process is writing it, or it cannot be written): searches
    /// then answer from it as it is, and say so.
    pub(super) fn sync(&self, store: &Store) -> Result<Option<IndexNotice>> {
        // A swap by another process between two looks is rare; three rounds are plenty.
        for _ in 0..3 {
            let idx = self.get(store)?;
            let head = store.log_head()?;
            match idx.state()? {
                IndexState::At(c) if c == head => return Ok(None),
                IndexState::Replaced => {
                    self.current.replace(None);
                    continue;
                }
                IndexState::At(c) if c < head => {
                    if self.fallback.is_some() && idx.dir() == self.dir {
                        // A read-only library whose own index is behind: build the fallback.
                        let built = self.build(store, false, &mut |_, _| {})?;
                        self.current.replace(Some(built));
                        continue;
                    }
                    return self.catch_up(store, &idx, head);
                }
                // Ahead of the database (restored from a backup?) or unreadable: rebuild.
                _ => {
                    let built = self.build(store, true, &mut |_, _| {})?;
                    self.current.replace(Some(built));
                    return Ok(None);
                }
            }
        }
        Ok(None)
    }

    /// Adds the changes after the index's commit, under the lock.
    fn catch_up(&self, store: &Store, idx: &SearchIndex, head: i64) -> Result<Option<IndexNotice>> {
        let behind = |c: i64| IndexNotice::Busy { changes: head - c };
        let Some(_lock) = IndexLock::acquire_within(idx.dir(), BUSY_WAIT)? else {
            return Ok(match idx.state()? {
                IndexState::At(c) if c < head => Some(behind(c)),
                _ => None,
            });
        };
        // Another process may have caught up, or swapped a new build in, while we waited.
        let c = match idx.state()? {
            IndexState::At(c) if c < head => c,
            IndexState::At(_) => return Ok(None),
            IndexState::Replaced | IndexState::Unknown => {
                self.current.replace(None);
                return Ok(None);
            }
        };
        let written = (|| -> Result<()> {
            let mut writer = idx.writer()?;
            for id in store.changed_since(c)? {
                stage(store, idx, &mut writer, id)?;
            }
            idx.commit(writer, head)?;
            Ok(())
        })();
        match written {
            Ok(()) => Ok(None),
            Err(e) => Ok(Some(IndexNotice::Behind {
                changes: head - c,
                why: plain_why(&e),
            })),
        }
    }

    /// [`LiveIndex::sync`] after a write, when this handle keeps the index; a failure is left
    /// for the next search to retry and report (the change itself is safe in SQLite).
    pub(super) fn sync_quietly(&self, store: &Store) {
        if self.writes {
            let _ = self.sync(store);
        }
    }

    /// What is wrong with the index once it is up to date: it must hold each speech once.
    pub(super) fn check(&self, store: &Store) -> Result<Vec<String>> {
        if let Some(notice) = self.sync(store)? {
            return Ok(vec![format!("search index: {notice}")]);
        }
        let (indexed, stored) = (self.get(store)?.num_docs(), store.count()? as u64);
        Ok(if indexed == stored {
            Vec::new()
        } else {
            vec![format!(
                "the search index holds {indexed} speeches, the library {stored}: run `gaoku reindex`"
            )]
        })
    }

    /// Builds the index again from `store` beside the old one and swaps it in; returns the
    /// number of speeches. On failure the old index stays in use.
    pub(super) fn rebuild(
        &self,
        store: &Store,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<usize> {
        let built = self.build(store, true, progress)?;
        let n = built.num_docs() as usize;
        self.current.replace(Some(built));
        Ok(n)
    }
}

/// Puts the complete build in `building` where the index lives: the old one (a folder, or a
/// file or link that is in the way) is moved aside first, then deleted.
fn swap_in(dir: &Path, building: &Path) -> Result<()> {
    let old = dir.with_extension("old");
    remove_path(&old).map_err(|e| Error::io(&old, e))?;
    let had_old = std::fs::symlink_metadata(dir).is_ok();
    if had_old {
        std::fs::rename(dir, &old).map_err(|e| Error::io(dir, e))?;
    }
    if let Err(e) = std::fs::rename(building, dir) {
        if had_old {
            let _ = std::fs::rename(&old, dir);
        }
        return Err(Error::io(dir, e));
    }
    // Handles still reading the old build keep their open files; the names go now.
    let _ = remove_path(&old);
    Ok(())
}

/// Stages one speech of `store` (or its removal) in the index writer.
fn stage(
    store: &Store,
    idx: &SearchIndex,
    writer: &mut tantivy::IndexWriter,
    id: i64,
) -> Result<()> {
    idx.stage(writer, id, store.get(id)?.as_ref())?;
    Ok(())
}

/// Adds every speech of `store` to the empty index `idx`.
fn rebuild_into(
    store: &Store,
    idx: &SearchIndex,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<()> {
    let head = store.log_head()?;
    let ids = store.all_ids()?;
    let mut writer = idx.bulk_writer()?;
    // A fresh build holds nothing: each speech is added, with no delete queued before it.
    for (i, id) in ids.iter().enumerate() {
        if let Some(speech) = store.get(*id)? {
            idx.add(&mut writer, &speech)?;
        }
        progress(i + 1, ids.len());
    }
    idx.commit(writer, head)?;
    Ok(())
}

impl Library {
    /// Brings the index up to date with SQLite, using the change log; `Some` notice when it
    /// stays behind (see [`IndexNotice`]).
    pub fn sync_index(&self) -> Result<Option<IndexNotice>> {
        self.index.sync(&self.store)
    }

    /// Rebuilds the search index from SQLite beside the old one; returns the number of speeches
    /// indexed. On failure (a full disk) the old index stays in use.
    pub fn reindex(&mut self, mut progress: impl FnMut(usize, usize)) -> Result<usize> {
        self.index.rebuild(&self.store, &mut progress)
    }
}
