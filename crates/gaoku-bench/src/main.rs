//! Search benchmark. Scales the real corpus up to N speeches (paragraphs sampled with a fixed seed),
//! then, in one run, measures Gaoku (import, index build, query latency, memory), ripgrep over the
//! same texts as files, and SQLite FTS5 trigram over the same texts, and prints a table with ratios.
//!
//! `cargo run --release -p gaoku-bench -- --speeches 10000` (see docs/benchmarks.md); `--structure`
//! and `--formats` time the other paths.

mod formats;
mod reuse;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use clap::Parser;
use gaoku_core::{Library, OpenOptions, SearchRequest};

#[derive(Parser)]
pub(crate) struct Args {
    /// Speeches to generate (~20 KB each).
    #[arg(long, default_value_t = 10_000)]
    speeches: usize,
    /// Folder of real speeches to sample paragraphs from.
    #[arg(long, default_value = "../shared/corpus/gov-reports/docs")]
    corpus: PathBuf,
    /// Work folder (generated files, library, FTS5 database). Reused when it holds the same corpus.
    #[arg(long, default_value = "target/bench")]
    work: PathBuf,
    /// Timed runs per query.
    #[arg(long, default_value_t = 30)]
    runs: usize,
    /// Reuse the library and FTS5 database of an earlier run: time the queries only.
    #[arg(long)]
    queries_only: bool,
    /// Time outlines, phrase mining, the draft render path and export on the real corpus instead
    /// of search.
    #[arg(long)]
    structure: bool,
    /// Time import by format (.txt, .docx, .doc, .pdf written by LibreOffice from the corpus)
    /// against pdftotext and LibreOffice, and a mixed import of 1,000 files.
    #[arg(long)]
    formats: bool,
    /// Time 查重 of a 10,000-字 draft and similar passages on the N-speech library, beside brute
    /// force over the same texts.
    #[arg(long)]
    reuse: bool,
}

/// Outline of a 60,000-character report and mining of the whole corpus.
fn structure(args: &Args) {
    let mut docs: Vec<(String, Vec<String>)> = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&args.corpus)
        .expect("corpus")
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for f in files {
        docs.push(Library::read_file(&f).expect("corpus file reads"));
    }
    let chars: usize = docs
        .iter()
        .map(|(_, p)| p.iter().map(|x| x.chars().count()).sum::<usize>())
        .sum();
    // A long report: the longest one, with the next ones appended until 60,000 characters.
    docs.sort_by_key(|(_, p)| std::cmp::Reverse(p.iter().map(|x| x.len()).sum::<usize>()));
    let mut long: Vec<String> = Vec::new();
    for (_, p) in &docs {
        if long.iter().map(|x| x.chars().count()).sum::<usize>() >= 60_000 {
            break;
        }
        long.extend(p.iter().cloned());
    }
    let long_chars: usize = long.iter().map(|x| x.chars().count()).sum();
    let o = time(args.runs, || {
        gaoku_core::outline::outline("长报告", &long);
    });
    let m = time(args.runs.min(10), || {
        for (title, p) in &docs {
            gaoku_core::phrases::mine::mine(title, p);
        }
    });
    println!("| task | median ms | p99 ms |\n|---|---|---|");
    println!(
        "| outline of a {long_chars}-character report | {} | {} |",
        ms(o.median),
        ms(o.p99)
    );
    println!(
        "| mining all {} corpus documents ({chars} characters) | {} | {} |",
        docs.len(),
        ms(m.median),
        ms(m.p99)
    );
    writing(args, &long);
}

