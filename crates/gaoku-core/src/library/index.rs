//! The search index's lifecycle, as one type: opened lazily, rebuilt from SQLite when missing, of
//! another version or damaged, caught up from the change log before each search, dropped and
//! rebuilt on request. The index is derived data: SQLite stays the source of truth.

use std::cell::OnceCell;

use super::*;

/// The library's search index and what keeps it in step with the database.
pub(super) struct LiveIndex {
    dir: PathBuf,
    cell: OnceCell<SearchIndex>,
    /// False for a background handle: its writes leave the index to the main handle.
    writes: bool,
}

impl LiveIndex {
    /// The index in `dir` (opened on first use); `writes` false leaves catching up to another
    /// handle.
    pub(super) fn new(dir: PathBuf, writes: bool) -> Self {
        LiveIndex {
            dir,
            cell: OnceCell::new(),
            writes,
        }
    }

    /// Lets this handle catch the index up after its writes (or not, for a background handle).
    pub(super) fn set_writes(&mut self, writes: bool) {
        self.writes = writes;
    }

    /// The index, opened (and if need be rebuilt from `store`) on first use.
    pub(super) fn get(&self, store: &Store) -> Result<&SearchIndex> {
        if let Some(idx) = self.cell.get() {
            return Ok(idx);
        }
        let (idx, seq) = SearchIndex::open(&self.dir)?;
        let idx = self.cell.get_or_init(|| idx);
        if seq.is_none() {
            rebuild_into(store, idx, &mut |_, _| {})?;
        }
        Ok(idx)
    }

    /// Brings the index up to date with `store`, using the change log.
    pub(super) fn sync(&self, store: &Store) -> Result<()> {
        let idx = self.get(store)?;
        let head = store.log_head()?;
        match idx.committed_seq()? {
            Some(c) if c == head => Ok(()),
            Some(c) if c < head => {
                let mut writer = match idx.writer() {
                    Ok(w) => w,
                    // Another process is writing the index; it will catch up.
                    Err(tantivy::TantivyError::LockFailure(..)) => return Ok(()),
                    Err(e) => return Err(e.into()),
                };
                for id in store.changed_since(c)? {
                    stage(store, idx, &mut writer, id)?;
                }
                idx.commit(writer, head)?;
                Ok(())
            }
            // Ahead of the database (restored from a backup?) or unreadable: rebuild.
            _ => rebuild_into(store, idx, &mut |_, _| {}).map(|_| ()),
        }
    }

    /// [`LiveIndex::sync`] after a write, when this handle keeps the index; a failure is left
    /// for the next search to retry and report (the change itself is safe in SQLite).
    pub(super) fn sync_quietly(&self, store: &Store) {
        if self.writes {
            let _ = self.sync(store);
        }
    }

    /// Forgets the index and deletes its files (the next use rebuilds it).
    pub(super) fn reset(&mut self) -> Result<()> {
        self.cell = OnceCell::new();
        if self.dir.exists() {
            std::fs::remove_dir_all(&self.dir).map_err(|e| Error::io(&self.dir, e))?;
        }
        Ok(())
    }

    /// Deletes the index and builds it again from `store`; returns the number of speeches.
    pub(super) fn rebuild(
        &mut self,
        store: &Store,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<usize> {
        self.reset()?;
        let (idx, _) = SearchIndex::open(&self.dir)?;
        let idx = self.cell.get_or_init(|| idx);
        rebuild_into(store, idx, progress)
    }
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

/// Replaces everything in `idx` with the speeches of `store`.
fn rebuild_into(
    store: &Store,
    idx: &SearchIndex,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<usize> {
    let head = store.log_head()?;
    let ids = store.all_ids()?;
    let mut writer = idx.bulk_writer()?;
    idx.stage_clear(&mut writer)?;
    for (i, id) in ids.iter().enumerate() {
        stage(store, idx, &mut writer, *id)?;
        progress(i + 1, ids.len());
    }
    idx.commit(writer, head)?;
    Ok(ids.len())
}

impl Library {
    /// Brings the index up to date with SQLite, using the change log.
    pub fn sync_index(&self) -> Result<()> {
        self.index.sync(&self.store)
    }

    /// Rebuilds the search index from SQLite; returns the number of speeches indexed.
    pub fn reindex(&mut self, mut progress: impl FnMut(usize, usize)) -> Result<usize> {
        self.index.rebuild(&self.store, &mut progress)
    }
}
