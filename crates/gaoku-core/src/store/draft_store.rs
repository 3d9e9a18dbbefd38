//! SQL of drafts and their revision snapshots.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::now;
use crate::drafts::{Draft, DraftSource, DraftSummary, RevisionInfo, RevisionReason};
use crate::error::{Error, Result};

fn no_draft(id: i64) -> Error {
    Error::not_found(crate::error::Thing::Draft, id)
}

const DRAFT_COLUMNS: &str = "id, title, body, created_at, updated_at, chars, source";

fn draft_row(r: &Row) -> rusqlite::Result<Draft> {
    Ok(Draft {
        id: r.get(0)?,
        title: r.get(1)?,
        body: r.get(2)?,
        created: r.get(3)?,
        updated: r.get(4)?,
        chars: r.get::<_, i64>(5)? as usize,
        source: r
            .get::<_, Option<String>>(6)?
            .map(DraftSource::try_from)
            .transpose()
            .map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(6, rusqlite::types::Type::Text, e.into())
            })?,
    })
}

/// All drafts, most recently changed first; `query` keeps those whose title or body contains it.
pub fn list(conn: &Connection, query: Option<&str>) -> Result<Vec<DraftSummary>> {
    let q = query.map(str::trim).filter(|q| !q.is_empty());
    let mut stmt = conn.prepare(
        "SELECT id, title, created_at, updated_at, chars FROM drafts
         WHERE ?1 IS NULL OR instr(title, ?1) > 0 OR instr(body, ?1) > 0
         ORDER BY updated_at DESC, id DESC",
    )?;
    let rows = stmt.query_map([q], |r| {
        Ok(DraftSummary {
            id: r.get(0)?,
            title: r.get(1)?,
            created: r.get(2)?,
            updated: r.get(3)?,
            chars: r.get::<_, i64>(4)? as usize,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One draft.
pub fn get(conn: &Connection, id: i64) -> Result<Draft> {
    conn.query_row(
        &format!("SELECT {DRAFT_COLUMNS} FROM drafts WHERE id = ?1"),
        [id],
        draft_row,
    )
    .optional()?
    .ok_or_else(|| no_draft(id))
}

/// Inserts a draft; returns its id.
pub fn insert(
    conn: &Connection,
    title: &str,
    body: &str,
    chars: usize,
    source: Option<&DraftSource>,
) -> Result<i64> {
    let t = now();
    conn.execute(
        "INSERT INTO drafts (title, body, created_at, updated_at, chars, source)
         VALUES (?1, ?2, ?3, ?3, ?4, ?5)",
        params![title, body, t, chars as i64, source.map(|s| s.to_string())],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Replaces a draft's title and body.
pub fn update(conn: &Connection, id: i64, title: &str, body: &str, chars: usize) -> Result<()> {
    let n = conn.execute(
        "UPDATE drafts SET title = ?2, body = ?3, chars = ?4, updated_at = ?5 WHERE id = ?1",
        params![id, title, body, chars as i64, now()],
    )?;
    if n == 0 {
        return Err(no_draft(id));
    }
    Ok(())
}

/// Deletes a draft and its revisions.
pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    let n = conn.execute("DELETE FROM drafts WHERE id = ?1", [id])?;
    if n == 0 {
        return Err(no_draft(id));
    }
    Ok(())
}

/// Stores a snapshot of a body; returns the revision id.
pub fn add_revision(
    conn: &Connection,
    draft: i64,
    body: &str,
    chars: usize,
    reason: RevisionReason,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO draft_revisions (draft_id, created_at, body, chars, reason)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![draft, now(), body, chars as i64, reason.as_str()],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The newest snapshot: (body, created).
pub fn last_revision(conn: &Connection, draft: i64) -> Result<Option<(String, String)>> {
    Ok(conn
        .query_row(
            "SELECT body, created_at FROM draft_revisions WHERE draft_id = ?1
             ORDER BY id DESC LIMIT 1",
            [draft],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// A draft's snapshots, newest first.
pub fn revisions(conn: &Connection, draft: i64) -> Result<Vec<RevisionInfo>> {
    let mut stmt = conn.prepare(
        "SELECT id, created_at, chars, reason FROM draft_revisions WHERE draft_id = ?1
         ORDER BY id DESC",
    )?;
    let rows = stmt.query_map([draft], |r| {
        Ok(RevisionInfo {
            id: r.get(0)?,
            created: r.get(1)?,
            chars: r.get::<_, i64>(2)? as usize,
            reason: r.get::<_, String>(3)?.parse().map_err(|e: String| {
                rusqlite::Error::FromSqlConversionFailure(3, rusqlite::types::Type::Text, e.into())
            })?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The body of one snapshot of a draft.
pub fn revision_body(conn: &Connection, draft: i64, rev: i64) -> Result<String> {
    conn.query_row(
        "SELECT body FROM draft_revisions WHERE draft_id = ?1 AND id = ?2",
        [draft, rev],
        |r| r.get(0),
    )
    .optional()?
    .ok_or(Error::NoRevision { draft, rev })
}

/// Deletes the given snapshots.
pub fn delete_revisions(conn: &Connection, ids: &[i64]) -> Result<()> {
    let mut stmt = conn.prepare("DELETE FROM draft_revisions WHERE id = ?1")?;
    for id in ids {
        stmt.execute([id])?;
    }
    Ok(())
}
