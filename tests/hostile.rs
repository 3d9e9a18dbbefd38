//! The hostile corpus (tests/common/hostile.rs) against the real `gaoku` binary: every file is
//! read in the guarded worker and refused with a code, or read; no abort, no hang, no backtrace;
//! a folder mixing them with good speeches imports every good one and leaves the rest out.
//!
//! The worker's limits are lowered for the run (1 GB of memory, 30 s a file) so the bombs meet
//! them quickly; the time each file is refused in is printed, not asserted.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::*;
use serde_json::Value;

/// What the stream bomb inflates to, in MB: past the lowered memory limit.
const BOMB_MB: usize = 1500;

/// `gaoku ARGS` with the lowered limits, killed if it has not ended within five minutes.
fn run(lib: &Path, args: &[&str]) -> (Output, Duration) {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_gaoku"))
        .arg("--library")
        .arg(lib)
        .args(args)
        .env_remove("GAOKU_LIBRARY")
        .env_remove("RUST_BACKTRACE")
        .env("GAOKU_READ_MEMORY_MB", "1024")
        .env("GAOKU_READ_TIMEOUT_SECS", "30")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run gaoku");
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        std::io::Read::read_to_end(&mut { stdout }, &mut out).unwrap();
        out
    });
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(300) {
            child.kill().unwrap();
            panic!("gaoku {args:?} hung: killed after five minutes");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let mut out = child.wait_with_output().unwrap();
    out.stdout = reader.join().unwrap();
    (out, started.elapsed())
}

/// No abort, no signal, no backtrace or panic text for the user.
fn ended_cleanly(out: &Output, what: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.code().is_some(),
        "{what}: killed by a signal ({:?}); stderr: {err}",
        out.status
    );
    for bad in [
        "panicked",
        "backtrace",
        "fatal runtime error",
        "memory allocation of",
    ] {
        assert!(!err.contains(bad), "{what}: the user sees {bad:?}: {err}");
    }
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

#[test]
fn every_hostile_file_is_refused_with_a_code_by_every_command_that_reads_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let lib = tempfile::tempdir().unwrap();
    let files = common::hostile::write_all(dir.path(), BOMB_MB);
    println!("{:<32} {:>7}  {:<14} why", "file", "seconds", "code");
    for path in &files {
        let name = path.file_name().unwrap().to_str().unwrap();
        let (out, took) = run(
            lib.path(),
            &["--no-seed", "--json", "outline", path.to_str().unwrap()],
        );
        ended_cleanly(&out, name);
        let v = json(&out);
        let readable = common::hostile::READABLE.contains(&name);
        if readable {
            assert_eq!(out.status.code(), Some(0), "{name} is text: {v}");
            println!("{name:<32} {:>7.2}  read", took.as_secs_f64());
            continue;
        }
        assert_eq!(out.status.code(), Some(1), "{name}: {v}");
        let code = v["code"].as_str().unwrap_or_default();
        assert!(!code.is_empty(), "{name}: no code in {v}");
        let why = v["params"]["why"].as_str().unwrap_or("");
        println!("{name:<32} {:>7.2}  {code:<14} {why}", took.as_secs_f64());
    }
    // The files that overflowed the stack of lint and reuse before the guard.
    for name in ["pdf-page-tree-loop.pdf", "pdf-self-drawing-xobject.pdf"] {
        let path = dir.path().join(name);
        for cmd in ["lint", "reuse"] {
            let (out, _) = run(
                lib.path(),
                &["--no-seed", "--json", cmd, path.to_str().unwrap()],
            );
            ended_cleanly(&out, &format!("{cmd} {name}"));
            assert!(
                matches!(out.status.code(), Some(1) | Some(2)),
                "{cmd} {name}: {:?}",
                out.status
            );
        }
    }
}

