//! [`Library`]: the one API every caller (CLI, desktop shell, tests) uses.

mod drafts;
mod export;

pub use drafts::DraftOutline;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::{Error, ImportError, Invalid, LibraryError, Result, Thing};
use crate::ingest::{self, Found, Parsed};
use crate::model::{
    Duplicate, Failed, ImportProgress, ImportReport, Imported, Skipped, Speech, SpeechEdit,
    SpeechSummary,
};
use crate::phrases::PhraseKind;
use crate::search::index::{IndexDoc, SearchIndex};
use crate::search::{self, query, Mode, SearchHit, SearchRequest, SearchResults, Sort};
use crate::store::phrase_store::{self, Phrase, PhraseFilter};
use crate::store::template_store;
use crate::store::{Metadata, NewSpeech, Store};
use crate::templates::{self, Template};

/// The reference speech a new library starts with, so a first look shows something real.
pub const SAMPLE_SPEECH: &str =
    include_str!("../../../assets/samples/county-half-year-review-2020.txt");
const SAMPLE_FILE: &str = "county-half-year-review-2020.txt";
const SEEDED_KEY: &str = "seeded_sample";
const MINER_KEY: &str = "phrase_miner";
/// Environment variable naming the library folder.
pub const LIBRARY_ENV: &str = "GAOKU_LIBRARY";
/// File name of the database inside the library folder.
pub const DB_FILE: &str = "library.sqlite3";
/// Folder of the search index inside the library folder (derived data).
pub const INDEX_DIR: &str = "search-index";
/// During a long import the index catches up after this many stored speeches.
const INDEX_BATCH: usize = 500;

/// How to open a library.
#[derive(Debug, Clone)]
pub struct OpenOptions {
    /// Put the sample speech into a library that has never had any speech.
    pub seed_sample: bool,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions { seed_sample: true }
    }
}

/// One speech library: a folder holding the SQLite database (the source of truth) and derived data.
pub struct Library {
    dir: PathBuf,
    store: Store,
    /// Opened on first use; rebuilt from SQLite when missing or damaged.
    index: std::cell::OnceCell<SearchIndex>,
    /// False for a background handle: its writes leave the index to the main handle.
    index_writes: bool,
}

impl Library {
    /// The library folder to use: `GAOKU_LIBRARY` if set, else the platform's data folder.
    pub fn default_dir() -> Result<PathBuf> {
        if let Some(dir) = std::env::var_os(LIBRARY_ENV).filter(|v| !v.is_empty()) {
            return Ok(PathBuf::from(dir));
        }
        directories::ProjectDirs::from("org", "gaoku", "gaoku")
            .map(|d| d.data_dir().join("library"))
            .ok_or_else(|| Error::Library(LibraryError::NoHome))
    }

    /// Opens the library in `dir`, creating it (with the sample speech) when new.
    pub fn open(dir: impl AsRef<Path>) -> Result<Self> {
        Self::open_with(dir, OpenOptions::default())
    }

    /// Opens the library in `dir` with options.
    pub fn open_with(dir: impl AsRef<Path>, options: OpenOptions) -> Result<Self> {
        let dir = dir.as_ref().to_path_buf();
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        let store = Store::open(&dir.join(DB_FILE))?;
        let mut lib = Library {
            dir,
            store,
            index: std::cell::OnceCell::new(),
            index_writes: true,
        };
        if options.seed_sample && lib.store.setting(SEEDED_KEY)?.is_none() {
            if lib.store.count()? == 0 {
                lib.seed_sample()?;
            }
            lib.store.set_setting(SEEDED_KEY, "1")?;
        }
        let mined = crate::phrases::MINER_VERSION.to_string();
        if lib.store.setting(MINER_KEY)?.as_deref() != Some(mined.as_str()) {
            lib.remine_phrases()?;
            lib.store.set_setting(MINER_KEY, &mined)?;
        }
        Ok(lib)
    }

