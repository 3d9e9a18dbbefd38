//! The `gaoku` CLI on real libraries: import of every encoding, bad input, the JSON contract,
//! and a library that stays consistent when the importer is killed.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::*;
use serde_json::Value;

const TITLE: &str = "在全县2020年半年工作总结会议上的讲话";

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// The titles an import report lists as imported.
fn imported_titles(report: &Value) -> Vec<&str> {
    report["imported"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap())
        .collect()
}

#[test]
fn sample_speech_imports_clean() {
    let lib = tmp();
    let src = sample_speech();
    let report = gaoku_json(
        lib.path(),
        &["--no-seed", "import", src.to_str().unwrap()],
        0,
    );
    assert_eq!(report["imported"].as_array().unwrap().len(), 1);
    let id = report["imported"][0]["id"].as_i64().unwrap();
    assert_eq!(report["imported"][0]["title"], TITLE);

    let s = gaoku_json(lib.path(), &["show", &id.to_string()], 0);
    assert_eq!(s["title"], TITLE);
    assert_eq!(s["year"], 2020);
    assert_eq!(s["kind"], "讲话");
    let text = s["text"].as_str().unwrap();
    assert!(text.starts_with("同志们：\n"), "{}", &text[..60]);
    for advert in [
        "仅供学习",
        "禁止外传",
        "酷乐文行",
        "自建平台",
        "订阅立享",
        "举报倒卖",
        "会员群",
        "QQ群",
    ] {
        assert!(!text.contains(advert), "advert line kept: {advert}");
    }
    // Nothing but the advert block and the title was dropped: every other line is a paragraph.
    let original = fs::read_to_string(&src).unwrap();
    let after_title: Vec<&str> = original
        .lines()
        .skip_while(|l| l.trim() != TITLE)
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let paragraphs: Vec<&str> = text.split('\n').collect();
    assert_eq!(paragraphs.len(), after_title.len());
    for (p, l) in paragraphs.iter().zip(&after_title) {
        assert_eq!(squeeze(p), squeeze(l));
    }
}

