//! The facade's comparison of two texts: speeches, drafts, a draft's revisions or files.

use super::*;
use crate::compare::{CompareSide, Comparison};

/// A text to compare.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum CompareWith {
    /// A library speech.
    Speech {
        /// Its id.
        #[ts(type = "number")]
        id: i64,
    },
    /// A draft as saved.
    Draft {
        /// Its id.
        #[ts(type = "number")]
        id: i64,
    },
    /// One of a draft's revisions.
    Revision {
        /// The draft.
        #[ts(type = "number")]
        draft: i64,
        /// The revision.
        #[ts(type = "number")]
        rev: i64,
    },
    /// A file (a .md as a draft, other documents as an import reads them).
    File {
        /// Its path.
        path: String,
    },
}

impl CompareWith {
    /// Reads `ID`, `draft:ID`, `draft:ID@REV` or a file path, as the CLI takes them.
    pub fn parse(s: &str) -> CompareWith {
        if let Ok(id) = s.parse() {
            return CompareWith::Speech { id };
        }
        if let Some(rest) = s.strip_prefix("draft:") {
            match rest.split_once('@') {
                Some((d, r)) => {
                    if let (Ok(draft), Ok(rev)) = (d.parse(), r.parse()) {
                        return CompareWith::Revision { draft, rev };
                    }
                }
                None => {
                    if let Ok(id) = rest.parse() {
                        return CompareWith::Draft { id };
                    }
                }
            }
        }
        CompareWith::File {
            path: s.to_string(),
        }
    }
}

/// A draft's Markdown as a side: its title and plain paragraphs.
fn draft_side(title: String, md: &str) -> CompareSide {
    let text = crate::drafts::markdown::read(md);
    CompareSide {
        title,
        paragraphs: text.paragraphs(),
    }
}

impl Library {
    /// The text of one side of a comparison.
    pub fn compare_side(&self, what: &CompareWith) -> Result<CompareSide> {
        Ok(match what {
            CompareWith::Speech { id } => {
                let s = self.speech(*id)?;
                CompareSide {
                    title: s.meta.title,
                    paragraphs: s.paragraphs,
                }
            }
            CompareWith::Draft { id } => {
                let d = self.draft(*id)?;
                draft_side(d.title, &d.body)
            }
            CompareWith::Revision { draft, rev } => {
                let d = self.draft(*draft)?;
                let body = self.draft_revision(*draft, *rev)?;
                draft_side(format!("{}（版本 {rev}）", d.title), &body)
            }
            CompareWith::File { path } => {
                let path = Path::new(path);
                let md = Self::read_draft_file(path)?;
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                draft_side(name, &md)
            }
        })
    }

    /// Compares two texts paragraph by paragraph (see [`crate::compare`]).
    pub fn compare(&self, left: &CompareWith, right: &CompareWith) -> Result<Comparison> {
        Ok(crate::compare::compare(
            self.compare_side(left)?,
            self.compare_side(right)?,
        ))
    }
}