    fn seed_sample(&mut self) -> Result<()> {
        let parsed = ingest::parse_lines(ingest::clean::split_lines(SAMPLE_SPEECH), "sample")
            .map_err(Error::Import)?;
        self.store_parsed(&parsed, Some(SAMPLE_FILE))?;
        Ok(())
    }

    /// The library folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// All speeches, newest first.
    pub fn list(&self) -> Result<Vec<SpeechSummary>> {
        self.store.list()
    }

    /// One speech with its text.
    pub fn speech(&self, id: i64) -> Result<Speech> {
        self.store
            .get(id)?
            .ok_or_else(|| Error::not_found(Thing::Speech, id))
    }

    /// Changes metadata; returns the speech as stored.
    pub fn edit(&mut self, id: i64, edit: &SpeechEdit) -> Result<Speech> {
        let current = self.speech(id)?;
        let clean = |v: &Option<String>, old: Option<String>| match v {
            None => old,
            Some(s) if s.trim().is_empty() => None,
            Some(s) => Some(s.trim().to_string()),
        };
        let title = match &edit.title {
            Some(t) if t.trim().is_empty() => return Err(Invalid::EmptyTitle.into()),
            Some(t) => t.trim().to_string(),
            None => current.title,
        };
        let (date, year) = match &edit.date {
            None => (current.date, current.year),
            Some(d) if d.trim().is_empty() => (None, None),
            Some(d) => {
                let (iso, year) = parse_user_date(d)?;
                (Some(iso), Some(year))
            }
        };
        let mut tags: Vec<String> = edit
            .tags
            .clone()
            .unwrap_or(current.tags)
            .into_iter()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect();
        tags.sort();
        tags.dedup();
        let meta = Metadata {
            title,
            date,
            year,
            speaker: clean(&edit.speaker, current.speaker),
            occasion: clean(&edit.occasion, current.occasion),
            kind: clean(&edit.kind, current.kind),
            tags,
        };
        if !self.store.update_metadata(id, &meta)? {
            return Err(Error::not_found(Thing::Speech, id));
        }
        self.sync_index_quietly();
        self.speech(id)
    }

    /// Removes a speech and everything derived from it.
    pub fn remove(&mut self, id: i64) -> Result<()> {
        if self.store.delete(id)? {
            self.sync_index_quietly();
            Ok(())
        } else {
            Err(Error::not_found(Thing::Speech, id))
        }
    }

