//! The SQLite store: the one source of truth of a library. Every write is one transaction.

pub(crate) mod draft_store;
mod migrations;

pub use migrations::SCHEMA_VERSION;
pub mod phrase_store;
pub(crate) mod template_store;

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::Result;
use crate::model::{Speech, SpeechMeta, SpeechSummary};

/// A speech about to be stored.
#[derive(Debug, Clone)]
pub struct NewSpeech<'a> {
    pub meta: &'a SpeechMeta,
    pub source_file: Option<&'a str>,
    pub content_hash: &'a str,
    pub paragraphs: &'a [String],
    /// Phrases mined from the paragraphs, stored in the same transaction.
    pub phrases: &'a [crate::phrases::Mined],
}

/// A connection to one library database.
pub struct Store {
    conn: Connection,
    read_only: bool,
}

/// Puts the database in WAL mode. Switching a new database needs it to itself, and SQLite
/// answers "locked" at once, without waiting, while another process opening the same new library
/// does the same: wait and try again (up to the busy timeout).
fn set_wal(conn: &Connection) -> rusqlite::Result<()> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(e)
                if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            other => return other,
        }
    }
}

/// A path as an SQLite URI path: `%`, `?` and `#` escaped.
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for c in path.to_string_lossy().chars() {
        match c {
            '%' | '?' | '#' => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// The current time, RFC 3339 UTC, as every table stores it.
pub(crate) fn now() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// Page size of new databases.
const PAGE_SIZE: i64 = 16 * 1024;

const SUMMARY_COLUMNS: &str = "id, title, date, year, speaker, occasion, kind, chars";

impl Store {
    /// Opens (creating if needed) the database file and migrates it.
    pub fn open(path: &Path) -> Result<Self> {
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // Every write transaction takes the write lock when it begins, so that it waits (up to
        // the busy timeout) for another writer instead of failing when a read turns into a write.
        conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
        // A new database gets 16 KB pages: paragraphs (~600 bytes on average) then waste ~2 %
        // of each page instead of ~11 % with 4 KB ones. An existing database keeps its pages.
        conn.pragma_update(None, "page_size", PAGE_SIZE)?;
        set_wal(&conn)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrations::migrate(&mut conn)?;
        Ok(Store {
            conn,
            read_only: false,
        })
    }

    /// Opens the database for reading only (a library on a read-only medium or folder). A
    /// library that needs migrating cannot be read this way: it says so.
    pub fn open_read_only(path: &Path) -> Result<Self> {
        use rusqlite::OpenFlags;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let uri = |extra: &str| format!("file:{}?mode=ro{extra}", uri_path(path));
        let probe =
            |conn: &Connection| conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0));
        // A WAL library needs its shared-memory file, which a read-only folder cannot get:
        // read it then as immutable (nobody can be writing it there).
        let mut conn = Connection::open_with_flags(uri(""), flags)?;
        let version = match probe(&conn) {
            Ok(v) => v,
            Err(_) => {
                conn = Connection::open_with_flags(uri("&immutable=1"), flags)?;
                probe(&conn)?
            }
        };
        if version != migrations::SCHEMA_VERSION {
            return Err(crate::error::Error::Library(
                crate::error::LibraryError::ReadOnlyOldSchema {
                    found: version,
                    known: migrations::SCHEMA_VERSION,
                },
            ));
        }
        Ok(Store {
            conn,
            read_only: true,
        })
    }

    /// Whether the library can only be read.
    pub fn read_only(&self) -> bool {
        self.read_only
    }

    /// A library setting.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Sets a library setting.
    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO settings(key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// Number of speeches.
    pub fn count(&self) -> Result<usize> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM speeches", [], |r| r.get::<_, i64>(0))?
            as usize)
    }

    /// The speech that already holds this text, if any.
    pub fn find_by_hash(&self, hash: &str) -> Result<Option<i64>> {
        speech_by_hash(&self.conn, hash)
    }

    /// Stores a speech and its paragraphs atomically; returns its id.
    pub fn insert(&mut self, s: &NewSpeech) -> Result<i64> {
        let tx = self.conn.transaction()?;
        let id = insert_speech(&tx, s)?;
        tx.commit()?;
        Ok(id)
    }

    /// The first column of every row of a query.
    fn column<T: rusqlite::types::FromSql>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
    ) -> Result<Vec<T>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let values = stmt
            .query_map(params, |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<T>>>()?;
        Ok(values)
    }

    fn tags(&self, id: i64) -> Result<Vec<String>> {
        self.column(
            "SELECT tag FROM speech_tags WHERE speech_id = ?1 ORDER BY tag",
            [id],
        )
    }

    fn summary_from_row(row: &Row) -> rusqlite::Result<SpeechSummary> {
        Ok(SpeechSummary {
            id: row.get(0)?,
            meta: Self::meta_from_row(row, 1)?,
            chars: row.get::<_, i64>(7)? as usize,
        })
    }

    /// The metadata columns `title, date, year, speaker, occasion, kind` from column `at` on
    /// (tags are read apart).
    fn meta_from_row(row: &Row, at: usize) -> rusqlite::Result<SpeechMeta> {
        Ok(SpeechMeta {
            title: row.get(at)?,
            date: row.get(at + 1)?,
            year: row.get(at + 2)?,
            speaker: row.get(at + 3)?,
            occasion: row.get(at + 4)?,
            kind: row.get(at + 5)?,
            tags: Vec::new(),
        })
    }

    /// All speeches, newest first (undated last), then by id.
    pub fn list(&self) -> Result<Vec<SpeechSummary>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM speeches ORDER BY date IS NULL, date DESC, id"
        ))?;
        let mut rows = stmt
            .query_map([], Self::summary_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut tags = self
            .conn
            .prepare("SELECT speech_id, tag FROM speech_tags ORDER BY speech_id, tag")?;
        let mut all: std::collections::HashMap<i64, Vec<String>> = Default::default();
        for pair in tags.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
            let (id, tag) = pair?;
            all.entry(id).or_default().push(tag);
        }
        for row in &mut rows {
            row.meta.tags = all.remove(&row.id).unwrap_or_default();
        }
        Ok(rows)
    }

    /// One speech with its text, or `None`.
    pub fn get(&self, id: i64) -> Result<Option<Speech>> {
        let head = self
            .conn
            .prepare_cached(
                "SELECT id, title, date, year, speaker, occasion, kind, chars, source_file,
                        content_hash, imported_at, updated_at
                 FROM speeches WHERE id = ?1",
            )?
            .query_row([id], |r| {
                Ok(Speech {
                    id: r.get(0)?,
                    meta: Self::meta_from_row(r, 1)?,
                    chars: r.get::<_, i64>(7)? as usize,
                    source_file: r.get(8)?,
                    content_hash: r.get(9)?,
                    imported_at: r.get(10)?,
                    updated_at: r.get(11)?,
                    paragraphs: Vec::new(),
                })
            })
            .optional()?;
        let Some(mut speech) = head else {
            return Ok(None);
        };
        speech.paragraphs = paragraphs(&self.conn, id)?;
        speech.meta.tags = self.tags(id)?;
        Ok(Some(speech))
    }

    /// Every speech's year (`None` when undated), by id.
    pub fn years(&self) -> Result<std::collections::HashMap<i64, Option<i32>>> {
        let mut stmt = self.conn.prepare_cached("SELECT id, year FROM speeches")?;
        let rows = stmt
            .query_map([], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, Option<i32>>(1)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Writes what a new reading of a speech found (title, date, speaker, occasion, kind), leaving
    /// its tags and its `updated_at` — the mark of the writer's own edits — as they are.
    pub fn refresh_metadata(&mut self, id: i64, m: &SpeechMeta) -> Result<()> {
        self.conn.execute(
            "UPDATE speeches SET title = ?2, date = ?3, year = ?4, speaker = ?5, occasion = ?6,
                                 kind = ?7
             WHERE id = ?1",
            params![id, m.title, m.date, m.year, m.speaker, m.occasion, m.kind],
        )?;
        Ok(())
    }

    /// Replaces a speech's metadata and tags atomically. Returns false when the id is unknown.
    pub fn update_metadata(&mut self, id: i64, m: &SpeechMeta) -> Result<bool> {
        let tx = self.conn.transaction()?;
        let n = tx.execute(
            "UPDATE speeches SET title = ?2, date = ?3, year = ?4, speaker = ?5, occasion = ?6,
                                 kind = ?7, updated_at = ?8
             WHERE id = ?1",
            params![
                id,
                m.title,
                m.date,
                m.year,
                m.speaker,
                m.occasion,
                m.kind,
                now()
            ],
        )?;
        if n == 0 {
            return Ok(false);
        }
        tx.execute("DELETE FROM speech_tags WHERE speech_id = ?1", [id])?;
        {
            let mut stmt =
                tx.prepare("INSERT OR IGNORE INTO speech_tags (speech_id, tag) VALUES (?1, ?2)")?;
            for tag in &m.tags {
                stmt.execute(params![id, tag])?;
            }
        }
        tx.commit()?;
        Ok(true)
    }

    /// Deletes a speech with its paragraphs and tags. Returns false when the id is unknown.
    pub fn delete(&mut self, id: i64) -> Result<bool> {
        let tx = self.conn.transaction()?;
        let found = tx.execute("DELETE FROM speeches WHERE id = ?1", [id])? > 0;
        phrase_store::drop_orphans(&tx)?;
        tx.commit()?;
        Ok(found)
    }

    /// The connection, for the phrase bank's queries.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one write transaction committed with a full sync (`synchronous = FULL` for
    /// this commit): what it writes survives a power cut, not only a crash of the app. For the
    /// writer's own work (drafts); imports can be redone from their files and commit faster.
    pub(crate) fn durably<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        let result = (|| -> Result<T> {
            let tx = self.conn.transaction()?;
            let value = f(&tx)?;
            tx.commit()?;
            Ok(value)
        })();
        let restored = self.conn.pragma_update(None, "synchronous", "NORMAL");
        let value = result?;
        restored?;
        Ok(value)
    }

    /// The connection, for writes that need a transaction.
    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// The newest entry of the change log (0 when empty).
    pub fn log_head(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT coalesce(max(seq), 0) FROM search_log", [], |r| {
                r.get(0)
            })?)
    }

    /// Speeches changed (inserted, edited or deleted) after log entry `seq`.
    pub fn changed_since(&self, seq: i64) -> Result<Vec<i64>> {
        self.column(
            "SELECT DISTINCT speech_id FROM search_log WHERE seq > ?1 ORDER BY speech_id",
            [seq],
        )
    }

    /// Every speech id, ascending.
    pub fn all_ids(&self) -> Result<Vec<i64>> {
        self.column("SELECT id FROM speeches ORDER BY id", [])
    }

    /// SQLite's own consistency check (`PRAGMA integrity_check` and foreign keys).
    pub fn check_integrity(&self) -> Result<Vec<String>> {
        let mut problems: Vec<String> = self
            .conn
            .prepare("PRAGMA integrity_check")?
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .filter(|s| s != "ok")
            .collect();
        let orphans: i64 =
            self.conn
                .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                    r.get(0)
                })?;
        if orphans > 0 {
            problems.push(format!("{orphans} rows break foreign keys"));
        }
        // Every table, index and trigger the schema has (as a new library gets them) is there.
        let names = |conn: &Connection| -> Result<std::collections::BTreeSet<(String, String)>> {
            Ok(conn
                .prepare("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")?
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
                .collect::<rusqlite::Result<_>>()?)
        };
        let mut fresh = Connection::open_in_memory()?;
        migrations::migrate(&mut fresh)?;
        let have = names(&self.conn)?;
        for (kind, name) in names(&fresh)?.difference(&have) {
            problems.push(format!("{kind} {name} is missing"));
        }
        Ok(problems)
    }
}

