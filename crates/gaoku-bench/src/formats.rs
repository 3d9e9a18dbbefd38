//! Import speed by format: the real corpus written as .txt, .docx, .doc and .pdf by LibreOffice,
//! 1,000 files in all (250 per format), read file by file per format and then imported together
//! into a fresh library; beside them what a writer would use instead to get the text out
//! (`pdftotext` per PDF, `soffice --convert-to txt` over the .doc files).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use gaoku_core::{Library, OpenOptions};

use crate::Args;

/// Files per format in the mixed import.
const PER_FORMAT: usize = 250;
const FORMATS: [&str; 4] = ["txt", "docx", "doc", "pdf"];

/// `soffice --convert-to` into `out` (in a profile folder of its own), unless done before.
fn soffice(files: &[PathBuf], target: &str, out: &Path) {
    std::fs::create_dir_all(out).expect("create folder");
    let ext = target.split(':').next().unwrap_or(target);
    let missing: Vec<&PathBuf> = files
        .iter()
        .filter(|f| {
            !out.join(f.file_name().unwrap())
                .with_extension(ext)
                .exists()
        })
        .collect();
    if missing.is_empty() {
        return;
    }
    let profile = std::fs::canonicalize(out)
        .expect("folder exists")
        .join("lo-profile");
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", target, "--outdir"])
        .arg(out)
        .args(missing)
        .output()
        .expect("soffice (apt install libreoffice-writer-nogui)");
    assert!(status.status.success(), "soffice failed");
    let _ = std::fs::remove_dir_all(profile);
}

/// The corpus in four formats, `PER_FORMAT` files each (sources repeat under new names).
fn prepare(args: &Args, dir: &Path) -> Vec<(&'static str, Vec<PathBuf>)> {
    let mut sources: Vec<PathBuf> = std::fs::read_dir(&args.corpus)
        .expect("corpus folder")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    sources.sort();
    let src = dir.join("src");
    std::fs::create_dir_all(&src).expect("create folder");
    let mut pages = Vec::new();
    let mut texts = Vec::new();
    for (i, file) in sources.iter().enumerate() {
        let txt = src.join(format!("s{i:03}.txt"));
        let htm = src.join(format!("s{i:03}.htm"));
        if !htm.exists() {
            let (title, paragraphs) = Library::read_file(file).expect("corpus file reads");
            let text = format!("{title}\n{}\n", paragraphs.join("\n"));
            std::fs::write(&txt, &text).expect("write");
            let body: String = text
                .lines()
                .map(|l| {
                    format!(
                        "<p>{}</p>\n",
                        l.replace('&', "&amp;")
                            .replace('<', "&lt;")
                            .replace('>', "&gt;")
                    )
                })
                .collect();
            std::fs::write(&htm, format!("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title></head><body>{body}</body></html>")).expect("write");
        }
        pages.push(htm);
        texts.push(txt);
    }
    let odt_dir = dir.join("odt");
    soffice(&pages, "odt:writer8", &odt_dir);
    let odts: Vec<PathBuf> = pages
        .iter()
        .map(|p| odt_dir.join(p.file_name().unwrap()).with_extension("odt"))
        .collect();
    let mut out = Vec::new();
    for format in FORMATS {
        let originals: Vec<PathBuf> = match format {
            "txt" => texts.clone(),
            _ => {
                let target = match format {
                    "docx" => "docx:MS Word 2007 XML",
                    "doc" => "doc:MS Word 97",
                    _ => "pdf:writer_pdf_Export",
                };
                let d = dir.join(format);
                soffice(&odts, target, &d);
                odts.iter()
                    .map(|p| d.join(p.file_name().unwrap()).with_extension(format))
                    .collect()
            }
        };
        // Repeat the sources under new names up to PER_FORMAT files (the repeats import as
        // duplicates, after being read in full like any file).
        let set = dir.join(format!("set-{format}"));
        std::fs::create_dir_all(&set).expect("create folder");
        let files: Vec<PathBuf> = (0..PER_FORMAT)
            .map(|k| {
                let from = &originals[k % originals.len()];
                let to = set.join(format!("f{k:03}.{format}"));
                if !to.exists() {
                    std::fs::copy(from, &to).expect("copy");
                }
                to
            })
            .collect();
        out.push((format, files));
    }
    out
}

