//! Reading what the writer typed: an exact phrase, several keywords, or a pattern with gaps.

use crate::error::QueryError;
use serde::{Deserialize, Serialize};

use super::normalize::fold;

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 1000;
/// Most parts (texts, gaps `…` and single characters `*`) a pattern may have.
pub const MAX_PATTERN_PARTS: usize = 24;
/// A `…` gap spans at most this many characters (inside one paragraph).
pub const MAX_GAP: usize = 200;

/// How a query is matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(rename = "SearchMode")]
pub enum Mode {
    /// The exact phrase (狠抓落实).
    Phrase,
    /// All of several words, ranked.
    Keywords,
    /// Literal parts in order with gaps (一是…二是…, 要*干).
    Pattern,
}

/// A parsed query. Terms and literal parts are already folded (see [`super::normalize`]).
#[derive(Debug, Clone)]
pub struct ParsedQuery {
    /// How the query is read.
    pub mode: Mode,
    /// Phrase: one term; keywords: several; pattern: its literal parts (used to narrow candidates).
    pub terms: Vec<String>,
    /// For patterns: the matcher run over folded paragraph text.
    pub pattern: Option<Pattern>,
}

/// Does the text use pattern syntax (`…`, `...`, `*`, `＊`)?
pub fn looks_like_pattern(q: &str) -> bool {
    q.contains('…')
        || q.contains("...")
        || q.contains('*')
        || q.contains('＊')
        || q.contains("．．．")
}

/// Parses a query. `force_pattern` treats it as a pattern even without gap syntax.
pub fn parse(q: &str, force_pattern: bool) -> Result<ParsedQuery, QueryError> {
    let q = q.trim();
    if q.is_empty() {
        return Err(QueryError::EmptyQuery);
    }
    let n = q.chars().count();
    if n > MAX_QUERY_CHARS {
        return Err(QueryError::TooLong {
            chars: n,
            max: MAX_QUERY_CHARS,
        });
    }
    if !q.chars().any(|c| c.is_alphanumeric()) {
        return Err(QueryError::NothingToSearch);
    }
    if force_pattern || looks_like_pattern(q) {
        return parse_pattern(q);
    }
    let terms = split_terms(q);
    if terms.is_empty() {
        return Err(QueryError::EmptyQuery);
    }
    Ok(ParsedQuery {
        mode: if terms.len() == 1 {
            Mode::Phrase
        } else {
            Mode::Keywords
        },
        terms,
        pattern: None,
    })
}

/// Splits on whitespace outside ASCII double quotes; quoted text is one phrase (an unclosed
/// quote runs to the end). Chinese quotes “” are text, not syntax.
fn split_terms(q: &str) -> Vec<String> {
    let mut terms = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in q.chars() {
        match c {
            '"' | '＂' => {
                if !current.is_empty() {
                    terms.push(std::mem::take(&mut current));
                }
                quoted = !quoted;
            }
            c if !quoted && crate::zh::is_space(c) => {
                if !current.is_empty() {
                    terms.push(std::mem::take(&mut current));
                }
            }
            c => {
                if let Some(k) = fold(c) {
                    current.push(k);
                }
            }
        }
    }
    if !current.is_empty() {
        terms.push(current);
    }
    terms
}

/// One part of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Exactly these characters.
    Lit(Vec<char>),
    /// Up to [`MAX_GAP`] characters, as few as possible.
    Gap,
    /// Exactly one character.
    Any,
}

/// A compiled pattern. Matching is leftmost-first with the shortest gaps, like a regex with lazy
/// `.{0,200}?` gaps, but walks literal parts directly instead of expanding the gaps.
#[derive(Debug, Clone)]
pub struct Pattern {
    pieces: Vec<Piece>,
}

impl Pattern {
    /// The parts, in order (no leading or trailing gap).
    pub fn pieces(&self) -> &[Piece] {
        &self.pieces
    }

    /// Non-overlapping matches in `text`, left to right, as character ranges.
    ///
    /// Whether part `k` of the pattern matches from position `at` does not depend on how the
    /// matcher got there, so every (part, position) that failed once is remembered and never
    /// tried again: the work is bounded by parts × positions × [`MAX_GAP`], whatever the
    /// pattern (`的…的…的…` × 30 no longer backtracks exponentially).
    pub fn find_all(&self, text: &[char]) -> Vec<(usize, usize)> {
        self.find_all_with(text, &mut Failed::new(self.pieces.len(), text.len()))
    }

