//! Drafts: the writer's own speeches in progress, kept in the library's SQLite with revision
//! snapshots so that no version is ever lost.

pub mod diff;
pub mod markdown;
pub mod preview;

use serde::{Deserialize, Serialize};

/// A draft as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct DraftSummary {
    /// The draft's id.
    #[ts(type = "number")]
    pub id: i64,
    /// The first heading or line of the body (or 未命名).
    pub title: String,
    /// When it was made, RFC 3339 UTC.
    pub created: String,
    /// When it was last saved, RFC 3339 UTC.
    pub updated: String,
    /// 字数 of the body (Han characters plus Latin words).
    pub chars: usize,
}

/// A draft with its body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Draft {
    /// The draft's id.
    #[ts(type = "number")]
    pub id: i64,
    /// The first heading or line of the body (or 未命名).
    pub title: String,
    /// The Markdown text.
    pub body: String,
    /// When it was made, RFC 3339 UTC.
    pub created: String,
    /// When it was last saved, RFC 3339 UTC.
    pub updated: String,
    /// 字数 of the body.
    pub chars: usize,
    /// Where it started: `template:NAME`, `speech:ID` or `file:PATH`.
    #[ts(as = "Option<String>")]
    pub source: Option<DraftSource>,
}

impl Draft {
    /// The draft as listed.
    pub fn summary(&self) -> DraftSummary {
        DraftSummary {
            id: self.id,
            title: self.title.clone(),
            created: self.created.clone(),
            updated: self.updated.clone(),
            chars: self.chars,
        }
    }
}

/// Where a draft came from; stored and sent as `template:NAME`, `speech:ID` or `file:PATH`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum DraftSource {
    /// Laid out by a structure template.
    Template(String),
    /// Started as a library speech.
    Speech(i64),
    /// Imported from a file.
    File(String),
}

impl std::fmt::Display for DraftSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DraftSource::Template(name) => write!(f, "template:{name}"),
            DraftSource::Speech(id) => write!(f, "speech:{id}"),
            DraftSource::File(path) => write!(f, "file:{path}"),
        }
    }
}

impl From<DraftSource> for String {
    fn from(s: DraftSource) -> String {
        s.to_string()
    }
}

impl TryFrom<String> for DraftSource {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        match s.split_once(':') {
            Some(("template", name)) => Ok(DraftSource::Template(name.into())),
            Some(("speech", id)) => id
                .parse()
                .map(DraftSource::Speech)
                .map_err(|_| format!("bad speech id in draft source {s:?}")),
            Some(("file", path)) => Ok(DraftSource::File(path.into())),
            _ => Err(format!("unknown draft source {s:?}")),
        }
    }
}

/// One saved snapshot of a draft, as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct RevisionInfo {
    /// The revision's id (unique across drafts).
    #[ts(type = "number")]
    pub id: i64,
    /// When it was taken, RFC 3339 UTC.
    pub created: String,
    /// 字数 of the body it holds.
    pub chars: usize,
    /// Why it was taken.
    pub reason: RevisionReason,
}

/// Why a snapshot of a draft was taken (stored and sent as its kebab-case name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum RevisionReason {
    /// The draft as it was created.
    Created,
    /// The writer saved (Ctrl+S, `draft update`).
    Manual,
    /// An autosave after five minutes of editing.
    Timed,
    /// Before a save that added or removed much at once.
    BeforePaste,
    /// Before a revision was restored.
    BeforeRestore,
    /// Before a template section was inserted.
    BeforeInsert,
    /// The restored text.
    Restored,
}

impl RevisionReason {
    /// Every reason, in the order above.
    pub const ALL: [RevisionReason; 7] = [
        RevisionReason::Created,
        RevisionReason::Manual,
        RevisionReason::Timed,
        RevisionReason::BeforePaste,
        RevisionReason::BeforeRestore,
        RevisionReason::BeforeInsert,
        RevisionReason::Restored,
    ];

    /// The stored name (`before-paste`).
    pub fn as_str(self) -> &'static str {
        match self {
            RevisionReason::Created => "created",
            RevisionReason::Manual => "manual",
            RevisionReason::Timed => "timed",
            RevisionReason::BeforePaste => "before-paste",
            RevisionReason::BeforeRestore => "before-restore",
            RevisionReason::BeforeInsert => "before-insert",
            RevisionReason::Restored => "restored",
        }
    }

    /// Taken by the editor on its own (thinned by pruning), not by the writer's action.
    pub fn is_automatic(self) -> bool {
        matches!(
            self,
            RevisionReason::Timed | RevisionReason::BeforePaste | RevisionReason::BeforeInsert
        )
    }
}

