//! The library's errors. Every error has a stable `code` and named `params`: the app renders it
//! in the writer's language from its catalog (`ui/src/errors.ts`, checked against
//! [`Error::catalog`]); the English `Display` text is what the CLI and logs print.

use std::path::PathBuf;

use serde::Serialize;
use serde_json::{Map, Value};

/// Why one file could not be imported (or read as a draft).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, serde::Deserialize)]
#[serde(tag = "code", content = "params", rename_all = "snake_case")]
// Each variant's `#[error]` text is its documentation, the English the CLI prints.
#[allow(missing_docs)]
pub enum ImportError {
    #[error("empty file")]
    Empty,
    #[error("binary file, not text")]
    Binary,
    /// Malformed bytes in the detected encoding, at a byte offset.
    #[error("invalid {encoding} byte sequence at byte {at}: the file is damaged or in an unknown encoding")]
    BadBytes { encoding: String, at: usize },
    #[error("could not decode the file (output buffer)")]
    Undecodable,
    /// A text file over the size limit (`mb` with one decimal, `limit` in MB).
    #[error("file too large: {mb} MB; text files over {limit} MB are not imported (one speech is well under 1 MB)")]
    TooLarge { mb: String, limit: u64 },
    /// A document (.docx, .doc, .pdf …) over the size limit.
    #[error("file too large: {mb} MB; documents over {limit} MB are not imported")]
    DocumentTooLarge { mb: String, limit: u64 },
    /// A document whose text, once read, is over the text limit (a small file can hold much).
    #[error("the document holds {mb} MB of text; more than {limit} MB is not imported (one speech is well under 1 MB)")]
    TextTooLong { mb: String, limit: u64 },
    /// A document format Gaoku cannot read yet.
    #[error(
        ".{ext} files are not supported yet: open it in Word or WPS and save as .docx (or .txt)"
    )]
    NotYet { ext: String },
    #[error("unsupported file type (no extension): expected a document such as .docx, .doc, .pdf or .txt")]
    NoExtension,
    #[error("unsupported file type .{ext}: expected a document such as .docx, .doc, .pdf or .txt")]
    Unsupported { ext: String },
    /// Not a readable file of its format (`format` is docx, doc, rtf, odt …); `why` is the
    /// technical detail, or one of the guard's codes (`too_large`, `too_deep`, `timeout`,
    /// `crashed`: see `ingest::guard::why`).
    #[error("not a valid .{format} file ({})", damage_text(why))]
    Damaged { format: String, why: String },
    /// A password-protected document.
    #[error("the document is password-protected: open it in the program that made it, remove the password and save it again")]
    Encrypted,
    /// An OLE file that is not Word 97 or later: Word 6/95, WPS before 2005, or not a document.
    #[error("an old Word (6.0/95) or WPS (before 2005) format, or not a text document: open it in Word or WPS and save as .docx")]
    OldFormat,
    /// A PDF with no text layer, such as a scan.
    #[error("the PDF has no text layer (scanned): OCR is not supported; open the original document or a PDF with text")]
    NoTextLayer,
    /// Decoded text that does not look like writing (random bytes, an unknown encoding).
    #[error("not readable text (binary or unknown encoding)")]
    NotText,
    /// The .docx would inflate past the limit (`mb` is what it declares, when it does).
    #[error(
        "refused: the document inflates to {mb} MB (zip bomb or oversized file; limit {limit} MB)"
    )]
    ZipBomb { mb: u64, limit: u64 },
    #[error("the document contains no text")]
    EmptyDocument,
    #[error("no text left after cleaning (the file holds only blank lines or adverts)")]
    NoText,
    /// Text too short to be a speech (`chars` letters: a file holding `!`).
    #[error("the file holds {chars} letters of text: too little for a speech")]
    TooShort { chars: usize },
    #[error("cannot read: {why}")]
    Unreadable { why: String },
    #[error("symbolic link loop (leads back to {target}); not followed")]
    LinkLoop { target: String },
    #[error("not a regular file (a device, pipe or socket)")]
    NotRegular,
    #[error("a folder, not a file")]
    IsFolder,
    /// The file was read but SQLite refused to store it.
    #[error("could not store: {why}")]
    Store { why: String },
}

