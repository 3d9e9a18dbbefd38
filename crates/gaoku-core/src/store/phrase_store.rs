//! SQL of the phrase bank.

use rusqlite::{params, Connection, OptionalExtension};

use super::now;
use crate::error::Result;
use crate::phrases::{Mined, Phrase, PhraseFilter, PhraseKind, PhraseSource, SOURCES_SHOWN};

/// Records mined occurrences of a speech (phrases the writer deleted stay out).
pub fn add_sources(conn: &Connection, speech: i64, mined: &[Mined]) -> Result<()> {
    let mut hidden =
        conn.prepare_cached("SELECT 1 FROM phrase_hidden WHERE kind = ?1 AND text = ?2")?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO phrases (kind, text, created_at) VALUES (?1, ?2, ?3) ON CONFLICT (kind, text) DO NOTHING",
    )?;
    let mut find = conn.prepare_cached("SELECT id FROM phrases WHERE kind = ?1 AND text = ?2")?;
    let mut source = conn.prepare_cached(
        "INSERT OR IGNORE INTO phrase_sources (phrase_id, speech_id, start, end) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let stamp = now();
    for m in mined {
        let kind = m.kind.as_str();
        if hidden.exists(params![kind, m.text])? {
            continue;
        }
        insert.execute(params![kind, m.text, stamp])?;
        let id: i64 = find.query_row(params![kind, m.text], |r| r.get(0))?;
        source.execute(params![id, speech, m.start as i64, m.end as i64])?;
    }
    Ok(())
}

/// Deletes mined entries that no speech holds any more (starred and own entries stay).
pub fn drop_orphans(conn: &Connection) -> Result<()> {
    conn.execute(
        "DELETE FROM phrases WHERE user_added = 0 AND starred = 0
           AND NOT EXISTS (SELECT 1 FROM phrase_sources s WHERE s.phrase_id = phrases.id)",
        [],
    )?;
    Ok(())
}

/// Lists entries: starred first, then by occurrences, shorter first.
pub fn list(conn: &Connection, f: &PhraseFilter) -> Result<Vec<Phrase>> {
    let mut sql = format!("SELECT {PHRASE_COLUMNS} FROM phrases p WHERE 1 = 1");
    let mut args: Vec<rusqlite::types::Value> = Vec::new();
    if let Some(k) = f.kind {
        sql.push_str(" AND p.kind = ?");
        args.push(k.as_str().to_string().into());
    }
    if f.starred_only {
        sql.push_str(" AND p.starred = 1");
    }
    if let Some(c) = f.contains.as_ref().filter(|c| !c.is_empty()) {
        sql.push_str(" AND instr(p.text, ?) > 0");
        args.push(c.clone().into());
    }
    if let Some(t) = f.tag.as_ref().filter(|t| !t.is_empty()) {
        sql.push_str(
            " AND EXISTS (SELECT 1 FROM phrase_tags t WHERE t.phrase_id = p.id AND t.tag = ?)",
        );
        args.push(t.clone().into());
    }
    sql.push_str(" AND (n >= ? OR p.user_added = 1 OR p.starred = 1)");
    args.push((f.min_count.max(1) as i64).into());
    // Spread over speeches first: a formula used across the years is what a writer reuses; a
    // refrain one speech repeats twenty times is not.
    sql.push_str(" ORDER BY p.starred DESC, spread DESC, n DESC, length(p.text), p.id");
    if f.limit > 0 {
        // SQLite's LIMIT is a signed 64-bit number.
        sql.push_str(&format!(" LIMIT {}", f.limit.min(i64::MAX as usize)));
    }
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(args), phrase_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let shown = if f.all_sources {
        None
    } else {
        Some(SOURCES_SHOWN)
    };
    rows.into_iter()
        .map(|p| with_sources_and_tags(conn, p, shown))
        .collect()
}

/// An entry's columns with its counts, as `list` and `get` read them (`p` is the phrases row).
const PHRASE_COLUMNS: &str = "p.id, p.kind, p.text, p.starred, p.user_added,
    (SELECT count(*) FROM phrase_sources s WHERE s.phrase_id = p.id) AS n,
    (SELECT count(DISTINCT s.speech_id) FROM phrase_sources s WHERE s.phrase_id = p.id) AS spread";

/// An entry from a row of [`PHRASE_COLUMNS`], its sources and tags still empty.
fn phrase_row(r: &rusqlite::Row) -> rusqlite::Result<Phrase> {
    Ok(Phrase {
        id: r.get(0)?,
        kind: r
            .get::<_, String>(1)?
            .parse()
            .unwrap_or(PhraseKind::Parallel),
        text: r.get(2)?,
        starred: r.get(3)?,
        user: r.get(4)?,
        count: r.get::<_, i64>(5)? as usize,
        speeches: r.get::<_, i64>(6)? as usize,
        sources: Vec::new(),
        tags: Vec::new(),
    })
}

/// Fills in an entry's first `shown` sources (all for `None`) and its tags.
fn with_sources_and_tags(conn: &Connection, mut p: Phrase, shown: Option<usize>) -> Result<Phrase> {
    p.sources = sources(conn, p.id, 0, shown)?;
    p.tags = tags(conn, p.id)?;
    Ok(p)
}

