//! The library over time, against truth: a query's speeches and matches per year equal a plain
//! scan of the texts grouped by their years; two consecutive government work reports, and one of
//! them with a section moved, a paragraph rewritten, one added and one dropped, compare as a
//! writer would mark them by hand, with a summary that adds up to both texts.

#[path = "common/corpus.rs"]
mod corpus;

use std::collections::BTreeMap;

use gaoku_core::compare::CompareSide;
use gaoku_core::drafts::diff::DiffOp;
use gaoku_core::library::CompareWith;
use gaoku_core::{Library, OpenOptions, SearchRequest};

fn open_corpus(dir: &std::path::Path) -> Option<Library> {
    let Some(docs) = corpus::corpus_docs() else {
        corpus::skipped("by-year counts and comparisons over the corpus");
        return None;
    };
    let mut lib = Library::open_with(dir, OpenOptions { seed_sample: false }).unwrap();
    let report = lib.import(&[docs], |_| {}, None);
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    Some(lib)
}

/// Non-overlapping occurrences of `needle` in each paragraph, summed (search never matches
/// across a paragraph break).
fn occurrences(paragraphs: &[String], needle: &str) -> usize {
    paragraphs.iter().map(|p| p.matches(needle).count()).sum()
}

#[test]
fn by_year_counts_equal_a_scan_of_the_texts() {
    let dir = tempfile::tempdir().unwrap();
    let Some(mut lib) = open_corpus(dir.path()) else {
        return;
    };
    let speeches: Vec<_> = lib
        .list()
        .unwrap()
        .into_iter()
        .map(|s| (s.meta.year, lib.speech(s.id).unwrap().paragraphs))
        .collect();
    for q in ["改革", "高质量发展", "又好又快", "狠抓落实", "实事求是"] {
        let mut truth: BTreeMap<Option<i32>, (usize, usize)> = BTreeMap::new();
        for (year, paragraphs) in &speeches {
            let n = occurrences(paragraphs, q);
            if n > 0 {
                let e = truth.entry(*year).or_default();
                e.0 += 1;
                e.1 += n;
            }
        }
        let got = lib.by_year(&SearchRequest::new(q)).unwrap();
        let got: BTreeMap<Option<i32>, (usize, usize)> = got
            .years
            .iter()
            .map(|y| (y.year, (y.speeches, y.matches)))
            .collect();
        assert_eq!(got, truth, "{q}");
        // And the search agrees: its total is the speeches summed over the years.
        let total = lib.search(&SearchRequest::new(q)).unwrap().total;
        assert_eq!(total, truth.values().map(|v| v.0).sum::<usize>(), "{q}");
    }
    // Keywords: the speeches holding every term, their matches summed over the terms.
    let mut truth: BTreeMap<Option<i32>, (usize, usize)> = BTreeMap::new();
    for (year, paragraphs) in &speeches {
        let (a, b) = (
            occurrences(paragraphs, "乡村"),
            occurrences(paragraphs, "振兴"),
        );
        if a > 0 && b > 0 {
            let e = truth.entry(*year).or_default();
            e.0 += 1;
            e.1 += a + b;
        }
    }
    let got: BTreeMap<Option<i32>, (usize, usize)> = lib
        .by_year(&SearchRequest::new("乡村 振兴"))
        .unwrap()
        .years
        .iter()
        .map(|y| (y.year, (y.speeches, y.matches)))
        .collect();
    assert_eq!(got, truth, "乡村 振兴");
    // 高质量发展 is a phrase of the last years: none before 2017.
    let years = lib.by_year(&SearchRequest::new("高质量发展")).unwrap();
    assert!(
        years.years.iter().all(|y| y.year.is_none_or(|y| y >= 2017)),
        "{years:?}"
    );
    assert!(!years.years.is_empty());
    // A pattern counts as the search counts it: speeches and matches add up to its hits.
    let req = SearchRequest {
        limit: 0,
        ..SearchRequest::new("一是…二是…三是")
    };
    let hits = lib.search(&req).unwrap();
    let years = lib.by_year(&req).unwrap();
    assert_eq!(
        years.years.iter().map(|y| y.speeches).sum::<usize>(),
        hits.total
    );
    assert_eq!(
        years.years.iter().map(|y| y.matches).sum::<usize>(),
        hits.hits.iter().map(|h| h.match_count).sum::<usize>()
    );
    // Undated speeches come last.
    let all = lib.by_year(&SearchRequest::new("报告")).unwrap();
    let dated: Vec<i32> = all.years.iter().filter_map(|y| y.year).collect();
    assert!(dated.windows(2).all(|w| w[0] < w[1]));
    if let Some(pos) = all.years.iter().position(|y| y.year.is_none()) {
        assert_eq!(pos, all.years.len() - 1);
    }
}

fn report(lib: &Library, year: i32) -> i64 {
    lib.list()
        .unwrap()
        .into_iter()
        .find(|s| {
            s.meta.title.starts_with(&format!("{year}年")) && s.meta.title.contains("政府工作报告")
        })
        .unwrap_or_else(|| panic!("the {year} report"))
        .id
}