/// Stores a speech, its paragraphs and mined phrases in the caller's transaction; returns its id.
pub(crate) fn insert_speech(conn: &Connection, s: &NewSpeech) -> Result<i64> {
    let chars: usize = s.paragraphs.iter().map(|p| crate::zh::char_count(p)).sum();
    let stamp = now();
    conn.execute(
        "INSERT INTO speeches (title, date, year, speaker, occasion, kind, source_file,
                                   content_hash, chars, imported_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        params![
            s.meta.title,
            s.meta.date,
            s.meta.year,
            s.meta.speaker,
            s.meta.occasion,
            s.meta.kind,
            s.source_file,
            s.content_hash,
            chars as i64,
            stamp
        ],
    )?;
    let id = conn.last_insert_rowid();
    {
        let mut stmt = conn
            .prepare_cached("INSERT INTO paragraphs (speech_id, idx, text) VALUES (?1, ?2, ?3)")?;
        for (i, p) in s.paragraphs.iter().enumerate() {
            stmt.execute(params![id, i as i64, p])?;
        }
    }
    phrase_store::add_sources(conn, id, s.phrases)?;
    Ok(id)
}

/// The speech that holds the text of `hash`, on any connection or transaction.
/// Every speech by the hash of its stored text (as `ingest::content_hash` hashes paragraphs):
/// what a bundle's record is matched by, whatever hash the record claims.
pub(crate) fn speeches_by_text(conn: &Connection) -> Result<HashMap<String, i64>> {
    let mut out = HashMap::new();
    let mut stmt =
        conn.prepare("SELECT speech_id, text FROM paragraphs ORDER BY speech_id, idx")?;
    let mut rows = stmt.query([])?;
    let mut current: Option<(i64, Vec<String>)> = None;
    while let Some(row) = rows.next()? {
        let (id, text): (i64, String) = (row.get(0)?, row.get(1)?);
        match &mut current {
            Some((cur, paragraphs)) if *cur == id => paragraphs.push(text),
            _ => {
                if let Some((cur, paragraphs)) = current.take() {
                    out.insert(crate::ingest::content_hash(&paragraphs), cur);
                }
                current = Some((id, vec![text]));
            }
        }
    }
    if let Some((cur, paragraphs)) = current {
        out.insert(crate::ingest::content_hash(&paragraphs), cur);
    }
    Ok(out)
}

/// The stored paragraphs of a speech, in order.
pub(crate) fn paragraphs(conn: &Connection, id: i64) -> Result<Vec<String>> {
    Ok(conn
        .prepare_cached("SELECT text FROM paragraphs WHERE speech_id = ?1 ORDER BY idx")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn speech_by_hash(conn: &Connection, hash: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT id FROM speeches WHERE content_hash = ?1")?
        .query_row([hash], |r| r.get(0))
        .optional()?)
}
