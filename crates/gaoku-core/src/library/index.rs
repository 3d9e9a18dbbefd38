//! The search index's lifecycle: opened lazily, rebuilt from SQLite when missing or damaged, caught
//! up from the change log before each search, dropped and rebuilt on request.

use super::*;

impl Library {
    /// The search index, opened (and if need be rebuilt from SQLite) on first use.
    pub(super) fn index(&self) -> Result<&SearchIndex> {
        if let Some(idx) = self.index.get() {
            return Ok(idx);
        }
        let (idx, seq) = SearchIndex::open(&self.dir.join(INDEX_DIR))?;
        let idx = self.index.get_or_init(|| idx);
        if seq.is_none() {
            self.rebuild_index(idx, &mut |_, _| {})?;
        }
        Ok(idx)
    }

    pub(super) fn index_doc<R>(
        &self,
        id: i64,
        f: impl FnOnce(Option<&IndexDoc>) -> R,
    ) -> Result<R> {
        let speech = self.store.get(id)?;
        Ok(match &speech {
            None => f(None),
            Some(s) => f(Some(&IndexDoc {
                id: s.id,
                title: &s.title,
                paragraphs: &s.paragraphs,
                year: s.year,
                date: s.date.as_deref(),
                speaker: s.speaker.as_deref(),
                kind: s.kind.as_deref(),
                tags: &s.tags,
            })),
        })
    }

    pub(super) fn rebuild_index(
        &self,
        idx: &SearchIndex,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<usize> {
        let head = self.store.log_head()?;
        let ids = self.store.all_ids()?;
        let mut writer = idx.bulk_writer()?;
        idx.stage_clear(&mut writer)?;
        for (i, id) in ids.iter().enumerate() {
            self.index_doc(*id, |doc| idx.stage(&mut writer, *id, doc))??;
            progress(i + 1, ids.len());
        }
        idx.commit(writer, head)?;
        Ok(ids.len())
    }

    /// Brings the index up to date with SQLite, using the change log.
    pub fn sync_index(&self) -> Result<()> {
        let idx = self.index()?;
        let head = self.store.log_head()?;
        let committed = idx.committed_seq()?;
        match committed {
            Some(c) if c == head => return Ok(()),
            Some(c) if c < head => {
                let mut writer = match idx.writer() {
                    Ok(w) => w,
                    // Another process is writing the index; it will catch up.
                    Err(tantivy::TantivyError::LockFailure(..)) => return Ok(()),
                    Err(e) => return Err(e.into()),
                };
                for id in self.store.changed_since(c)? {
                    self.index_doc(id, |doc| idx.stage(&mut writer, id, doc))??;
                }
                idx.commit(writer, head)?;
            }
            // Ahead of the database (restored from a backup?) or unreadable: rebuild.
            _ => {
                self.rebuild_index(idx, &mut |_, _| {})?;
            }
        }
        Ok(())
    }

    pub(super) fn sync_index_quietly(&self) {
        if !self.index_writes {
            return;
        }
        // The change is safe in SQLite; the next search retries and reports a failure.
        let _ = self.sync_index();
    }

    /// Rebuilds the search index from SQLite; returns the number of speeches indexed.
    pub fn reindex(&mut self, mut progress: impl FnMut(usize, usize)) -> Result<usize> {
        self.drop_index()?;
        let idx = {
            let (idx, _) = SearchIndex::open(&self.dir.join(INDEX_DIR))?;
            self.index.get_or_init(|| idx)
        };
        self.rebuild_index(idx, &mut progress)
    }

    pub(super) fn drop_index(&mut self) -> Result<()> {
        self.index = std::cell::OnceCell::new();
        let dir = self.dir.join(INDEX_DIR);
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        }
        Ok(())
    }
}