#[test]
fn a_folder_mixing_hostile_files_and_speeches_imports_every_speech() {
    let dir = tempfile::tempdir().unwrap();
    let lib = tempfile::tempdir().unwrap();
    let hostile = common::hostile::write_all(dir.path(), BOMB_MB);
    // Good speeches before, between and after the bombs (the import reads in name order).
    let good = [
        ("0-sample.txt", sample_speech()),
        ("m-sample.docx", fixture("sample.docx")),
        (
            "z-outside.txt",
            repo().join("tests/outside/texts/a01-2012.2.29 海拉尔区政府工作报告.txt"),
        ),
    ];
    for (name, from) in &good {
        std::fs::copy(from, dir.path().join(name)).unwrap();
    }
    let (out, took) = run(
        lib.path(),
        &[
            "--no-seed",
            "--json",
            "import",
            dir.path().to_str().unwrap(),
        ],
    );
    ended_cleanly(&out, "import");
    let report = json(&out);
    println!("imported the mixed folder in {:.1} s", took.as_secs_f64());
    let imported: Vec<&str> = report["imported"]
        .as_array()
        .unwrap()
        .iter()
        .chain(report["duplicates"].as_array().unwrap())
        .map(|i| i["path"].as_str().unwrap())
        .collect();
    let failed: Vec<(&str, &str)> = report["failed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["path"].as_str().unwrap(), f["code"].as_str().unwrap()))
        .collect();
    for (name, _) in &good {
        assert!(
            imported.iter().any(|p| p.ends_with(name)),
            "{name} not imported: {report}"
        );
    }
    for path in &hostile {
        let name = path.file_name().unwrap().to_str().unwrap();
        let named = |p: &&str| p.ends_with(name);
        if common::hostile::READABLE.contains(&name) {
            assert!(imported.iter().any(named), "{name}: {report}");
        } else {
            assert!(
                failed.iter().any(|(p, code)| named(p) && !code.is_empty()),
                "{name} is not named as failed with a code: {report}"
            );
        }
    }
    // Only what was read is in the library, and the library is sound.
    let (list, _) = run(lib.path(), &["--json", "list"]);
    let listed = json(&list).as_array().unwrap().len();
    assert_eq!(
        listed,
        report["imported"].as_array().unwrap().len(),
        "the library holds exactly what the report says was imported"
    );
    let (check, _) = run(lib.path(), &["--json", "check"]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn a_reader_that_never_returns_is_stopped_and_the_import_goes_on() {
    // The worker is made to hang on one file (GAOKU_READ_TEST_STALL, fault injection: what a
    // PDF whose content loops does); the time limit is 3 s for this run.
    let dir = tempfile::tempdir().unwrap();
    let lib = tempfile::tempdir().unwrap();
    for (i, name) in ["a.txt", "b-stuck.txt", "c.txt"].iter().enumerate() {
        std::fs::write(
            dir.path().join(name),
            format!("在第{i}次全县工作会议上的讲话\n同志们：\n第{i}项工作要抓紧抓实。\n"),
        )
        .unwrap();
    }
    let started = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_gaoku"))
        .arg("--library")
        .arg(lib.path())
        .args(["--no-seed", "--json", "import"])
        .arg(dir.path())
        .env_remove("GAOKU_LIBRARY")
        .env("GAOKU_READ_TIMEOUT_SECS", "3")
        .env("GAOKU_READ_TEST_STALL", "b-stuck.txt")
        .output()
        .unwrap();
    println!(
        "import with a stuck file: {:.1} s",
        started.elapsed().as_secs_f64()
    );
    ended_cleanly(&out, "import");
    let report = json(&out);
    let imported: Vec<&str> = report["imported"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["path"].as_str().unwrap())
        .collect();
    assert_eq!(imported.len(), 2, "{report}");
    assert!(
        imported[1].ends_with("c.txt"),
        "the file after the stuck one: {report}"
    );
    let failed = &report["failed"][0];
    assert!(failed["path"].as_str().unwrap().ends_with("b-stuck.txt"));
    assert_eq!(failed["code"], "damaged");
    assert_eq!(failed["params"]["why"], "timeout");
    // No worker is left behind: the stuck one was killed, the others ended with the import.
    assert!(!stuck_worker_alive(), "a worker of this import still runs");
}

/// Whether a worker started by this test still runs (found by the fault-injection variable in
/// its environment, so the workers of other tests running at the same time do not count).
fn stuck_worker_alive() -> bool {
    std::thread::sleep(Duration::from_millis(500));
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return false;
    };
    entries.flatten().any(|e| {
        let environ = e.path().join("environ");
        std::fs::read(environ).is_ok_and(|env| {
            env.split(|b| *b == 0)
                .any(|kv| kv == b"GAOKU_READ_TEST_STALL=b-stuck.txt")
        }) && std::fs::read(e.path().join("cmdline"))
            .is_ok_and(|c| String::from_utf8_lossy(&c).contains("gaoku-read-worker"))
    })
}
