//! [`Library`]: the one API every caller (CLI, desktop shell, tests) uses.

mod backup;
mod bundle;
mod checks;
mod compare;
mod drafts;
mod export;
mod import;
mod index;
mod lock;
mod phrases;
mod reuse;
mod search;
mod speeches;
mod templates;

pub use backup::{BackupInfo, BackupPlan, RestoreInfo};
pub use bundle::{
    BundleInfo, BundleParts, BundleReport, BundleSpeech, Renamed, BUNDLE_EXTENSION, BUNDLE_VERSION,
};
pub use checks::{
    CheckEntry, CheckReport, DateSource, PackInfo, RulesImported, RulesView, TermEntry,
};
pub use compare::CompareWith;
pub use drafts::DraftOutline;
pub use index::IndexNotice;
pub use lock::{LibraryLock, LOCK_FILE};

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::{Error, ImportError, Invalid, LibraryError, Result, Thing};
use crate::ingest::{self, Found, Parsed};
use crate::model::SpeechMeta;
use crate::model::{
    Duplicate, Failed, ImportProgress, ImportReport, Imported, Skipped, Speech, SpeechEdit,
    SpeechSummary,
};
use crate::phrases::PhraseKind;
use crate::phrases::{Phrase, PhraseFilter};
use crate::search::index::SearchIndex;
use crate::search::{
    query, Mode, SearchHit, SearchRequest, SearchResults, Sort, YearCount, YearCounts,
};
use crate::store::phrase_store;
use crate::store::template_store;
use crate::store::{NewSpeech, Store};
use crate::templates::Template;

/// The reference speech a new library starts with, so a first look shows something real.
pub const SAMPLE_SPEECH: &str =
    include_str!("../../../../assets/samples/county-half-year-review-2020.txt");
const SAMPLE_FILE: &str = "county-half-year-review-2020.txt";
const SEEDED_KEY: &str = "seeded_sample";
const MINER_KEY: &str = "phrase_miner";
/// The metadata reading the library's speeches were last read with.
const READER_KEY: &str = "meta_reader";
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
    /// The search index, kept in step with SQLite (see `index.rs`).
    index: index::LiveIndex,
    /// The 提法 rules in force, compiled, with the pack texts they were built from.
    terms: checks::TermCache,
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
        if dir.exists() && !dir.is_dir() {
            return Err(Error::Library(LibraryError::NotAFolder {
                path: dir.display().to_string(),
            }));
        }
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        // A search index with no database (or an empty one) beside it: the database was deleted
        // or cut short. Starting a new empty library there would hide the loss.
        let db = dir.join(DB_FILE);
        let indexed = dir.join(INDEX_DIR).join("meta.json").exists();
        let db_len = std::fs::metadata(&db).map(|m| m.len()).ok();
        if indexed && db_len.is_none_or(|n| n == 0) {
            return Err(Error::Library(LibraryError::DatabaseDamaged {
                why: match db_len {
                    None => format!(
                        "{DB_FILE} is missing, but the folder holds the search index of a library"
                    ),
                    Some(_) => format!(
                        "{DB_FILE} is empty, but the folder holds the search index of a library"
                    ),
                },
            }));
        }
        let store = match Store::open(&db) {
            Ok(store) => store,
            // A library on a read-only folder or medium (a backup, a disc, another user's
            // folder) is opened for reading, and says so when asked to change anything.
            Err(e) if db_len.is_some() && !writable(&dir) => {
                Store::open_read_only(&db).map_err(|ro| match ro {
                    Error::Library(LibraryError::ReadOnlyOldSchema { .. }) => ro,
                    _ => e,
                })?
            }
            Err(e) => return Err(e),
        };
        let fallback = store.read_only().then(|| read_only_index_dir(&dir));
        let index = index::LiveIndex::new(dir.join(INDEX_DIR), true, fallback);
        let mut lib = Library {
            dir,
            store,
            index,
            terms: checks::TermCache::default(),
        };
        if lib.read_only() {
            return Ok(lib);
        }
        if options.seed_sample && lib.store.setting(SEEDED_KEY)?.is_none() {
            if lib.store.count()? == 0 {
                lib.seed_sample()?;
            }
            lib.store.set_setting(SEEDED_KEY, "1")?;
        }
        let reader = crate::ingest::meta::READER_VERSION.to_string();
        if lib.store.setting(READER_KEY)?.as_deref() != Some(reader.as_str()) {
            lib.reread_metadata()?;
            lib.store.set_setting(READER_KEY, &reader)?;
        }
        let mined = crate::phrases::MINER_VERSION.to_string();
        if lib.store.setting(MINER_KEY)?.as_deref() != Some(mined.as_str()) {
            lib.remine_phrases()?;
            lib.store.set_setting(MINER_KEY, &mined)?;
        }
        Ok(lib)
    }

    /// Whether the library can only be read (its folder or medium is read-only).
    pub fn read_only(&self) -> bool {
        self.store.read_only()
    }

    /// Refuses, before any work, a change to a read-only library (a long import says so at
    /// once instead of once per file).
    pub fn ensure_writable(&self) -> Result<()> {
        if self.read_only() {
            return Err(Error::Library(LibraryError::ReadOnly));
        }
        Ok(())
    }

    /// The library folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Problems found in the database, and a search index that disagrees with it (empty when
    /// consistent).
    pub fn check_integrity(&self) -> Result<Vec<String>> {
        let mut problems = self.store.check_integrity()?;
        if problems.is_empty() {
            problems.extend(self.index.check(&self.store)?);
        }
        Ok(problems)
    }
}

