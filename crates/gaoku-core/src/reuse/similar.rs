//! Similar passages: library paragraphs ranked by the character pairs they share with a text
//! (cosine over the sets of pairs), with the shared wording located for highlighting.

use std::collections::HashSet;

/// The folded character pairs of a text (spaces and punctuation folded as search folds them).
pub fn pairs(text: &str) -> HashSet<[char; 2]> {
    let folded: Vec<char> = text
        .chars()
        .filter_map(crate::search::normalize::fold)
        .collect();
    folded
        .windows(2)
        .filter(|w| w.iter().all(|c| !is_mark(*c)))
        .map(|w| [w[0], w[1]])
        .collect()
}

/// Punctuation does not make two paragraphs alike.
fn is_mark(c: char) -> bool {
    !(c.is_alphanumeric())
}

/// How alike a paragraph (`b`) is to the query (`a`): the mean of the cosine of their sets of
/// pairs (alike as wholes) and the share of the query's pairs the paragraph holds (the query is
/// in it, as a sentence is in a long paragraph).
pub fn score(a: &HashSet<[char; 2]>, b: &HashSet<[char; 2]>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let shared = small.iter().filter(|p| large.contains(*p)).count() as f64;
    let cosine = shared / ((a.len() * b.len()) as f64).sqrt();
    let contained = shared / a.len() as f64;
    (cosine + contained) / 2.0
}

/// Character ranges of `para` covered by pairs of `query`, kept where 4 or more characters run.
pub fn shared_runs(para: &str, query: &HashSet<[char; 2]>) -> Vec<(usize, usize)> {
    let chars: Vec<char> = para.chars().collect();
    let folded: Vec<Option<char>> = chars
        .iter()
        .map(|c| crate::search::normalize::fold(*c))
        .collect();
    let mut covered = vec![false; chars.len()];
    for i in 0..chars.len().saturating_sub(1) {
        if let (Some(a), Some(b)) = (folded[i], folded[i + 1]) {
            if query.contains(&[a, b]) {
                covered[i] = true;
                covered[i + 1] = true;
            }
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < covered.len() {
        if covered[i] {
            let start = i;
            while i < covered.len() && covered[i] {
                i += 1;
            }
            if i - start >= 4 {
                out.push((start, i));
            }
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edited_paragraph_is_closest_to_its_source() {
        let source =
            "要把项目建设作为稳增长、保态势的根本举措来抓，全力以赴抓招商、上项目、破难题。";
        let other = "要把民生工作作为检验发展成效的重要标准，全力以赴抓就业、保民生、促和谐。";
        // About a tenth changed.
        let edited =
            "要把项目建设作为稳增长、保态势的关键举措来抓，全力以赴抓招商、引项目、破难题。";
        let q = pairs(edited);
        assert!(score(&q, &pairs(source)) > 0.7);
        assert!(score(&q, &pairs(source)) > score(&q, &pairs(other)) + 0.3);
        let runs = shared_runs(source, &q);
        assert_eq!(runs[0].0, 0, "{runs:?}");
    }
}
