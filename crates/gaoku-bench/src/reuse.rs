//! `--reuse`: 查重 of a 10,000-字 draft and similar passages for one paragraph on the generated
//! N-speech library, beside brute force over the same texts in memory (every sentence looked up
//! in every speech; every paragraph of the library scored).

use std::time::Instant;

use gaoku_core::reuse::similar;
use gaoku_core::{Library, OpenOptions};

use crate::{generate, ms, time, Args, Rng};

pub(crate) fn run(args: &Args) {
    let files = args.work.join("files");
    let bytes = generate(args, &files);
    let lib_dir = args.work.join("library");
    if !args.queries_only || !lib_dir.join("library.sqlite3").exists() {
        let _ = std::fs::remove_dir_all(&lib_dir);
        let mut lib = Library::open_with(&lib_dir, OpenOptions { seed_sample: false }).unwrap();
        let t = Instant::now();
        let report = lib.import(std::slice::from_ref(&files), |_| {}, None);
        assert_eq!(report.imported.len(), args.speeches);
        lib.reindex(|_, _| {}).unwrap();
        println!(
            "library of {} speeches ({:.0} MB) built in {:.0?}",
            args.speeches,
            bytes as f64 / 1e6,
            t.elapsed()
        );
    }
    let lib = Library::open_with(&lib_dir, OpenOptions { seed_sample: false }).unwrap();
    let list = lib.list().unwrap();
    // Every speech in memory, for the brute-force baselines (not timed).
    let texts: Vec<(i64, Vec<String>)> = list
        .iter()
        .map(|s| (s.id, lib.speech(s.id).unwrap().paragraphs))
        .collect();
    let joined: Vec<String> = texts.iter().map(|(_, p)| p.join("\n")).collect();

    // A 10,000-字 draft: sentences of random speeches, half kept, a quarter edited (进一步
    // inserted), a quarter made new (characters reversed: in no speech).
    let mut rng = Rng(0x9E3779B97F4A7C15);
    let mut md = String::from("# 查重基准稿\n\n");
    let mut chars = 0;
    let mut edited_paragraphs = Vec::new();
    while chars < 10_000 {
        let (_, paras) = &texts[rng.below(texts.len())];
        let p = &paras[rng.below(paras.len())];
        let mut out = String::new();
        for (k, s) in p
            .split('。')
            .filter(|s| s.chars().count() >= 12)
            .enumerate()
        {
            let s: String = match k % 4 {
                1 => {
                    let c: Vec<char> = s.chars().collect();
                    format!(
                        "{}进一步{}",
                        c[..2].iter().collect::<String>(),
                        c[2..].iter().collect::<String>()
                    )
                }
                3 => s.chars().rev().collect(),
                _ => s.to_string(),
            };
            out.push_str(&s);
            out.push('。');
        }
        if edited_paragraphs.len() < 20 && p.chars().count() >= 60 {
            // About a tenth of the characters changed.
            let e: String = p
                .chars()
                .enumerate()
                .map(|(i, c)| {
                    if i % 10 == 5 && gaoku_core::zh::is_han(c) {
                        '新'
                    } else {
                        c
                    }
                })
                .collect();
            edited_paragraphs.push(e);
        }
        chars += out.chars().count();
        md.push_str(&out);
        md.push_str("\n\n");
    }
    let report = lib.reuse_markdown(&md).unwrap();
    println!(
        "\ndraft of {chars} 字: ratio {:.2}, {} sources, {} spans",
        report.ratio,
        report.sources.len(),
        report.spans.len()
    );
    println!(
        "\n| task | Gaoku median ms | p99 ms | brute force ms | ratio |\n|---|---|---|---|---|"
    );
    let g = time(args.runs.min(10), || {
        lib.reuse_markdown(&md).unwrap();
    });
    // Brute force: every sentence of 12 or more characters looked up verbatim in every speech.
    let sentences: Vec<&str> = md
        .split(['。', '\n'])
        .filter(|s| s.chars().count() >= 12 && !s.starts_with('#'))
        .collect();
    let t = Instant::now();
    let mut found = 0;
    for s in &sentences {
        found += joined.iter().filter(|t| t.contains(s)).count().min(1);
    }
    let brute = t.elapsed();
    println!(
        "| 查重 of a {chars}-字 draft ({} sentences; brute force: each sentence verbatim in every speech, exact copies only, {found} found) | {} | {} | {} | {:.0}× |",
        sentences.len(),
        ms(g.median),
        ms(g.p99),
        ms(brute),
        brute.as_secs_f64() / g.median.as_secs_f64()
    );
    let mut k = 0;
    let s = time(args.runs.min(20), || {
        lib.similar(&edited_paragraphs[k % edited_paragraphs.len()], 10)
            .unwrap();
        k += 1;
    });
    // Brute force: every paragraph of the library scored against one paragraph.
    let q = similar::pairs(&edited_paragraphs[0]);
    let t = Instant::now();
    let mut best = 0.0f64;
    for (_, paras) in &texts {
        for p in paras {
            best = best.max(similar::score(&q, &similar::pairs(p)));
        }
    }
    let brute = t.elapsed();
    println!(
        "| similar passages for one paragraph (10 % changed), top 10 (brute force: every paragraph scored, best {best:.2}) | {} | {} | {} | {:.0}× |",
        ms(s.median),
        ms(s.p99),
        ms(brute),
        brute.as_secs_f64() / s.median.as_secs_f64()
    );
    // The edited paragraphs find their source first.
    let mut first = 0;
    for e in &edited_paragraphs {
        let hits = lib.similar(e, 1).unwrap();
        let source_text: String = e.clone();
        if hits.first().is_some_and(|h| {
            similar::score(&similar::pairs(&source_text), &similar::pairs(&h.text)) > 0.7
        }) {
            first += 1;
        }
    }
    println!(
        "\nedited paragraphs whose first hit is their source (score > 0.7): {first} of {}",
        edited_paragraphs.len()
    );
}