/// The sources of entry `id`, in speech order; at most `limit`.
pub fn sources(
    conn: &Connection,
    id: i64,
    offset: usize,
    limit: Option<usize>,
) -> Result<Vec<PhraseSource>> {
    let mut stmt = conn.prepare_cached(
        "SELECT speech_id, start, end FROM phrase_sources WHERE phrase_id = ?1
         ORDER BY speech_id, start LIMIT ?2 OFFSET ?3",
    )?;
    let limit = limit.map_or(-1, |n| n.min(i64::MAX as usize) as i64);
    let offset = offset.min(i64::MAX as usize) as i64;
    let v = stmt
        .query_map(rusqlite::params![id, limit, offset], |r| {
            Ok(PhraseSource {
                speech: r.get(0)?,
                start: r.get::<_, i64>(1)? as usize,
                end: r.get::<_, i64>(2)? as usize,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(v)
}

fn tags(conn: &Connection, id: i64) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT tag FROM phrase_tags WHERE phrase_id = ?1 ORDER BY tag")?;
    let v = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(v)
}

/// One entry by id, with its first sources.
pub fn get(conn: &Connection, id: i64) -> Result<Option<Phrase>> {
    let row = conn
        .prepare_cached(&format!(
            "SELECT {PHRASE_COLUMNS} FROM phrases p WHERE p.id = ?1"
        ))?
        .query_row([id], phrase_row)
        .optional()?;
    row.map(|p| with_sources_and_tags(conn, p, Some(SOURCES_SHOWN)))
        .transpose()
}

/// Adds the writer's own entry (or marks an existing one as theirs); returns its id.
pub fn add(conn: &Connection, kind: PhraseKind, text: &str) -> Result<i64> {
    conn.execute(
        "DELETE FROM phrase_hidden WHERE kind = ?1 AND text = ?2",
        params![kind.as_str(), text],
    )?;
    conn.execute(
        "INSERT INTO phrases (kind, text, user_added, created_at) VALUES (?1, ?2, 1, ?3)
         ON CONFLICT (kind, text) DO UPDATE SET user_added = 1",
        params![kind.as_str(), text, now()],
    )?;
    Ok(conn.query_row(
        "SELECT id FROM phrases WHERE kind = ?1 AND text = ?2",
        params![kind.as_str(), text],
        |r| r.get(0),
    )?)
}

/// Forgets every mined source (before mining the whole library again).
pub fn clear_sources(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM phrase_sources", [])?;
    Ok(())
}

/// Stars or unstars an entry.
pub fn set_starred(conn: &Connection, id: i64, starred: bool) -> Result<()> {
    conn.execute(
        "UPDATE phrases SET starred = ?2 WHERE id = ?1",
        params![id, starred],
    )?;
    Ok(())
}

/// Replaces an entry's tags (blank ones dropped).
pub fn set_tags(conn: &Connection, id: i64, tags: &[String]) -> Result<()> {
    conn.execute("DELETE FROM phrase_tags WHERE phrase_id = ?1", [id])?;
    for t in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        conn.execute(
            "INSERT OR IGNORE INTO phrase_tags (phrase_id, tag) VALUES (?1, ?2)",
            params![id, t],
        )?;
    }
    Ok(())
}

/// Rewrites an entry's text, making it the writer's own; false when another entry of the same
/// kind has that text already.
pub fn set_text(conn: &Connection, id: i64, text: &str) -> Result<bool> {
    match conn.execute(
        "UPDATE phrases SET text = ?2, user_added = 1 WHERE id = ?1",
        params![id, text],
    ) {
        Ok(_) => Ok(true),
        Err(rusqlite::Error::SqliteFailure(f, _))
            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            Ok(false)
        }
        Err(e) => Err(e.into()),
    }
}

/// Remembers a deleted mined entry so that mining does not bring it back.
pub fn hide(conn: &Connection, kind: PhraseKind, text: &str) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO phrase_hidden (kind, text) VALUES (?1, ?2)",
        params![kind.as_str(), text],
    )?;
    Ok(())
}

/// Deletes an entry (its sources and tags go with it).
pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM phrases WHERE id = ?1", [id])?;
    Ok(())
}

/// Entries that begin with `prefix` and go on past it: starred, then own, then the most used,
/// shorter first; at most `limit`.
pub fn beginning_with(
    conn: &Connection,
    prefix: &str,
    limit: usize,
) -> Result<Vec<crate::phrases::PhraseCompletion>> {
    let n = prefix.chars().count() as i64;
    let mut stmt = conn.prepare_cached(
        "SELECT p.text, p.kind, p.starred, p.user_added,
                (SELECT count(*) FROM phrase_sources s WHERE s.phrase_id = p.id) AS uses
         FROM phrases p
         WHERE substr(p.text, 1, ?1) = ?2 AND length(p.text) > ?1
         ORDER BY p.starred DESC, p.user_added DESC, uses DESC, length(p.text), p.id
         LIMIT ?3",
    )?;
    let rows = stmt
        .query_map(
            params![n, prefix, limit.min(i64::MAX as usize) as i64],
            |r| {
                Ok(crate::phrases::PhraseCompletion {
                    text: r.get(0)?,
                    kind: r
                        .get::<_, String>(1)?
                        .parse()
                        .unwrap_or(PhraseKind::Parallel),
                    starred: r.get(2)?,
                    own: r.get(3)?,
                    count: r.get::<_, i64>(4)? as usize,
                    typed: n as usize,
                })
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