#[test]
fn a_moved_section_a_rewrite_an_addition_and_a_cut_are_found() {
    let dir = tempfile::tempdir().unwrap();
    let Some(lib) = open_corpus(dir.path()) else {
        return;
    };
    let left = lib
        .compare_side(&CompareWith::Speech {
            id: report(&lib, 2019),
        })
        .unwrap();
    let p = &left.paragraphs;
    // The sections start at 一、二、三、…: move the second section to the end.
    let heads: Vec<usize> = (0..p.len())
        .filter(|&i| ["一、", "二、", "三、"].iter().any(|h| p[i].starts_with(h)))
        .collect();
    assert!(heads.len() >= 3, "{heads:?}");
    let (s2, s3) = (heads[1], heads[2]);
    let mut right: Vec<String> = p[..s2].to_vec();
    right.extend_from_slice(&p[s3..]);
    right.extend_from_slice(&p[s2..s3]);
    // In the first section: one paragraph rewritten (a few characters), one cut; a new one.
    let edited = (heads[0] + 1..s2)
        .find(|&i| p[i].chars().count() > 120)
        .unwrap();
    let cut = (edited + 1..s2)
        .find(|&i| p[i].chars().count() > 40)
        .unwrap();
    let new_para = "我们要大力发展县域特色产业，让农民在家门口就业增收。".to_string();
    let at_edit = right.iter().position(|x| *x == p[edited]).unwrap();
    right[at_edit] = p[edited]
        .replacen('，', "，切实", 1)
        .replacen("。", "，确保取得实效。", 1);
    let at_cut = right.iter().position(|x| *x == p[cut]).unwrap();
    right.remove(at_cut);
    right.insert(at_cut, new_para.clone());
    let right = CompareSide {
        title: "改过的".into(),
        paragraphs: right,
    };
    let c = gaoku_core::compare::compare(left.clone(), right.clone());

    // The moved section: every paragraph paired with itself, unchanged.
    for (i, text) in p.iter().enumerate().take(s3).skip(s2) {
        let pair = c
            .pairs
            .iter()
            .find(|x| x.left == i)
            .unwrap_or_else(|| panic!("{i} unpaired"));
        assert_eq!(&right.paragraphs[pair.right], text);
        assert!(pair.diff.is_empty());
    }
    // Moved: the smaller block is out of order (the moved section, or what it jumped over).
    assert!(c.summary.moved_paragraphs >= (s3 - s2).min(p.len() - s3));
    // The rewrite is paired and its new wording marked.
    let rewrite = c.pairs.iter().find(|x| x.left == edited).unwrap();
    assert!(rewrite.similarity < 1.0);
    let added: String = rewrite
        .diff
        .iter()
        .filter(|d| d.op == DiffOp::Added)
        .map(|d| d.text.as_str())
        .collect();
    assert!(
        added.contains("切实") && added.contains("确保取得实效"),
        "{added}"
    );
    assert_eq!(c.left_only, vec![cut]);
    assert_eq!(c.right_only.len(), 1);
    assert_eq!(right.paragraphs[c.right_only[0]], new_para);
    let s = &c.summary;
    assert_eq!(s.unchanged + s.dropped, s.left_chars);
    assert_eq!(s.unchanged + s.added, s.right_chars);
    assert_eq!(
        (s.new_paragraphs, s.dropped_paragraphs, s.changed_paragraphs),
        (1, 1, 1)
    );
}

#[test]
fn consecutive_reports_compare_with_a_summary_that_adds_up() {
    let dir = tempfile::tempdir().unwrap();
    let Some(lib) = open_corpus(dir.path()) else {
        return;
    };
    let (a, b) = (report(&lib, 2018), report(&lib, 2019));
    let c = lib
        .compare(
            &CompareWith::Speech { id: a },
            &CompareWith::Speech { id: b },
        )
        .unwrap();
    let s = &c.summary;
    assert_eq!(s.unchanged + s.dropped, s.left_chars);
    assert_eq!(s.unchanged + s.added, s.right_chars);
    assert_eq!(s.left_chars, lib.speech(a).unwrap().chars);
    // Every paragraph is in exactly one place: a pair or one side's own list.
    let lp = c.left.paragraphs.len();
    let rp = c.right.paragraphs.len();
    assert_eq!(c.pairs.len() + c.left_only.len(), lp);
    assert_eq!(c.pairs.len() + c.right_only.len(), rp);
    assert_eq!(
        c.rows.len(),
        c.pairs.len() + c.left_only.len() + c.right_only.len()
    );
    // Two years of one government's report: much is new, some wording carries over.
    assert!(s.same_paragraphs + s.changed_paragraphs > 0);
    assert!(s.added > s.right_chars / 2, "{s:?}");
    // Compared with itself: everything the same.
    let same = lib
        .compare(
            &CompareWith::Speech { id: b },
            &CompareWith::Speech { id: b },
        )
        .unwrap();
    assert_eq!(same.summary.unchanged, same.summary.left_chars);
    assert_eq!((same.summary.added, same.summary.dropped), (0, 0));
}