    fn find_all_with(&self, text: &[char], failed: &mut Failed) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            let start = match &self.pieces[0] {
                Piece::Lit(l) => match find(text, l, pos) {
                    Some(s) => s,
                    None => break,
                },
                _ => pos,
            };
            match self.match_from(text, 0, start, failed) {
                Some(end) => {
                    out.push((start, end));
                    pos = end.max(start + 1);
                }
                None => pos = start + 1,
            }
        }
        out
    }

    fn match_from(&self, text: &[char], k: usize, at: usize, failed: &mut Failed) -> Option<usize> {
        let Some(piece) = self.pieces.get(k) else {
            return Some(at);
        };
        if failed.get(k, at) {
            return None;
        }
        failed.evaluated += 1;
        let found = match piece {
            Piece::Lit(l) => text[at..]
                .starts_with(l)
                .then(|| self.match_from(text, k + 1, at + l.len(), failed))
                .flatten(),
            Piece::Any => (at < text.len())
                .then(|| self.match_from(text, k + 1, at + 1, failed))
                .flatten(),
            Piece::Gap => (0..=MAX_GAP)
                .take_while(|g| at + g <= text.len())
                .find_map(|g| self.match_from(text, k + 1, at + g, failed)),
        };
        if found.is_none() {
            failed.set(k, at);
        }
        found
    }
}

/// The (part, position) pairs where a pattern is known not to match: one bit each. Shared by
/// both matchers (over text and over index positions).
pub(crate) struct Failed {
    width: usize,
    bits: Vec<u64>,
    /// (part, position) pairs worked out (not answered from the bits), for the tests.
    pub(crate) evaluated: usize,
}

impl Failed {
    pub(crate) fn new(parts: usize, len: usize) -> Self {
        let width = len + 1;
        Failed {
            width,
            bits: vec![0; (parts * width).div_ceil(64)],
            evaluated: 0,
        }
    }