/// Can a file be created in `dir`? (A read-only medium or folder says no, also to root.)
fn writable(dir: &Path) -> bool {
    let probe = dir.join(format!(".gaoku-write-probe-{}", std::process::id()));
    match std::fs::File::create(&probe) {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            true
        }
        Err(_) => false,
    }
}

/// Where the search index of a read-only library is built when its own is missing or behind:
/// the user's cache folder, one folder per library path.
fn read_only_index_dir(dir: &Path) -> PathBuf {
    let key = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    // FNV-1a of the path: a stable name, no collisions among one user's libraries in practice.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.to_string_lossy().bytes() {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    let base = directories::ProjectDirs::from("org", "gaoku", "gaoku")
        .map(|d| d.cache_dir().to_path_buf())
        .unwrap_or_else(std::env::temp_dir);
    base.join("read-only-indexes")
        .join(format!("{hash:016x}"))
        .join(INDEX_DIR)
}

#[cfg(test)]
mod tests {
    use super::*;
    use speeches::parse_user_date;

    #[test]
    fn user_dates() {
        assert_eq!(parse_user_date("2020").unwrap(), ("2020".into(), 2020));
        assert_eq!(parse_user_date("2020-7").unwrap().0, "2020-07");
        assert_eq!(parse_user_date("2020/7/15").unwrap().0, "2020-07-15");
        assert_eq!(parse_user_date("2020年7月15日").unwrap().0, "2020-07-15");
        assert!(parse_user_date("2020-13-01").is_err());
        assert!(parse_user_date("2021-02-29").is_err());
        assert!(parse_user_date("2020年13月1日").is_err());
        assert!(parse_user_date("2020年7月15日开会").is_err());
        assert_eq!(parse_user_date("2024-02-29").unwrap().0, "2024-02-29");
        assert!(parse_user_date("soon").is_err());
    }

    #[test]
    fn a_library_read_by_an_earlier_version_is_read_again_edits_kept() {
        let dir = tempfile::tempdir().unwrap();
        let files = tempfile::tempdir().unwrap();
        let text = "政府工作报告\n——2025年1月14日在河北省第十四届人民代表大会第三次会议上\n河北省省长 王某\n各位代表：\n现在，我代表省人民政府，向大会报告工作。\n";
        std::fs::write(files.path().join("a.txt"), text).unwrap();
        std::fs::write(files.path().join("b.txt"), text.replace("现在", "今天")).unwrap();
        let no_seed = OpenOptions { seed_sample: false };
        let (a, b) = {
            let mut lib = Library::open_with(dir.path(), no_seed.clone()).unwrap();
            let r = lib.import(&[files.path().to_path_buf()], |_| {}, None);
            let (a, b) = (r.imported[0].id, r.imported[1].id);
            // What the earlier reading stored: the bare title, the year only, no speaker or kind.
            let old = SpeechMeta {
                title: "政府工作报告".into(),
                date: Some("2025".into()),
                year: Some(2025),
                ..Default::default()
            };
            lib.store.refresh_metadata(a, &old).unwrap();
            lib.store.refresh_metadata(b, &old).unwrap();
            // The writer edits b.
            let edit = SpeechEdit {
                title: Some("我的标题".into()),
                ..Default::default()
            };
            lib.edit(b, &edit).unwrap();
            lib.store.set_setting(READER_KEY, "1").unwrap();
            (a, b)
        };
        let mut lib = Library::open_with(dir.path(), no_seed).unwrap();
        let sa = lib.speech(a).unwrap().meta;
        assert_eq!(sa.title, "2025年河北省政府工作报告");
        assert_eq!(sa.date.as_deref(), Some("2025-01-14"));
        assert_eq!(sa.speaker.as_deref(), Some("王某"));
        assert_eq!(sa.kind.as_deref(), Some("报告"));
        let sb = lib.speech(b).unwrap().meta;
        assert_eq!((sb.title.as_str(), sb.speaker), ("我的标题", None));
        // The search index has the new metadata too.
        let mut req = SearchRequest::new("向大会报告工作");
        req.speaker = Some("王某".into());
        assert_eq!(lib.search(&req).unwrap().total, 1);
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
    fn a_draft_over_ten_megabytes_is_refused_and_the_saved_one_kept() {
        let dir = tempfile::tempdir().unwrap();
        let mut lib = Library::open(dir.path()).unwrap();
        let d = lib.create_draft("# 稿\n\n正文", None).unwrap();
        let huge = "落".repeat(4 * 1024 * 1024);
        assert!(matches!(
            lib.save_draft(d.id, &huge, crate::drafts::SaveKind::Auto),
            Err(Error::Invalid(Invalid::TooBig { .. }))
        ));
        assert!(lib.create_draft(&huge, None).is_err());
        assert_eq!(lib.draft(d.id).unwrap().body, "# 稿\n\n正文");
    }

    #[test]
    fn new_library_is_seeded_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut lib = Library::open(dir.path()).unwrap();
        let list = lib.list().unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].meta.title, "在全县2020年半年工作总结会议上的讲话");
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
        assert_eq!(edited.meta.date.as_deref(), Some("2020-07-15"));
        assert_eq!(edited.meta.speaker.as_deref(), Some("王书记"));
        assert_eq!(edited.meta.tags, vec!["半年总结", "县委"]);
        assert_eq!(lib.list().unwrap()[0].meta.tags, vec!["半年总结", "县委"]);
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
        assert_eq!(cleared.meta.speaker, None);
    }
}
