//! Two texts compared paragraph by paragraph, as a writer compares this year's speech with last
//! year's: paragraphs paired by content wherever they stand (sections move between years), each
//! pair's changed wording marked, paragraphs only on one side called new or dropped, and a
//! summary by characters that adds up to both texts.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::drafts::diff::{diff, DiffOp, DiffPart};
use crate::zh::char_count;

/// Two paragraphs at least this alike (Dice coefficient of their character pairs) are one
/// paragraph, rewritten.
pub const PAIR_AT: f64 = 0.5;
/// A character pair in more paragraphs than this says nothing about which ones belong together.
const COMMON_PAIR: usize = 64;

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct CompareSide {
    /// What it is: a speech's or a draft's title, a file's name.
    pub title: String,
    /// Its paragraphs, as compared.
    pub paragraphs: Vec<String>,
}

/// Two paragraphs found to be one.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ParagraphPair {
    /// Its index on the left.
    pub left: usize,
    /// Its index on the right.
    pub right: usize,
    /// How alike, 0–1 (1: the same text).
    pub similarity: f64,
    /// Out of order against the other pairs: the paragraph moved.
    pub moved: bool,
    /// The wording from left to right (empty when the same).
    pub diff: Vec<DiffPart>,
}

/// One row of the side-by-side view: a pair, or a paragraph of one side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct CompareRow {
    /// The left paragraph, if any.
    pub left: Option<usize>,
    /// The right paragraph, if any.
    pub right: Option<usize>,
    /// The pair's index in `pairs`, for a pair.
    pub pair: Option<usize>,
}

/// What changed, by paragraphs and by characters (`unchanged + dropped` is the left text's
/// length, `unchanged + added` the right's).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct CompareSummary {
    /// Characters of the left text.
    pub left_chars: usize,
    /// Characters of the right text.
    pub right_chars: usize,
    /// Characters in both, unchanged.
    pub unchanged: usize,
    /// Characters only on the right (new paragraphs and new wording).
    pub added: usize,
    /// Characters only on the left (dropped paragraphs and dropped wording).
    pub dropped: usize,
    /// Paragraphs the same on both sides.
    pub same_paragraphs: usize,
    /// Paragraphs rewritten.
    pub changed_paragraphs: usize,
    /// Paragraphs only on the right.
    pub new_paragraphs: usize,
    /// Paragraphs only on the left.
    pub dropped_paragraphs: usize,
    /// Pairs out of order: sections that moved.
    pub moved_paragraphs: usize,
}

/// A comparison of two texts.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Comparison {
    /// The older text, usually.
    pub left: CompareSide,
    /// The newer text, usually.
    pub right: CompareSide,
    /// Paragraphs paired, in the right text's order.
    pub pairs: Vec<ParagraphPair>,
    /// Left paragraphs with no partner: dropped.
    pub left_only: Vec<usize>,
    /// Right paragraphs with no partner: new.
    pub right_only: Vec<usize>,
    /// The side-by-side rows: the right text in order, a dropped paragraph after the pair its
    /// predecessor on the left is in.
    pub rows: Vec<CompareRow>,
    /// What changed.
    pub summary: CompareSummary,
}

/// The character pairs of a paragraph (folded as search folds), punctuation left out.
fn pair_set(p: &str) -> HashSet<[char; 2]> {
    crate::reuse::similar::pairs(p)
}

fn dice(shared: usize, a: usize, b: usize) -> f64 {
    if a + b == 0 {
        0.0
    } else {
        2.0 * shared as f64 / (a + b) as f64
    }
}

