//! The facade's import: files and folders into the library, one transaction per file, a report
//! that names every file; the sample speech of a new library; a second handle for long imports.

use super::*;

impl Library {
    pub(super) fn seed_sample(&mut self) -> Result<()> {
        let parsed = ingest::parse_lines(ingest::clean::split_lines(SAMPLE_SPEECH), "sample")
            .map_err(Error::Import)?;
        if let Err(e) = self.store_parsed(&parsed, Some(SAMPLE_FILE)) {
            // Another process opening the new library at the same moment may have seeded it.
            if self.store.find_by_hash(&parsed.content_hash)?.is_none() {
                return Err(e);
            }
        }
        Ok(())
    }

    pub(super) fn store_parsed(&mut self, p: &Parsed, source_file: Option<&str>) -> Result<i64> {
        let phrases = crate::phrases::mine::mine(&p.meta.title, &p.paragraphs);
        self.store_mined(p, &phrases, source_file)
    }

    fn store_mined(
        &mut self,
        p: &Parsed,
        phrases: &[crate::phrases::Mined],
        source_file: Option<&str>,
    ) -> Result<i64> {
        self.store.insert(&NewSpeech {
            meta: &p.meta,
            source_file,
            content_hash: &p.content_hash,
            paragraphs: &p.paragraphs,
            phrases,
        })
    }

    /// Imports files and folders. Every file ends up in exactly one list of the report; a file
    /// that fails never stops the others and never leaves a partial record.
    ///
    /// `progress` is called after each file; setting `cancel` stops before the next file (the
    /// files not reached are not in the report).
    ///
    /// Three stages run at once: one thread reads, cleans and mines the files in order, this one
    /// stores them (one transaction per file), and another brings the search index up to date
    /// from the change log after every [`INDEX_BATCH`] stored speeches, so the index is current
    /// when the import ends.
    pub fn import(
        &mut self,
        paths: &[PathBuf],
        mut progress: impl FnMut(ImportProgress),
        cancel: Option<&AtomicBool>,
    ) -> ImportReport {
        let found = ingest::collect(paths);
        let total = found.len();
        let mut report = ImportReport::default();
        let stop = AtomicBool::new(false);
        let stopped =
            || stop.load(Ordering::Relaxed) || cancel.is_some_and(|c| c.load(Ordering::Relaxed));
        let indexer = self.import_indexer();
        std::thread::scope(|scope| {
            // Read ahead a few files: enough to keep the storing thread busy, little memory.
            let (read_tx, read_rx) =
                std::sync::mpsc::sync_channel::<(Found, Option<Result<Read, ImportError>>)>(4);
            let stopped = &stopped;
            let reader = std::thread::Builder::new().name("gaoku-read".into());
            // Like `scope.spawn`, this panics when the system has no thread to give.
            reader
                .spawn_scoped(scope, move || {
                    for item in found {
                        if stopped() {
                            break;
                        }
                        let read = match &item {
                            Found::File(path) => Some(read_file(path)),
                            _ => None,
                        };
                        if read_tx.send((item, read)).is_err() {
                            break;
                        }
                    }
                })
                .expect("a thread to read the files");
            let (tick, ticks) = std::sync::mpsc::channel::<()>();
            if let Some((store, index)) = indexer {
                let thread = std::thread::Builder::new().name("gaoku-index".into());
                let _ = thread.spawn_scoped(scope, move || {
                    while ticks.recv().is_ok() {
                        while ticks.try_recv().is_ok() {}
                        let _ = index.sync(&store);
                    }
                });
            }
            for (i, (item, read)) in read_rx.into_iter().enumerate() {
                if cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
                    stop.store(true, Ordering::Relaxed);
                    break;
                }
                let shown = match &item {
                    Found::File(p) | Found::Skip(p, _) | Found::Fail(p, _) => {
                        p.display().to_string()
                    }
                };
                match (item, read) {
                    (Found::Skip(_, reason), _) => {
                        report.skipped.push(Skipped::new(shown.clone(), &reason))
                    }
                    (Found::Fail(_, error), _) | (_, Some(Err(error))) => {
                        report.failed.push(Failed::new(shown.clone(), &error))
                    }
                    (Found::File(path), Some(Ok(read))) => match self.store_read(&path, &read) {
                        Ok(Outcome::New(id, title)) => {
                            report.imported.push(Imported {
                                id,
                                title,
                                path: shown.clone(),
                            });
                            if report.imported.len() % INDEX_BATCH == 0 {
                                let _ = tick.send(());
                            }
                        }
                        Ok(Outcome::Duplicate(id)) => report.duplicates.push(Duplicate {
                            path: shown.clone(),
                            id,
                        }),
                        Err(error) => report.failed.push(Failed::new(shown.clone(), &error)),
                    },
                    (Found::File(_), None) => unreachable!("every file is read"),
                }
                progress(ImportProgress {
                    done: i + 1,
                    total,
                    path: &shown,
                });
            }
            // The reader stops at its next file; the indexer finishes its batch.
            stop.store(true, Ordering::Relaxed);
        });
        self.index.sync_quietly(&self.store);
        report
    }

    /// A second connection and index handle that keep the index up to date during an import
    /// (`None` when the library or its index cannot be written: the next search catches up).
    fn import_indexer(&self) -> Option<(Store, index::LiveIndex)> {
        if self.read_only() {
            return None;
        }
        let store = Store::open(&self.dir.join(DB_FILE)).ok()?;
        Some((
            store,
            index::LiveIndex::new(self.dir.join(INDEX_DIR), true, None),
        ))
    }

    fn store_read(&mut self, path: &Path, read: &Read) -> Result<Outcome, ImportError> {
        let (parsed, phrases) = read;
        let db_err = |e: Error| ImportError::Store { why: e.to_string() };
        if let Some(id) = self
            .store
            .find_by_hash(&parsed.content_hash)
            .map_err(db_err)?
        {
            return Ok(Outcome::Duplicate(id));
        }
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        match self.store_mined(parsed, phrases, name.as_deref()) {
            Ok(id) => Ok(Outcome::New(id, parsed.meta.title.clone())),
            // Another process (a second import, the app beside the CLI) stored the same text
            // between the check above and this insert: a duplicate, not a failure.
            Err(e) => match self.store.find_by_hash(&parsed.content_hash) {
                Ok(Some(id)) => Ok(Outcome::Duplicate(id)),
                _ => Err(db_err(e)),
            },
        }
    }

    /// A second handle on an existing library for long writes (an import) next to the main
    /// handle, which stays free for searches and autosaves meanwhile. SQLite takes both; the
    /// search index is left to the main handle, which catches up from the change log.
    pub fn open_background(dir: impl AsRef<Path>) -> Result<Self> {
        let mut lib = Self::open_with(dir, OpenOptions { seed_sample: false })?;
        lib.index.set_writes(false);
        Ok(lib)
    }
}

/// A file read, cleaned and mined, ready to store.
type Read = (Parsed, Vec<crate::phrases::Mined>);

/// Reads, cleans and mines one file (off the storing thread).
fn read_file(path: &Path) -> Result<Read, ImportError> {
    let parsed = ingest::parse_file(path)?;
    let phrases = crate::phrases::mine::mine(&parsed.meta.title, &parsed.paragraphs);
    Ok((parsed, phrases))
}

enum Outcome {
    New(i64, String),
    Duplicate(i64),
}