/// The words for a damaged file's `why`: the guard's codes in full, any other detail as it is.
fn damage_text(why: &str) -> String {
    use crate::ingest::guard::why as stopped;
    match why {
        stopped::TOO_LARGE => "reading it needs more memory than a document may take: a memory bomb or a broken size field".into(),
        stopped::TOO_DEEP => "nested too deeply to read: a loop in the document's structure".into(),
        stopped::TIMEOUT => "reading it took longer than a document may take".into(),
        stopped::CRASHED => "the reader failed on it".into(),
        other => other.to_string(),
    }
}

/// Why a file in an imported folder was passed over (not an error).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "code", content = "params", rename_all = "snake_case")]
// Each variant's `#[error]` text is its documentation, the English the CLI prints.
#[allow(missing_docs)]
pub enum SkipReason {
    #[error("Office lock file")]
    LockFile,
    #[error("not a document Gaoku reads")]
    NotADocument,
    #[error(
        "a link to a place outside the chosen folder (import that place itself to take it in)"
    )]
    LinkOutside,
}

/// Why a search query cannot run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "code", content = "params", rename_all = "snake_case")]
// Each variant's `#[error]` text is its documentation, the English the CLI prints.
#[allow(missing_docs)]
pub enum QueryError {
    #[error("empty query: type a phrase (狠抓落实), keywords (乡村振兴 产业), or a pattern (一是…二是…)")]
    EmptyQuery,
    #[error("query too long: {chars} characters (at most {max})")]
    TooLong { chars: usize, max: usize },
    #[error("nothing to search for: the query has only punctuation or symbols")]
    NothingToSearch,
    #[error("a pattern needs some text besides … and *, e.g. 一是…二是…三是")]
    PatternNeedsText,
    #[error("the pattern has {parts} parts (texts, … and *); at most {max}: search for a shorter stretch")]
    TooManyParts { parts: usize, max: usize },
}

/// A value the writer gave that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "code", content = "params", rename_all = "snake_case")]
// Each variant's `#[error]` text is its documentation, the English the CLI prints.
#[allow(missing_docs)]
pub enum Invalid {
    #[error("the title cannot be empty")]
    EmptyTitle,
    #[error("a phrase cannot be empty")]
    EmptyPhrase,
    #[error("a template needs a name")]
    EmptyTemplateName,
    #[error("cannot rename to {name:?}: empty or taken")]
    RenameTaken { name: String },
    #[error("date {value:?}: use YYYY, YYYY-MM or YYYY-MM-DD")]
    BadDate { value: String },
    #[error(
        "{path} already exists; choose another name (only `gaoku export` overwrites, with --force)"
    )]
    FileExists { path: String },
    #[error("{path} is not a file name")]
    NotAFileName { path: String },
    #[error("a .docx cannot go to standard output; give a file name with -o")]
    DocxToStdout,
    #[error("no folder is chosen for regular backups")]
    NoBackupFolder,
    /// A number the writer typed is outside what makes sense (`--limit 0` is fine, 10^19 is not).
    #[error("{what} must be at most {max}")]
    TooBig { what: String, max: u64 },
    /// A setting outside the values that make sense.
    #[error("{what} must be from {min} to {max}")]
    OutOfRange { what: String, min: u64, max: u64 },
    /// An export target that is not a regular file.
    #[error("{path} is not a regular file (a folder, a device or a link); choose another name")]
    NotARegularFile { path: String },
    /// A 提法 rule pack that cannot be used.
    #[error("rule pack: {why}")]
    BadRules { why: String },
    /// A rule id no check or pack knows.
    #[error("no rule {id:?}")]
    UnknownRule { id: String },
    /// A speech id that is not a number.
    #[error("{value:?} is not a speech id (a number, or `all`)")]
    NotASpeechId { value: String },
}

/// The kinds of things the library holds, for [`Error::NotFound`] and [`Error::Exists`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thing {
    /// A speech of the library.
    Speech,
    /// A draft.
    Draft,
    /// A phrase-bank entry.
    Phrase,
    /// A structure template.
    Template,
}

impl Thing {
    fn word(self) -> &'static str {
        match self {
            Thing::Speech => "speech",
            Thing::Draft => "draft",
            Thing::Phrase => "phrase",
            Thing::Template => "template",
        }
    }
}

