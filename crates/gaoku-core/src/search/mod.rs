//! Search over the library: exact phrases, ranked keywords and patterns with gaps, with match
//! offsets and highlighted snippets. tantivy finds the candidate speeches; the stored text gives
//! exact offsets, counts and snippets.

pub mod index;
pub mod normalize;
pub mod positional;
pub mod query;
pub mod snippet;
pub mod tokenizer;

use serde::{Deserialize, Serialize};

pub use index::{Filters, Sort};
pub use query::Mode;

use normalize::Folded;
use query::ParsedQuery;

/// A search as the user asked for it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
pub struct SearchRequest {
    /// What the writer typed: a phrase, keywords or a pattern with `…` or `*`.
    pub query: String,
    /// Treat the query as a pattern even without `…` or `*`.
    #[serde(default)]
    pub pattern: bool,
    /// At most this many hits (0: all).
    #[serde(default)]
    pub limit: usize,
    /// Hits to pass over first (the next page starts where the last one ended).
    #[serde(default)]
    pub offset: usize,
    /// From this year on.
    pub year_from: Option<i32>,
    /// Up to this year.
    pub year_to: Option<i32>,
    /// Only this speaker.
    pub speaker: Option<String>,
    /// Only this kind.
    pub kind: Option<String>,
    /// Only speeches with this tag.
    pub tag: Option<String>,
    /// Relevance or date.
    #[serde(default)]
    pub sort: Sort,
}

impl SearchRequest {
    /// A request for `query` with the default limit of 20 and no filters.
    pub fn new(query: impl Into<String>) -> Self {
        SearchRequest {
            query: query.into(),
            limit: 20,
            ..Default::default()
        }
    }

    pub(crate) fn filters(&self) -> Filters {
        Filters {
            year_from: self.year_from,
            year_to: self.year_to,
            speaker: self.speaker.clone().filter(|s| !s.is_empty()),
            kind: self.kind.clone().filter(|s| !s.is_empty()),
            tag: self.tag.clone().filter(|s| !s.is_empty()),
        }
    }
}

/// A character range in the shown text (paragraphs joined by `\n`), end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Span {
    /// Start character.
    pub start: usize,
    /// End character (exclusive).
    pub end: usize,
}

/// One speech that matched.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct SearchHit {
    /// The speech's id.
    #[ts(type = "number")]
    pub id: i64,
    /// The speech's title.
    pub title: String,
    /// The speech's date.
    pub date: Option<String>,
    /// Relevance score (higher is better).
    pub score: f32,
    /// Non-overlapping occurrences, left to right (for keywords: summed over the terms).
    pub match_count: usize,
    /// Where the matches are in the shown text.
    pub matches: Vec<Span>,
    /// 1–3 snippets of about 80 characters, matches in `<mark>`, everything else HTML-escaped.
    pub snippets: Vec<String>,
}

/// One year of a query's use (see `Library::by_year`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct YearCount {
    /// The year; `None` for speeches without a date.
    pub year: Option<i32>,
    /// Speeches of that year that match.
    pub speeches: usize,
    /// Matches in them.
    pub matches: usize,
}

/// A query's use over the years.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct YearCounts {
    /// The query as given.
    pub query: String,
    /// How the query was read.
    pub mode: Mode,
    /// The years with a matching speech, in order; undated speeches last.
    pub years: Vec<YearCount>,
}

/// The answer to a search.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct SearchResults {
    /// The query as given.
    pub query: String,
    /// How the query was read.
    pub mode: Mode,
    /// Speeches that match (all of them, not only those returned).
    pub total: usize,
    /// The hits returned (at most the request's limit).
    pub hits: Vec<SearchHit>,
    /// Set when the index could not take the latest changes in: the results may miss them.
    pub notice: Option<crate::library::IndexNotice>,
}

/// Does search see this paragraph exactly as stored (no whitespace, no full-width ASCII forms)?
/// Then matching can run on the stored text itself, with no folding.
fn folds_to_itself(p: &str) -> bool {
    p.chars().all(|c| normalize::fold(c) == Some(c))
}

/// Can `p` contain the folded `term`? Each of its first few characters must occur, as itself or
/// as its full-width twin. A cheap scan that skips most paragraphs before any folding.
fn may_contain(p: &str, term: &str) -> bool {
    term.chars().take(4).all(|c| {
        p.contains(c)
            || (('!'..='~').contains(&c)
                && char::from_u32(c as u32 + 0xFEE0).is_some_and(|w| p.contains(w)))
    })
}

/// Finds every match of the query in a speech's paragraphs, as spans of the shown text, sorted.
/// Each span is one non-overlapping occurrence (for keywords: of one of the terms).
pub fn find_matches(paragraphs: &[String], q: &ParsedQuery) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut offset = 0;
    for p in paragraphs {
        let p_chars = p.chars().count();
        let needle = q.terms.first().map(String::as_str).unwrap_or_default();
        let hopeless = match &q.pattern {
            // A pattern's first literal is needed for any match.
            Some(_) => !may_contain(p, needle),
            None => !q.terms.iter().any(|t| may_contain(p, t)),
        };
        // Character ranges inside this paragraph.
        let mut local: Vec<(usize, usize)> = Vec::new();
        match &q.pattern {
            _ if hopeless => {}
            None if folds_to_itself(p) => {
                // Fast path: byte search in the stored text, offsets counted only up to each hit.
                for term in &q.terms {
                    let (mut at_byte, mut at_char) = (0, 0);
                    for (b, m) in p.match_indices(term.as_str()) {
                        at_char += p[at_byte..b].chars().count();
                        at_byte = b;
                        local.push((at_char, at_char + m.chars().count()));
                    }
                }
            }
            None => {
                let folded = Folded::new(p);
                let text = folded.text();
                let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
                let char_at = |byte: usize| starts.partition_point(|&b| b < byte);
                for term in &q.terms {
                    for (at, m) in text.match_indices(term.as_str()) {
                        local.push(folded.original_span(char_at(at), char_at(at + m.len())));
                    }
                }
            }
            Some(pattern) => {
                let folded = Folded::new(p);
                for (s, e) in pattern.find_all(&folded.chars) {
                    local.push(folded.original_span(s, e));
                }
            }
        }
        spans.extend(local.into_iter().map(|(s, e)| Span {
            start: offset + s,
            end: offset + e,
        }));
        offset += p_chars + 1;
    }
    spans.sort_by_key(|s| (s.start, s.end));
    spans
}

/// Snippets for a hit, made paragraph by paragraph; spans merged where they overlap (keywords can
/// overlap each other).
pub fn hit_snippets(paragraphs: &[String], spans: &[Span]) -> Vec<String> {
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for s in spans {
        match merged.last_mut() {
            Some(last) if s.start < last.1 => last.1 = last.1.max(s.end),
            _ => merged.push((s.start, s.end)),
        }
    }
    let mut out = Vec::new();
    let mut offset = 0;
    let mut rest = &merged[..];
    for p in paragraphs {
        if out.len() >= snippet::MAX_SNIPPETS || rest.is_empty() {
            break;
        }
        let n = p.chars().count();
        let inside = rest.iter().take_while(|(s, _)| *s < offset + n).count();
        if inside > 0 {
            let chars: Vec<char> = p.chars().collect();
            let local: Vec<(usize, usize)> = rest[..inside]
                .iter()
                .map(|(s, e)| (s - offset, (e - offset).min(n)))
                .collect();
            let room = snippet::MAX_SNIPPETS - out.len();
            out.extend(snippet::snippets(&chars, &local).into_iter().take(room));
            rest = &rest[inside..];
        }
        offset += n + 1;
    }
    out
}
