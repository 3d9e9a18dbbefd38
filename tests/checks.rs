//! Draft checks over real text: the 87 corpus reports (each checked as of its own date) and the
//! sample speech may produce at most one error or warning per 10,000 characters. Every finding
//! that remains is printed (`cargo test --test checks -- --nocapture`) to be looked at.

#[path = "common/corpus.rs"]
mod corpus;

use std::path::Path;

use gaoku_core::check::Severity;
use gaoku_core::{Library, OpenOptions};

/// The day a corpus document was given, from its file name: the year of a government work report
/// (March), the session of a resolution, the opening day of a party congress.
fn date_of(name: &str) -> Option<String> {
    if let Some(rest) = name.strip_prefix("gwr_report_") {
        return Some(format!("{}-03-05", &rest[..4]));
    }
    const CONGRESSES: [(&str, &str); 14] = [
        ("cpc_01_", "1921-07-23"),
        ("cpc_03_", "1923-06-12"),
        ("cpc_09_", "1969-04-01"),
        ("cpc_10_", "1973-08-24"),
        ("cpc_11_", "1977-08-12"),
        ("cpc_12_", "1982-09-01"),
        ("cpc_13_", "1987-10-25"),
        ("cpc_14_", "1992-10-12"),
        ("cpc_15_", "1997-09-12"),
        ("cpc_16_", "2002-11-08"),
        ("cpc_17_", "2007-10-15"),
        ("cpc_18_", "2012-11-08"),
        ("cpc_19_", "2017-10-18"),
        ("cpc_20_", "2022-10-16"),
    ];
    if let Some((_, d)) = CONGRESSES.iter().find(|(p, _)| name.starts_with(p)) {
        return Some(d.to_string());
    }
    // 第十二届全国人民代表大会第三次会议: the first session of the 10th–14th congresses was in
    // 2003, 2008, 2013, 2018, 2023, one session a year; the 2nd congress's third was in 1962.
    let terms = [
        ("第十届", 2003),
        ("第十一届", 2008),
        ("第十二届", 2013),
        ("第十三届", 2018),
        ("第十四届", 2023),
    ];
    let sessions = ["第一次", "第二次", "第三次", "第四次", "第五次"];
    if name.contains("第二届全国人民代表大会第三次会议") {
        return Some("1962-03-28".into());
    }
    let first = terms
        .iter()
        .find(|(t, _)| name.contains(&format!("{t}全国")))?
        .1;
    let n = sessions
        .iter()
        .position(|s| name.contains(&format!("会{s}会议")))?;
    Some(format!("{}-03-15", first + n as i32))
}

#[test]
fn real_reports_are_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open_with(dir.path(), OpenOptions { seed_sample: false }).unwrap();
    let mut files: Vec<(std::path::PathBuf, String)> = vec![(
        corpus::repo().join("assets/samples/county-half-year-review-2020.txt"),
        "2020-07-20".to_string(),
    )];
    if let Some(docs) = corpus::corpus_docs() {
        for e in std::fs::read_dir(docs).unwrap() {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let date = date_of(&name).unwrap_or_else(|| panic!("a date for {name}"));
            files.push((path, date));
        }
        assert_eq!(files.len(), 88, "the sample and 87 reports");
    } else {
        corpus::skipped(
            "checks::real_reports_are_quiet, its part over the corpus (the sample was checked)",
        );
    }
    files.sort();
    let (mut chars, mut counted) = (0usize, 0usize);
    let mut by_rule = std::collections::BTreeMap::<String, usize>::new();
    for (path, date) in &files {
        let (_, paragraphs) = Library::read_file(path).unwrap();
        let n: usize = paragraphs.iter().map(|p| p.chars().count()).sum();
        chars += n;
        let report = lib.check_file(path, Some(date)).unwrap();
        // .txt files are checked by their lines (all corpus files are UTF-8 text).
        let text: Vec<char> = std::fs::read_to_string(path).unwrap().chars().collect();
        for f in &report.findings {
            if f.severity == Severity::Hint {
                continue;
            }
            counted += 1;
            *by_rule.entry(f.rule.clone()).or_default() += 1;
            let from = f.start.saturating_sub(12);
            let to = (f.end + 12).min(text.len());
            let around: String = text[from..to].iter().collect::<String>().replace('\n', "⏎");
            println!(
                "{} ({date}) [{}] {around} — {}",
                Path::new(path).file_name().unwrap().to_string_lossy(),
                f.rule,
                f.message
            );
        }
    }
    let per_10k = counted as f64 * 10_000.0 / chars as f64;
    println!(
        "{} documents, {chars} characters: {counted} errors and warnings = {per_10k:.2} per 10,000 characters; by rule: {by_rule:?}",
        files.len()
    );
    assert!(
        per_10k <= 1.0,
        "{per_10k:.2} findings per 10,000 characters"
    );
}

#[test]
fn dates_of_the_corpus_names() {
    assert_eq!(
        date_of("gwr_report_2019_x.txt").as_deref(),
        Some("2019-03-05")
    );
    assert_eq!(
        date_of("gwr_resolution_na_第十二届全国人民代表大会第五次会议关于政府工作报告的决议.txt")
            .as_deref(),
        Some("2017-03-15")
    );
    assert_eq!(date_of("cpc_19_决胜.txt").as_deref(), Some("2017-10-18"));
}