from_json_name!(RevisionReason);

/// What kind of save the writer (or the editor) did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum SaveKind {
    /// Autosave after a pause in typing or on close: a snapshot only when the policy asks.
    Auto,
    /// Ctrl+S or a CLI update: saves and snapshots at once.
    Manual,
}

/// The result of a save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Saved {
    /// The draft as saved.
    pub draft: DraftSummary,
    /// Snapshots taken by this save (before and/or after it).
    #[ts(type = "Array<number>")]
    pub revisions: Vec<i64>,
}

/// Minutes of editing after which an autosave also takes a snapshot.
pub const TIMED_SNAPSHOT_SECS: i64 = 5 * 60;
/// A save that adds or removes at least this many characters at once (a paste, a cut) first
/// snapshots the version before it.
pub const LARGE_CHANGE_CHARS: usize = 200;
/// Timed and automatic snapshots kept in full; older ones are thinned to one per day.
pub const KEEP_RECENT_AUTO: usize = 30;
/// Upper bound of snapshots kept per draft (oldest automatic ones go first).
pub const KEEP_MAX: usize = 300;

/// The snapshots a save takes: (`before`, `after`) reasons. `before` snapshots the stored body
/// before it is replaced, `after` the new one.
pub fn snapshot_plan(
    kind: SaveKind,
    stored: &str,
    new: &str,
    last_revision: Option<(&str, i64)>,
) -> (Option<RevisionReason>, Option<RevisionReason>) {
    if stored == new {
        let unsnapshotted = last_revision.is_none_or(|(body, _)| body != new);
        return (
            None,
            (kind == SaveKind::Manual && unsnapshotted).then_some(RevisionReason::Manual),
        );
    }
    let stored_is_kept = last_revision.is_some_and(|(body, _)| body == stored);
    let large = changed_chars(stored, new) >= LARGE_CHANGE_CHARS;
    let before =
        (large && !stored_is_kept && !stored.is_empty()).then_some(RevisionReason::BeforePaste);
    let after = match kind {
        SaveKind::Manual => Some(RevisionReason::Manual),
        SaveKind::Auto => match last_revision {
            None => Some(RevisionReason::Timed),
            Some((_, age)) if age >= TIMED_SNAPSHOT_SECS => Some(RevisionReason::Timed),
            _ => None,
        },
    };
    (before, after)
}

