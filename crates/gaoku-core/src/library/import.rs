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
        let m = &p.meta;
        let phrases = crate::phrases::mine::mine(&m.title, &p.paragraphs);
        self.store.insert(&NewSpeech {
            meta: m,
            source_file,
            content_hash: &p.content_hash,
            paragraphs: &p.paragraphs,
            phrases: &phrases,
        })
    }

    /// Imports files and folders. Every file ends up in exactly one list of the report; a file
    /// that fails never stops the others and never leaves a partial record.
    ///
    /// `progress` is called after each file; setting `cancel` stops before the next file (the
    /// files not reached are not in the report).
    pub fn import(
        &mut self,
        paths: &[PathBuf],
        mut progress: impl FnMut(ImportProgress),
        cancel: Option<&AtomicBool>,
    ) -> ImportReport {
        let found = ingest::collect(paths);
        let total = found.len();
        let mut report = ImportReport::default();
        for (i, item) in found.into_iter().enumerate() {
            if cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
                break;
            }
            let shown = match &item {
                Found::File(p) | Found::Skip(p, _) | Found::Fail(p, _) => p.display().to_string(),
            };
            match item {
                Found::Skip(_, reason) => report.skipped.push(Skipped::new(shown.clone(), &reason)),
                Found::Fail(_, error) => report.failed.push(Failed::new(shown.clone(), &error)),
                Found::File(path) => match self.import_file(&path) {
                    Ok(Outcome::New(id, title)) => {
                        report.imported.push(Imported {
                            id,
                            title,
                            path: shown.clone(),
                        });
                        if report.imported.len() % INDEX_BATCH == 0 {
                            self.index.sync_quietly(&self.store);
                        }
                    }
                    Ok(Outcome::Duplicate(id)) => report.duplicates.push(Duplicate {
                        path: shown.clone(),
                        id,
                    }),
                    Err(error) => report.failed.push(Failed::new(shown.clone(), &error)),
                },
            }
            progress(ImportProgress {
                done: i + 1,
                total,
                path: &shown,
            });
        }
        self.index.sync_quietly(&self.store);
        report
    }

    fn import_file(&mut self, path: &Path) -> Result<Outcome, ImportError> {
        let parsed = ingest::parse_file(path)?;
        let db_err = |e: Error| ImportError::Store { why: e.to_string() };
        if let Some(id) = self
            .store
            .find_by_hash(&parsed.content_hash)
            .map_err(db_err)?
        {
            return Ok(Outcome::Duplicate(id));
        }
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        match self.store_parsed(&parsed, name.as_deref()) {
            Ok(id) => Ok(Outcome::New(id, parsed.meta.title)),
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

enum Outcome {
    New(i64, String),
    Duplicate(i64),
}