    fn store_parsed(&mut self, p: &Parsed, source_file: Option<&str>) -> Result<i64> {
        let m = &p.meta;
        let phrases = crate::phrases::mine::mine(&m.title, &p.paragraphs);
        self.store.insert(&NewSpeech {
            title: &m.title,
            date: m.date.as_deref(),
            year: m.year,
            speaker: m.speaker.as_deref(),
            occasion: m.occasion.as_deref(),
            kind: m.kind.as_deref(),
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
                            self.sync_index_quietly();
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
        self.sync_index_quietly();
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
        let id = self
            .store_parsed(&parsed, name.as_deref())
            .map_err(db_err)?;
        Ok(Outcome::New(id, parsed.meta.title))
    }

    /// The search index, opened (and if need be rebuilt from SQLite) on first use.
    fn index(&self) -> Result<&SearchIndex> {
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

    fn index_doc<R>(&self, id: i64, f: impl FnOnce(Option<&IndexDoc>) -> R) -> Result<R> {
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

    fn rebuild_index(
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

    fn sync_index_quietly(&self) {
        if !self.index_writes {
            return;
        }
        // The change is safe in SQLite; the next search retries and reports a failure.
        let _ = self.sync_index();
    }

    /// A second handle on an existing library for long writes (an import) next to the main
    /// handle, which stays free for searches and autosaves meanwhile. SQLite takes both; the
    /// search index is left to the main handle, which catches up from the change log.
    pub fn open_background(dir: impl AsRef<Path>) -> Result<Self> {
        let mut lib = Self::open_with(dir, OpenOptions { seed_sample: false })?;
        lib.index_writes = false;
        Ok(lib)
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

    fn drop_index(&mut self) -> Result<()> {
        self.index = std::cell::OnceCell::new();
        let dir = self.dir.join(INDEX_DIR);
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        }
        Ok(())
    }

    /// Searches the library: exact phrase, keywords or pattern (see [`SearchRequest`]).
    pub fn search(&mut self, req: &SearchRequest) -> Result<SearchResults> {
        let parsed = query::parse(&req.query, req.pattern).map_err(Error::Query)?;
        match self.search_parsed(req, &parsed) {
            Err(Error::Index(_)) => {
                // A damaged index: it is derived data, so rebuild it and answer anyway.
                self.drop_index()?;
                self.search_parsed(req, &parsed)
            }
            other => other,
        }
    }

    fn search_parsed(
        &self,
        req: &SearchRequest,
        parsed: &query::ParsedQuery,
    ) -> Result<SearchResults> {
        self.sync_index()?;
        let idx = self.index()?;
        // The speeches to show, ranked, as (id, score), and how many match in all.
        let (total, ranked): (usize, Vec<(i64, f32)>) = if let (Mode::Pattern, Some(pattern)) =
            (parsed.mode, &parsed.pattern)
        {
            // Matches are counted from index positions; text is read only for the hits shown.
            let mut counted = idx.pattern_hits(pattern, &parsed.terms, &req.filters())?;
            match req.sort {
                Sort::Relevance => counted.sort_by_key(|(id, n, _)| (std::cmp::Reverse(*n), *id)),
                Sort::Date => counted.sort_by_key(|(id, _, date)| (std::cmp::Reverse(*date), *id)),
            }
            let total = counted.len();
            if req.limit > 0 {
                counted.truncate(req.limit);
            }
            (
                total,
                counted
                    .into_iter()
                    .map(|(id, n, _)| (id, n as f32))
                    .collect(),
            )
        } else {
            let q = idx.terms_query(&parsed.terms, &req.filters());
            idx.run(&*q, req.sort, req.limit)?
        };
        let mut hits = Vec::with_capacity(ranked.len());
        for (id, score) in ranked {
            let Some(speech) = self.store.get(id)? else {
                continue;
            };
            let matches = search::find_matches(&speech.paragraphs, parsed);
            hits.push(SearchHit {
                snippets: search::hit_snippets(&speech.paragraphs, &matches),
                id: speech.id,
                title: speech.title,
                date: speech.date,
                score,
                match_count: matches.len(),
                matches,
            });
        }
        Ok(SearchResults {
            query: req.query.clone(),
            mode: parsed.mode,
            total,
            hits,
        })
    }

    /// Mines every speech again (after a change of the miner, or for a library older than the
    /// phrase bank), in one transaction; stars, tags and own entries are kept.
    fn remine_phrases(&mut self) -> Result<()> {
        let ids = self.store.all_ids()?;
        let mut mined = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(s) = self.store.get(id)? {
                mined.push((id, crate::phrases::mine::mine(&s.title, &s.paragraphs)));
            }
        }
        let tx = self.store.conn_mut().transaction()?;
        tx.execute("DELETE FROM phrase_sources", [])?;
        for (id, m) in &mined {
            phrase_store::add_sources(&tx, *id, m)?;
        }
        phrase_store::drop_orphans(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Phrase-bank entries: starred first, then by occurrences across the library, shorter first.
    pub fn phrases(&self, filter: &PhraseFilter) -> Result<Vec<Phrase>> {
        phrase_store::list(self.store.conn(), filter)
    }

    /// One phrase-bank entry.
    pub fn phrase(&self, id: i64) -> Result<Phrase> {
        phrase_store::get(self.store.conn(), id)?.ok_or_else(|| Error::not_found(Thing::Phrase, id))
    }

    /// Adds the writer's own entry.
    pub fn add_phrase(&mut self, kind: PhraseKind, text: &str) -> Result<Phrase> {
        let text = text.trim();
        if text.is_empty() {
            return Err(Invalid::EmptyPhrase.into());
        }
        let id = phrase_store::add(self.store.conn(), kind, text)?;
        self.phrase(id)
    }

    /// Stars or unstars an entry.
    pub fn star_phrase(&mut self, id: i64, starred: bool) -> Result<Phrase> {
        self.phrase(id)?;
        self.store.conn().execute(
            "UPDATE phrases SET starred = ?2 WHERE id = ?1",
            rusqlite::params![id, starred],
        )?;
        self.phrase(id)
    }

    /// Replaces an entry's tags.
    pub fn tag_phrase(&mut self, id: i64, tags: &[String]) -> Result<Phrase> {
        self.phrase(id)?;
        let tx = self.store.conn_mut().transaction()?;
        tx.execute("DELETE FROM phrase_tags WHERE phrase_id = ?1", [id])?;
        for t in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
            tx.execute(
                "INSERT OR IGNORE INTO phrase_tags (phrase_id, tag) VALUES (?1, ?2)",
                rusqlite::params![id, t],
            )?;
        }
        tx.commit()?;
        self.phrase(id)
    }

    /// Rewrites an entry's text; it becomes the writer's own (its sources are kept).
    pub fn edit_phrase(&mut self, id: i64, text: &str) -> Result<Phrase> {
        let text = text.trim();
        if text.is_empty() {
            return Err(Invalid::EmptyPhrase.into());
        }
        self.phrase(id)?;
        self.store
            .conn()
            .execute(
                "UPDATE phrases SET text = ?2, user_added = 1 WHERE id = ?1",
                rusqlite::params![id, text],
            )
            .map_err(|e| match e {
                rusqlite::Error::SqliteFailure(f, _)
                    if f.code == rusqlite::ErrorCode::ConstraintViolation =>
                {
                    Error::Exists {
                        what: Thing::Phrase,
                        name: text.to_string(),
                    }
                }
                other => other.into(),
            })?;
        self.phrase(id)
    }

    /// Deletes an entry; a mined one is remembered so that mining does not bring it back.
    pub fn delete_phrase(&mut self, id: i64) -> Result<()> {
        let p = self.phrase(id)?;
        let tx = self.store.conn_mut().transaction()?;
        if !p.user {
            tx.execute(
                "INSERT OR IGNORE INTO phrase_hidden (kind, text) VALUES (?1, ?2)",
                rusqlite::params![p.kind.as_str(), p.text],
            )?;
        }
        tx.execute("DELETE FROM phrases WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }

    /// Built-in templates, then the writer's own, by name.
    pub fn templates(&self) -> Result<Vec<Template>> {
        let mut all = templates::builtin();
        all.extend(template_store::list(self.store.conn())?);
        Ok(all)
    }

    /// One template by name.
    pub fn template(&self, name: &str) -> Result<Template> {
        self.templates()?
            .into_iter()
            .find(|t| t.name == name)
            .ok_or_else(|| Error::not_found(Thing::Template, name))
    }

    /// Saves the structure of a speech as a template (titles kept, or blanked to their frames).
    pub fn template_from_speech(
        &mut self,
        id: i64,
        name: &str,
        placeholders: bool,
    ) -> Result<Template> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Invalid::EmptyTemplateName.into());
        }
        if self.templates()?.iter().any(|t| t.name == name) {
            return Err(Error::Exists {
                what: Thing::Template,
                name: name.to_string(),
            });
        }
        let s = self.speech(id)?;
        let o = crate::outline::outline(&s.title, &s.paragraphs);
        let t = templates::from_outline(name, s.kind.clone(), Some(id), &o, placeholders);
        template_store::insert(self.store.conn(), &t)?;
        Ok(t)
    }

    fn own_template(&self, name: &str) -> Result<Template> {
        let t = self.template(name)?;
        if t.builtin {
            return Err(Error::BuiltIn {
                name: name.to_string(),
            });
        }
        Ok(t)
    }

    /// Renames one of the writer's templates.
    pub fn rename_template(&mut self, from: &str, to: &str) -> Result<Template> {
        let mut t = self.own_template(from)?;
        let to = to.trim();
        if to.is_empty() || self.templates()?.iter().any(|x| x.name == to) {
            return Err(Invalid::RenameTaken {
                name: to.to_string(),
            }
            .into());
        }
        t.name = to.to_string();
        let tx = self.store.conn_mut().transaction()?;
        template_store::delete(&tx, from)?;
        template_store::insert(&tx, &t)?;
        tx.commit()?;
        Ok(t)
    }

    /// Deletes one of the writer's templates.
    pub fn delete_template(&mut self, name: &str) -> Result<()> {
        self.own_template(name)?;
        template_store::delete(self.store.conn(), name)
    }

    /// The Markdown of a new draft started from a template.
    pub fn new_draft_markdown(&self, template: &str) -> Result<String> {
        Ok(templates::new_draft(&self.template(template)?))
    }

    /// Every match of a query in one speech, as character spans of its shown text (for
    /// highlighting a speech opened from a hit).
    pub fn matches_in(&self, id: i64, query: &str, pattern: bool) -> Result<Vec<search::Span>> {
        let parsed = query::parse(query, pattern).map_err(Error::Query)?;
        Ok(search::find_matches(&self.speech(id)?.paragraphs, &parsed))
    }

    /// The outline of a speech in the library.
    pub fn outline(&self, id: i64) -> Result<crate::outline::Outline> {
        let s = self.speech(id)?;
        Ok(crate::outline::outline(&s.title, &s.paragraphs))
    }

    /// A file read and cleaned as an import would (nothing is stored): its title and paragraphs.
    pub fn read_file(path: &Path) -> Result<(String, Vec<String>)> {
        let parsed = ingest::parse_file(path).map_err(|source| Error::File {
            path: path.to_path_buf(),
            source,
        })?;
        Ok((parsed.meta.title, parsed.paragraphs))
    }

    /// The outline of a file, read and cleaned as an import would (nothing is stored).
    pub fn outline_file(path: &Path) -> Result<crate::outline::Outline> {
        let (title, paragraphs) = Self::read_file(path)?;
        Ok(crate::outline::outline(&title, &paragraphs))
    }

    /// Problems SQLite finds in the database (empty when consistent).
    pub fn check_integrity(&self) -> Result<Vec<String>> {
        self.store.check_integrity()
    }
}

enum Outcome {
    New(i64, String),
    Duplicate(i64),
}

/// Accepts 2020, 2020-07, 2020-07-15, 2020/7/15 and 2020年7月15日.
fn parse_user_date(s: &str) -> Result<(String, i32)> {
    let s = s.trim();
    let invalid = || {
        Error::from(Invalid::BadDate {
            value: s.to_string(),
        })
    };
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    let nums: Option<Vec<u32>> = parts.iter().map(|p| p.parse().ok()).collect();
    if let Some(n) = nums.filter(|n| (1..=3).contains(&n.len())) {
        let y = n[0] as i32;
        let ok = (1000..=2999).contains(&y)
            && n.get(1).is_none_or(|m| (1..=12).contains(m))
            && n.get(2).is_none_or(|d| (1..=31).contains(d));
        if !ok {
            return Err(invalid());
        }
        let iso = match n.len() {
            1 => format!("{y:04}"),
            2 => format!("{y:04}-{:02}", n[1]),
            _ => format!("{y:04}-{:02}-{:02}", n[1], n[2]),
        };
        return Ok((iso, y));
    }
    ingest::meta::find_date(s).ok_or_else(invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_dates() {
        assert_eq!(parse_user_date("2020").unwrap(), ("2020".into(), 2020));
        assert_eq!(parse_user_date("2020-7").unwrap().0, "2020-07");
        assert_eq!(parse_user_date("2020/7/15").unwrap().0, "2020-07-15");
        assert_eq!(parse_user_date("2020年7月15日").unwrap().0, "2020-07-15");
        assert!(parse_user_date("2020-13-01").is_err());
        assert!(parse_user_date("soon").is_err());
    }

    #[test]
    fn background_import_beside_the_main_handle() {
        let dir = tempfile::tempdir().unwrap();
        let files = tempfile::tempdir().unwrap();
        let mut main = Library::open(dir.path()).unwrap();
        let req = SearchRequest::new("背景导入");
        assert_eq!(main.search(&req).unwrap().total, 0); // the index is open and current
        for i in 0..3 {
            std::fs::write(
                files.path().join(format!("{i}.txt")),
                format!("第{i}次会议上的讲话\n同志们：\n这是第{i}篇背景导入的讲话。\n"),
            )
            .unwrap();
        }
        let mut background = Library::open_background(dir.path()).unwrap();
        let report = background.import(&[files.path().to_path_buf()], |_| {}, None);
        assert_eq!(report.imported.len(), 3, "{:?}", report.failed);
        // The main handle sees the rows at once and indexes them from the change log.
        assert_eq!(main.list().unwrap().len(), 4);
        let found = main.search(&req).unwrap();
        assert_eq!(found.total, 3);
        // A draft saved by the main handle while the other one is open.
        let d = main.create_draft("# 稿\n\n正文", None).unwrap();
        assert_eq!(background.draft(d.id).unwrap().body, "# 稿\n\n正文");
        assert!(main.check_integrity().unwrap().is_empty());
    }

    #[test]
    fn new_library_is_seeded_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut lib = Library::open(dir.path()).unwrap();
        let list = lib.list().unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].title, "在全县2020年半年工作总结会议上的讲话");
        lib.remove(list[0].id).unwrap();
        drop(lib);
        let lib = Library::open(dir.path()).unwrap();
        assert!(
            lib.list().unwrap().is_empty(),
            "a removed sample does not come back"
        );
        let unseeded = tempfile::tempdir().unwrap();
        let lib = Library::open_with(unseeded.path(), OpenOptions { seed_sample: false }).unwrap();
        assert!(lib.list().unwrap().is_empty());
    }

    #[test]
    fn edit_metadata_and_tags() {
        let dir = tempfile::tempdir().unwrap();
        let mut lib = Library::open(dir.path()).unwrap();
        let id = lib.list().unwrap()[0].id;
        let edited = lib
            .edit(
                id,
                &SpeechEdit {
                    date: Some("2020-07-15".into()),
                    speaker: Some("王书记".into()),
                    tags: Some(vec!["半年总结".into(), "县委".into(), "县委".into()]),
                    ..Default::default()
                },
            )
            .unwrap();
        assert_eq!(edited.date.as_deref(), Some("2020-07-15"));
        assert_eq!(edited.speaker.as_deref(), Some("王书记"));
        assert_eq!(edited.tags, vec!["半年总结", "县委"]);
        assert_eq!(lib.list().unwrap()[0].tags, vec!["半年总结", "县委"]);
        assert!(matches!(
            lib.edit(
                id,
                &SpeechEdit {
                    title: Some(" ".into()),
                    ..Default::default()
                }
            ),
            Err(Error::Invalid(_))
        ));
        assert!(matches!(
            lib.edit(999, &SpeechEdit::default()),
            Err(Error::NotFound {
                what: crate::error::Thing::Speech,
                ..
            })
        ));
        let cleared = lib
            .edit(
                id,
                &SpeechEdit {
                    speaker: Some(String::new()),
                    ..Default::default()
                },
            )
            .unwrap();
        assert_eq!(cleared.speaker, None);
    }
}
