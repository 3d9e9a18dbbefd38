//! Readable differences between two versions of a draft, at the grain a Chinese reader
//! compares: sentences first (split after the sentence ends of `text::SENTENCE_ENDS` and line
//! ends), characters inside a changed
//! sentence pair.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

/// One piece of a difference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct DiffPart {
    /// Whether the text is kept, added or removed.
    pub op: DiffOp,
    /// The text of this piece.
    pub text: String,
}

/// What a piece of a difference is (sent as `same`, `added`, `removed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum DiffOp {
    /// In both versions.
    Same,
    /// Only in the newer version.
    Added,
    /// Only in the older version.
    Removed,
}

/// Splits text into sentences, each keeping its ending punctuation and line break.
fn sentences(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if crate::zh::is_sentence_end(c) || c == '\n' {
            let end = i + c.len_utf8();
            out.push(&s[start..end]);
            start = end;
        }
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// The difference from `old` to `new`: unchanged sentences, removed and added text, with changed
/// sentences compared character by character.
pub fn diff(old: &str, new: &str) -> Vec<DiffPart> {
    let old_s = sentences(old);
    let new_s = sentences(new);
    let d = similar::capture_diff_slices(similar::Algorithm::Myers, &old_s, &new_s);
    let mut parts: Vec<DiffPart> = Vec::new();
    for op in d {
        let (tag, old_r, new_r) = op.as_tag_tuple();
        match tag {
            similar::DiffTag::Equal => push(&mut parts, DiffOp::Same, old_s[old_r].concat()),
            similar::DiffTag::Delete => push(&mut parts, DiffOp::Removed, old_s[old_r].concat()),
            similar::DiffTag::Insert => push(&mut parts, DiffOp::Added, new_s[new_r].concat()),
            similar::DiffTag::Replace => {
                let a = old_s[old_r].concat();
                let b = new_s[new_r].concat();
                let chars = TextDiff::configure().diff_chars(&a, &b);
                for c in chars.iter_all_changes() {
                    let op = match c.tag() {
                        ChangeTag::Equal => DiffOp::Same,
                        ChangeTag::Delete => DiffOp::Removed,
                        ChangeTag::Insert => DiffOp::Added,
                    };
                    push(&mut parts, op, c.value().to_string());
                }
            }
        }
    }
    parts
}

fn push(parts: &mut Vec<DiffPart>, op: DiffOp, text: String) {
    if text.is_empty() {
        return;
    }
    match parts.last_mut() {
        Some(last) if last.op == op => last.text.push_str(&text),
        _ => parts.push(DiffPart { op, text }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_then_character_grain() {
        let old = "要狠抓落实。要苦干实干。\n最后一句。";
        let new = "要狠抓落实。要苦干、实干、拼命干。\n最后一句。";
        let parts = diff(old, new);
        let rebuilt_new: String = parts
            .iter()
            .filter(|p| p.op != DiffOp::Removed)
            .map(|p| p.text.as_str())
            .collect();
        let rebuilt_old: String = parts
            .iter()
            .filter(|p| p.op != DiffOp::Added)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(rebuilt_new, new);
        assert_eq!(rebuilt_old, old);
        assert_eq!(
            parts[0],
            DiffPart {
                op: DiffOp::Same,
                text: "要狠抓落实。要苦干".into()
            }
        );
        assert!(parts
            .iter()
            .any(|p| p.op == DiffOp::Added && p.text.contains("拼命干")));
        assert!(parts.iter().all(|p| p.op != DiffOp::Removed), "{parts:?}");
    }
}