/// The editor's render path on a 30,000-字 draft, autosave, and export of the 60,000-character
/// report (with pandoc converting the same Markdown for comparison).
fn writing(args: &Args, long: &[String]) {
    use gaoku_core::drafts::SaveKind;
    use gaoku_core::export::{self, ExportDoc, Format, Style};
    use gaoku_core::zh::word_count;
    let mut paras = Vec::new();
    for p in long {
        if word_count(&paras.join("\n")) >= 30_000 {
            break;
        }
        paras.push(p.clone());
    }
    let draft = gaoku_core::outline::to_markdown("长篇讲话稿", &paras, false);
    let n = word_count(&draft);
    let row = |task: String, t: Stat| println!("| {task} | {} | {} |", ms(t.median), ms(t.p99));
    row(
        format!("draft preview (Markdown → sanitized HTML), {n} 字"),
        time(args.runs, || {
            Library::preview_markdown(&draft);
        }),
    );
    row(
        format!("draft outline, {n} 字"),
        time(args.runs, || {
            Library::draft_outline(&draft);
        }),
    );
    row(
        format!("字数 of the draft, {n} 字"),
        time(args.runs, || {
            word_count(&draft);
        }),
    );
    let dir = args.work.join("writing-library");
    let _ = std::fs::remove_dir_all(&dir);
    let mut lib = Library::open_with(&dir, OpenOptions { seed_sample: false }).expect("library");
    let id = lib.create_draft(&draft, None).expect("draft").id;
    let mut k = 0;
    row(
        format!("autosave of the draft into SQLite, {n} 字"),
        time(args.runs, || {
            k += 1;
            lib.save_draft(id, &format!("{draft}{k}"), SaveKind::Auto)
                .expect("save");
        }),
    );
    // Draft checks: what the editor asks for after each pause in the typing (the packs read from
    // the library and layered each time), and the checks alone with the rules compiled once.
    let findings = lib
        .check_markdown(&draft, Some("2026-06-30"))
        .expect("check")
        .findings
        .len();
    row(
        format!("draft checks through the library (packs read, compiled rules kept), {n} 字, {findings} findings"),
        time(args.runs, || {
            lib.check_markdown(&draft, Some("2026-06-30")).expect("check");
        }),
    );
    let terms = gaoku_core::check::TermSet::builtin();
    let disabled = std::collections::HashSet::new();
    let opts = gaoku_core::check::CheckOptions {
        date: "2026-06-30".into(),
        terms: &terms,
        disabled: &disabled,
    };
    row(
        format!("draft checks alone (rules compiled once), {n} 字"),
        time(args.runs, || {
            gaoku_core::check::check_markdown(&draft, &opts);
        }),
    );
    let doc = ExportDoc {
        title: "长篇报告".into(),
        paragraphs: long.to_vec(),
        ..ExportDoc::default()
    };
    let chars: usize = long.iter().map(|p| p.chars().count()).sum();
    for (name, format, style) in [
        ("Markdown", Format::Md, Style::Gbt9704),
        ("plain text", Format::Txt, Style::Plain),
        (".docx GB/T 9704", Format::Docx, Style::Gbt9704),
        (".docx plain", Format::Docx, Style::Plain),
    ] {
        row(
            format!("export of a {chars}-character report as {name}"),
            time(args.runs, || {
                export::render(&doc, format, style, &export::ExportSettings::default())
                    .expect("export");
            }),
        );
    }
    let md = args.work.join("long.md");
    std::fs::write(&md, export::markdown(&doc)).expect("write md");
    if Command::new("pandoc").arg("--version").output().is_ok() {
        let out = args.work.join("long.docx");
        row(
            "for comparison: `pandoc long.md -o long.docx` (process)".into(),
            time(5, || {
                Command::new("pandoc")
                    .arg(&md)
                    .arg("-o")
                    .arg(&out)
                    .status()
                    .expect("pandoc");
            }),
        );
    }
}

/// Deterministic xorshift so every run generates the same corpus.
pub(crate) struct Rng(pub(crate) u64);
impl Rng {
    pub(crate) fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn paragraphs(corpus: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(corpus)
        .expect("corpus folder")
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for block in text.split("\n\n") {
            let p: String = block.lines().map(str::trim).collect();
            if p.chars().count() >= 20 {
                out.push(p);
            }
        }
    }
    out
}

/// Writes N speech files of ~20 KB and returns their total size in bytes.
pub(crate) fn generate(args: &Args, dir: &Path) -> u64 {
    let marker = dir.join(format!(".generated-{}", args.speeches));
    if marker.exists() {
        return dir_size(dir);
    }
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).unwrap();
    let paras = paragraphs(&args.corpus);
    let mut rng = Rng(0x2545F4914F6CDD1D);
    let mut total = 0u64;
    for i in 0..args.speeches {
        let year = 1990 + (i % 35);
        let mut text = format!("在全县{year}年第{i}次工作会议上的讲话\n同志们：\n");
        while text.len() < 20_000 {
            text.push_str(&paras[rng.below(paras.len())]);
            text.push('\n');
        }
        total += text.len() as u64;
        std::fs::write(dir.join(format!("{i:05}.txt")), text).unwrap();
    }
    std::fs::write(marker, "").unwrap();
    total
}

fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.map(|e| {
                let e = e.unwrap();
                if e.file_type().unwrap().is_dir() {
                    dir_size(&e.path())
                } else {
                    e.metadata().unwrap().len()
                }
            })
            .sum()
        })
        .unwrap_or(0)
}

fn rss_mb() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = |key: &str| {
        status
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
            / 1024.0
    };
    (kb("VmRSS:"), kb("VmHWM:"))
}

pub(crate) struct Stat {
    pub(crate) median: Duration,
    pub(crate) p99: Duration,
}

pub(crate) fn time<F: FnMut()>(runs: usize, mut f: F) -> Stat {
    f(); // warm-up
    let mut t: Vec<Duration> = (0..runs)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed()
        })
        .collect();
    t.sort();
    Stat {
        median: t[t.len() / 2],
        p99: t[((t.len() as f64) * 0.99).ceil() as usize - 1],
    }
}

pub(crate) fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

struct Q {
    label: &'static str,
    gaoku: &'static str,
    year_from: Option<i32>,
    rg: Vec<&'static str>,
    /// FTS5: a count of all matches, then the first 20 rows with snippets (what a results page needs).
    fts: Option<(String, String)>,
}

fn queries() -> Vec<Q> {
    let phrase = |label, q: &'static str| Q {
        label,
        gaoku: q,
        year_from: None,
        rg: vec!["-F", "-c", q],
        fts: Some(if q.chars().count() >= 3 {
            let m = format!("t MATCH '\"{q}\"'");
            (
                format!("SELECT count(*) FROM t WHERE {m}"),
                format!("SELECT rowid, snippet(t, 0, '<mark>', '</mark>', '…', 24) FROM t WHERE {m} ORDER BY rank LIMIT 20"),
            )
        } else {
            // Trigrams cannot answer 1–2 characters: FTS5 falls back to a LIKE scan.
            let m = format!("body LIKE '%{q}%'");
            (
                format!("SELECT count(*) FROM t WHERE {m}"),
                format!("SELECT rowid, substr(body, instr(body, '{q}') - 20, 60) FROM t WHERE {m} LIMIT 20"),
            )
        }),
    };
    let pattern = |label, q: &'static str, re: &'static str| Q {
        label,
        gaoku: q,
        year_from: None,
        rg: vec!["-U", "-c", re],
        fts: None,
    };
    vec![
        phrase("rare 4-char phrase", "狠抓落实"),
        phrase("common 3-char phrase", "现代化"),
        phrase("2-char word", "发展"),
        phrase("1 char", "民"),
        phrase("8-char phrase", "全面建成小康社会"),
        Q {
            label: "keywords + year filter",
            gaoku: "乡村 振兴",
            year_from: Some(2010),
            rg: vec!["-c", "乡村.*振兴|振兴.*乡村"],
            fts: Some((
                "SELECT count(*) FROM t WHERE body LIKE '%乡村%' AND body LIKE '%振兴%' AND year >= 2010".into(),
                "SELECT rowid FROM t WHERE body LIKE '%乡村%' AND body LIKE '%振兴%' AND year >= 2010 LIMIT 20".into(),
            )),
        },
        pattern("pattern 一是…二是…三是", "一是…二是…三是", "一是.{0,200}?二是.{0,200}?三是"),
        pattern("pattern 既要…更要…", "既要…更要…", "既要.{0,200}?更要"),
        pattern("pattern 要*干、*干、*干", "要*干、*干、*干", "要.干、.干、.干"),
        pattern("pattern 不是…而是", "不是…而是", "不是.{0,200}?而是"),
    ]
}

