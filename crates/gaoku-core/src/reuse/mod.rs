//! 查重 and similar passages: which stretches of a draft a library speech already says (verbatim
//! or nearly), and which library paragraphs are closest to a paragraph.
//!
//! Both start from the search index, which holds every pair of neighbouring characters of every
//! speech: a sentence's rarest pairs (by how many speeches hold them) name the few speeches that
//! can contain it, without reading any text; only those speeches are read and the sentence is
//! placed in them by shared 4-character anchors ([`align`]). Work grows with the draft and the
//! number of true candidates, not with the size of the library.

pub(crate) mod align;
pub mod similar;

use serde::{Deserialize, Serialize};

/// How a stretch of the draft relates to its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum ReuseKind {
    /// Word for word.
    Exact,
    /// With a few characters inserted, deleted or changed.
    Near,
    /// A short or widely used formula (found in many speeches): not counted as reuse.
    Common,
}

/// A stretch of the draft found in a library speech.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ReuseSpan {
    /// Character offsets in the checked text (for a draft, its Markdown).
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// The speech it is found in.
    #[ts(type = "number")]
    pub source_id: i64,
    /// Character offsets in that speech's text (`gaoku show`: paragraphs joined by line breaks).
    pub source_start: usize,
    /// End (exclusive).
    pub source_end: usize,
    /// Exact, near or common.
    pub kind: ReuseKind,
}

/// A speech the draft takes from, with how much.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ReuseSource {
    /// The speech.
    #[ts(type = "number")]
    pub id: i64,
    /// Its title.
    pub title: String,
    /// Its date, if known.
    pub date: Option<String>,
    /// Occasion, if known.
    pub occasion: Option<String>,
    /// Characters of the draft found in it (exact and near).
    pub chars: usize,
}

/// The 查重 report of a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct ReuseReport {
    /// Characters reused (exact and near) over all characters of the text, 0.0–1.0.
    pub ratio: f64,
    /// Characters of the text counted (paragraphs, spaces left out).
    pub total_chars: usize,
    /// Sources by share, largest first.
    pub sources: Vec<ReuseSource>,
    /// Every stretch found, in text order (common wording included, marked so).
    pub spans: Vec<ReuseSpan>,
}

/// A library paragraph close to a given text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct SimilarHit {
    /// The speech.
    #[ts(type = "number")]
    pub id: i64,
    /// Its title.
    pub title: String,
    /// Its date, if known.
    pub date: Option<String>,
    /// The paragraph's index in the speech's paragraphs.
    pub para: usize,
    /// Character offset of the paragraph in the speech's text (paragraphs joined by line breaks).
    pub offset: usize,
    /// Similarity, 0.0–1.0: shared character pairs (the mean of their cosine and of the share
    /// of the text's pairs the paragraph holds).
    pub score: f64,
    /// The paragraph.
    pub text: String,
    /// Character ranges of the paragraph that the text shares (runs of 4 or more).
    #[ts(type = "Array<[number, number]>")]
    pub shared: Vec<(usize, usize)>,
}

/// A sentence of the checked text: character range, and its characters as matched (trailing
/// punctuation and spaces left out).
#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    pub start: usize,
    pub end: usize,
    pub chars: Vec<char>,
}

/// Splits a paragraph (characters and their offsets in the whole text) into sentences at 。！？；
/// and line ends.
pub(crate) fn sentences(chars: &[char], at: &[usize]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut from = 0;
    for i in 0..=chars.len() {
        let end = i == chars.len() || "。！？；!?;\n".contains(chars[i]);
        if !end {
            continue;
        }
        let mut to = i;
        while to > from
            && (crate::zh::is_space(chars[to - 1]) || "，、：”’）》".contains(chars[to - 1]))
        {
            to -= 1;
        }
        let mut s = from;
        while s < to && (crate::zh::is_space(chars[s]) || "“‘（《".contains(chars[s])) {
            s += 1;
        }
        if to > s {
            out.push(Sentence {
                start: at[s],
                end: at[to - 1] + 1,
                chars: chars[s..to].to_vec(),
            });
        }
        from = i + 1;
    }
    out
}

/// Joins neighbouring spans from one source that follow each other there too (a copied run of
/// sentences is one stretch).
pub(crate) fn merge(mut spans: Vec<ReuseSpan>) -> Vec<ReuseSpan> {
    spans.sort_by_key(|s| (s.start, s.end));
    let mut out: Vec<ReuseSpan> = Vec::new();
    for s in spans {
        if let Some(last) = out.last_mut() {
            let joins = last.kind != ReuseKind::Common
                && s.kind != ReuseKind::Common
                && last.source_id == s.source_id
                && s.start <= last.end + 3
                && s.source_start >= last.source_start
                && s.source_start <= last.source_end + 4;
            if joins {
                last.end = last.end.max(s.end);
                last.source_end = last.source_end.max(s.source_end);
                if s.kind == ReuseKind::Near {
                    last.kind = ReuseKind::Near;
                }
                continue;
            }
        }
        out.push(s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_keep_their_offsets() {
        let text = "一是抓项目，稳增长；“二是”惠民生。\n三是强党建";
        let chars: Vec<char> = text.chars().collect();
        let at: Vec<usize> = (100..100 + chars.len()).collect();
        let s = sentences(&chars, &at);
        let texts: Vec<String> = s.iter().map(|x| x.chars.iter().collect()).collect();
        assert_eq!(texts, ["一是抓项目，稳增长", "二是”惠民生", "三是强党建"]);
        assert_eq!((s[0].start, s[0].end), (100, 109));
    }

    #[test]
    fn neighbouring_spans_of_one_source_merge() {
        let span = |start, end, ss, se, kind| ReuseSpan {
            start,
            end,
            source_id: 1,
            source_start: ss,
            source_end: se,
            kind,
        };
        let merged = merge(vec![
            span(0, 10, 50, 60, ReuseKind::Exact),
            span(11, 20, 61, 70, ReuseKind::Near),
            span(40, 45, 200, 205, ReuseKind::Exact),
        ]);
        assert_eq!(merged.len(), 2);
        assert_eq!(
            (merged[0].end, merged[0].source_end, merged[0].kind),
            (20, 70, ReuseKind::Near)
        );
    }
}