fn size_mb(files: &[PathBuf]) -> f64 {
    files
        .iter()
        .map(|f| std::fs::metadata(f).map(|m| m.len()).unwrap_or(0))
        .sum::<u64>() as f64
        / 1048576.0
}

/// Prints files per second per format and for the mixed import.
pub fn run(args: &Args) {
    let dir = args.work.join("formats");
    let sets = prepare(args, &dir);
    println!(
        "\nImport by format: {PER_FORMAT} files each, written by LibreOffice from the corpus\n"
    );
    println!("| format | files | MB | read (Gaoku) | files/s | what a writer would use instead | files/s | ratio |");
    println!("|---|---|---|---|---|---|---|---|");
    for (format, files) in &sets {
        let start = Instant::now();
        let mut chars = 0usize;
        for f in files {
            let (_, paragraphs) = Library::read_file(f).expect("reads");
            chars += paragraphs.iter().map(|p| p.chars().count()).sum::<usize>();
        }
        let took = start.elapsed().as_secs_f64();
        let rate = files.len() as f64 / took;
        let (other, other_rate) = match *format {
            "pdf" => {
                let start = Instant::now();
                for f in files {
                    Command::new("pdftotext")
                        .arg(f)
                        .arg("-")
                        .output()
                        .expect("pdftotext");
                }
                (
                    "`pdftotext` per file",
                    files.len() as f64 / start.elapsed().as_secs_f64(),
                )
            }
            "doc" => {
                let out = dir.join("soffice-txt");
                let _ = std::fs::remove_dir_all(&out);
                let start = Instant::now();
                soffice(files, "txt:Text (encoded):UTF8", &out);
                (
                    "`soffice --convert-to txt`, one batch",
                    files.len() as f64 / start.elapsed().as_secs_f64(),
                )
            }
            _ => ("", 0.0),
        };
        let (other_cell, ratio) = if other_rate > 0.0 {
            (
                format!("{other_rate:.0}"),
                format!("{:.1}×", rate / other_rate),
            )
        } else {
            ("".into(), "".into())
        };
        println!(
            "| .{format} | {} | {:.1} | {:.2} s ({} M chars) | {rate:.0} | {other} | {other_cell} | {ratio} |",
            files.len(),
            size_mb(files),
            took,
            chars / 1_000_000,
        );
    }
    let all: Vec<PathBuf> = sets.iter().flat_map(|(_, f)| f.iter().cloned()).collect();
    // The same import read in this process, then in the guarded worker as the CLI and the
    // app read (the guard stays on once installed, so this order).
    let unguarded = mixed_import(&dir, &all, "read in this process");
    gaoku_core::guard::install(std::env::current_exe().expect("this binary"));
    let guarded = mixed_import(&dir, &all, "read in the guarded worker");
    println!(
        "\nThe reading guard's cost on the mixed import: {:.2}× the time ({:+.1} %)",
        guarded / unguarded,
        (guarded / unguarded - 1.0) * 100.0
    );
}

/// Imports `all` into a new library; prints and returns the seconds it took.
fn mixed_import(dir: &Path, all: &[PathBuf], how: &str) -> f64 {
    let lib_dir = dir.join("library");
    let _ = std::fs::remove_dir_all(&lib_dir);
    let mut lib =
        Library::open_with(&lib_dir, OpenOptions { seed_sample: false }).expect("library");
    let start = Instant::now();
    let report = lib.import(all, |_| {}, None);
    let took = start.elapsed().as_secs_f64();
    println!(
        "\nMixed import of {} files into a new library, {how}: {took:.1} s, {:.0} files/s ({} imported, {} duplicates, {} failed)",
        all.len(),
        all.len() as f64 / took,
        report.imported.len(),
        report.duplicates.len(),
        report.failed.len()
    );
    took
}
