//! The CLI's output path: quiet on a closed pipe, a clear error on a full disk, several words as
//! keywords without quotes, and errors in JSON with their stable code.

mod common;

use std::process::Command;

use common::{gaoku, gaoku_json, sample_speech};

fn library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = gaoku(
        dir.path(),
        &["--no-seed", "import", sample_speech().to_str().unwrap()],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

#[test]
fn a_closed_pipe_ends_quietly_with_status_0() {
    let lib = library();
    // `gaoku --json show 1 | head -c 0`: the reader has gone before the first write.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_gaoku"))
        .args([
            "--library",
            lib.path().to_str().unwrap(),
            "--json",
            "show",
            "1",
        ])
        .env_remove("GAOKU_LIBRARY")
        .stdout(writer)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "",
        "nothing on stderr, no panic"
    );
}

#[test]
fn a_full_device_is_an_error() {
    if !std::path::Path::new("/dev/full").exists() {
        return; // not Linux
    }
    let lib = library();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_gaoku"))
        .args(["--library", lib.path().to_str().unwrap(), "list"])
        .env_remove("GAOKU_LIBRARY")
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot write the output"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn several_words_are_keywords_without_quotes() {
    let lib = library();
    let quoted = gaoku_json(lib.path(), &["search", "狠抓 落实"], 0);
    let words = gaoku_json(lib.path(), &["search", "狠抓", "落实"], 0);
    assert_eq!(words["mode"], "keywords");
    assert_eq!(words["query"], "狠抓 落实");
    assert_eq!(words["total"], quoted["total"]);
    assert!(words["total"].as_u64().unwrap() >= 1);
}

#[test]
fn errors_in_json_carry_their_code_and_params() {
    let lib = library();
    let err = gaoku_json(lib.path(), &["show", "999"], 1);
    assert_eq!(err["code"], "not_found");
    assert_eq!(err["params"]["what"], "speech");
    assert_eq!(err["params"]["id"], "999");
    assert!(err["error"].as_str().unwrap().contains("no speech"));
    let bad = gaoku_json(lib.path(), &["search", "，。"], 2);
    assert_eq!(bad["code"], "nothing_to_search");
    let missing = gaoku_json(lib.path(), &["phrase", "star", "99999"], 1);
    assert_eq!(
        missing["code"], "not_found",
        "a missing phrase is not_found, not invalid"
    );
}