/// Pairs the paragraphs of two texts: the same text first (in order), then the most alike
/// remaining pairs above [`PAIR_AT`], best first.
fn pair_up(left: &[String], right: &[String]) -> Vec<(usize, usize, f64)> {
    let mut taken_l = vec![false; left.len()];
    let mut taken_r = vec![false; right.len()];
    let mut out = Vec::new();
    // The same text: each left paragraph to the first free right one with its text.
    let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, p) in right.iter().enumerate().rev() {
        by_text.entry(p.trim()).or_default().push(j);
    }
    for (i, p) in left.iter().enumerate() {
        if let Some(j) = by_text.get_mut(p.trim()).and_then(|v| v.pop()) {
            taken_l[i] = true;
            taken_r[j] = true;
            out.push((i, j, 1.0));
        }
    }
    // Alike: shared pairs counted through an index of the left paragraphs' pairs.
    let lsets: Vec<HashSet<[char; 2]>> = left.iter().map(|p| pair_set(p)).collect();
    let rsets: Vec<HashSet<[char; 2]>> = right.iter().map(|p| pair_set(p)).collect();
    let mut index: HashMap<[char; 2], Vec<usize>> = HashMap::new();
    for (i, set) in lsets.iter().enumerate().filter(|(i, _)| !taken_l[*i]) {
        for p in set {
            index.entry(*p).or_default().push(i);
        }
    }
    let mut candidates = Vec::new();
    for (j, set) in rsets.iter().enumerate().filter(|(j, _)| !taken_r[*j]) {
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for p in set {
            if let Some(ls) = index.get(p).filter(|ls| ls.len() <= COMMON_PAIR) {
                for &i in ls {
                    *shared.entry(i).or_default() += 1;
                }
            }
        }
        for (i, n) in shared {
            // Common pairs were skipped above, so this undercounts: a generous first cut, then
            // the exact count for the paragraphs that pass it.
            let rough = dice(n, lsets[i].len(), set.len());
            if rough * 4.0 < PAIR_AT {
                continue;
            }
            let exact = lsets[i].intersection(set).count();
            let score = dice(exact, lsets[i].len(), set.len());
            if score >= PAIR_AT {
                candidates.push((i, j, score));
            }
        }
    }
    candidates.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    for (i, j, score) in candidates {
        if !taken_l[i] && !taken_r[j] {
            taken_l[i] = true;
            taken_r[j] = true;
            out.push((i, j, score));
        }
    }
    out.sort_by_key(|&(_, j, _)| j);
    out
}

