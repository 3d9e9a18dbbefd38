//! SQL of the writer's own structure templates (stored as JSON).

use rusqlite::{params, Connection};

use super::now;
use crate::error::{Error, Result};
use crate::templates::Template;

/// The saved templates, by name.
pub fn list(conn: &Connection) -> Result<Vec<Template>> {
    let mut stmt = conn.prepare("SELECT body FROM templates ORDER BY name")?;
    let bodies = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    bodies
        .iter()
        .map(|b| {
            serde_json::from_str(b).map_err(|e| {
                Error::Library(crate::error::LibraryError::TemplateUnreadable {
                    why: e.to_string(),
                })
            })
        })
        .collect()
}

/// Saves a template under its name.
pub fn insert(conn: &Connection, t: &Template) -> Result<()> {
    // A template is plain strings and numbers: serialising it cannot fail.
    let body = serde_json::to_string(t).expect("a template serialises");
    conn.execute(
        "INSERT INTO templates (name, body, created_at) VALUES (?1, ?2, ?3)",
        params![t.name, body, now()],
    )?;
    Ok(())
}

/// Deletes a saved template.
pub fn delete(conn: &Connection, name: &str) -> Result<()> {
    conn.execute("DELETE FROM templates WHERE name = ?1", [name])?;
    Ok(())
}
