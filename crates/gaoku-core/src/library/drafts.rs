//! The facade's drafts: create, save with the snapshot policy, list, restore, diff, preview.

use crate::zh::word_count;
use serde::Serialize;

use super::Library;
use crate::drafts::{
    self, diff::DiffPart, markdown, snapshot_plan, Draft, DraftSource, DraftSummary, RevisionInfo,
    RevisionReason, SaveKind, Saved,
};
use crate::error::{Error, Invalid, Result};
use crate::outline::Outline;
use crate::store::draft_store as sql;

/// A draft's outline, with the editor line of every paragraph the outline points at.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct DraftOutline {
    /// The outline of the draft's paragraphs.
    pub outline: Outline,
    /// `lines[para]` is the 0-based line where paragraph `para` of the outline starts.
    pub lines: Vec<usize>,
    /// The line of the draft's `#` title, if it has one.
    pub title_line: Option<usize>,
    /// `chars[para]`: the 字数 of paragraph `para` (for each part's speaking time).
    pub chars: Vec<usize>,
}

/// Seconds since an RFC 3339 time (a large number when unreadable, so a snapshot gets taken).
fn age_secs(created: &str) -> i64 {
    let fmt = time::format_description::well_known::Rfc3339;
    time::OffsetDateTime::parse(created, &fmt)
        .map(|t| (time::OffsetDateTime::now_utc() - t).whole_seconds())
        .unwrap_or(i64::MAX)
}

impl Library {
    /// Drafts, most recently changed first; `query` filters by title or text.
    pub fn drafts(&self, query: Option<&str>) -> Result<Vec<DraftSummary>> {
        sql::list(self.store.conn(), query)
    }

    /// One draft with its body.
    pub fn draft(&self, id: i64) -> Result<Draft> {
        sql::get(self.store.conn(), id)
    }

    /// Creates a draft from Markdown (`source` notes where it came from) with a first snapshot.
    pub fn create_draft(&mut self, body: &str, source: Option<DraftSource>) -> Result<Draft> {
        check_size(body)?;
        let id = self.store.durably(|tx| {
            let chars = word_count(body);
            let title = markdown::display_title(body);
            let id = sql::insert(tx, &title, body, chars, source.as_ref())?;
            sql::add_revision(tx, id, body, chars, RevisionReason::Created)?;
            Ok(id)
        })?;
        self.draft(id)
    }

    /// A new draft laid out by a template (built-in or saved).
    pub fn create_draft_from_template(&mut self, template: &str) -> Result<Draft> {
        let md = self.new_draft_markdown(template)?;
        self.create_draft(&md, Some(DraftSource::Template(template.to_string())))
    }

    /// A new draft that starts as a library speech (its structured Markdown), linked to it.
    pub fn create_draft_from_speech(&mut self, id: i64) -> Result<Draft> {
        let s = self.speech(id)?;
        let md = crate::outline::to_markdown(&s.meta.title, &s.paragraphs, false);
        self.create_draft(&md, Some(DraftSource::Speech(id)))
    }

    /// Saves a new body. Autosaves snapshot only when the policy asks (timed, before a large
    /// paste); manual saves always leave the saved text as a snapshot. One transaction, synced
    /// to disk before it returns.
    pub fn save_draft(&mut self, id: i64, body: &str, kind: SaveKind) -> Result<Saved> {
        check_size(body)?;
        self.store.durably(|tx| save_in(tx, id, body, kind))
    }

    /// Snapshots the stored body now (before a template insert, say), unless it is already the
    /// newest snapshot. Returns the new revision, if one was taken.
    pub fn snapshot_draft(&mut self, id: i64, reason: RevisionReason) -> Result<Option<i64>> {
        self.store.durably(|tx| {
            let stored = sql::get(tx, id)?;
            let rev = keep_stored(tx, &stored, reason)?;
            if rev.is_some() {
                prune(tx, id)?;
            }
            Ok(rev)
        })
    }

    /// A draft's snapshots, newest first.
    pub fn draft_revisions(&self, id: i64) -> Result<Vec<RevisionInfo>> {
        sql::get(self.store.conn(), id)?;
        sql::revisions(self.store.conn(), id)
    }

    /// The body of one snapshot.
    pub fn draft_revision(&self, id: i64, rev: i64) -> Result<String> {
        sql::revision_body(self.store.conn(), id, rev)
    }

    /// What changed from a snapshot to the draft as it is now.
    pub fn draft_diff(&self, id: i64, rev: i64) -> Result<Vec<DiffPart>> {
        let old = self.draft_revision(id, rev)?;
        let now = self.draft(id)?.body;
        Ok(drafts::diff::diff(&old, &now))
    }