/// The library folder or database cannot be used as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "code", content = "params", rename_all = "snake_case")]
// Each variant's `#[error]` text is its documentation, the English the CLI prints.
#[allow(missing_docs)]
pub enum LibraryError {
    #[error("no home folder to keep the library in; set GAOKU_LIBRARY")]
    NoHome,
    #[error("{path} is a file, not a library folder; give the folder that holds library.sqlite3")]
    NotAFolder { path: String },
    #[error("the library was written by a newer Gaoku (schema {found}, this build knows {known}); update Gaoku")]
    NewerSchema { found: i64, known: i64 },
    #[error("could not bring the library to schema {version}: {why}; the library is unchanged (see `gaoku check`, or a backup)")]
    MigrationFailed { version: i64, why: String },
    #[error("the library database is damaged ({why}); run `gaoku check`, or restore the library from a backup")]
    DatabaseDamaged { why: String },
    #[error("the library is read-only (a read-only folder or medium, such as a backup disc): it can be read and searched, not changed; copy the folder somewhere writable to change it")]
    ReadOnly,
    #[error("the library is read-only and of an older version (schema {found}; this build reads {known}); copy the folder somewhere writable and open it there once to update it")]
    ReadOnlyOldSchema { found: i64, known: i64 },
    #[error("the search index could not be built ({why}); the previous index stays in use")]
    IndexBuild { why: String },
    #[error("a saved template is unreadable: {why}")]
    TemplateUnreadable { why: String },
    #[error("the library is open in Gaoku elsewhere: {holder}; close it there first (two apps writing one library on a shared drive could damage it)")]
    InUse { holder: String },
    #[error("{path} is not a Gaoku backup this build can restore ({why})")]
    NotABackup { path: String, why: String },
    #[error("could not write the .docx: {why}")]
    DocxWrite { why: String },
    #[error("{path} is not a Gaoku 素材包 (bundle); choose a .gaoku file exported by Gaoku")]
    NotABundle { path: String },
    #[error("the 素材包 {path} is damaged ({why}); nothing was imported; ask for the file again")]
    BundleDamaged { path: String, why: String },
    #[error("the 素材包 {path} was made by a newer Gaoku (format {found}, this build reads {known}); nothing was imported; update Gaoku")]
    BundleNewer {
        path: String,
        found: u64,
        known: u64,
    },
}

impl From<rusqlite::Error> for Error {
    /// A database SQLite calls corrupt or not a database, or a stored value of the wrong type
    /// (flipped bytes), is a damaged library, said so; anything else stays a database error.
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode::{DatabaseCorrupt, NotADatabase};
        let damaged = matches!(e.sqlite_error_code(), Some(DatabaseCorrupt | NotADatabase))
            || matches!(
                e,
                rusqlite::Error::FromSqlConversionFailure(..)
                    | rusqlite::Error::InvalidColumnType(..)
            );
        if damaged {
            Error::Library(LibraryError::DatabaseDamaged { why: e.to_string() })
        } else if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly) {
            Error::Library(LibraryError::ReadOnly)
        } else {
            Error::Db(e)
        }
    }
}

