//! Versioned schema migrations, tracked in SQLite's `user_version`.

use rusqlite::Connection;

use crate::error::{Error, Result};

/// Each entry upgrades the schema by one version. Never edit a released entry: add a new one.
const MIGRATIONS: &[&str] = &[
    // 1: speeches with their paragraphs and tags; a key/value table for library settings.
    r#"
    CREATE TABLE speeches (
        id            INTEGER PRIMARY KEY,
        title         TEXT NOT NULL CHECK (length(title) > 0),
        date          TEXT,
        year          INTEGER,
        speaker       TEXT,
        occasion      TEXT,
        kind          TEXT,
        source_file   TEXT,
        content_hash  TEXT NOT NULL UNIQUE,
        chars         INTEGER NOT NULL,
        imported_at   TEXT NOT NULL,
        updated_at    TEXT NOT NULL
    );
    CREATE INDEX speeches_year ON speeches(year);
    CREATE TABLE paragraphs (
        speech_id  INTEGER NOT NULL REFERENCES speeches(id) ON DELETE CASCADE,
        idx        INTEGER NOT NULL,
        text       TEXT NOT NULL,
        PRIMARY KEY (speech_id, idx)
    ) WITHOUT ROWID;
    CREATE TABLE speech_tags (
        speech_id  INTEGER NOT NULL REFERENCES speeches(id) ON DELETE CASCADE,
        tag        TEXT NOT NULL CHECK (length(tag) > 0),
        PRIMARY KEY (speech_id, tag)
    ) WITHOUT ROWID;
    CREATE INDEX speech_tags_tag ON speech_tags(tag);
    CREATE TABLE settings (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
    ) WITHOUT ROWID;
    "#,
    // 2: a log of speech changes, written by triggers in the same transaction as the change, so
    // the search index (derived data) can always catch up, even after a crash.
    r#"
    CREATE TABLE search_log (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        speech_id  INTEGER NOT NULL
    );
    CREATE TRIGGER speeches_log_insert AFTER INSERT ON speeches
        BEGIN INSERT INTO search_log (speech_id) VALUES (new.id); END;
    CREATE TRIGGER speeches_log_update AFTER UPDATE ON speeches
        BEGIN INSERT INTO search_log (speech_id) VALUES (new.id); END;
    CREATE TRIGGER speeches_log_delete AFTER DELETE ON speeches
        BEGIN INSERT INTO search_log (speech_id) VALUES (old.id); END;
    INSERT INTO search_log (speech_id) SELECT id FROM speeches;
    "#,
    // 3: the phrase bank. Mined entries point at their sources; the writer's own entries, stars
    // and tags live here too. Mined phrases the writer deleted are remembered so they stay gone.
    r#"
    CREATE TABLE phrases (
        id          INTEGER PRIMARY KEY,
        kind        TEXT NOT NULL,
        text        TEXT NOT NULL CHECK (length(text) > 0),
        user_added  INTEGER NOT NULL DEFAULT 0,
        starred     INTEGER NOT NULL DEFAULT 0,
        created_at  TEXT NOT NULL,
        UNIQUE (kind, text)
    );
    CREATE TABLE phrase_sources (
        phrase_id  INTEGER NOT NULL REFERENCES phrases(id) ON DELETE CASCADE,
        speech_id  INTEGER NOT NULL REFERENCES speeches(id) ON DELETE CASCADE,
        start      INTEGER NOT NULL,
        end        INTEGER NOT NULL,
        PRIMARY KEY (phrase_id, speech_id, start)
    ) WITHOUT ROWID;
    CREATE INDEX phrase_sources_speech ON phrase_sources(speech_id);
    CREATE TABLE phrase_tags (
        phrase_id  INTEGER NOT NULL REFERENCES phrases(id) ON DELETE CASCADE,
        tag        TEXT NOT NULL CHECK (length(tag) > 0),
        PRIMARY KEY (phrase_id, tag)
    ) WITHOUT ROWID;
    CREATE TABLE phrase_hidden (
        kind  TEXT NOT NULL,
        text  TEXT NOT NULL,
        PRIMARY KEY (kind, text)
    ) WITHOUT ROWID;
    "#,
    // 4: the writer's own structure templates (built-in ones ship with Gaoku), stored as JSON.
    r#"
    CREATE TABLE templates (
        name        TEXT PRIMARY KEY CHECK (length(name) > 0),
        body        TEXT NOT NULL,
        created_at  TEXT NOT NULL
    ) WITHOUT ROWID;
    "#,
    // 5: drafts in progress and their revision snapshots.
    r#"
    CREATE TABLE drafts (
        id          INTEGER PRIMARY KEY,
        title       TEXT NOT NULL,
        body        TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        chars       INTEGER NOT NULL,
        source      TEXT
    );
    CREATE TABLE draft_revisions (
        id          INTEGER PRIMARY KEY,
        draft_id    INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
        created_at  TEXT NOT NULL,
        body        TEXT NOT NULL,
        chars       INTEGER NOT NULL,
        reason      TEXT NOT NULL
    );
    CREATE INDEX draft_revisions_draft ON draft_revisions(draft_id, id);
    "#,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the database up to [`SCHEMA_VERSION`], one transaction per step. The version is read
/// inside each step's write transaction, so several processes opening a new library at once
/// take turns: the first creates the schema, the others find it done.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    // A current library is only read: opening it takes no write lock (and works on a full disk).
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version == SCHEMA_VERSION {
        return Ok(());
    }
    loop {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if current > SCHEMA_VERSION {
            return Err(Error::Library(crate::error::LibraryError::NewerSchema {
                found: current,
                known: SCHEMA_VERSION,
            }));
        }
        let Some(sql) = MIGRATIONS.get(current as usize) else {
            return Ok(());
        };
        // SQLite's message only: rusqlite's own carries the whole migration's SQL.
        let failed = |e: rusqlite::Error| {
            let why = match &e {
                rusqlite::Error::SqlInputError { msg, .. } => msg.clone(),
                rusqlite::Error::SqliteFailure(_, Some(msg)) => msg.clone(),
                other => other.to_string(),
            };
            Error::Library(crate::error::LibraryError::MigrationFailed {
                version: current + 1,
                why,
            })
        };
        tx.execute_batch(sql).map_err(failed)?;
        tx.pragma_update(None, "user_version", current + 1)
            .map_err(failed)?;
        tx.commit().map_err(failed)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_migration_names_the_step_not_its_sql() {
        let mut conn = Connection::open_in_memory().unwrap();
        // A table in the way of the first step.
        conn.execute_batch("CREATE TABLE speeches (x)").unwrap();
        let e = migrate(&mut conn).unwrap_err();
        let text = e.to_string();
        assert!(
            text.contains("schema 1") && text.contains("already exists"),
            "{text}"
        );
        assert!(!text.contains("CREATE"), "no SQL in the message: {text}");
        assert_eq!(e.coded().0, "migration_failed");
        // Nothing of the step stayed.
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 0);
    }
}