#[test]
fn every_encoding_and_docx_gives_the_same_text() {
    let files = [
        "sample-gbk.txt",
        "sample-utf16le-bom.txt",
        "sample-utf16be-bom.txt",
        "sample.docx",
    ];
    let reference = {
        let lib = tmp();
        let src = sample_speech();
        gaoku_json(
            lib.path(),
            &["--no-seed", "import", src.to_str().unwrap()],
            0,
        );
        gaoku_json(lib.path(), &["show", "1"], 0)["text"].clone()
    };
    for f in files {
        let lib = tmp();
        let path = fixture(f);
        let r = gaoku_json(
            lib.path(),
            &["--no-seed", "import", path.to_str().unwrap()],
            0,
        );
        assert_eq!(r["imported"][0]["title"], TITLE, "{f}");
        let s = gaoku_json(lib.path(), &["show", "1"], 0);
        assert_eq!(s["text"], reference, "{f} decodes to different text");
    }
    // All in one library: one speech, the rest duplicates of it.
    let lib = tmp();
    let mut args = vec![
        "--no-seed".to_string(),
        "import".into(),
        sample_speech().display().to_string(),
    ];
    args.extend(files.iter().map(|f| fixture(f).display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let r = gaoku_json(lib.path(), &args, 0);
    assert_eq!(r["imported"].as_array().unwrap().len(), 1);
    let dups = r["duplicates"].as_array().unwrap();
    assert_eq!(dups.len(), 4);
    assert!(dups.iter().all(|d| d["id"] == r["imported"][0]["id"]));
}

/// A folder with good files and one of every kind of bad input.
fn messy_folder(dir: &Path) -> Vec<(&'static str, &'static str)> {
    fs::copy(sample_speech(), dir.join("good-sample.txt")).unwrap();
    fs::create_dir(dir.join("sub")).unwrap();
    fs::write(
        dir.join("sub/good-other.md"),
        "# 在全市安全生产工作会议上的讲话\n\n（2021年3月2日）\n\n同志们：\n\n今天召开会议，*狠抓落实*。\n\n一、统一思想\n",
    )
    .unwrap();
    fs::write(dir.join("empty.txt"), b"").unwrap();
    let binary: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    fs::write(dir.join("binary.txt"), &binary).unwrap();
    let huge = fs::File::create(dir.join("huge.txt")).unwrap();
    huge.set_len(100 * 1024 * 1024).unwrap(); // sparse: no disk used
    let (gbk, _, _) = encoding_rs::GBK.encode("同志们：今天我们召开会议，总结上半年工作。");
    fs::write(
        dir.join("bad-gbk.txt"),
        [gbk.as_ref(), b"\x81\x20\xff"].concat(),
    )
    .unwrap();
    let mut bad_utf8 = "同志们：今天我们召开会议，总结上半年工作，部署下半年任务。"
        .as_bytes()
        .to_vec();
    bad_utf8.insert(30, 0xC0);
    fs::write(dir.join("bad-utf8.txt"), bad_utf8).unwrap();
    let docx = fs::read(fixture("sample.docx")).unwrap();
    fs::write(dir.join("truncated.docx"), &docx[..docx.len() / 2]).unwrap();
    fs::write(dir.join("not-a-zip.docx"), "这其实是文本文件").unwrap();
    write_docx(&dir.join("bomb.docx"), &vec![b' '; 80 * 1024 * 1024]);
    write_docx(
        &dir.join("no-text.docx"),
        br#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/><w:p><w:r><w:t> </w:t></w:r></w:p></w:body></w:document>"#,
    );
    fs::write(dir.join("old.doc"), b"\xD0\xCF\x11\xE0").unwrap();
    fs::write(dir.join("scan.pdf"), b"%PDF-1.4").unwrap();
    fs::write(dir.join("draft.wps"), b"x").unwrap();
    fs::write(dir.join("photo.png"), b"\x89PNG").unwrap();
    std::os::unix::fs::symlink(dir.join("gone.txt"), dir.join("dangling.txt")).unwrap();
    std::os::unix::fs::symlink(dir, dir.join("sub/loop")).unwrap();
    let fifo = dir.join("pipe.txt");
    let ok = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .map(|s| s.success());
    assert!(matches!(ok, Ok(true)), "mkfifo");
    vec![
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("huge.txt", "too large"),
        ("bad-gbk.txt", "GB18030"),
        ("bad-utf8.txt", "UTF-8"),
        ("truncated.docx", "not a valid .docx"),
        ("not-a-zip.docx", "not a valid .docx"),
        ("bomb.docx", "zip bomb"),
        ("no-text.docx", "no text"),
        ("old.doc", "not a valid .doc"),
        ("scan.pdf", "not a valid .pdf"),
        ("draft.wps", "not a valid .wps"),
        ("dangling.txt", "cannot read"),
        ("loop", "loop"),
        ("pipe.txt", "not a regular file"),
    ]
}

#[test]
fn bad_files_are_named_and_good_ones_import() {
    let lib = tmp();
    let folder = tmp();
    let expected = messy_folder(folder.path());
    let r = gaoku_json(
        lib.path(),
        &["--no-seed", "import", folder.path().to_str().unwrap()],
        1,
    );
    let imported = imported_titles(&r);
    assert_eq!(imported, vec![TITLE, "在全市安全生产工作会议上的讲话"]);
    let failed = r["failed"].as_array().unwrap();
    for (name, reason) in &expected {
        let hit = failed
            .iter()
            .find(|f| f["path"].as_str().unwrap().ends_with(name));
        let hit = hit.unwrap_or_else(|| panic!("{name} not reported as failed: {r:#}"));
        let error = hit["error"].as_str().unwrap();
        assert!(
            error.contains(reason),
            "{name}: {error:?} should mention {reason:?}"
        );
    }
    assert_eq!(failed.len(), expected.len(), "{r:#}");
    assert_eq!(
        r["skipped"][0]["path"]
            .as_str()
            .map(|p| p.ends_with("photo.png")),
        Some(true)
    );
    // The library holds exactly the good speeches, whole.
    let list = gaoku_json(lib.path(), &["list"], 0);
    assert_eq!(list.as_array().unwrap().len(), 2);
    let md = gaoku_json(lib.path(), &["show", "2"], 0);
    assert_eq!(md["date"], "2021-03-02");
    assert_eq!(
        md["text"],
        "同志们：\n今天召开会议，狠抓落实。\n一、统一思想"
    );
    assert_eq!(gaoku_json(lib.path(), &["check"], 0)["ok"], true);
    // Text output names each failure on its own line on stderr.
    let out = gaoku(lib.path(), &["import", folder.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.lines().filter(|l| l.starts_with("FAILED")).count(),
        expected.len()
    );
}

#[test]
fn json_contract_list_show_edit_remove() {
    let lib = tmp();
    // A new library starts with the sample speech.
    let list = gaoku_json(lib.path(), &["list"], 0);
    let row = &list[0];
    for key in [
        "id", "title", "date", "year", "speaker", "kind", "tags", "chars",
    ] {
        assert!(row.get(key).is_some(), "list row lacks {key}: {row}");
    }
    assert_eq!(row["title"], TITLE);
    let id = row["id"].as_i64().unwrap().to_string();
    let edited = gaoku_json(
        lib.path(),
        &[
            "edit",
            &id,
            "--title",
            "半年工作总结会讲话",
            "--date",
            "2020-07-15",
            "--speaker",
            "王某某",
            "--tag",
            "半年",
            "--tag",
            "县委",
        ],
        0,
    );
    assert_eq!(edited["title"], "半年工作总结会讲话");
    assert_eq!(edited["tags"], serde_json::json!(["半年", "县委"]));
    let s = gaoku_json(lib.path(), &["show", &id], 0);
    assert_eq!(
        (s["date"].as_str(), s["year"].as_i64()),
        (Some("2020-07-15"), Some(2020))
    );
    assert_eq!(s["speaker"], "王某某");
    assert!(s["text"].as_str().unwrap().starts_with("同志们："));
    let s = gaoku_json(lib.path(), &["edit", &id, "--untag", "半年"], 0);
    assert_eq!(s["tags"], serde_json::json!(["县委"]));
    // Bad values are refused with a message; nothing changes.
    let err = gaoku_json(lib.path(), &["edit", &id, "--date", "2020-13-40"], 1);
    assert!(err["error"].as_str().unwrap().contains("date"));
    assert_eq!(
        gaoku_json(lib.path(), &["remove", &id], 0)["removed"],
        id.parse::<i64>().unwrap()
    );
    let err = gaoku_json(lib.path(), &["show", &id], 1);
    assert!(err["error"].as_str().unwrap().contains("no speech"));
    assert_eq!(gaoku_json(lib.path(), &["list"], 0), Value::Array(vec![]));
}

#[test]
fn usage_errors_exit_2() {
    let lib = tmp();
    assert_eq!(gaoku(lib.path(), &["import"]).status.code(), Some(2));
    assert_eq!(gaoku(lib.path(), &["show", "abc"]).status.code(), Some(2));
    assert_eq!(gaoku(lib.path(), &["frobnicate"]).status.code(), Some(2));
}

#[test]
fn library_from_environment() {
    let lib = tmp();
    let out = Command::new(env!("CARGO_BIN_EXE_gaoku"))
        .args(["--json", "list"])
        .env("GAOKU_LIBRARY", lib.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(lib.path().join("library.sqlite3").exists());
}

#[test]
fn killed_import_leaves_a_consistent_library() {
    let src = tmp();
    let base = fs::read_to_string(sample_speech()).unwrap();
    let n = 240;
    for i in 0..n {
        // Distinct texts: a numbered title and a numbered closing paragraph.
        let text =
            base.replacen(TITLE, &format!("{TITLE}（第{i}稿）"), 1) + &format!("\n第{i}稿完。\n");
        fs::write(src.path().join(format!("{i:03}.txt")), text).unwrap();
    }
    let lib = tmp();
    for round in 0..6u64 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_gaoku"))
            .arg("--library")
            .arg(lib.path())
            .args(["--no-seed", "--json", "import"])
            .arg(src.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(40 + round * 35));
        child.kill().unwrap(); // SIGKILL: no chance to clean up
        child.wait().unwrap();
        // --no-seed: when the kill came before the import made the library, these commands
        // make it, and must not put the sample speech in.
        assert_eq!(
            gaoku_json(lib.path(), &["--no-seed", "check"], 0)["ok"],
            true,
            "round {round}"
        );
        // Every stored speech is whole: its paragraphs add up to its character count.
        for row in gaoku_json(lib.path(), &["--no-seed", "list"], 0)
            .as_array()
            .unwrap()
        {
            let s = gaoku_json(
                lib.path(),
                &["--no-seed", "show", &row["id"].to_string()],
                0,
            );
            assert_eq!(
                squeeze(s["text"].as_str().unwrap()).chars().count() as i64,
                s["chars"].as_i64().unwrap()
            );
            assert!(s["text"].as_str().unwrap().ends_with("稿完。"));
        }
    }
    let r = gaoku_json(
        lib.path(),
        &["--no-seed", "import", src.path().to_str().unwrap()],
        0,
    );
    let stored =
        r["imported"].as_array().unwrap().len() + r["duplicates"].as_array().unwrap().len();
    assert_eq!(stored, n);
    assert_eq!(
        gaoku_json(lib.path(), &["list"], 0)
            .as_array()
            .unwrap()
            .len(),
        n
    );
}

fn search(lib: &Path, args: &[&str]) -> Value {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    gaoku_json(lib, &all, 0)
}

#[test]
fn search_json_contract_and_highlight() {
    let lib = tmp();
    let r = search(lib.path(), &["狠抓落实"]);
    assert_eq!(r["mode"], "phrase");
    assert_eq!(r["total"], 1);
    let hit = &r["hits"][0];
    for key in [
        "id",
        "title",
        "date",
        "score",
        "match_count",
        "matches",
        "snippets",
    ] {
        assert!(hit.get(key).is_some(), "hit lacks {key}");
    }
    let text: Vec<char> = gaoku_json(lib.path(), &["show", &hit["id"].to_string()], 0)["text"]
        .as_str()
        .unwrap()
        .chars()
        .collect();
    for m in hit["matches"].as_array().unwrap() {
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(text[s..e].iter().collect::<String>(), "狠抓落实");
    }
    assert!(hit["snippets"][0]
        .as_str()
        .unwrap()
        .contains("<mark>狠抓落实</mark>"));
    // Patterns and keywords; filters by year.
    assert_eq!(search(lib.path(), &["一是…二是…三是"])["mode"], "pattern");
    assert_eq!(search(lib.path(), &["狠抓 落实"])["mode"], "keywords");
    assert_eq!(
        search(lib.path(), &["狠抓落实", "--year-from", "2021"])["total"],
        0
    );
    assert_eq!(
        search(
            lib.path(),
            &["狠抓落实", "--year-to", "2020", "--kind", "讲话"]
        )["total"],
        1
    );
}

#[test]
fn search_survives_bad_queries() {
    let lib = tmp();
    let long = "落".repeat(10_000);
    for q in ["", "   ", "，。！？", long.as_str(), "…", "\"", "*…*"] {
        let err = gaoku_json(lib.path(), &["search", q], 2);
        assert!(!err["error"].as_str().unwrap().is_empty(), "{q:?}");
    }
    for q in [
        "a.b(c)[d]+?^$\\",
        "\"狠抓落实",
        "狠抓落实\"",
        "(?i)狠抓",
        "狠抓|落实",
    ] {
        let r = gaoku_json(lib.path(), &["search", q], 0);
        assert!(r["total"].is_u64(), "{q:?}");
    }
    assert_eq!(
        gaoku_json(lib.path(), &["search", "\"狠抓落实"], 0)["total"],
        1
    );
}

#[test]
fn search_index_is_rebuilt_when_missing_or_damaged() {
    let lib = tmp();
    let want = search(lib.path(), &["狠抓落实"]);
    assert_eq!(want["total"], 1);
    let index = lib.path().join("search-index");
    fs::remove_dir_all(&index).unwrap();
    assert_eq!(
        search(lib.path(), &["狠抓落实"]),
        want,
        "after deleting the index"
    );
    // Garbage over every file of the index.
    for entry in fs::read_dir(&index).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            let len = fs::metadata(&path).unwrap().len().max(16) as usize;
            fs::write(&path, vec![0x5Au8; len]).unwrap();
        }
    }
    assert_eq!(search(lib.path(), &["狠抓落实"]), want, "after garbage");
    // Garbage in one segment file only (meta.json intact).
    let victim = fs::read_dir(&index)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "idx"))
        .expect("a postings file");
    let mut bytes = fs::read(&victim).unwrap();
    for b in bytes.iter_mut().take(64) {
        *b ^= 0xFF;
    }
    fs::write(&victim, bytes).unwrap();
    assert_eq!(
        search(lib.path(), &["狠抓落实"]),
        want,
        "after a damaged segment"
    );
    gaoku_json(lib.path(), &["reindex"], 0);
    assert_eq!(search(lib.path(), &["狠抓落实"]), want, "after reindex");
    // Edits and removals reach the index.
    let id = want["hits"][0]["id"].to_string();
    gaoku_json(lib.path(), &["edit", &id, "--kind", "总结"], 0);
    assert_eq!(
        search(lib.path(), &["狠抓落实", "--kind", "总结"])["total"],
        1
    );
    gaoku_json(lib.path(), &["remove", &id], 0);
    assert_eq!(search(lib.path(), &["狠抓落实"])["total"], 0);
}