/// Which pairs (in right order) keep the left order: the longest increasing run of left
/// indices; the others moved.
fn in_order(lefts: &[usize]) -> Vec<bool> {
    // Patience sorting with back links: O(n log n).
    let mut tails: Vec<usize> = Vec::new();
    let mut prev = vec![usize::MAX; lefts.len()];
    for (k, &l) in lefts.iter().enumerate() {
        let at = tails.partition_point(|&t| lefts[t] < l);
        if at > 0 {
            prev[k] = tails[at - 1];
        }
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut keep = vec![false; lefts.len()];
    let mut k = tails.last().copied().unwrap_or(usize::MAX);
    while k != usize::MAX {
        keep[k] = true;
        k = prev[k];
    }
    keep
}

/// Compares two texts given as paragraphs.
pub fn compare(left: CompareSide, right: CompareSide) -> Comparison {
    let paired = pair_up(&left.paragraphs, &right.paragraphs);
    let keep = in_order(&paired.iter().map(|p| p.0).collect::<Vec<_>>());
    let mut summary = CompareSummary {
        left_chars: left.paragraphs.iter().map(|p| char_count(p)).sum(),
        right_chars: right.paragraphs.iter().map(|p| char_count(p)).sum(),
        ..Default::default()
    };
    let mut pairs = Vec::with_capacity(paired.len());
    for (k, &(i, j, similarity)) in paired.iter().enumerate() {
        let (a, b) = (&left.paragraphs[i], &right.paragraphs[j]);
        let parts = if a == b { Vec::new() } else { diff(a, b) };
        if parts.is_empty() {
            summary.same_paragraphs += 1;
            summary.unchanged += char_count(a);
        } else {
            summary.changed_paragraphs += 1;
            for part in &parts {
                let n = char_count(&part.text);
                match part.op {
                    DiffOp::Same => summary.unchanged += n,
                    DiffOp::Added => summary.added += n,
                    DiffOp::Removed => summary.dropped += n,
                }
            }
        }
        if !keep[k] {
            summary.moved_paragraphs += 1;
        }
        pairs.push(ParagraphPair {
            left: i,
            right: j,
            similarity,
            moved: !keep[k],
            diff: parts,
        });
    }
    let partner_l: HashMap<usize, usize> =
        pairs.iter().enumerate().map(|(k, p)| (p.left, k)).collect();
    let partner_r: HashMap<usize, usize> = pairs
        .iter()
        .enumerate()
        .map(|(k, p)| (p.right, k))
        .collect();
    let left_only: Vec<usize> = (0..left.paragraphs.len())
        .filter(|i| !partner_l.contains_key(i))
        .collect();
    let right_only: Vec<usize> = (0..right.paragraphs.len())
        .filter(|j| !partner_r.contains_key(j))
        .collect();
    summary.new_paragraphs = right_only.len();
    summary.dropped_paragraphs = left_only.len();
    summary.added += right_only
        .iter()
        .map(|&j| char_count(&right.paragraphs[j]))
        .sum::<usize>();
    summary.dropped += left_only
        .iter()
        .map(|&i| char_count(&left.paragraphs[i]))
        .sum::<usize>();

    // Rows: the right text in order; each dropped paragraph after the row of the nearest paired
    // paragraph before it on the left (at the top when none is).
    let mut after: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
    let mut anchor: Option<usize> = None;
    for i in 0..left.paragraphs.len() {
        match partner_l.get(&i) {
            Some(&k) => anchor = Some(k),
            None => after.entry(anchor).or_default().push(i),
        }
    }
    let dropped_rows = |rows: &mut Vec<CompareRow>, at: Option<usize>| {
        for &i in after.get(&at).into_iter().flatten() {
            rows.push(CompareRow {
                left: Some(i),
                right: None,
                pair: None,
            });
        }
    };
    let mut rows = Vec::new();
    dropped_rows(&mut rows, None);
    for j in 0..right.paragraphs.len() {
        match partner_r.get(&j) {
            Some(&k) => {
                rows.push(CompareRow {
                    left: Some(pairs[k].left),
                    right: Some(j),
                    pair: Some(k),
                });
                dropped_rows(&mut rows, Some(k));
            }
            None => rows.push(CompareRow {
                left: None,
                right: Some(j),
                pair: None,
            }),
        }
    }
    Comparison {
        left,
        right,
        pairs,
        left_only,
        right_only,
        rows,
        summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(title: &str, ps: &[&str]) -> CompareSide {
        CompareSide {
            title: title.into(),
            paragraphs: ps.iter().map(|p| p.to_string()).collect(),
        }
    }

    #[test]
    fn moved_rewritten_new_and_dropped_paragraphs() {
        let a = side(
            "去年",
            &[
                "同志们：",
                "一、上半年工作回顾",
                "上半年，全县经济运行总体平稳，主要指标稳中有进，工业生产持续回升。",
                "二、下半年重点任务",
                "要狠抓项目建设，确保全年投资目标任务圆满完成。",
                "今年防汛形势严峻，各地要提前做好准备。",
            ],
        );
        let b = side(
            "今年",
            &[
                "同志们：",
                "一、下半年重点任务",
                "要狠抓项目建设，确保全年投资目标任务顺利完成。",
                "二、上半年工作回顾",
                "上半年，全县经济运行总体平稳，主要指标稳中有进，工业生产持续回升。",
                "要大力发展数字经济，培育新的增长点。",
            ],
        );
        let c = compare(a.clone(), b.clone());
        let pairs: Vec<(usize, usize)> = c.pairs.iter().map(|p| (p.left, p.right)).collect();
        assert!(pairs.contains(&(2, 4)), "{pairs:?}");
        assert!(pairs.contains(&(4, 2)), "{pairs:?}");
        assert_eq!(c.left_only, vec![5]);
        assert_eq!(c.right_only, vec![5]);
        let rewritten = c.pairs.iter().find(|p| p.left == 4).unwrap();
        assert!(rewritten.similarity < 1.0 && rewritten.similarity >= PAIR_AT);
        assert!(rewritten
            .diff
            .iter()
            .any(|d| d.op == DiffOp::Removed && d.text.contains("圆满")));
        assert!(c.summary.moved_paragraphs >= 1);
        let s = &c.summary;
        assert_eq!(s.unchanged + s.dropped, s.left_chars);
        assert_eq!(s.unchanged + s.added, s.right_chars);
        // Every paragraph of each side is in exactly one row.
        let mut lefts: Vec<usize> = c.rows.iter().filter_map(|r| r.left).collect();
        let rights: Vec<usize> = c.rows.iter().filter_map(|r| r.right).collect();
        lefts.sort();
        assert_eq!(lefts, (0..6).collect::<Vec<_>>());
        assert_eq!(rights, (0..6).collect::<Vec<_>>());
    }

    #[test]
    fn the_longest_run_in_order_stays_and_the_rest_moved() {
        assert_eq!(
            in_order(&[0, 1, 5, 2, 3]),
            vec![true, true, false, true, true]
        );
        assert_eq!(in_order(&[]), Vec::<bool>::new());
        assert_eq!(in_order(&[3, 2, 1]).iter().filter(|k| **k).count(), 1);
    }
}
