//! Pattern matching on token positions, without reading any text: the index's character and
//! bigram positions give where each literal part starts, the `\n` tokens give paragraph breaks.
//! Same semantics as [`super::query::Pattern::find_all`] (leftmost, shortest gaps, no overlap),
//! and the same bound on work: a (part, position) that failed once is not tried again.

use super::query::{Failed, Piece, MAX_GAP};

/// Where the literal parts of a pattern occur in one document.
pub struct DocPositions<'a> {
    /// For each piece: the sorted start positions of that literal (empty for non-literals).
    pub literal_starts: &'a [Vec<u32>],
    /// Sorted positions of paragraph breaks.
    pub breaks: &'a [u32],
    /// Number of positions in the document (characters plus breaks).
    pub len: u32,
}

fn contains(sorted: &[u32], x: u32) -> bool {
    sorted.binary_search(&x).is_ok()
}

/// Counts non-overlapping matches of `pieces` in a document.
pub fn count_matches(pieces: &[Piece], d: &DocPositions) -> usize {
    let mut failed = Failed::new(pieces.len(), d.len as usize);
    let mut count = 0;
    let mut pos = 0u32;
    loop {
        let start = match &pieces[0] {
            Piece::Lit(_) => {
                let starts = &d.literal_starts[0];
                match starts.get(starts.partition_point(|p| *p < pos)) {
                    Some(s) => *s,
                    None => break,
                }
            }
            _ => pos,
        };
        if start >= d.len {
            break;
        }
        match match_from(pieces, d, 0, start, &mut failed) {
            Some(end) => {
                count += 1;
                pos = end.max(start + 1);
            }
            None => pos = start + 1,
        }
    }
    count
}

fn match_from(
    pieces: &[Piece],
    d: &DocPositions,
    k: usize,
    at: u32,
    failed: &mut Failed,
) -> Option<u32> {
    let Some(piece) = pieces.get(k) else {
        return Some(at);
    };
    if failed.get(k, at as usize) {
        return None;
    }
    failed.evaluated += 1;
    let found = match piece {
        Piece::Lit(l) => contains(&d.literal_starts[k], at)
            .then(|| match_from(pieces, d, k + 1, at + l.len() as u32, failed))
            .flatten(),
        Piece::Any => (at < d.len && !contains(d.breaks, at))
            .then(|| match_from(pieces, d, k + 1, at + 1, failed))
            .flatten(),
        Piece::Gap => {
            // The gap may not cross a break: it ends at the next one at the latest.
            let next_break = d.breaks.get(d.breaks.partition_point(|b| *b < at)).copied();
            let limit = (at + MAX_GAP as u32)
                .min(next_break.unwrap_or(u32::MAX))
                .min(d.len);
            match pieces.get(k + 1) {
                // Followed by a literal: try only where that literal starts, nearest first.
                Some(Piece::Lit(_)) => {
                    let starts = &d.literal_starts[k + 1];
                    let first = starts.partition_point(|p| *p < at);
                    starts[first..]
                        .iter()
                        .take_while(|p| **p <= limit)
                        .find_map(|p| match_from(pieces, d, k + 1, *p, failed))
                }
                _ => (at..=limit).find_map(|p| match_from(pieces, d, k + 1, p, failed)),
            }
        }
    };
    if found.is_none() {
        failed.set(k, at as usize);
    }
    found
}

/// Start positions of a literal of `n` characters from the positions of its bigrams at `offsets`
/// (or of its single character): every p with a bigram at p + o for each offset o.
pub fn literal_starts(offsets_positions: &[(u32, Vec<u32>)]) -> Vec<u32> {
    let Some(((o0, first), rest)) = offsets_positions.split_first() else {
        return Vec::new();
    };
    first
        .iter()
        .filter_map(|p| p.checked_sub(*o0))
        .filter(|start| rest.iter().all(|(o, ps)| contains(ps, start + o)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::parse;

    /// Positions computed from text, to compare the positional matcher with the text matcher.
    fn positions_of(pieces: &[Piece], text: &[char]) -> (Vec<Vec<u32>>, Vec<u32>) {
        let starts = pieces
            .iter()
            .map(|p| match p {
                Piece::Lit(l) => (0..text.len())
                    .filter(|i| text[*i..].starts_with(l))
                    .map(|i| i as u32)
                    .collect(),
                _ => Vec::new(),
            })
            .collect();
        let breaks = (0..text.len())
            .filter(|i| text[*i] == '\n')
            .map(|i| i as u32)
            .collect();
        (starts, breaks)
    }

    #[test]
    fn agrees_with_the_text_matcher() {
        let text = "不是甲而是乙而是\n不是丙\n而是一是苦干、实干、拼干二是三是\n要苦干、实干、拼命干。既要面子更要里子";
        let chars: Vec<char> = text.chars().collect();
        for q in [
            "不是…而是",
            "一是…二是…三是",
            "要*干、*干、*干",
            "*干、",
            "既要…更要…",
            "是*",
            "苦干…拼",
        ] {
            let pattern = parse(q, true).unwrap().pattern.unwrap();
            let (starts, breaks) = positions_of(pattern.pieces(), &chars);
            let d = DocPositions {
                literal_starts: &starts,
                breaks: &breaks,
                len: chars.len() as u32,
            };
            let by_text: usize = text
                .split('\n')
                .map(|p| {
                    let c: Vec<char> = p.chars().collect();
                    pattern.find_all(&c).len()
                })
                .sum();
            assert_eq!(count_matches(pattern.pieces(), &d), by_text, "{q}");
        }
    }

    #[test]
    fn repeated_gaps_are_bounded_work_on_positions_too() {
        let chars: Vec<char> = "我们的工作的成绩的取得".repeat(300).chars().collect();
        for (q, hits) in [
            ("的…".repeat(11), true),
            (format!("{}了", "的…".repeat(11)), false),
        ] {
            let pattern = parse(q.trim_end_matches('…'), true)
                .unwrap()
                .pattern
                .unwrap();
            let (starts, breaks) = positions_of(pattern.pieces(), &chars);
            let d = DocPositions {
                literal_starts: &starts,
                breaks: &breaks,
                len: chars.len() as u32,
            };
            assert_eq!(count_matches(pattern.pieces(), &d) > 0, hits, "{q}");
        }
    }

    #[test]
    fn bigram_offsets_pin_the_literal() {
        // 狠抓落实 with bigrams 狠抓@0 and 落实@2: starts where both line up.
        let got = literal_starts(&[(0, vec![3, 10, 20]), (2, vec![5, 14, 22])]);
        assert_eq!(got, vec![3, 20]);
    }
}