#[test]
fn outline_and_markdown_round_trip() {
    let lib = tmp();
    let o = gaoku_json(lib.path(), &["outline", "1"], 0);
    assert_eq!(o["title"], TITLE);
    let nodes = o["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), 3);
    assert_eq!(nodes[0]["kind"], "heading");
    assert_eq!(nodes[0]["marker"], "一、");
    assert_eq!(nodes[0]["children"][0]["children"][0]["kind"], "item");
    // Structured Markdown, read back by the importer, gives the same speech.
    for split in [false, true] {
        let mut args = vec!["convert", "1", "--to", "md"];
        if split {
            args.push("--split-inline");
        }
        let out = gaoku(lib.path(), &args);
        assert!(out.status.success());
        let md = String::from_utf8(out.stdout).unwrap();
        assert!(md.starts_with(&format!("# {TITLE}\n")));
        assert!(md.contains("\n## 一、“一分为二”看形势，增强实干争先的紧迫感\n"));
        let dir = tmp();
        let file = dir.path().join("speech.md");
        fs::write(&file, &md).unwrap();
        let other = tmp();
        gaoku_json(
            other.path(),
            &["--no-seed", "import", file.to_str().unwrap()],
            0,
        );
        let a = gaoku_json(lib.path(), &["show", "1"], 0)["text"].clone();
        let b = gaoku_json(other.path(), &["show", "1"], 0)["text"].clone();
        if split {
            // Split inline headings become paragraphs of their own; the characters are the same.
            assert_eq!(
                a.as_str().unwrap().replace('\n', ""),
                b.as_str().unwrap().replace('\n', "")
            );
        } else {
            assert_eq!(a, b);
        }
    }
}

#[test]
fn templates_and_phrases_from_the_cli() {
    let lib = tmp();
    let list = gaoku_json(lib.path(), &["templates"], 0);
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "半年工作总结会讲话",
            "政府工作报告",
            "动员部署会讲话",
            "致辞"
        ]
    );
    let t = gaoku_json(
        lib.path(),
        &[
            "template",
            "from",
            "1",
            "--name",
            "半年会框架",
            "--placeholders",
        ],
        0,
    );
    let parts = t["parts"].as_array().unwrap();
    assert_eq!(parts[1]["title"], "“＿＿”看形势，增强实干争先的紧迫感");
    assert_eq!(parts.iter().filter(|p| p["level"] == 1).count(), 3);
    assert_eq!(parts.iter().filter(|p| p["level"] == 2).count(), 10);
    let draft = gaoku_json(lib.path(), &["template", "new-draft", "半年会框架"], 0);
    assert!(draft["markdown"]
        .as_str()
        .unwrap()
        .contains("\n## 一、“＿＿”看形势，增强实干争先的紧迫感\n"));
    gaoku_json(
        lib.path(),
        &["template", "rename", "半年会框架", "三段式"],
        0,
    );
    assert_eq!(
        gaoku_json(lib.path(), &["template", "show", "三段式"], 0)["source_speech"],
        1
    );
    let err = gaoku_json(lib.path(), &["template", "delete", "致辞"], 1);
    assert!(err["error"].as_str().unwrap().contains("built in"));
    gaoku_json(lib.path(), &["template", "delete", "三段式"], 0);
    assert_eq!(
        gaoku_json(lib.path(), &["templates"], 0)
            .as_array()
            .unwrap()
            .len(),
        4
    );

    // The phrase bank: contract, star, own entries.
    let bank = gaoku_json(
        lib.path(),
        &["phrases", "--kind", "parallel", "--contains", "苦干"],
        0,
    );
    let p = &bank[0];
    for key in ["id", "kind", "text", "count", "sources", "starred", "tags"] {
        assert!(p.get(key).is_some(), "phrase lacks {key}");
    }
    assert_eq!(p["text"], "苦干、实干、拼命干");
    assert_eq!(p["sources"][0]["speech"], 1);
    let id = p["id"].to_string();
    // Where it is used, with the speech's title and the text around it; past the end: none.
    let uses = gaoku_json(lib.path(), &["phrase", "uses", &id], 0);
    assert_eq!(
        uses.as_array().unwrap().len() as u64,
        p["count"].as_u64().unwrap()
    );
    assert_eq!(uses[0]["speech"], 1);
    assert!(uses[0]["snippet"]
        .as_str()
        .unwrap()
        .contains("<mark>苦干、实干、拼命干</mark>"));
    let past = gaoku_json(lib.path(), &["phrase", "uses", &id, "--offset", "99"], 0);
    assert_eq!(past, serde_json::json!([]));
    assert_eq!(
        gaoku_json(lib.path(), &["phrase", "star", &id], 0)[0]["starred"],
        true
    );
    assert_eq!(
        gaoku_json(lib.path(), &["phrases", "--starred"], 0)
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let own = gaoku_json(lib.path(), &["phrase", "add", "真抓、实干、快办"], 0);
    assert_eq!(own[0]["user"], true);
    let err = gaoku_json(lib.path(), &["phrase", "edit", &id, " "], 1);
    assert!(err["error"].as_str().unwrap().contains("empty"));
}