/// Everything that can go wrong in the core, each with enough context to show a user.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The library database could not be opened, migrated or queried.
    #[error("library database error: {0}")]
    Db(rusqlite::Error),
    /// A file or folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// A file could not be imported.
    #[error("{0}")]
    Import(#[from] ImportError),
    /// A named file could not be read as a document (a draft to import, a file to outline).
    #[error("{path}: {source}")]
    File {
        /// The file.
        path: PathBuf,
        /// Why it cannot be read.
        #[source]
        source: ImportError,
    },
    /// No speech, draft, phrase or template has this id (or name).
    #[error("{}", not_found(*what, id))]
    #[allow(missing_docs)]
    NotFound { what: Thing, id: String },
    /// A draft has no revision with this id.
    #[error("draft {draft} has no revision {rev}")]
    #[allow(missing_docs)]
    NoRevision { draft: i64, rev: i64 },
    /// A phrase or template with this text or name is there already.
    #[error("{}", exists(*what, name))]
    #[allow(missing_docs)]
    Exists { what: Thing, name: String },
    /// A built-in template cannot be changed.
    #[error("{name:?} is built in; save a copy under another name to change it")]
    #[allow(missing_docs)]
    BuiltIn { name: String },
    /// A value given by the user is not acceptable.
    #[error("invalid value: {0}")]
    Invalid(#[from] Invalid),
    /// The search index failed even after a rebuild.
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// The query cannot be run; the message says how to fix it.
    #[error("{0}")]
    Query(#[from] QueryError),
    /// The library folder is unusable.
    #[error("library: {0}")]
    Library(#[from] LibraryError),
}

fn not_found(what: Thing, id: &str) -> String {
    match what {
        Thing::Template => format!("no template named {id:?}"),
        _ => format!("no {} with id {id}", what.word()),
    }
}

fn exists(what: Thing, name: &str) -> String {
    match what {
        Thing::Phrase => format!("the bank already has {name:?}"),
        _ => format!("a {} named {name:?} exists already", what.word()),
    }
}

/// `{"code": …, "params": {…}}` of one of the serialisable enums, split.
pub(crate) fn coded(value: &impl Serialize) -> (String, Map<String, Value>) {
    let v = serde_json::to_value(value).unwrap_or(Value::Null);
    let code = v["code"].as_str().unwrap_or("unknown").to_string();
    let params = v["params"].as_object().cloned().unwrap_or_default();
    (code, params)
}

fn params<const N: usize>(pairs: [(&str, Value); N]) -> Map<String, Value> {
    pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// A speech, draft or phrase id that does not exist.
    pub fn not_found(what: Thing, id: impl ToString) -> Self {
        Error::NotFound {
            what,
            id: id.to_string(),
        }
    }

    /// The stable code of this error (`not_found`, `bad_bytes`, `empty_query`, …) and its
    /// parameters by name: what the app's catalog renders, in the writer's language.
    pub fn coded(&self) -> (String, Map<String, Value>) {
        let detail = |s: String| params([("detail", Value::from(s))]);
        match self {
            // Another program (or Gaoku on another machine) is writing: worth its own words.
            Error::Db(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => {
                ("busy".into(), Map::new())
            }
            Error::Db(e) => ("db".into(), detail(e.to_string())),
            Error::Io { path, source } => (
                "io".into(),
                params([
                    ("path", path.display().to_string().into()),
                    ("detail", source.to_string().into()),
                ]),
            ),
            Error::Import(e) => coded(e),
            // The writer chose the file: the reason is what they need to read.
            Error::File { source, .. } => coded(source),
            Error::NotFound { what, id } => (
                "not_found".into(),
                params([("what", what.word().into()), ("id", id.clone().into())]),
            ),
            Error::NoRevision { draft, rev } => (
                "no_revision".into(),
                params([("draft", (*draft).into()), ("rev", (*rev).into())]),
            ),
            Error::Exists { what, name } => (
                "exists".into(),
                params([("what", what.word().into()), ("name", name.clone().into())]),
            ),
            Error::BuiltIn { name } => ("built_in".into(), params([("name", name.clone().into())])),
            Error::Invalid(e) => coded(e),
            Error::Index(e) => ("index".into(), detail(e.to_string())),
            Error::Query(e) => coded(e),
            Error::Library(e) => coded(e),
        }
    }

    /// Every code the core can produce, each with the names of its parameters, sorted by code:
    /// the contract the app's message catalog is tested against.
    pub fn catalog() -> Vec<(String, Vec<String>)> {
        let mut all: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        let mut add = |(code, p): (String, Map<String, Value>)| {
            all.insert(code, p.keys().cloned().collect());
        };
        for e in examples() {
            add(e.coded());
        }
        for s in [
            SkipReason::LockFile,
            SkipReason::NotADocument,
            SkipReason::LinkOutside,
        ] {
            add(coded(&s));
        }
        all.into_iter().collect()
    }
}

/// One error of every kind, for [`Error::catalog`]. The `match`es below do not compile when a
/// variant is added without an example here.
fn examples() -> Vec<Error> {
    let s = || String::from("x");
    let import = vec![
        ImportError::Empty,
        ImportError::Binary,
        ImportError::BadBytes {
            encoding: s(),
            at: 0,
        },
        ImportError::Undecodable,
        ImportError::TooLarge { mb: s(), limit: 0 },
        ImportError::DocumentTooLarge { mb: s(), limit: 0 },
        ImportError::TextTooLong { mb: s(), limit: 0 },
        ImportError::NotYet { ext: s() },
        ImportError::NoExtension,
        ImportError::Unsupported { ext: s() },
        ImportError::Damaged {
            format: s(),
            why: s(),
        },
        ImportError::Encrypted,
        ImportError::OldFormat,
        ImportError::NotText,
        ImportError::NoTextLayer,
        ImportError::ZipBomb { mb: 0, limit: 0 },
        ImportError::TooShort { chars: 0 },
        ImportError::EmptyDocument,
        ImportError::NoText,
        ImportError::Unreadable { why: s() },
        ImportError::LinkLoop { target: s() },
        ImportError::NotRegular,
        ImportError::IsFolder,
        ImportError::Store { why: s() },
    ];
    for e in &import {
        match e {
            ImportError::Empty
            | ImportError::Binary
            | ImportError::BadBytes { .. }
            | ImportError::Undecodable
            | ImportError::TooLarge { .. }
            | ImportError::DocumentTooLarge { .. }
            | ImportError::TextTooLong { .. }
            | ImportError::NotYet { .. }
            | ImportError::NoExtension
            | ImportError::Unsupported { .. }
            | ImportError::Damaged { .. }
            | ImportError::Encrypted
            | ImportError::OldFormat
            | ImportError::NotText
            | ImportError::NoTextLayer
            | ImportError::ZipBomb { .. }
            | ImportError::TooShort { .. }
            | ImportError::EmptyDocument
            | ImportError::NoText
            | ImportError::Unreadable { .. }
            | ImportError::LinkLoop { .. }
            | ImportError::NotRegular
            | ImportError::IsFolder
            | ImportError::Store { .. } => {}
        }
    }
    let query = [
        QueryError::EmptyQuery,
        QueryError::TooLong { chars: 0, max: 0 },
        QueryError::NothingToSearch,
        QueryError::PatternNeedsText,
        QueryError::TooManyParts { parts: 0, max: 0 },
    ];
    for e in &query {
        match e {
            QueryError::EmptyQuery
            | QueryError::TooLong { .. }
            | QueryError::NothingToSearch
            | QueryError::PatternNeedsText
            | QueryError::TooManyParts { .. } => {}
        }
    }
    let invalid = [
        Invalid::EmptyTitle,
        Invalid::EmptyPhrase,
        Invalid::EmptyTemplateName,
        Invalid::RenameTaken { name: s() },
        Invalid::BadDate { value: s() },
        Invalid::FileExists { path: s() },
        Invalid::NotAFileName { path: s() },
        Invalid::DocxToStdout,
        Invalid::NoBackupFolder,
        Invalid::TooBig { what: s(), max: 0 },
        Invalid::OutOfRange {
            what: s(),
            min: 0,
            max: 0,
        },
        Invalid::BadRules { why: s() },
        Invalid::UnknownRule { id: s() },
        Invalid::NotASpeechId { value: s() },
        Invalid::NotARegularFile { path: s() },
    ];
    for e in &invalid {
        match e {
            Invalid::EmptyTitle
            | Invalid::EmptyPhrase
            | Invalid::EmptyTemplateName
            | Invalid::RenameTaken { .. }
            | Invalid::BadDate { .. }
            | Invalid::FileExists { .. }
            | Invalid::NotAFileName { .. }
            | Invalid::DocxToStdout
            | Invalid::NoBackupFolder
            | Invalid::TooBig { .. }
            | Invalid::OutOfRange { .. }
            | Invalid::BadRules { .. }
            | Invalid::UnknownRule { .. }
            | Invalid::NotASpeechId { .. }
            | Invalid::NotARegularFile { .. } => {}
        }
    }
    let library = [
        LibraryError::NoHome,
        LibraryError::NotAFolder { path: s() },
        LibraryError::NewerSchema { found: 0, known: 0 },
        LibraryError::MigrationFailed {
            version: 0,
            why: s(),
        },
        LibraryError::DatabaseDamaged { why: s() },
        LibraryError::ReadOnly,
        LibraryError::ReadOnlyOldSchema { found: 0, known: 0 },
        LibraryError::IndexBuild { why: s() },
        LibraryError::TemplateUnreadable { why: s() },
        LibraryError::DocxWrite { why: s() },
        LibraryError::InUse { holder: s() },
        LibraryError::NotABackup {
            path: s(),
            why: s(),
        },
        LibraryError::NotABundle { path: s() },
        LibraryError::BundleDamaged {
            path: s(),
            why: s(),
        },
        LibraryError::BundleNewer {
            path: s(),
            found: 0,
            known: 0,
        },
    ];
    for e in &library {
        match e {
            LibraryError::NoHome
            | LibraryError::NotAFolder { .. }
            | LibraryError::NewerSchema { .. }
            | LibraryError::MigrationFailed { .. }
            | LibraryError::DatabaseDamaged { .. }
            | LibraryError::ReadOnly
            | LibraryError::ReadOnlyOldSchema { .. }
            | LibraryError::IndexBuild { .. }
            | LibraryError::TemplateUnreadable { .. }
            | LibraryError::DocxWrite { .. }
            | LibraryError::InUse { .. }
            | LibraryError::NotABackup { .. }
            | LibraryError::NotABundle { .. }
            | LibraryError::BundleDamaged { .. }
            | LibraryError::BundleNewer { .. } => {}
        }
    }
    let mut out: Vec<Error> = vec![
        Error::Db(rusqlite::Error::InvalidQuery),
        Error::Db(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            None,
        )),
        Error::io("x", std::io::Error::other("x")),
        Error::not_found(Thing::Speech, 1),
        Error::NoRevision { draft: 1, rev: 1 },
        Error::Exists {
            what: Thing::Phrase,
            name: s(),
        },
        Error::BuiltIn { name: s() },
        Error::Index(tantivy::TantivyError::InternalError(s())),
    ];
    for e in &out {
        match e {
            Error::Db(_)
            | Error::Io { .. }
            | Error::NotFound { .. }
            | Error::NoRevision { .. }
            | Error::Exists { .. }
            | Error::BuiltIn { .. }
            | Error::Index(_) => {}
            // Listed through their inner enums above and below.
            Error::Import(_)
            | Error::File { .. }
            | Error::Invalid(_)
            | Error::Query(_)
            | Error::Library(_) => {}
        }
    }
    out.extend(import.into_iter().map(Error::Import));
    out.push(Error::File {
        path: "x".into(),
        source: ImportError::Empty,
    });
    out.extend(query.into_iter().map(Error::Query));
    out.extend(invalid.into_iter().map(Error::Invalid));
    out.extend(library.into_iter().map(Error::Library));
    out
}

/// Result with the core's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_params_come_from_the_variant() {
        let e = Error::Import(ImportError::BadBytes {
            encoding: "GB18030".into(),
            at: 17,
        });
        let (code, p) = e.coded();
        assert_eq!(code, "bad_bytes");
        assert_eq!(p["encoding"], "GB18030");
        assert_eq!(p["at"], 17);
        assert!(e.to_string().contains("at byte 17"));
        let (code, p) = Error::not_found(Thing::Phrase, 9).coded();
        assert_eq!(
            (code.as_str(), p["what"].as_str()),
            ("not_found", Some("phrase"))
        );
        assert_eq!(
            Error::not_found(Thing::Phrase, 9).to_string(),
            "no phrase with id 9"
        );
        assert_eq!(
            Error::not_found(Thing::Template, "致辞").to_string(),
            "no template named \"致辞\""
        );
    }

    #[test]
    fn every_code_is_listed_once_with_its_params() {
        let all = Error::catalog();
        let codes: Vec<&str> = all.iter().map(|(c, _)| c.as_str()).collect();
        for c in [
            "bad_bytes",
            "not_found",
            "empty_query",
            "built_in",
            "db",
            "not_a_document",
        ] {
            assert!(codes.contains(&c), "{c} missing from {codes:?}");
        }
        let mut sorted = codes.clone();
        sorted.dedup();
        assert_eq!(sorted.len(), codes.len());
    }
}