/// Imports the files into a new Gaoku library, rebuilds its index, builds the FTS5 table, and
/// prints the build table.
fn build_all(args: &Args, files: &Path, lib_dir: &Path, fts_path: &Path, mb: f64) {
    // Gaoku: import (SQLite), then a full index build.
    let _ = std::fs::remove_dir_all(lib_dir);
    let mut lib = Library::open_with(lib_dir, OpenOptions { seed_sample: false }).unwrap();
    let t = Instant::now();
    let report = lib.import(&[files.to_path_buf()], |_| {}, None);
    let import = t.elapsed();
    assert_eq!(
        report.imported.len(),
        args.speeches,
        "{:?}",
        report.failed.first()
    );
    let t = Instant::now();
    lib.reindex(|_, _| {}).unwrap();
    let build = t.elapsed();
    // Sizes at rest: closing the library folds its write-ahead log into the database.
    drop(lib);
    let index_mb = dir_size(&lib_dir.join("search-index")) as f64 / 1e6;
    let db_mb = dir_size(lib_dir) as f64 / 1e6 - index_mb;

    // SQLite FTS5 trigram over the same texts.
    let _ = std::fs::remove_file(fts_path);
    let conn = rusqlite::Connection::open(fts_path).unwrap();
    conn.execute_batch("PRAGMA journal_mode=WAL; CREATE VIRTUAL TABLE t USING fts5(body, year UNINDEXED, tokenize='trigram');").unwrap();
    let t = Instant::now();
    {
        let tx = conn.unchecked_transaction().unwrap();
        let mut stmt = tx
            .prepare("INSERT INTO t(body, year) VALUES (?1, ?2)")
            .unwrap();
        for (i, e) in std::fs::read_dir(files).unwrap().enumerate() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                stmt.execute(rusqlite::params![
                    std::fs::read_to_string(&p).unwrap(),
                    1990 + (i % 35) as i64
                ])
                .unwrap();
            }
        }
        drop(stmt);
        tx.commit().unwrap();
    }
    let fts_build = t.elapsed();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    let fts_mb = std::fs::metadata(fts_path).unwrap().len() as f64 / 1e6;

    // The import's stages one at a time on one thread, to see where its time goes: reading
    // and cleaning, mining (both on the reading thread of an import), and indexing (on its own
    // thread; the rebuild above is the same work from SQLite).
    let mut paths: Vec<PathBuf> = std::fs::read_dir(files)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let t = Instant::now();
    let read: Vec<(String, Vec<String>)> = paths
        .iter()
        .map(|p| Library::read_file(p).expect("generated file reads"))
        .collect();
    let read_time = t.elapsed();
    let t = Instant::now();
    for (title, paragraphs) in &read {
        std::hint::black_box(gaoku_core::phrases::mine::mine(title, paragraphs));
    }
    let mine_time = t.elapsed();
    drop(read);

    println!("\n| build | time | MB/s | size |\n|---|---|---|---|");
    println!(
        "| Gaoku import, end to end (read, clean, mine, store, index) | {:.1} s | {:.1} | SQLite {db_mb:.0} MB + index {index_mb:.0} MB = {:.2}× the text |",
        import.as_secs_f64(),
        mb / import.as_secs_f64(),
        (db_mb + index_mb) / mb
    );
    for (stage, took) in [
        ("stage alone: read and clean", read_time),
        ("stage alone: mine phrases", mine_time),
        ("stage alone: index (a rebuild from SQLite, tantivy)", build),
    ] {
        println!(
            "| {stage} | {:.1} s | {:.1} | |",
            took.as_secs_f64(),
            mb / took.as_secs_f64()
        );
    }
    println!(
        "| SQLite FTS5 trigram build | {:.1} s | {:.1} | {fts_mb:.0} MB |",
        fts_build.as_secs_f64(),
        mb / fts_build.as_secs_f64()
    );
}

/// The CLI as a shell user runs it: one `gaoku search` process per query (start, open the
/// library and index, search, print 20 hits as JSON), beside one `rg` process over the files.
fn whole_process(args: &Args, lib_dir: &Path, files: &Path) {
    let gaoku = std::env::current_exe()
        .expect("bench path")
        .with_file_name("gaoku");
    if !gaoku.exists() {
        println!("\n(whole-process CLI timing skipped: build it with `cargo build --release -p gaoku-cli`)");
        return;
    }
    println!("\nwhole process, median of {} runs: `gaoku search Q --json` (20 hits) against `rg -F -l Q` over the files\n", args.runs);
    println!("| query | gaoku | rg -F -l | rg/gaoku |\n|---|---|---|---|");
    for q in ["狠抓落实", "全面建成小康社会", "现代化"] {
        let g = time(args.runs, || {
            let out = Command::new(&gaoku)
                .arg("--library")
                .arg(lib_dir)
                .args(["--json", "search", q])
                .output()
                .expect("gaoku");
            assert!(out.status.success());
        });
        let rg = time(args.runs.min(10), || {
            let out = Command::new("rg")
                .args(["-F", "-l", q])
                .arg(files)
                .output()
                .expect("ripgrep (rg) on PATH");
            assert!(out.status.code().unwrap_or(2) < 2);
        });
        println!(
            "| {q} | {} | {} | {:.1}× |",
            ms(g.median),
            ms(rg.median),
            rg.median.as_secs_f64() / g.median.as_secs_f64()
        );
    }
}