    pub(crate) fn get(&self, k: usize, at: usize) -> bool {
        let i = k * self.width + at;
        self.bits
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    pub(crate) fn set(&mut self, k: usize, at: usize) {
        let i = k * self.width + at;
        if let Some(w) = self.bits.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
    }
}

fn find(text: &[char], lit: &[char], from: usize) -> Option<usize> {
    let first = lit[0];
    (from..text.len().saturating_sub(lit.len() - 1))
        .find(|&i| text[i] == first && text[i..].starts_with(lit))
}

fn parse_pattern(q: &str) -> Result<ParsedQuery, QueryError> {
    let folded: Vec<char> = q.chars().filter(|c| *c != '"').filter_map(fold).collect();
    let mut pieces: Vec<Piece> = Vec::new();
    let mut i = 0;
    while i < folded.len() {
        let c = folded[i];
        let dots = folded[i..].iter().take_while(|d| **d == '.').count();
        if c == '…' || dots >= 3 {
            i += if c == '…' { 1 } else { dots };
            if !matches!(pieces.last(), Some(Piece::Gap)) {
                pieces.push(Piece::Gap);
            }
            continue;
        }
        if c == '*' {
            pieces.push(Piece::Any);
        } else if let Some(Piece::Lit(s)) = pieces.last_mut() {
            s.push(c);
        } else {
            pieces.push(Piece::Lit(vec![c]));
        }
        i += 1;
    }
    // Leading and trailing gaps add nothing to a match: drop them so spans hug the text.
    while matches!(pieces.first(), Some(Piece::Gap)) {
        pieces.remove(0);
    }
    while matches!(pieces.last(), Some(Piece::Gap)) {
        pieces.pop();
    }
    let literals: Vec<String> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Lit(s) => Some(s.iter().collect()),
            _ => None,
        })
        .collect();
    if literals.is_empty() {
        return Err(QueryError::PatternNeedsText);
    }
    // Matching costs parts × positions × the gap: a bounded number of parts keeps every
    // pattern fast (一是…二是…三是…四是…五是…六是 has 11).
    if pieces.len() > MAX_PATTERN_PARTS {
        return Err(QueryError::TooManyParts {
            parts: pieces.len(),
            max: MAX_PATTERN_PARTS,
        });
    }
    Ok(ParsedQuery {
        mode: Mode::Pattern,
        terms: literals,
        pattern: Some(Pattern { pieces }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes() {
        let p = parse("狠抓落实", false).unwrap();
        assert_eq!(
            (p.mode, p.terms),
            (Mode::Phrase, vec!["狠抓落实".to_string()])
        );
        let k = parse("乡村振兴  产业", false).unwrap();
        assert_eq!(k.mode, Mode::Keywords);
        assert_eq!(k.terms, vec!["乡村振兴", "产业"]);
        let q = parse("\"狠抓 落实\"", false).unwrap();
        assert_eq!(
            (q.mode, q.terms),
            (Mode::Phrase, vec!["狠抓落实".to_string()])
        );
        let u = parse("\"狠抓 落实", false).unwrap();
        assert_eq!(u.terms, vec!["狠抓落实"]);
        let w = parse("ＧＤＰ增长", false).unwrap();
        assert_eq!(w.terms, vec!["GDP增长"]);
        assert_eq!(parse("“六稳”", false).unwrap().terms, vec!["“六稳”"]);
    }

    #[test]
    fn patterns() {
        let p = parse("一是…二是…三是", false).unwrap();
        assert_eq!(p.mode, Mode::Pattern);
        assert_eq!(p.terms, vec!["一是", "二是", "三是"]);
        let first = |q: &str, text: &str| -> Option<String> {
            let chars: Vec<char> = text.chars().collect();
            let pat = parse(q, true).unwrap().pattern.unwrap();
            pat.find_all(&chars)
                .first()
                .map(|&(s, e)| chars[s..e].iter().collect())
        };
        assert_eq!(
            first("一是…二是…三是", "甲一是乙乙二是丙三是丁").as_deref(),
            Some("一是乙乙二是丙三是")
        );
        assert_eq!(
            first("要*干、*干、*干", "要苦干、实干、拼干！").as_deref(),
            Some("要苦干、实干、拼干")
        );
        assert_eq!(first("要*干、*干、*干", "要苦干、实干、拼命干"), None);
        let dots = parse("既要...更要...", false).unwrap();
        assert_eq!(dots.terms, vec!["既要", "更要"]);
        assert_eq!(
            first("既要...更要...", "既要面子更要里子").as_deref(),
            Some("既要面子更要")
        );
        assert_eq!(
            first("a.b(c)[d]+?", "xa.b(c)[d]+?").as_deref(),
            Some("a.b(c)[d]+?")
        );
        // The shortest gap wins, matches do not overlap, and a gap has a limit.
        let chars: Vec<char> = "不是甲而是乙而是不是丙而是".chars().collect();
        let all = parse("不是…而是", false)
            .unwrap()
            .pattern
            .unwrap()
            .find_all(&chars);
        assert_eq!(all, vec![(0, 5), (8, 13)]);
        let far = format!("一是{}二是", "中".repeat(MAX_GAP + 1));
        assert_eq!(first("一是…二是", &far), None);
    }

    #[test]
    fn a_pattern_of_hundreds_of_parts_is_refused_at_once() {
        let q = "要*干…".repeat(100);
        assert!(matches!(
            parse(&q, true),
            Err(QueryError::TooManyParts { parts, max }) if parts > max
        ));
        // Ten enumerated points stay well within the limit.
        let ten = "一是…二是…三是…四是…五是…六是…七是…八是…九是…十是";
        assert!(parse(ten, true).is_ok());
    }

    #[test]
    fn repeated_gaps_do_not_backtrack_exponentially() {
        // 11 gaps (about the most a pattern may have) between one character over a text full of it but without the final 了: the
        // old matcher took over a minute; each (part, position) is now tried once.
        let q = parse("的…".repeat(11).trim_end_matches('…'), true).unwrap();
        let text: Vec<char> = "我们的工作的成绩的取得".repeat(300).chars().collect();
        assert!(!q.pattern.unwrap().find_all(&text).is_empty());
        let q2 = parse(&format!("{}了", "的…".repeat(11)), true).unwrap();
        let pattern = q2.pattern.unwrap();
        let parts = pattern.pieces().len();
        let mut failed = Failed::new(parts, text.len());
        assert!(pattern.find_all_with(&text, &mut failed).is_empty());
        // Each (part, position) is worked out at most once (the old matcher: exponentially often).
        assert!(
            failed.evaluated <= parts * (text.len() + 1),
            "{}",
            failed.evaluated
        );
    }

    #[test]
    fn bad_queries_are_clear_errors() {
        assert!(parse("", false).unwrap_err().to_string().contains("empty"));
        assert!(parse("   ", false)
            .unwrap_err()
            .to_string()
            .contains("empty"));
        assert!(parse("，。！？", false)
            .unwrap_err()
            .to_string()
            .contains("punctuation"));
        assert!(parse(&"字".repeat(10_000), false)
            .unwrap_err()
            .to_string()
            .contains("too long"));
        assert!(parse("…*…", false).is_err());
        assert!(parse("\"", false).is_err());
    }
}
