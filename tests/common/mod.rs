//! Helpers shared by the CLI integration tests: run the real `gaoku` binary on a real library.
#![allow(dead_code)]

mod corpus;
pub mod hostile;

use std::path::{Path, PathBuf};

#[allow(unused_imports)] // not every test binary uses every helper
pub use corpus::{corpus, repo, skipped};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use serde_json::Value;

/// A file under tests/fixtures.
pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// The reference speech: the shared copy when present, else the one shipped in assets/.
pub fn sample_speech() -> PathBuf {
    let shared = repo().join("../shared/samples/county-half-year-review-2020.txt");
    if shared.exists() {
        shared
    } else {
        repo().join("assets/samples/county-half-year-review-2020.txt")
    }
}

/// `gaoku --library DIR ARGS…`
pub fn gaoku(lib: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gaoku"))
        .arg("--library")
        .arg(lib)
        .args(args)
        .env_remove("GAOKU_LIBRARY")
        .output()
        .expect("run gaoku")
}

/// Runs with `--json`, expects the given exit code, parses stdout.
pub fn gaoku_json(lib: &Path, args: &[&str], code: i32) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let out = gaoku(lib, &all);
    assert_eq!(
        out.status.code(),
        Some(code),
        "gaoku {args:?}\nstdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

/// Removes all whitespace (ASCII and full-width) and invisible characters.
pub fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace()
                && *c != '\u{3000}'
                && !matches!(
                    c,
                    '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
                )
        })
        .collect()
}

/// Starts `gaoku` on a library with its output piped.
pub fn spawn(lib: &Path, args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_gaoku"))
        .arg("--library")
        .arg(lib)
        .args(args)
        .env_remove("GAOKU_LIBRARY")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run gaoku")
}

/// Runs `gaoku` and kills it if it has not ended within a minute (a hang is a failure, not a
/// stuck test run); its exit code and standard error.
pub fn gaoku_within_a_minute(lib: &Path, args: &[&str]) -> (Option<i32>, String) {
    let mut child = spawn(lib, args);
    for _ in 0..600 {
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
            return (status.code(), err);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    child.kill().unwrap();
    panic!("gaoku {args:?} did not end within a minute");
}

/// Writes a minimal .docx holding `document_xml`.
pub fn write_docx(path: &Path, document_xml: &[u8]) {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    z.start_file("[Content_Types].xml", opts).unwrap();
    z.write_all(b"<Types/>").unwrap();
    z.start_file("word/document.xml", opts).unwrap();
    z.write_all(document_xml).unwrap();
    z.finish().unwrap();
}
