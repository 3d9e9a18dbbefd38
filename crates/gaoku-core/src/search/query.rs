//! Reading what the writer typed: an exact phrase, several keywords, or a pattern with gaps.

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::normalize::fold;

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 1000;
/// A `…` gap spans at most this many characters (inside one paragraph).
pub const MAX_GAP: usize = 200;

/// How a query is matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Phrase,
    Keywords,
    Pattern,
}

/// A parsed query. Terms and literal parts are already folded (see [`super::normalize`]).
#[derive(Debug, Clone)]
pub struct ParsedQuery {
    pub mode: Mode,
    /// Phrase: one term; keywords: several; pattern: its literal parts (used to narrow candidates).
    pub terms: Vec<String>,
    /// For patterns: the regex run over folded paragraph text.
    pub pattern: Option<Regex>,
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
pub fn parse(q: &str, force_pattern: bool) -> Result<ParsedQuery, String> {
    let q = q.trim();
    if q.is_empty() {
        return Err("empty query: type a phrase (狠抓落实), keywords (乡村振兴 产业), or a pattern (一是…二是…)".into());
    }
    let n = q.chars().count();
    if n > MAX_QUERY_CHARS {
        return Err(format!(
            "query too long: {n} characters (at most {MAX_QUERY_CHARS})"
        ));
    }
    if !q.chars().any(|c| c.is_alphanumeric()) {
        return Err("nothing to search for: the query has only punctuation or symbols".into());
    }
    if force_pattern || looks_like_pattern(q) {
        return parse_pattern(q);
    }
    let terms = split_terms(q);
    if terms.is_empty() {
        return Err("empty query".into());
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
            c if !quoted && crate::text::is_space(c) => {
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

enum Piece {
    Lit(String),
    Gap,
    Any,
}

fn parse_pattern(q: &str) -> Result<ParsedQuery, String> {
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
            pieces.push(Piece::Lit(c.to_string()));
        }
        i += 1;
    }
    let literals: Vec<String> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Lit(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    if literals.is_empty() {
        return Err("a pattern needs some text besides … and *, e.g. 一是…二是…三是".into());
    }
    let mut re = String::new();
    for p in &pieces {
        match p {
            Piece::Lit(s) => re.push_str(&regex::escape(s)),
            Piece::Gap => re.push_str(&format!(".{{0,{MAX_GAP}}}?")),
            Piece::Any => re.push('.'),
        }
    }
    // Leading and trailing gaps add nothing to a match: trim them so spans hug the text.
    let re = re
        .trim_start_matches(&format!(".{{0,{MAX_GAP}}}?"))
        .trim_end_matches(&format!(".{{0,{MAX_GAP}}}?"))
        .to_string();
    let regex = Regex::new(&re).map_err(|e| format!("pattern too complex: {e}"))?;
    Ok(ParsedQuery {
        mode: Mode::Pattern,
        terms: literals,
        pattern: Some(regex),
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
        let re = p.pattern.unwrap();
        assert_eq!(
            re.find("甲一是乙乙二是丙三是丁").unwrap().as_str(),
            "一是乙乙二是丙三是"
        );
        let star = parse("要*干、*干、*干", false).unwrap().pattern.unwrap();
        assert_eq!(
            star.find("要苦干、实干、拼干！").unwrap().as_str(),
            "要苦干、实干、拼干"
        );
        assert!(star.find("要苦干、实干、拼命干").is_none());
        let dots = parse("既要...更要...", false).unwrap();
        assert_eq!(dots.terms, vec!["既要", "更要"]);
        assert_eq!(
            dots.pattern
                .unwrap()
                .find("既要面子更要里子")
                .unwrap()
                .as_str(),
            "既要面子更要"
        );
        assert!(parse("a.b(c)[d]+?", true)
            .unwrap()
            .pattern
            .unwrap()
            .is_match("a.b(c)[d]+?"));
    }

    #[test]
    fn bad_queries_are_clear_errors() {
        assert!(parse("", false).unwrap_err().contains("empty"));
        assert!(parse("   ", false).unwrap_err().contains("empty"));
        assert!(parse("，。！？", false)
            .unwrap_err()
            .contains("punctuation"));
        assert!(parse(&"字".repeat(10_000), false)
            .unwrap_err()
            .contains("too long"));
        assert!(parse("…*…", false).is_err());
        assert!(parse("\"", false).is_err());
    }
}
