//! Faults a library meets in real use, against the real `gaoku` binary: several processes on one
//! index (searches, rebuilds, imports, draft saves at once), an index folder that is a file or a
//! broken link, a full disk under the index, a library on a read-only medium.
//!
//! The disk-full and read-only cases run in a user namespace (`unshare -Urm`), where a small
//! tmpfs and a read-only bind mount are real; where namespaces are not allowed the test says so
//! and passes over them.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::*;
use serde_json::Value;

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// A folder of `n` small distinct speeches, each holding `落实` once and its own number.
fn speeches(n: usize, tag: &str) -> tempfile::TempDir {
    let dir = tmp();
    for i in 0..n {
        fs::write(
            dir.path().join(format!("{tag}{i}.txt")),
            format!(
                "在{tag}第{i}次会议上的讲话\n同志们：\n这是{tag}第{i}篇讲话，讲的是第{i}项工作的落实。\n一是抓学习，二是抓作风，三是抓{tag}{i}号任务。\n"
            ),
        )
        .unwrap();
    }
    dir
}

fn total(lib: &Path, query: &str) -> u64 {
    gaoku_json(lib, &["search", query, "--limit", "0"], 0)["total"]
        .as_u64()
        .unwrap()
}

/// Waits for a process and returns its output, failing the test with its stderr unless it
/// succeeded.
fn succeeded(child: std::process::Child, what: &str) -> std::process::Output {
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn searches_and_rebuilds_at_once_share_one_index() {
    let lib = tmp();
    let folder = speeches(40, "甲");
    gaoku_json(lib.path(), &["import", folder.path().to_str().unwrap()], 0);
    let want = total(lib.path(), "落实");
    assert_eq!(want, 41, "forty speeches and the sample");
    let index = lib.path().join("search-index");
    // No index at all: eight searches and three rebuilds start together. One process builds
    // at a time; nobody deletes another's index; every search answers in full.
    fs::remove_dir_all(&index).unwrap();
    let mut children = Vec::new();
    for i in 0..11 {
        let args: &[&str] = if i % 4 == 3 {
            &["--json", "reindex"]
        } else {
            &["--json", "search", "落实", "--limit", "0"]
        };
        children.push((args[1], spawn(lib.path(), args)));
    }
    for (what, child) in children {
        let out = succeeded(child, what);
        if what == "search" {
            let r: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(r["total"], want, "{r:#}");
        }
    }
    // No build folder is left behind.
    let names: Vec<String> = fs::read_dir(lib.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names
            .iter()
            .any(|n| n.ends_with(".building") || n.ends_with(".old")),
        "{names:?}"
    );
    // The index folder replaced by a file, a dangling link, a link loop: rebuilt each time.
    fs::remove_dir_all(&index).unwrap();
    fs::write(&index, "not an index").unwrap();
    assert_eq!(total(lib.path(), "落实"), want, "index path is a file");
    fs::remove_dir_all(&index).unwrap();
    std::os::unix::fs::symlink(lib.path().join("nowhere"), &index).unwrap();
    assert_eq!(total(lib.path(), "落实"), want, "a dangling link");
    fs::remove_dir_all(&index).unwrap();
    std::os::unix::fs::symlink(&index, &index).unwrap();
    assert_eq!(total(lib.path(), "落实"), want, "a link to itself");
    assert!(index.is_dir() && !index.is_symlink());
    let out = gaoku(lib.path(), &["check"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn many_processes_import_search_save_and_reindex_at_once() {
    let lib = tmp();
    gaoku_json(lib.path(), &["list"], 0);
    let a = speeches(60, "乙");
    let b = speeches(60, "丙");
    let draft = gaoku_json(lib.path(), &["draft", "new"], 0);
    let draft_id = draft["id"].to_string();
    let drafts = tmp();
    let mut children = Vec::new();
    // Two importers each of both folders (so every file is also a duplicate somewhere).
    for folder in [&a, &b, &b, &a] {
        let args = vec![
            "--json".to_string(),
            "import".into(),
            folder.path().to_str().unwrap().into(),
        ];
        children.push(("import", args));
    }
    for i in 0..12 {
        children.push((
            "search",
            [
                "--json",
                "search",
                if i % 2 == 0 {
                    "落实"
                } else {
                    "一是…二是…三是"
                },
            ]
            .map(String::from)
            .to_vec(),
        ));
    }
    for i in 0..10 {
        let file = drafts.path().join(format!("v{i}.md"));
        fs::write(&file, format!("# 并发稿\n\n第{i}版：狠抓落实。\n")).unwrap();
        children.push((
            "draft update",
            vec![
                "--json".into(),
                "draft".into(),
                "update".into(),
                draft_id.clone(),
                file.to_str().unwrap().into(),
            ],
        ));
    }
    for _ in 0..2 {
        children.push(("reindex", ["--json", "reindex"].map(String::from).to_vec()));
    }
    // Interleave the kinds, then start them all.
    let n = children.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (i % 5, i));
    let running: Vec<_> = order
        .iter()
        .map(|&i| {
            let (what, args) = &children[i];
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            (*what, spawn(lib.path(), &args))
        })
        .collect();
    let mut imported = 0;
    for (what, child) in running {
        let out = succeeded(child, what);
        if what == "import" {
            let r: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert!(r["failed"].as_array().unwrap().is_empty(), "{r:#}");
            imported += r["imported"].as_array().unwrap().len();
        }
    }
    assert_eq!(imported, 120, "every file imported exactly once");
    // The library at the end: consistent, every speech found, the last saved draft whole.
    let out = gaoku(lib.path(), &["check"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(total(lib.path(), "落实"), 121);
    assert_eq!(total(lib.path(), "乙59号"), 1);
    let body = gaoku_json(lib.path(), &["draft", "show", &draft_id], 0)["body"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        body.starts_with("# 并发稿\n\n第") && body.ends_with("版：狠抓落实。\n"),
        "{body:?}"
    );
}

#[test]
fn one_paragraph_of_megabytes_is_handled_in_linear_time() {
    // One paragraph of 8 MB as a .txt and as a .docx (a run per sentence): import, outline,
    // export, search and check. Quadratic work per paragraph took minutes here (6 min 40 s for
    // a 20 MB .docx); linear work takes about a second each.
    let lib = tmp();
    let dir = tmp();
    let sentence = "全面推进乡村振兴，狠抓各项工作落实，确保全年目标任务圆满完成；";
    let body = sentence.repeat(90_000);
    fs::write(
        dir.path().join("one.txt"),
        format!("在全县工作会议上的讲话\n同志们：\n{body}\n"),
    )
    .unwrap();
    let runs: String = (0..90_000)
        .map(|i| format!("<w:r><w:t>第{i}句，{sentence}</w:t></w:r>"))
        .collect();
    write_docx(
        &dir.path().join("one.docx"),
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>在全市工作会议上的讲话</w:t></w:r></w:p><w:p>{runs}</w:p></w:body></w:document>"#
        )
        .as_bytes(),
    );
    let r = gaoku_json(lib.path(), &["import", dir.path().to_str().unwrap()], 0);
    assert_eq!(r["imported"].as_array().unwrap().len(), 2, "{r:#}");
    for id in ["2", "3"] {
        let (code, err) = gaoku_within_a_minute(lib.path(), &["outline", id]);
        assert_eq!(code, Some(0), "{err}");
        let out = dir.path().join(format!("{id}.docx"));
        let (code, err) =
            gaoku_within_a_minute(lib.path(), &["export", id, "-o", out.to_str().unwrap()]);
        assert_eq!(code, Some(0), "{err}");
        let (code, err) = gaoku_within_a_minute(lib.path(), &["lint", id]);
        assert!(code.is_some(), "{err}");
    }
    assert_eq!(total(lib.path(), "确保全年目标任务圆满完成"), 2);
}

#[test]
fn a_one_line_draft_with_many_findings_and_a_long_draft_are_checked_and_compared_in_linear_time() {
    // Each finding's column was counted from its line's start (quadratic on a one-line draft:
    // over two minutes for 2 MB); 查重 rebuilt each candidate speech's anchor table for every
    // sentence (35 s for 3 MB). Now about a second each; a minute is the hang limit.
    let lib = tmp();
    let dir = tmp();
    let noisy = "一是抓落实，，《要截止2020年其它、".repeat(60_000);
    let one_line = dir.path().join("one-line.md");
    fs::write(&one_line, &noisy).unwrap();
    let long = dir.path().join("long.md");
    let paragraph = "要狠抓落实，推动高质量发展取得新成效。".repeat(20);
    let body: Vec<String> = (0..6_000)
        .map(|i| format!("第{i}段。{paragraph}"))
        .collect();
    fs::write(&long, body.join("\n\n")).unwrap();
    // The output (megabytes of findings) goes to /dev/null: a pipe nobody reads would block.
    let quiet = |args: &[&str]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_gaoku"))
            .arg("--library")
            .arg(lib.path())
            .args(args)
            .env_remove("GAOKU_LIBRARY")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        for _ in 0..600 {
            if let Some(status) = child.try_wait().unwrap() {
                return status.code();
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        child.kill().unwrap();
        panic!("gaoku {args:?} did not end within a minute");
    };
    let code = quiet(&["lint", one_line.to_str().unwrap()]);
    assert!(matches!(code, Some(0) | Some(1)), "{code:?}");
    assert_eq!(quiet(&["reuse", long.to_str().unwrap()]), Some(0));
}

/// Whether this machine lets a process make its own mount namespace (for a small tmpfs and a
/// read-only bind mount without touching the host).
fn namespaces() -> bool {
    let ok = Command::new("unshare")
        .args(["-Urm", "true"])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!(
            "unshare -Urm is not allowed here: the disk-full and read-only cases are not run"
        );
    }
    ok
}

/// Runs a shell script in a new user and mount namespace, with `$GAOKU` the binary; its
/// standard output and error.
fn in_namespace(script: &str) -> (String, String) {
    let out = Command::new("unshare")
        .args(["-Urm", "sh", "-c", script])
        .env("GAOKU", env!("CARGO_BIN_EXE_gaoku"))
        .env_remove("GAOKU_LIBRARY")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "script failed\n{stdout}\n{stderr}");
    (stdout, stderr)
}

/// The lines of a namespace script's output between `== name` and the next marker.
fn section<'a>(out: &'a str, name: &str) -> &'a str {
    let start = out
        .find(&format!("== {name}\n"))
        .unwrap_or_else(|| panic!("no section {name} in\n{out}"))
        + name.len()
        + 4;
    let rest = &out[start..];
    &rest[..rest.find("== ").unwrap_or(rest.len())]
}

#[test]
fn a_full_disk_keeps_the_old_index_and_says_so() {
    if !namespaces() {
        return;
    }
    let work = tmp();
    let lib = work.path().join("lib");
    let big = work.path().join("big");
    fs::create_dir_all(&lib).unwrap();
    fs::create_dir_all(&big).unwrap();
    // A long speech whose index segment needs far more than the space left.
    let para = "全面推进乡村振兴，狠抓各项工作落实，确保全年目标任务圆满完成。";
    let text = format!(
        "在全县乡村振兴工作会议上的讲话\n同志们：\n{}",
        (0..20_000)
            .map(|i| format!("第{i}段。{para}\n"))
            .collect::<String>()
    );
    fs::write(big.join("long.txt"), text).unwrap();
    let script = format!(
        r#"set -e
L={lib}
mount -t tmpfs -o size=24m tmpfs "$L"
"$GAOKU" --library "$L" --json search 落实 >/dev/null
# Another process holds the index lock while the long speech is imported: the import is
# stored, the index is left behind, and a search says so.
flock "$L/search-index.lock" sleep 6 &
sleep 0.5
"$GAOKU" --library "$L" --json import {big} >/dev/null
echo "== busy"
"$GAOKU" --library "$L" --json search 落实 2>&1
wait
# The disk fills up to 512 KB: catching up and rebuilding cannot write the index.
avail=$(df --output=avail -k "$L" | tail -1)
dd if=/dev/zero of="$L/filler" bs=1k count=$((avail - 512)) 2>/dev/null || true
echo "== full"
"$GAOKU" --library "$L" --json search 落实 2>&1
echo "== reindex"
"$GAOKU" --library "$L" reindex 2>&1 || echo "exit $?"
echo "== after"
"$GAOKU" --library "$L" --json search 落实 2>&1
ls "$L"
rm "$L/filler"
echo "== freed"
"$GAOKU" --library "$L" --json search 落实 2>&1
echo "== end"
"#,
        lib = lib.display(),
        big = big.display(),
    );
    let (out, _) = in_namespace(&script);
    let busy = section(&out, "busy");
    assert!(
        busy.contains("another Gaoku process is updating the search index"),
        "{busy}"
    );
    assert!(
        busy.contains("\"total\": 1"),
        "the sample still found:\n{busy}"
    );
    let full = section(&out, "full");
    assert!(
        full.contains("could not be brought up to date (no space left on device)")
            && full.contains("\"total\": 1"),
        "answers from the old index, and says so:\n{full}"
    );
    let reindex = section(&out, "reindex");
    assert!(reindex.contains("exit 1"), "{reindex}");
    let after = section(&out, "after");
    assert!(
        after.contains("\"total\": 1") && !after.contains(".building"),
        "the old index still answers and no half-built one is left:\n{after}"
    );
    let freed = section(&out, "freed");
    assert!(
        freed.contains("\"total\": 2") && !freed.contains("warning"),
        "caught up once there is room:\n{freed}"
    );
}

#[test]
fn a_read_only_library_can_be_read_and_searched() {
    if !namespaces() {
        return;
    }
    let lib = tmp();
    let folder = speeches(5, "丁");
    gaoku_json(lib.path(), &["import", folder.path().to_str().unwrap()], 0);
    let id = gaoku_json(lib.path(), &["list"], 0)[0]["id"].to_string();
    let cache = tmp();
    let more = speeches(2, "戊");
    let before: Vec<_> = fs::read_dir(lib.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    let script = format!(
        r#"L={lib}
mount --bind "$L" "$L" && mount -o remount,bind,ro "$L" || exit 1
export XDG_CACHE_HOME={cache}
echo "== list"
"$GAOKU" --library "$L" --json list 2>&1 | grep -c '"id"'
echo "== search"
"$GAOKU" --library "$L" --json search 落实 2>&1
echo "== outline"
"$GAOKU" --library "$L" outline {id} 2>&1
echo "== import"
"$GAOKU" --library "$L" import {more} 2>&1; echo "exit $?"
echo "== edit"
"$GAOKU" --library "$L" edit {id} --kind 讲话 2>&1; echo "exit $?"
echo "== end"
"#,
        lib = lib.path().display(),
        cache = cache.path().display(),
        more = more.path().display(),
    );
    let (out, _) = in_namespace(&script);
    assert_eq!(section(&out, "list").trim(), "6", "{out}");
    assert!(section(&out, "search").contains("\"total\": 6"), "{out}");
    assert!(section(&out, "outline").contains("同志们"), "{out}");
    for change in ["import", "edit"] {
        let said = section(&out, change);
        assert!(
            said.contains("read-only") && said.contains("exit 1"),
            "{change}: {said}"
        );
    }
    // Without its index (a copy that left it out), the index is built in the user's cache.
    fs::remove_dir_all(lib.path().join("search-index")).unwrap();
    let (out, _) = in_namespace(&script);
    assert!(section(&out, "search").contains("\"total\": 6"), "{out}");
    assert!(cache.path().join("gaoku/read-only-indexes").is_dir());
    let after: Vec<_> = fs::read_dir(lib.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        after.len() + 1,
        before.len(),
        "nothing written into the library"
    );
}
