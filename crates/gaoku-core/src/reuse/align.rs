//! Where a sentence of a draft sits in one library speech: verbatim, or nearly (a few characters
//! inserted, deleted or changed). Anchored by the 4-character strings the two share, so the work
//! is proportional to the sentence, not to the speech.

use std::collections::HashMap;

/// Length of the anchors.
const K: usize = 4;
/// An anchor that occurs more often than this in a speech is too common to place a sentence.
const MAX_OCCURRENCES: usize = 32;

/// One speech's text.
pub(crate) struct Indexed {
    /// Its text as shown (paragraphs joined by line breaks).
    text: String,
    /// The same, by character.
    pub chars: Vec<char>,
    /// Where each anchor (K characters) starts, its first [`MAX_OCCURRENCES`] places only:
    /// built once, at the first sentence placed, and shared by all the draft's sentences.
    anchors: std::sync::OnceLock<HashMap<[char; K], Vec<u32>>>,
    /// The byte offset of each character of `text`, built at the first verbatim match.
    char_starts: std::sync::OnceLock<Vec<usize>>,
}

impl Indexed {
    /// Takes a speech's text.
    pub fn new(text: &str) -> Indexed {
        Indexed {
            text: text.to_string(),
            chars: text.chars().collect(),
            anchors: std::sync::OnceLock::new(),
            char_starts: std::sync::OnceLock::new(),
        }
    }

    fn anchors(&self) -> &HashMap<[char; K], Vec<u32>> {
        self.anchors.get_or_init(|| {
            let mut map: HashMap<[char; K], Vec<u32>> = HashMap::new();
            for (j, w) in self.chars.windows(K).enumerate() {
                let places = map.entry([w[0], w[1], w[2], w[3]]).or_default();
                if places.len() < MAX_OCCURRENCES {
                    places.push(j as u32);
                }
            }
            map
        })
    }

    /// Where the sentence occurs verbatim, as a character range.
    fn find(&self, s: &[char]) -> Option<(usize, usize)> {
        let needle: String = s.iter().collect();
        let byte = self.text.find(&needle)?;
        // Characters before `byte`: a search in the characters' byte offsets, not a count.
        let start = self.char_starts().partition_point(|&b| b < byte);
        Some((start, start + s.len()))
    }

    fn char_starts(&self) -> &[usize] {
        self.char_starts
            .get_or_init(|| self.text.char_indices().map(|(b, _)| b).collect())
    }
}

/// A sentence placed in a speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Placed {
    /// Characters of the sentence covered by shared anchors.
    pub covered: usize,
    /// The range in the speech's text.
    pub start: usize,
    pub end: usize,
    /// The sentence occurs there verbatim.
    pub exact: bool,
}

/// The best place of `s` in `src`: the stretch of the speech, at most a third longer than the
/// sentence, whose shared anchors cover the most of the sentence.
pub(crate) fn place(s: &[char], src: &Indexed) -> Option<Placed> {
    let n = s.len();
    if let Some((start, end)) = src.find(s) {
        return Some(Placed {
            covered: n,
            start,
            end,
            exact: true,
        });
    }
    if n < K {
        return None;
    }
    // (position in the speech, position in the sentence) of every shared anchor, looked up in
    // the speech's anchor table: the work follows the sentence, not the speech.
    let table = src.anchors();
    let mut hits: Vec<(u32, u32)> = Vec::new();
    for (i, w) in s.windows(K).enumerate() {
        if let Some(js) = table.get(&[w[0], w[1], w[2], w[3]]) {
            hits.extend(js.iter().map(|&j| (j, i as u32)));
        }
    }
    if hits.is_empty() {
        return None;
    }
    hits.sort_unstable();
    // The diagonal (speech position − sentence position) most anchors agree on: where the
    // sentence sits. An insertion or deletion shifts the diagonal a little; a phrase the sentence
    // repeats pairs with a far one and is left out.
    let mut diagonals: HashMap<i64, usize> = HashMap::new();
    for &(j, i) in &hits {
        *diagonals.entry(j as i64 - i as i64).or_default() += 1;
    }
    let (&d, _) = diagonals
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .expect("hits");
    let slack = (n / 4 + 3) as i64;
    let band: Vec<(u32, u32)> = hits
        .into_iter()
        .filter(|&(j, i)| (j as i64 - i as i64 - d).abs() <= slack)
        .collect();
    // The longest run of anchors in order along both texts.
    let chain = increasing(&band);
    let mut covered = vec![false; n];
    for &(_, i) in &chain {
        for c in covered.iter_mut().skip(i as usize).take(K) {
            *c = true;
        }
    }
    let first = chain.first()?;
    let last = chain.last()?;
    let best = Some(Placed {
        covered: covered.iter().filter(|c| **c).count(),
        // Stretched to where the sentence's first and last characters fall on that diagonal.
        start: (first.0 - first.1.min(first.0)) as usize,
        end: (last.0 as usize + n - last.1 as usize).min(src.chars.len()),
        exact: false,
    });
    let mut b = best?;
    if b.covered == n && b.end - b.start == n && src.chars[b.start..b.end] == *s {
        b.exact = true;
    }
    Some(b)
}

/// The longest subsequence of `hits` (sorted by speech position) whose sentence positions rise.
fn increasing(hits: &[(u32, u32)]) -> Vec<(u32, u32)> {
    // tails[k]: index of the smallest last sentence position of a rising run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; hits.len()];
    for (h, &(_, i)) in hits.iter().enumerate() {
        let k = tails.partition_point(|&t| hits[t].1 < i);
        prev[h] = k.checked_sub(1).map(|p| tails[p]);
        if k == tails.len() {
            tails.push(h);
        } else {
            tails[k] = h;
        }
    }
    let mut out = Vec::new();
    let mut at = tails.last().copied();
    while let Some(h) = at {
        out.push(hits[h]);
        at = prev[h];
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn verbatim_and_near_copies_are_placed() {
        let src = Indexed::new("前言。要把项目建设作为稳增长保态势的根本举措来抓。后记。");
        let exact = place(&chars("要把项目建设作为稳增长保态势的根本举措来抓"), &src).unwrap();
        assert!(exact.exact);
        assert_eq!((exact.start, exact.end), (3, 24));
        // 进一步 inserted and one character changed: still placed, not exact, mostly covered.
        let s = chars("要进一步把项目建设作为稳增长保态势的根本措施来抓");
        let near = place(&s, &src).unwrap();
        assert!(!near.exact);
        assert!(near.covered * 10 >= s.len() * 6, "{near:?}");
        // The range is stretched along the diagonal: it may take in a character or two before.
        assert!(near.start <= 3 && near.end >= 24, "{near:?}");
        // A sentence about something else is not placed (or barely).
        let other = place(&chars("加快推进乡村振兴战略实施"), &src);
        assert!(other.is_none_or(|p| p.covered * 2 < 12));
    }
}
