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
    // 6: paragraphs in a rowid table. WITHOUT ROWID keeps at most ~1 KB of a row in its page
    // and spills the rest into a 4 KB overflow page of its own: 10,000 speeches (204 MB of
    // text) took 405 MB, 182 MB of it unused overflow space. A rowid table keeps rows up to
    // ~4 KB in place. (The space freed in an existing library is reused by later imports.)
    r#"
    CREATE TABLE paragraphs_rowid (
        speech_id  INTEGER NOT NULL REFERENCES speeches(id) ON DELETE CASCADE,
        idx        INTEGER NOT NULL,
        text       TEXT NOT NULL,
        PRIMARY KEY (speech_id, idx)
    );
    INSERT INTO paragraphs_rowid (speech_id, idx, text)
        SELECT speech_id, idx, text FROM paragraphs ORDER BY speech_id, idx;
    DROP TABLE paragraphs;
    ALTER TABLE paragraphs_rowid RENAME TO paragraphs;
    "#,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the database up to [`SCHEMA_VERSION`], one transaction per step. The version is read
/// inside each step's write transaction, so several processes opening a new library at once
/// take turns: the first creates the schema, the others find it done.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    // A current library is only read: opening it takes no write lock (and works on a full disk).
    // While another process creates the library, this read can be refused at once (a WAL file
    // being set up is not waited for): then the locked steps below read it again, waiting.
    let version: i64 = match conn.query_row("PRAGMA user_version", [], |r| r.get(0)) {
        Ok(v) => v,
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => -1,
        Err(e) => return Err(e.into()),
    };
    if version == SCHEMA_VERSION {
        return Ok(());
    }
    let applied = migrate_steps(conn)?;
    // Step 6 moved every paragraph of an existing library: the process that moved them gives
    // the old pages back to the disk once (best effort: a process reading meanwhile makes it
    // wait, then it is left for another time). A new library has nothing to give back, and a
    // process that found the steps done by another leaves the database alone.
    if applied.contains(&6) && version >= 1 {
        let _ = conn.execute_batch("VACUUM");
    }
    Ok(())
}

/// Runs the migration steps the database has not had, one transaction each; returns the
/// versions this call brought it to.
fn migrate_steps(conn: &mut Connection) -> Result<Vec<i64>> {
    let mut applied = Vec::new();
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
            return Ok(applied);
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
        applied.push(current + 1);
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

    #[test]
    fn paragraphs_move_to_a_rowid_table_whole_and_smaller() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite3");
        let mut conn = Connection::open(&path).unwrap();
        // A library as schema 5 left it, with paragraphs of 1.5 KB (over WITHOUT ROWID's ~1 KB).
        for (i, step) in MIGRATIONS[..5].iter().enumerate() {
            conn.execute_batch(step).unwrap();
            conn.pragma_update(None, "user_version", i as i64 + 1)
                .unwrap();
        }
        let para = |s: i64, i: i64| format!("第{s}篇第{i}段：{}", "狠抓落实".repeat(125));
        for s in 1..=40i64 {
            conn.execute(
                "INSERT INTO speeches (id, title, content_hash, chars, imported_at, updated_at)
                 VALUES (?1, ?2, ?3, 0, '', '')",
                rusqlite::params![s, format!("讲话{s}"), format!("h{s}")],
            )
            .unwrap();
            for i in 0..20i64 {
                conn.execute(
                    "INSERT INTO paragraphs (speech_id, idx, text) VALUES (?1, ?2, ?3)",
                    rusqlite::params![s, i, para(s, i)],
                )
                .unwrap();
            }
        }
        let size = |c: &Connection| -> i64 {
            c.query_row(
                "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
                [],
                |r| r.get(0),
            )
            .unwrap()
        };
        let before = size(&conn);
        migrate(&mut conn).unwrap();
        let sql: String = conn
            .query_row(
                "SELECT sql FROM sqlite_schema WHERE name = 'paragraphs'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(!sql.contains("WITHOUT ROWID"), "{sql}");
        let n: i64 = conn
            .query_row("SELECT count(*) FROM paragraphs", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 800);
        let text: String = conn
            .query_row(
                "SELECT text FROM paragraphs WHERE speech_id = 17 AND idx = 9",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(text, para(17, 9));
        let after = size(&conn);
        assert!(after * 10 < before * 7, "{before} → {after} bytes");
    }
}