/// Characters added plus removed between two versions, counted outside their common prefix and
/// suffix (cheap, and exact for a single paste or cut).
pub fn changed_chars(a: &str, b: &str) -> usize {
    let prefix = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let (ra, rb): (Vec<char>, Vec<char>) = (
        a.chars().skip(prefix).collect(),
        b.chars().skip(prefix).collect(),
    );
    let suffix = ra
        .iter()
        .rev()
        .zip(rb.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    (ra.len() - suffix) + (rb.len() - suffix)
}

/// Which snapshots to drop: given all (id, created day `YYYY-MM-DD`, reason) newest first, keeps
/// every writer-made one (`manual`, `created`, `before-restore`, `restored`), the newest
/// [`KEEP_RECENT_AUTO`] automatic ones and the newest automatic one of each older day, and at most
/// [`KEEP_MAX`] in all.
pub fn prune_plan(revisions: &[(i64, String, RevisionReason)]) -> Vec<i64> {
    let mut drop = Vec::new();
    let mut autos = 0;
    let mut days = std::collections::HashSet::new();
    let mut kept = 0;
    for (id, day, reason) in revisions {
        let keep = if reason.is_automatic() {
            autos += 1;
            autos <= KEEP_RECENT_AUTO || days.insert(day.clone())
        } else {
            true
        };
        if keep && kept < KEEP_MAX {
            kept += 1;
        } else {
            drop.push(*id);
        }
    }
    drop
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cases the UI's 字数 (ui/src/count.ts) is tested on too: one rule in two languages.
    #[test]
    fn word_count_matches_the_shared_fixture() {
        use crate::zh::word_count;
        let cases: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("../../../../tests/fixtures/word-count.json"))
                .unwrap();
        assert!(cases.len() >= 10);
        for c in cases {
            let text = c["text"].as_str().unwrap();
            assert_eq!(
                word_count(text) as u64,
                c["count"].as_u64().unwrap(),
                "{text:?}: {}",
                c["why"]
            );
        }
    }

    #[test]
    fn closed_sets_keep_their_json_names() {
        for r in RevisionReason::ALL {
            let json = serde_json::to_value(r).unwrap();
            assert_eq!(json, r.as_str());
            assert_eq!(r.as_str().parse::<RevisionReason>(), Ok(r));
        }
        assert!("before-pste".parse::<RevisionReason>().is_err());
        assert!(serde_json::from_str::<RevisionReason>("\"before-pste\"").is_err());
        for (s, v) in [
            ("template:致辞", DraftSource::Template("致辞".into())),
            ("speech:12", DraftSource::Speech(12)),
            ("file:/tmp/a:b.md", DraftSource::File("/tmp/a:b.md".into())),
        ] {
            assert_eq!(serde_json::to_value(&v).unwrap(), s);
            assert_eq!(DraftSource::try_from(s.to_string()), Ok(v));
        }
        assert!(DraftSource::try_from("speech:x".to_string()).is_err());
    }

    #[test]
    fn snapshot_policy() {
        let long = "字".repeat(LARGE_CHANGE_CHARS);
        // First save of a new draft snapshots it; a quick second autosave does not.
        assert_eq!(
            snapshot_plan(SaveKind::Auto, "", "a", None),
            (None, Some(RevisionReason::Timed))
        );
        assert_eq!(
            snapshot_plan(SaveKind::Auto, "a", "ab", Some(("a", 10))),
            (None, None)
        );
        // After five minutes of editing an autosave snapshots.
        assert_eq!(
            snapshot_plan(
                SaveKind::Auto,
                "ab",
                "abc",
                Some(("a", TIMED_SNAPSHOT_SECS))
            ),
            (None, Some(RevisionReason::Timed))
        );
        // A large paste keeps the version before it, unless that version is the last snapshot.
        let pasted = format!("ab{long}");
        assert_eq!(
            snapshot_plan(SaveKind::Auto, "ab", &pasted, Some(("a", 10))),
            (Some(RevisionReason::BeforePaste), None)
        );
        assert_eq!(
            snapshot_plan(SaveKind::Auto, "ab", &pasted, Some(("ab", 10))),
            (None, None)
        );
        // Ctrl+S always leaves the saved text as a snapshot, but never twice.
        assert_eq!(
            snapshot_plan(SaveKind::Manual, "ab", "abc", Some(("ab", 1))),
            (None, Some(RevisionReason::Manual))
        );
        assert_eq!(
            snapshot_plan(SaveKind::Manual, "abc", "abc", Some(("abc", 1))),
            (None, None)
        );
        assert_eq!(
            snapshot_plan(SaveKind::Manual, "abc", "abc", Some(("ab", 1))),
            (None, Some(RevisionReason::Manual))
        );
        assert_eq!(changed_chars("要狠抓落实", "要狠狠抓落实"), 1);
        assert_eq!(changed_chars("abc", "xyz"), 6);
    }

    #[test]
    fn pruning_keeps_writer_snapshots_and_one_per_old_day() {
        let mut revs = Vec::new();
        let mut id = 1000;
        // Newest first: 40 timed today, then 10 timed on each of 3 older days, then manual ones.
        for _ in 0..40 {
            revs.push((id, "2026-11-27".to_string(), RevisionReason::Timed));
            id -= 1;
        }
        for day in ["2026-11-26", "2026-11-25", "2026-11-24"] {
            for _ in 0..10 {
                revs.push((id, day.to_string(), RevisionReason::Timed));
                id -= 1;
            }
        }
        for _ in 0..5 {
            revs.push((id, "2026-11-01".to_string(), RevisionReason::Manual));
            id -= 1;
        }
        let drop = prune_plan(&revs);
        let kept: Vec<&(i64, String, RevisionReason)> =
            revs.iter().filter(|r| !drop.contains(&r.0)).collect();
        // 30 recent + 1 more today's (first of its day beyond the 30) + 1 per older day + 5 manual.
        assert_eq!(kept.len(), 30 + 1 + 3 + 5);
        assert!(
            kept.iter()
                .filter(|r| r.2 == RevisionReason::Manual)
                .count()
                == 5
        );
    }
}