fn main() {
    // The mixed import of --formats is timed without the reading guard, then with it.
    gaoku_core::guard::serve_if_worker();
    let args = Args::parse();
    if args.structure {
        return structure(&args);
    }
    if args.formats {
        return formats::run(&args);
    }
    if args.reuse {
        return reuse::run(&args);
    }
    let files = args.work.join("files");
    let t = Instant::now();
    let bytes = generate(&args, &files);
    let mb = bytes as f64 / 1e6;
    println!(
        "corpus: {} speeches, {mb:.1} MB of UTF-8 text (generated/checked in {:.1?}); load average before the run: {}",
        args.speeches,
        t.elapsed(),
        std::fs::read_to_string("/proc/loadavg").unwrap_or_default().trim()
    );

    let lib_dir = args.work.join("library");
    let fts_path = args.work.join("fts5.sqlite3");
    if !args.queries_only {
        build_all(&args, &files, &lib_dir, &fts_path, mb);
    }
    let conn = rusqlite::Connection::open(&fts_path).unwrap();
    let mut lib = Library::open_with(&lib_dir, OpenOptions { seed_sample: false }).unwrap();
    if std::env::var_os("GAOKU_BENCH_PROBE").is_some() {
        let s = time(20, || {
            lib.sync_index().unwrap();
        });
        println!("probe: sync_index {} ms", ms(s.median));
        let s = time(20, || {
            for id in 1..=20 {
                lib.speech(id).unwrap();
            }
        });
        println!("probe: 20 × speech() {} ms", ms(s.median));
        for q in ["狠抓落实", "全面建成小康社会"] {
            for limit in [1, 20] {
                let mut req = SearchRequest::new(q);
                req.limit = limit;
                let s = time(20, || {
                    lib.search(&req).unwrap();
                });
                println!("probe: {q} limit {limit}: {} ms", ms(s.median));
            }
        }
    }
    println!("\nlatency in ms, median / p99 of {} runs (Gaoku: in-process search as the app calls it, 20 hits with snippets; rg: one process over the files; FTS5: count(*) plus the first 20 rows with snippet(); 1–2 characters fall back to LIKE)\n", args.runs);
    println!("| query | Gaoku median | Gaoku p99 | hits | rg median | rg/Gaoku | FTS5 median | FTS5/Gaoku |\n|---|---|---|---|---|---|---|---|");
    for q in queries() {
        let mut req = SearchRequest::new(q.gaoku);
        req.year_from = q.year_from;
        let total = lib.search(&req).unwrap().total;
        let g = time(args.runs, || {
            lib.search(&req).unwrap();
        });
        let rg = time(args.runs.min(10), || {
            let out = Command::new("rg")
                .args(&q.rg)
                .arg(&files)
                .output()
                .expect("ripgrep (rg) on PATH");
            assert!(out.status.code().unwrap_or(2) < 2);
        });
        let fts = q.fts.as_ref().map(|(count, page)| {
            time(args.runs.min(10), || {
                conn.query_row(count, [], |r| r.get::<_, i64>(0)).unwrap();
                let mut stmt = conn.prepare_cached(page).unwrap();
                let rows = stmt.query_map([], |r| r.get::<_, i64>(0)).unwrap();
                assert!(rows.count() <= 20);
            })
        });
        let ratio =
            |other: Duration| format!("{:.1}×", other.as_secs_f64() / g.median.as_secs_f64());
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            q.label,
            ms(g.median),
            ms(g.p99),
            total,
            ms(rg.median),
            ratio(rg.median),
            fts.as_ref().map_or("n/a".into(), |f| ms(f.median)),
            fts.as_ref().map_or("n/a".into(), |f| ratio(f.median)),
        );
    }
    whole_process(&args, &lib_dir, &files);
    let (rss, peak) = rss_mb();
    println!("\nGaoku process memory after the queries: RSS {rss:.0} MB (peak {peak:.0} MB, including import and FTS5 build in the same process)");
}