#[test]
fn drafts_from_the_cli_keep_every_saved_version() {
    let lib = tmp();
    let t = gaoku_json(
        lib.path(),
        &["--no-seed", "draft", "new", "--template", "政府工作报告"],
        0,
    );
    let tid = t["id"].as_i64().unwrap().to_string();
    let shown = gaoku_json(lib.path(), &["draft", "show", &tid], 0);
    assert!(shown["body"]
        .as_str()
        .unwrap()
        .contains("## 一、＿＿年工作回顾"));
    assert_eq!(shown["source"], "template:政府工作报告");

    let imported = gaoku_json(
        lib.path(),
        &["draft", "import", sample_speech().to_str().unwrap()],
        0,
    );
    let id = imported["id"].as_i64().unwrap().to_string();
    assert_eq!(imported["title"], TITLE);
    let first = gaoku_json(lib.path(), &["draft", "show", &id], 0)["body"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(first.starts_with(&format!("# {TITLE}\n\n同志们：")));

    let dir = tmp();
    let new_text = first.replace("狠抓落实", "狠抓工作落实");
    assert_ne!(new_text, first);
    let file = dir.path().join("v2.md");
    fs::write(&file, &new_text).unwrap();
    gaoku_json(
        lib.path(),
        &["draft", "update", &id, file.to_str().unwrap()],
        0,
    );
    let revs = gaoku_json(lib.path(), &["draft", "revisions", &id], 0);
    let revs = revs.as_array().unwrap();
    assert_eq!(revs.len(), 2, "{revs:?}");
    for r in revs {
        assert!(r["id"].is_i64() && r["created"].is_string() && r["chars"].is_u64());
    }
    let oldest = revs[1]["id"].to_string();
    let diff = gaoku_json(lib.path(), &["draft", "diff", &id, &oldest], 0);
    let added: String = diff
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["op"] == "added")
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        added,
        "工作".repeat(first.matches("狠抓落实").count()),
        "{diff}"
    );

    gaoku_json(lib.path(), &["draft", "restore", &id, &oldest], 0);
    let restored = gaoku_json(lib.path(), &["draft", "show", &id], 0);
    assert_eq!(restored["body"].as_str().unwrap(), first);
    // The text replaced by the restore is itself a revision: nothing is lost.
    let revs = gaoku_json(lib.path(), &["draft", "revisions", &id], 0);
    let bodies: Vec<String> = revs
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let out = gaoku(lib.path(), &["draft", "diff", &id, &r["id"].to_string()]);
            String::from_utf8_lossy(&out.stdout).to_string()
        })
        .collect();
    assert!(bodies.iter().any(|d| d.contains("[-工作-]")), "{bodies:?}");

    let list = gaoku_json(lib.path(), &["draft", "list", "--query", "半年工作"], 0);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(
        gaoku(lib.path(), &["draft", "show", "999"]).status.code(),
        Some(1)
    );
    assert_eq!(
        gaoku(lib.path(), &["draft", "restore", &id, "999"])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn killed_draft_saves_lose_at_most_the_unsaved_edit() {
    let lib = tmp();
    let dir = tmp();
    // Large versions so a kill often lands inside the write.
    let base = fs::read_to_string(sample_speech()).unwrap().repeat(12);
    let version = |k: usize| format!("# 第{k}版\n\n{base}\n\n第{k}版完。\n");
    let v0 = dir.path().join("v0.md");
    fs::write(&v0, version(0)).unwrap();
    let id = gaoku_json(
        lib.path(),
        &["--no-seed", "draft", "import", v0.to_str().unwrap()],
        0,
    )["id"]
        .to_string();
    let mut saved = 0; // the newest version known to be stored
    let mut interrupted = 0;
    for k in 1..=30usize {
        let file = dir.path().join(format!("v{k}.md"));
        fs::write(&file, version(k)).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_gaoku"))
            .arg("--library")
            .arg(lib.path())
            .args(["draft", "update", &id])
            .arg(&file)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis((k as u64 * 7) % 45));
        child.kill().ok(); // SIGKILL, or already done
        child.wait().unwrap();
        assert_eq!(
            gaoku_json(lib.path(), &["check"], 0)["ok"],
            true,
            "round {k}"
        );
        let body = gaoku_json(lib.path(), &["draft", "show", &id], 0)["body"]
            .as_str()
            .unwrap()
            .to_string();
        if body == version(k) {
            saved = k;
        } else {
            interrupted += 1;
            assert_eq!(body, version(saved), "round {k}: neither old nor new text");
        }
        // Every revision is one whole version.
        for r in gaoku_json(lib.path(), &["draft", "revisions", &id], 0)
            .as_array()
            .unwrap()
        {
            let diff = gaoku_json(lib.path(), &["draft", "diff", &id, &r["id"].to_string()], 0);
            let old: String = diff
                .as_array()
                .unwrap()
                .iter()
                .filter(|p| p["op"] != "added")
                .map(|p| p["text"].as_str().unwrap())
                .collect();
            assert!(
                (0..=k).any(|j| old == version(j)),
                "round {k}: a partial revision"
            );
        }
    }
    assert!(saved > 0, "no update ever finished");
    eprintln!("{interrupted} of 30 saves killed before they committed");
}