    /// Puts a snapshot's text back as the draft, snapshotting the current text first.
    pub fn restore_draft(&mut self, id: i64, rev: i64) -> Result<Draft> {
        self.store.durably(|tx| {
            let stored = sql::get(tx, id)?;
            let body = sql::revision_body(tx, id, rev)?;
            if stored.body != body {
                keep_stored(tx, &stored, RevisionReason::BeforeRestore)?;
                let chars = word_count(&body);
                sql::update(tx, id, &markdown::display_title(&body), &body, chars)?;
                sql::add_revision(tx, id, &body, chars, RevisionReason::Restored)?;
                prune(tx, id)?;
            }
            Ok(())
        })?;
        self.draft(id)
    }

    /// Deletes a draft and its snapshots.
    pub fn delete_draft(&mut self, id: i64) -> Result<()> {
        sql::delete(self.store.conn(), id)
    }

    /// A text file as it is, in any encoding. A regular file of a sensible size only: a FIFO
    /// would block forever and a link to /dev/zero would read until memory runs out.
    pub fn read_text_file(path: &std::path::Path) -> Result<String> {
        let file_error = |source| Error::File {
            path: path.to_path_buf(),
            source,
        };
        crate::ingest::readable_file(
            path,
            crate::ingest::MAX_TEXT_BYTES,
            crate::ingest::text_too_large,
        )
        .map_err(file_error)?;
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        crate::ingest::decode::decode_text(&bytes).map_err(file_error)
    }

    /// A file as draft Markdown: `.md` files as they are (any encoding), other documents read and
    /// cleaned as an import would, then laid out with their headings.
    pub fn read_draft_file(path: &std::path::Path) -> Result<String> {
        let is_md = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
        if is_md {
            return Self::read_text_file(path);
        }
        let (title, paragraphs) = Self::read_file(path)?;
        Ok(crate::outline::to_markdown(&title, &paragraphs, false))
    }

    /// Safe preview HTML of Markdown (a draft's body), with source lines for scroll sync.
    pub fn preview_markdown(md: &str) -> String {
        drafts::preview::render(md)
    }

    /// The same preview as blocks (source line, sanitized HTML) for updating only what changed.
    pub fn preview_blocks(md: &str) -> Vec<drafts::preview::PreviewBlock> {
        drafts::preview::render_blocks(md)
    }

    /// The outline of a draft's Markdown, with the line of each paragraph.
    pub fn draft_outline(md: &str) -> DraftOutline {
        let text = markdown::read(md);
        let outline = crate::outline::outline(&text.title, &text.paragraphs());
        DraftOutline {
            outline,
            lines: text.blocks.iter().map(|b| b.line).collect(),
            title_line: text.title_line,
            chars: text.blocks.iter().map(|b| word_count(&b.text)).collect(),
        }
    }
}

/// Snapshots the draft as stored unless it already is the newest snapshot.
fn keep_stored(
    conn: &rusqlite::Connection,
    stored: &Draft,
    reason: RevisionReason,
) -> Result<Option<i64>> {
    let last = sql::last_revision(conn, stored.id)?;
    if last.is_some_and(|(b, _)| b == stored.body) {
        return Ok(None);
    }
    sql::add_revision(conn, stored.id, &stored.body, stored.chars, reason).map(Some)
}

fn prune(conn: &rusqlite::Connection, id: i64) -> Result<()> {
    let all: Vec<(i64, String, RevisionReason)> = sql::revisions(conn, id)?
        .into_iter()
        .map(|r| (r.id, r.created.chars().take(10).collect(), r.reason))
        .collect();
    sql::delete_revisions(conn, &drafts::prune_plan(&all))
}

/// The body of [`Library::save_draft`], inside its transaction.
fn save_in(tx: &rusqlite::Transaction<'_>, id: i64, body: &str, kind: SaveKind) -> Result<Saved> {
    let stored = sql::get(tx, id)?;
    let last = sql::last_revision(tx, id)?;
    let (before, after) = snapshot_plan(
        kind,
        &stored.body,
        body,
        last.as_ref()
            .map(|(b, created)| (b.as_str(), age_secs(created))),
    );
    let mut revisions = Vec::new();
    if let Some(reason) = before {
        revisions.push(sql::add_revision(
            tx,
            id,
            &stored.body,
            stored.chars,
            reason,
        )?);
    }
    let chars = word_count(body);
    if stored.body != body {
        sql::update(tx, id, &markdown::display_title(body), body, chars)?;
    }
    if let Some(reason) = after {
        revisions.push(sql::add_revision(tx, id, body, chars, reason)?);
    }
    if !revisions.is_empty() {
        prune(tx, id)?;
    }
    let draft = sql::get(tx, id)?.summary();
    Ok(Saved { draft, revisions })
}

/// A draft's text is at most as long as an imported document's (10 MB; a speech is well under
/// 1 MB): a paste of a whole archive is refused, not stored with every revision.
fn check_size(body: &str) -> Result<()> {
    let max = crate::ingest::MAX_TEXT_BYTES;
    if body.len() as u64 > max {
        return Err(Error::Invalid(Invalid::TooBig {
            what: "a draft's text, in MB".into(),
            max: max / (1024 * 1024),
        }));
    }
    Ok(())
}