#[test]
fn huge_limits_and_special_files_are_handled_not_fatal() {
    let lib = tmp();
    // Limits far beyond the library: all hits, no allocation of the limit, no SQL overflow.
    let max = u64::MAX.to_string();
    for sort in ["relevance", "date"] {
        let r = gaoku_json(
            lib.path(),
            &["search", "落实", "--sort", sort, "--limit", &max],
            0,
        );
        assert_eq!(r["hits"].as_array().unwrap().len(), 1, "{sort}");
    }
    let r = gaoku_json(
        lib.path(),
        &["search", "落实", "--sort", "date", "--limit", "1000000000"],
        0,
    );
    assert_eq!(r["total"], 1);
    let phrases = gaoku_json(lib.path(), &["phrases", "--limit", &max], 0);
    assert!(!phrases.as_array().unwrap().is_empty());
    // A draft from a FIFO or from a link to /dev/zero: refused at once, not read forever.
    let dir = tmp();
    let fifo = dir.path().join("pipe.md");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let zero = dir.path().join("zero.md");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    for file in [&fifo, &zero] {
        let (code, err) =
            gaoku_within_a_minute(lib.path(), &["draft", "import", file.to_str().unwrap()]);
        assert_eq!(code, Some(1), "{err}");
        assert!(err.contains("not a regular file"), "{err}");
    }
    // A draft of 12 MB (sparse: no disk used) is refused, as an import of it would be; so is
    // an update to that size.
    let big = dir.path().join("big.md");
    fs::File::create(&big)
        .unwrap()
        .set_len(12 * 1024 * 1024)
        .unwrap();
    let (code, err) =
        gaoku_within_a_minute(lib.path(), &["draft", "import", big.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("too large"), "{err}");
    let id = gaoku_json(lib.path(), &["draft", "new"], 0)["id"].to_string();
    let long = dir.path().join("long.md");
    fs::write(
        &long,
        "# 稿\n\n".to_string() + &"狠抓落实。".repeat(800_000),
    )
    .unwrap();
    let (code, err) = gaoku_within_a_minute(
        lib.path(),
        &["draft", "update", &id, long.to_str().unwrap()],
    );
    assert_eq!(code, Some(1), "{err}");
}

#[test]
fn several_processes_open_and_import_into_one_new_library() {
    let lib = tmp();
    // Six processes open a library that does not exist yet: one creates it, none fails, the
    // sample is there once.
    let opens: Vec<_> = (0..6)
        .map(|_| spawn(lib.path(), &["--json", "list"]))
        .collect();
    for child in opens {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{:?}\nstdout: {}\nstderr: {}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let list = gaoku_json(lib.path(), &["list"], 0);
    assert_eq!(
        list.as_array().unwrap().len(),
        1,
        "the sample, once: {list:#}"
    );
    // Four overlapping imports of one folder: every file is imported by one of them and a
    // duplicate for the others; none is a failure.
    let folder = tmp();
    for i in 0..24 {
        fs::write(
            folder.path().join(format!("speech{i}.txt")),
            format!(
                "第{i}次会议上的讲话\n同志们：\n这是第{i}篇讲话的正文，讲的是第{i}项工作的落实。\n"
            ),
        )
        .unwrap();
    }
    let imports: Vec<_> = (0..4)
        .map(|_| {
            spawn(
                lib.path(),
                &["--json", "import", folder.path().to_str().unwrap()],
            )
        })
        .collect();
    let mut imported = 0;
    for child in imports {
        let out = child.wait_with_output().unwrap();
        let r: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
        assert_eq!(r["failed"].as_array().unwrap().len(), 0, "{r:#}");
        let n = r["imported"].as_array().unwrap().len();
        assert_eq!(n + r["duplicates"].as_array().unwrap().len(), 24, "{r:#}");
        imported += n;
    }
    assert_eq!(imported, 24);
    assert_eq!(
        gaoku_json(lib.path(), &["list"], 0)
            .as_array()
            .unwrap()
            .len(),
        25
    );
}

#[test]
fn a_file_for_a_folder_and_a_folder_for_a_file_are_named() {
    let dir = tmp();
    let file = dir.path().join("library.txt");
    fs::write(&file, "x").unwrap();
    let out = gaoku(&file, &["list"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is a file, not a library folder"), "{err}");
    let lib = tmp();
    let out = gaoku(lib.path(), &["outline", dir.path().to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("a folder, not a file"), "{err}");
}

#[test]
fn lint_and_rules_from_the_cli() {
    let lib = tmp();
    let dir = tmp();
    let draft = dir.path().join("讲话.md");
    let md = "# 在全县工作会议上的讲话\n\n同志们：\n\n## 一、看形势\n\n今年是“十三五”规划的收官之年,我们要苦干。\n\n## 三、抓落实\n\n主要有三个方面：一是抓项目；二是抓投资。\n";
    fs::write(&draft, md).unwrap();
    let path = draft.to_str().unwrap();

    // 2026: the gap is an error (exit 1), the comma a warning with its fix, the plan outdated.
    let r = gaoku_json(lib.path(), &["lint", path, "--date", "2026-03-01"], 1);
    assert_eq!(r["date"], "2026-03-01");
    let findings = r["findings"].as_array().unwrap();
    let rules: Vec<&str> = findings
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    for want in [
        "outdated-term",
        "punct-halfwidth",
        "numbering-gap",
        "count-mismatch",
    ] {
        assert!(rules.contains(&want), "{want} in {rules:?}");
    }
    let chars: Vec<char> = md.chars().collect();
    let comma = findings
        .iter()
        .find(|f| f["rule"] == "punct-halfwidth")
        .unwrap();
    let start = comma["start"].as_u64().unwrap() as usize;
    assert_eq!(chars[start], ',');
    assert_eq!(comma["line"], 7);
    assert_eq!(comma["fix"]["replacement"], "，");
    let gap = findings
        .iter()
        .find(|f| f["rule"] == "numbering-gap")
        .unwrap();
    assert_eq!(gap["severity"], "error");
    assert_eq!(gap["line"], 9);

    // 2020: the plan is current.
    let r = gaoku_json(lib.path(), &["lint", path, "--date", "2020-07-01"], 1);
    assert!(r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["rule"] != "outdated-term"));

    // A personal pack: a new rule, and a check turned off.
    let pack = dir.path().join("个人.toml");
    fs::write(
        &pack,
        "name = \"我的提法\"\ndisable = [\"count-mismatch\"]\n[[rule]]\nid = \"mine\"\npattern = \"苦干\"\nreason = \"换个说法\"\nbasis = \"个人习惯\"\nvalid_until = \"2000-01-01\"\n",
    )
    .unwrap();
    let r = gaoku_json(lib.path(), &["rules", "import", pack.to_str().unwrap()], 0);
    assert_eq!(
        (r["added"].as_u64(), r["disabled"].as_u64()),
        (Some(1), Some(1))
    );
    let r = gaoku_json(lib.path(), &["lint", path, "--date", "2020-07-01"], 1);
    let rules: Vec<&str> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(!rules.contains(&"count-mismatch"), "{rules:?}");
    assert!(
        rules.contains(&"outdated-term"),
        "the personal rule: {rules:?}"
    );
    let list = gaoku_json(lib.path(), &["rules", "list"], 0);
    let mine = list["terms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["rule"]["id"] == "mine")
        .unwrap();
    assert_eq!(mine["layer"], "personal");
    gaoku_json(lib.path(), &["rules", "enable", "count-mismatch"], 0);
    let out = gaoku(lib.path(), &["rules", "export", "--layer", "personal"]);
    let exported = String::from_utf8(out.stdout).unwrap();
    assert!(exported.contains("id = \"mine\"") && !exported.contains("count-mismatch"));

    // A broken pack is refused with the reason, and changes nothing.
    fs::write(
        &pack,
        "[[rule]]\nid = \"bad\"\npattern = \"(\"\nreason = \"r\"\nvalid_until = \"2020-01-01\"\n",
    )
    .unwrap();
    let r = gaoku_json(lib.path(), &["rules", "import", pack.to_str().unwrap()], 1);
    assert_eq!(r["code"], "bad_rules");
    gaoku_json(lib.path(), &["rules", "disable", "no-such-rule"], 1);

    // A clean draft exits 0; a saved draft and a library speech can be checked too.
    fs::write(&draft, "# 讲话\n\n## 一、看形势\n\n正文。\n").unwrap();
    gaoku_json(lib.path(), &["lint", path], 0);
    let sample = gaoku_json(lib.path(), &["list"], 0);
    let id = sample[0]["id"].to_string();
    let r = gaoku_json(lib.path(), &["lint", "--speech", &id], 0);
    assert_eq!(r["date_source"], "metadata");
}

#[test]
fn reuse_and_similar_from_the_cli() {
    let lib = tmp();
    let dir = tmp();
    let draft = dir.path().join("稿.md");
    let copied = "要把项目建设作为稳增长、保态势的根本举措来抓，全力以赴抓招商、上项目、破难题，全面掀起大抓项目的新高潮，带动全县发展实现大突破";
    let md = format!("# 稿\n\n{copied}。青石镇今年要在云岭村新建三座冷链仓库。\n");
    fs::write(&draft, &md).unwrap();
    let r = gaoku_json(lib.path(), &["reuse", draft.to_str().unwrap()], 0);
    let ratio = r["ratio"].as_f64().unwrap();
    assert!(ratio > 0.6 && ratio < 0.9, "{ratio}");
    let sample = gaoku_json(lib.path(), &["list"], 0)[0]["id"]
        .as_i64()
        .unwrap();
    assert_eq!(r["sources"][0]["id"], sample);
    assert_eq!(r["sources"][0]["title"], TITLE);
    let span = &r["spans"][0];
    assert_eq!(span["kind"], "exact");
    assert_eq!(span["source_id"], sample);
    // Offsets are characters of the file's text; the source range points at the same words.
    let chars: Vec<char> = md.chars().collect();
    let (s, e) = (
        span["start"].as_u64().unwrap() as usize,
        span["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(chars[s..e].iter().collect::<String>(), copied);
    let shown = gaoku_json(lib.path(), &["show", &sample.to_string()], 0)["text"]
        .as_str()
        .unwrap()
        .to_string();
    let src: Vec<char> = shown.chars().collect();
    let (ss, se) = (
        span["source_start"].as_u64().unwrap() as usize,
        span["source_end"].as_u64().unwrap() as usize,
    );
    assert_eq!(src[ss..se].iter().collect::<String>(), copied);

    // A saved draft too.
    let id =
        gaoku_json(lib.path(), &["draft", "import", draft.to_str().unwrap()], 0)["id"].to_string();
    let r = gaoku_json(lib.path(), &["reuse", "--draft", &id], 0);
    assert_eq!(r["sources"][0]["id"], sample);

    // Similar passages: the paragraph holding it, first, with its index in `show`'s paragraphs.
    let h = gaoku_json(
        lib.path(),
        &[
            "similar",
            "要把项目建设作为稳增长保态势的关键举措来抓，全力以赴抓招商、引项目、破难题",
            "--limit",
            "3",
        ],
        0,
    );
    let hit = &h["hits"][0];
    assert_eq!(hit["id"], sample);
    let para = hit["para"].as_u64().unwrap() as usize;
    let paragraphs: Vec<&str> = shown.split('\n').collect();
    assert_eq!(hit["text"].as_str().unwrap(), paragraphs[para]);
    assert!(paragraphs[para].contains("根本举措"));
}

#[test]
fn exports_replace_only_regular_files_and_take_long_names() {
    let lib = tmp();
    let out = tmp();
    let id = gaoku_json(lib.path(), &["list"], 0)[0]["id"].to_string();
    // A device, a folder and a link are refused even with --force; the link's target is kept.
    for target in ["/dev/null".to_string(), out.path().display().to_string()] {
        let r = gaoku_json(
            lib.path(),
            &["export", &id, "--format", "txt", "-o", &target, "--force"],
            1,
        );
        assert_eq!(r["code"], "not_a_regular_file", "{target}");
    }
    let kept = out.path().join("kept.txt");
    fs::write(&kept, "原文").unwrap();
    let link = out.path().join("link.txt");
    std::os::unix::fs::symlink(&kept, &link).unwrap();
    let r = gaoku_json(
        lib.path(),
        &[
            "export",
            &id,
            "--format",
            "txt",
            "-o",
            link.to_str().unwrap(),
            "--force",
        ],
        1,
    );
    assert_eq!(r["code"], "not_a_regular_file");
    assert_eq!(fs::read_to_string(&kept).unwrap(), "原文");
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    // A legal name of 250 bytes (83 Han characters and a .txt) is written.
    let long = out.path().join(format!("{}.txt", "讲".repeat(82)));
    assert_eq!(long.file_name().unwrap().len(), 250);
    gaoku_json(
        lib.path(),
        &[
            "export",
            &id,
            "--format",
            "txt",
            "-o",
            long.to_str().unwrap(),
        ],
        0,
    );
    assert!(fs::read_to_string(&long).unwrap().contains("同志们"));
    // A regular file is replaced with --force, as before.
    gaoku_json(
        lib.path(),
        &[
            "export",
            &id,
            "--format",
            "txt",
            "-o",
            kept.to_str().unwrap(),
            "--force",
        ],
        0,
    );
    assert!(fs::read_to_string(&kept).unwrap().contains("同志们"));
}

#[test]
fn links_out_of_an_imported_folder_are_not_followed() {
    let lib = tmp();
    let outside = tmp();
    let chosen = tmp();
    fs::write(
        outside.path().join("外面.txt"),
        "外面的讲话\n同志们：\n这篇不该被导入。",
    )
    .unwrap();
    fs::write(
        chosen.path().join("里面.txt"),
        "里面的讲话\n同志们：\n这篇要导入。",
    )
    .unwrap();
    std::fs::create_dir(chosen.path().join("子目录")).unwrap();
    fs::write(
        chosen.path().join("子目录/更里面.txt"),
        "更里面的讲话\n同志们：\n这篇也要导入。",
    )
    .unwrap();
    // A link to a folder outside, one to a file outside, and one inside (followed).
    std::os::unix::fs::symlink(outside.path(), chosen.path().join("外链目录")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("外面.txt"),
        chosen.path().join("外链.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(chosen.path().join("子目录"), chosen.path().join("内链")).unwrap();
    let r = gaoku_json(
        lib.path(),
        &["--no-seed", "import", chosen.path().to_str().unwrap()],
        0,
    );
    let titles = imported_titles(&r);
    assert!(
        titles.contains(&"里面的讲话") && titles.contains(&"更里面的讲话"),
        "{titles:?}"
    );
    assert!(!titles.contains(&"外面的讲话"), "{titles:?}");
    let skipped: Vec<(&str, &str)> = r["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["path"].as_str().unwrap(), s["code"].as_str().unwrap()))
        .collect();
    for name in ["外链目录", "外链.txt"] {
        assert!(
            skipped
                .iter()
                .any(|(p, c)| p.ends_with(name) && *c == "link_outside"),
            "{name}: {skipped:?}"
        );
    }
    // The folder outside can still be imported when chosen itself.
    let r = gaoku_json(lib.path(), &["import", outside.path().to_str().unwrap()], 0);
    assert_eq!(r["imported"][0]["title"], "外面的讲话");
}

#[test]
fn a_document_with_too_much_text_is_refused() {
    let lib = tmp();
    let dir = tmp();
    // A 12 MB web page (under the 100 MB limit on documents) whose one paragraph is 12 MB of text:
    // refused before the text is cleaned, with its size.
    let sentence = "要把项目建设作为稳增长保态势的根本举措来抓，";
    let page = format!(
        "<html><body><h1>标题</h1><p>{}</p></body></html>",
        sentence.repeat(4_000_000 / sentence.chars().count())
    );
    let big = dir.path().join("大.html");
    fs::write(&big, page).unwrap();
    let r = gaoku_json(
        lib.path(),
        &["--no-seed", "import", big.to_str().unwrap()],
        1,
    );
    assert_eq!(r["failed"][0]["code"], "text_too_long", "{r}");
    assert!(
        r["failed"][0]["error"]
            .as_str()
            .unwrap()
            .contains("11.4 MB"),
        "{r}"
    );
}

#[test]
fn a_damaged_library_is_named_damaged_not_replaced() {
    // A dropped table: `check` names it.
    let lib = tmp();
    gaoku_json(lib.path(), &["list"], 0);
    let db = lib.path().join("library.sqlite3");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch("DROP TABLE phrase_sources;").unwrap();
    drop(conn);
    let out = gaoku(lib.path(), &["--json", "check"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("table phrase_sources is missing"), "{text}");

    // The database cut to nothing, or deleted, beside the index of a library: damaged, and no new
    // empty library is made in its place.
    for how in ["truncate", "delete"] {
        let lib = tmp();
        gaoku_json(lib.path(), &["search", "狠抓落实"], 0);
        let db = lib.path().join("library.sqlite3");
        for side in ["-wal", "-shm"] {
            let _ = fs::remove_file(lib.path().join(format!("library.sqlite3{side}")));
        }
        if how == "truncate" {
            fs::write(&db, b"").unwrap();
        } else {
            fs::remove_file(&db).unwrap();
        }
        let r = gaoku_json(lib.path(), &["list"], 1);
        assert_eq!(r["code"], "database_damaged", "{how}: {r}");
        assert_eq!(
            fs::metadata(&db).map(|m| m.len()).ok(),
            (how == "truncate").then_some(0),
            "{how}"
        );
    }

    // Bytes of another kind where the database should be: damaged, not "library database error".
    let lib = tmp();
    fs::write(
        lib.path().join("library.sqlite3"),
        "这不是数据库".repeat(1000),
    )
    .unwrap();
    let r = gaoku_json(lib.path(), &["list"], 1);
    assert_eq!(r["code"], "database_damaged", "{r}");
}

#[test]
fn a_docx_whose_xml_is_utf16_is_read() {
    let lib = tmp();
    let dir = tmp();
    let xml = r#"<?xml version="1.0" encoding="UTF-16" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>在全县防汛工作会议上的讲话</w:t></w:r></w:p><w:p><w:r><w:t>同志们：汛期已到，要把防汛责任压实到人，狠抓隐患整改。</w:t></w:r></w:p></w:body></w:document>"#;
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(xml.encode_utf16().flat_map(u16::to_le_bytes));
    let file = dir.path().join("utf16.docx");
    write_docx(&file, &bytes);
    let r = gaoku_json(lib.path(), &["import", file.to_str().unwrap()], 0);
    assert_eq!(
        imported_titles(&r),
        vec!["在全县防汛工作会议上的讲话"],
        "{r:#}"
    );
    let found = gaoku_json(lib.path(), &["search", "狠抓隐患整改"], 0);
    assert_eq!(found["total"], 1);
}

#[test]
fn search_pages_join_into_the_whole_list() {
    let lib = tmp();
    let folder = tmp();
    for i in 0..23 {
        fs::write(
            folder.path().join(format!("{i}.txt")),
            format!(
                "在第{i}次会议上的讲话\n（20{:02}年3月1日）\n同志们：\n一是抓落实，二是抓作风，三是抓{i}号任务。{}\n",
                i % 20,
                "狠抓落实。".repeat(i % 5 + 1)
            ),
        )
        .unwrap();
    }
    gaoku_json(lib.path(), &["import", folder.path().to_str().unwrap()], 0);
    for (query, extra) in [
        ("落实", "relevance"),
        ("落实", "date"),
        ("一是…二是…三是", "relevance"),
    ] {
        let ids = |offset: usize, limit: usize| -> (u64, Vec<i64>) {
            let r = search(
                lib.path(),
                &[
                    query,
                    "--sort",
                    extra,
                    "--limit",
                    &limit.to_string(),
                    "--offset",
                    &offset.to_string(),
                ],
            );
            let ids = r["hits"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| h["id"].as_i64().unwrap())
                .collect();
            (r["total"].as_u64().unwrap(), ids)
        };
        let (total, all) = ids(0, 0);
        assert!(total >= 23, "{query}: {total}");
        assert_eq!(all.len() as u64, total);
        let mut paged = Vec::new();
        for page in 0..5 {
            let (t, got) = ids(page * 10, 10);
            assert_eq!(t, total, "every page states the whole count");
            paged.extend(got);
        }
        assert_eq!(
            paged, all,
            "{query} by {extra}: pages in order, none twice, none missed"
        );
    }
}

#[test]
fn backup_and_restore_from_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("library");
    let backup = dir.path().join("backup");
    let b = gaoku_json(&lib, &["backup", "-o", backup.to_str().unwrap()], 0);
    assert_eq!(b["speeches"], 1);
    // The backup opens as a library as it is.
    let found = gaoku_json(&backup, &["search", "苦干、实干、拼命干"], 0);
    assert_eq!(found["total"], 1);
    // A second backup into the same folder is refused: nothing is overwritten.
    let again = gaoku_json(&lib, &["backup", "-o", backup.to_str().unwrap()], 1);
    assert_eq!(again["code"], "file_exists");
    // Restoring asks first; with --yes it replaces the library and keeps the old one.
    let md = dir.path().join("later.md");
    fs::write(&md, "# 备份之后写的稿\n").unwrap();
    let draft = gaoku_json(&lib, &["draft", "import", md.to_str().unwrap()], 0);
    let out = gaoku(&lib, &["restore", backup.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--yes"));
    let r = gaoku_json(&lib, &["restore", backup.to_str().unwrap(), "--yes"], 0);
    assert_eq!(r["speeches"], 1);
    let previous = r["previous"].as_str().unwrap();
    let drafts = gaoku_json(&lib, &["draft", "list"], 0);
    assert_eq!(drafts.as_array().unwrap().len(), 0);
    let kept = gaoku_json(Path::new(previous), &["draft", "list"], 0);
    assert_eq!(kept[0]["id"], draft["id"]);
}

#[test]
fn bundles_from_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    let file = dir.path().join("share.gaoku");
    let f = file.to_str().unwrap();
    let phrase = gaoku_json(&a, &["phrase", "add", "真抓、实抓、紧抓"], 0);
    gaoku_json(&a, &["phrase", "star", &phrase[0]["id"].to_string()], 0);
    // No part named: every speech, phrases, templates, rules.
    let info = gaoku_json(&a, &["bundle", "export", "-o", f], 0);
    assert_eq!(
        (info["speeches"].as_u64(), info["phrases"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(info["drafts"], 0);
    // An existing file is not overwritten; a speech id must be a number.
    assert_eq!(
        gaoku_json(&a, &["bundle", "export", "-o", f], 1)["code"],
        "file_exists"
    );
    let other = dir.path().join("x.gaoku");
    let bad = gaoku_json(
        &a,
        &[
            "bundle",
            "export",
            "-o",
            other.to_str().unwrap(),
            "--speeches",
            "第一篇",
        ],
        1,
    );
    assert_eq!(bad["code"], "not_a_speech_id");

    let r = gaoku_json(&b, &["--no-seed", "bundle", "import", f], 0);
    assert_eq!(r["speeches_added"].as_array().unwrap().len(), 1);
    assert_eq!(r["phrases_added"], 1);
    let starred = gaoku_json(&b, &["phrases", "--starred"], 0);
    assert!(starred
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["text"] == "真抓、实抓、紧抓"));
    // Again: nothing new, and the text report says so.
    let out = gaoku(&b, &["bundle", "import", f]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("新增 0 篇，已有 1 篇"), "{text}");
    assert!(text.contains("没有改动"), "{text}");
    // A cut bundle: exit 1, named damaged, nothing imported.
    let bytes = fs::read(&file).unwrap();
    let cut = dir.path().join("cut.gaoku");
    fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let e = gaoku_json(&b, &["bundle", "import", cut.to_str().unwrap()], 1);
    assert_eq!(e["code"], "bundle_damaged");
    assert_eq!(gaoku_json(&b, &["list"], 0).as_array().unwrap().len(), 1);
}

#[test]
fn by_year_and_compare_from_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("library");
    // The sample speech (2020) uses 狠抓落实; the search and the years agree.
    let years = gaoku_json(&lib, &["search", "狠抓落实", "--by-year"], 0);
    let search = gaoku_json(&lib, &["search", "狠抓落实"], 0);
    assert_eq!(years["query"], "狠抓落实");
    assert_eq!(years["years"][0]["year"], 2020);
    assert_eq!(years["years"][0]["speeches"], search["total"]);
    assert_eq!(
        years["years"][0]["matches"],
        search["hits"][0]["match_count"]
    );
    let none = gaoku(&lib, &["search", "不存在的说法", "--by-year"]);
    assert!(String::from_utf8_lossy(&none.stdout).contains("没有讲话稿用到"));

    // A draft from the speech, edited: compared with the speech, one paragraph rewritten.
    let draft = gaoku_json(&lib, &["draft", "new"], 0);
    let id = draft["id"].as_i64().unwrap();
    let speech = gaoku_json(&lib, &["show", "1"], 0);
    let text = speech["text"].as_str().unwrap();
    let first = text.lines().nth(1).unwrap().to_string();
    let md = dir.path().join("d.md");
    let edited = text.replacen(&first, &format!("{first}我们要再接再厉。"), 1);
    fs::write(&md, format!("# 稿\n\n{}", edited.replace('\n', "\n\n"))).unwrap();
    gaoku_json(
        &lib,
        &["draft", "update", &id.to_string(), md.to_str().unwrap()],
        0,
    );
    let c = gaoku_json(&lib, &["compare", "1", &format!("draft:{id}")], 0);
    assert_eq!(c["summary"]["changed_paragraphs"], 1, "{}", c["summary"]);
    assert_eq!(c["summary"]["added"], "我们要再接再厉。".chars().count());
    assert_eq!(c["summary"]["dropped"], 0);
    // A file compares the same way; the text output marks the new wording.
    let out = gaoku(&lib, &["compare", "1", md.to_str().unwrap()]);
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("{+我们要再接再厉。+}"), "{shown}");
    assert!(shown.contains("改写 1 段"), "{shown}");
}
