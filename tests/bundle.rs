//! 素材包 (bundles) between two real libraries: the corpus exported from one and imported into a
//! fresh one comes back whole (texts, titles, dates, tags, starred and own phrases, templates,
//! rules, drafts) and searchable; importing it again adds nothing; merging into a library that
//! has some of it keeps what is there; a cut, flipped or newer bundle imports nothing.

#[path = "common/corpus.rs"]
mod corpus;

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use gaoku_core::check::Layer;
use gaoku_core::error::{Error, LibraryError};
use gaoku_core::{
    BundleParts, Library, OpenOptions, PhraseFilter, PhraseKind, SearchRequest, SpeechEdit,
};

const UNIT_RULES: &str = r#"
name = "某县委办提法规则"

[[rule]]
id = "unit-jianshe"
pattern = "社会主义新农村建设"
reason = "党的十九大后统一提乡村振兴战略"
suggest = "乡村振兴"
valid_until = "2017-10-17"
"#;

fn open(dir: &Path) -> Library {
    Library::open_with(dir, OpenOptions { seed_sample: false }).unwrap()
}

/// What must survive a round trip, per speech (by its text): metadata, tags and paragraphs.
type SpeechKey = (
    String,
    Option<String>,
    Option<i32>,
    Option<String>,
    Option<String>,
    Vec<String>,
    Vec<String>,
);

fn speeches(lib: &Library) -> BTreeSet<SpeechKey> {
    lib.list()
        .unwrap()
        .into_iter()
        .map(|s| {
            let s = lib.speech(s.id).unwrap();
            (
                s.meta.title,
                s.meta.date,
                s.meta.year,
                s.meta.speaker,
                s.meta.kind,
                s.meta.tags,
                s.paragraphs,
            )
        })
        .collect()
}

/// The writer's phrases: (kind, text, starred, own, tags).
fn curated(lib: &Library) -> BTreeSet<(String, String, bool, bool, Vec<String>)> {
    lib.phrases(&PhraseFilter {
        min_count: 1,
        ..Default::default()
    })
    .unwrap()
    .into_iter()
    .filter(|p| p.starred || p.user || !p.tags.is_empty())
    .map(|p| {
        (
            p.kind.as_str().to_string(),
            p.text,
            p.starred,
            p.user,
            p.tags,
        )
    })
    .collect()
}

fn own_templates(lib: &Library) -> Vec<gaoku_core::templates::Template> {
    lib.templates()
        .unwrap()
        .into_iter()
        .filter(|t| !t.builtin)
        .collect()
}

/// The files the source library imports: the corpus when present, else the repository's samples.
fn material() -> Vec<PathBuf> {
    match corpus::corpus_docs() {
        Some(docs) => vec![docs],
        None => {
            corpus::skipped("bundle round trip over the corpus (ran over the sample files)");
            let repo = corpus::repo();
            // The sample in three formats is one speech (one text whatever the format); two
            // outside texts make the library more than one.
            let outside: Vec<PathBuf> = std::fs::read_dir(repo.join("tests/outside/texts"))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| {
                    let name = p.file_name().unwrap().to_string_lossy();
                    name.starts_with("a01-") || name.starts_with("b13-")
                })
                .collect();
            assert_eq!(outside.len(), 2, "two outside texts");
            let mut files = vec![
                repo.join("assets/samples"),
                repo.join("tests/fixtures/sample-gbk.txt"),
                repo.join("tests/fixtures/sample.docx"),
            ];
            files.extend(outside);
            files
        }
    }
}

/// A source library with the writer's own work on top of the imported speeches.
fn source_library(dir: &Path) -> Library {
    let mut a = open(dir);
    let report = a.import(&material(), |_| {}, None);
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    let list = a.list().unwrap();
    assert!(list.len() >= 2, "{} speeches", list.len());
    // Tags on two speeches, a star and a tag on mined phrases, an own phrase.
    for s in list.iter().take(2) {
        a.edit(
            s.id,
            &SpeechEdit {
                tags: Some(vec!["重点".into(), format!("第{}篇", s.id)]),
                ..Default::default()
            },
        )
        .unwrap();
    }
    let mined = a
        .phrases(&PhraseFilter {
            min_count: 1,
            limit: 3,
            ..Default::default()
        })
        .unwrap();
    assert!(mined.len() >= 2);
    a.star_phrase(mined[0].id, true).unwrap();
    a.tag_phrase(mined[1].id, &["常用".to_string()]).unwrap();
    a.add_phrase(PhraseKind::Parallel, "真抓、实抓、紧抓")
        .unwrap();
    a.template_from_speech(list[0].id, "我的报告结构", false)
        .unwrap();
    a.import_rules(Layer::Unit, UNIT_RULES).unwrap();
    a.create_draft(
        "# 在全县工作会议上的讲话\n\n同志们：\n\n今天的会议很重要。",
        None,
    )
    .unwrap();
    a
}

/// The source library and a bundle of everything in it, `share.gaoku` in `dir`.
fn shared(dir: &Path) -> (Library, PathBuf) {
    let a = source_library(&dir.join("a"));
    let file = dir.join("share.gaoku");
    a.export_bundle(&file, &everything()).unwrap();
    (a, file)
}

fn everything() -> BundleParts {
    BundleParts {
        all_speeches: true,
        phrases: true,
        templates: true,
        rules: true,
        drafts: true,
        ..Default::default()
    }
}

#[test]
fn a_library_exported_and_imported_into_a_fresh_one_comes_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = source_library(&dir.path().join("a"));
    let file = dir.path().join("县委办素材.gaoku");
    let info = a.export_bundle(&file, &everything()).unwrap();
    assert_eq!(info.speeches, a.list().unwrap().len());
    assert_eq!((info.templates, info.rules, info.drafts), (1, 1, 1));
    assert!(info.phrases >= 3);
    assert!(!dir.path().join("县委办素材.gaoku.partial").exists());

    let mut b = open(&dir.path().join("b"));
    let report = b.import_bundle(&file).unwrap();
    assert_eq!(report.speeches_added.len(), info.speeches);
    assert_eq!(report.speeches_known, 0);
    assert_eq!((report.templates_added, report.rules_added), (1, 1));
    assert_eq!(report.drafts_added, 1);

    // Same speeches (text, titles, dates, speakers, kinds, tags), same writer's phrases.
    assert_eq!(speeches(&b), speeches(&a));
    assert_eq!(curated(&b), curated(&a));
    // The template, its source speech found again by its text (ids differ between libraries).
    let (ta, tb) = (&own_templates(&a)[0], &own_templates(&b)[0]);
    assert_eq!((&ta.name, &ta.parts), (&tb.name, &tb.parts));
    let src_a = a.speech(ta.source_speech.unwrap()).unwrap();
    let src_b = b.speech(tb.source_speech.unwrap()).unwrap();
    assert_eq!(src_a.paragraphs, src_b.paragraphs);
    assert_eq!(
        b.rule_pack(Layer::Unit).unwrap(),
        a.rule_pack(Layer::Unit).unwrap()
    );
    let drafts = b.drafts(None).unwrap();
    assert_eq!(drafts.len(), 1);
    assert_eq!(
        b.draft(drafts[0].id).unwrap().body,
        a.draft(a.drafts(None).unwrap()[0].id).unwrap().body
    );

    // The new library is searchable at once, with the same hits as the old one.
    for q in ["狠抓落实", "高质量发展", "一是…二是…三是"] {
        let ha = a.search(&SearchRequest::new(q)).unwrap().total;
        let hb = b.search(&SearchRequest::new(q)).unwrap().total;
        assert_eq!(ha, hb, "{q}");
    }
    assert!(b.check_integrity().unwrap().is_empty());

    // Importing it again adds nothing.
    let again = b.import_bundle(&file).unwrap();
    assert!(again.is_empty(), "{again:?}");
    assert_eq!(again.speeches_known, info.speeches);
    assert_eq!((again.templates_known, again.drafts_known), (1, 1));
    assert_eq!(speeches(&b), speeches(&a));
    assert_eq!(own_templates(&b).len(), 1);
    assert_eq!(b.drafts(None).unwrap().len(), 1);
}

#[test]
fn a_merge_keeps_what_the_library_has_and_renames_a_clashing_template() {
    let dir = tempfile::tempdir().unwrap();
    let (a, file) = shared(dir.path());
    let first = a.list().unwrap()[0].clone();

    // The colleague's library has one of the speeches already, retitled and tagged their way,
    // and a template of the same name with another structure.
    let mut b = open(&dir.path().join("b"));
    b.import(&material(), |_| {}, None);
    let theirs = b
        .list()
        .unwrap()
        .into_iter()
        .find(|s| b.speech(s.id).unwrap().paragraphs == a.speech(first.id).unwrap().paragraphs)
        .unwrap();
    b.edit(
        theirs.id,
        &SpeechEdit {
            title: Some("他们的标题".into()),
            tags: Some(vec!["存档".into()]),
            ..Default::default()
        },
    )
    .unwrap();
    let other = b.list().unwrap().last().unwrap().id;
    b.template_from_speech(other, "我的报告结构", true).unwrap();
    let before = b.list().unwrap().len();

    let report = b.import_bundle(&file).unwrap();
    assert!(report.speeches_added.is_empty(), "{report:?}");
    assert_eq!(report.speeches_known, before);
    // The two tags of each of the two tagged speeches are new here.
    assert_eq!(report.tags_added, 4, "{report:?}");
    // Their title stays; the bundle's tags are added to theirs.
    let kept = b.speech(theirs.id).unwrap().meta;
    assert_eq!(kept.title, "他们的标题");
    let want: BTreeSet<String> = [
        "存档".to_string(),
        "重点".into(),
        format!("第{}篇", first.id),
    ]
    .into_iter()
    .collect();
    assert_eq!(kept.tags.into_iter().collect::<BTreeSet<_>>(), want);
    // The clashing template came in renamed; theirs is untouched.
    assert_eq!(report.templates_renamed.len(), 1);
    assert_eq!(report.templates_renamed[0].to, "我的报告结构（2）");
    let names: Vec<String> = own_templates(&b).into_iter().map(|t| t.name).collect();
    assert_eq!(names, ["我的报告结构", "我的报告结构（2）"]);
    // The star given in the other library is here now.
    let starred: Vec<String> = curated(&a)
        .into_iter()
        .filter(|p| p.2)
        .map(|p| p.1)
        .collect();
    for text in starred {
        assert!(
            curated(&b).iter().any(|p| p.1 == text && p.2),
            "{text} not starred"
        );
    }
    // A second import changes nothing, the renamed template included.
    assert!(b.import_bundle(&file).unwrap().is_empty());
    assert_eq!(own_templates(&b).len(), 2);
}

/// What a failed import must leave as it was.
fn state(lib: &Library) -> (usize, usize, usize, usize, String) {
    (
        lib.list().unwrap().len(),
        curated(lib).len(),
        own_templates(lib).len(),
        lib.drafts(None).unwrap().len(),
        lib.export_rules(Layer::Unit).unwrap(),
    )
}

fn assert_refused(lib: &mut Library, file: &Path, code: &str) {
    let before = state(lib);
    let e = lib.import_bundle(file).unwrap_err();
    assert_eq!(e.coded().0, code, "{e}");
    assert_eq!(state(lib), before, "{e}");
    assert!(lib.check_integrity().unwrap().is_empty());
}

#[test]
fn a_cut_flipped_or_newer_bundle_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (a, file) = shared(dir.path());
    let bytes = std::fs::read(&file).unwrap();
    let mut b = open(&dir.path().join("b"));
    b.create_draft("# 我自己的稿子\n\n正文。", None).unwrap();

    // Cut anywhere: in the speeches, in the manifest, in the archive's directory at the end.
    for keep in [bytes.len() / 3, bytes.len() - 600, bytes.len() - 30] {
        let cut = dir.path().join(format!("cut-{keep}.gaoku"));
        std::fs::write(&cut, &bytes[..keep]).unwrap();
        assert_refused(&mut b, &cut, "bundle_damaged");
    }
    // One byte changed inside the compressed speeches (the zip's own checks or the manifest's
    // hashes catch it): still nothing.
    let mut flipped = bytes.clone();
    flipped[bytes.len() / 2] ^= 0x40;
    let bad = dir.path().join("flipped.gaoku");
    std::fs::write(&bad, &flipped).unwrap();
    assert_refused(&mut b, &bad, "bundle_damaged");

    // A whole archive whose speeches are not what its manifest lists (edited by hand).
    let edited = rewrite(&file, &dir.path().join("edited.gaoku"), |name, data| {
        if name == "speeches.jsonl" {
            let text = String::from_utf8(data).unwrap();
            let mut lines: Vec<&str> = text.lines().collect();
            lines.pop();
            return (lines.join("\n") + "\n").into_bytes();
        }
        data
    });
    assert_refused(&mut b, &edited, "bundle_damaged");

    // A bundle of a newer format is refused before anything is read.
    let newer = rewrite(&file, &dir.path().join("newer.gaoku"), |name, data| {
        if name == "manifest.json" {
            let mut m: serde_json::Value = serde_json::from_slice(&data).unwrap();
            m["version"] = 2.into();
            return serde_json::to_vec(&m).unwrap();
        }
        data
    });
    assert_refused(&mut b, &newer, "bundle_newer");
    let e = b.import_bundle(&newer).unwrap_err();
    assert!(matches!(
        e,
        Error::Library(LibraryError::BundleNewer {
            found: 2,
            known: 1,
            ..
        })
    ));

    // Not a bundle at all: a .docx (a zip too) and a text file.
    let repo = corpus::repo();
    assert_refused(
        &mut b,
        &repo.join("tests/fixtures/sample.docx"),
        "not_a_bundle",
    );
    assert_refused(&mut b, &repo.join("README.md"), "not_a_bundle");

    // The whole bundle still imports.
    let report = b.import_bundle(&file).unwrap();
    assert_eq!(report.speeches_added.len(), a.list().unwrap().len());
}

/// A copy of the bundle whose speech records are changed by `edit` (all lines at once), with
/// the manifest's count and hash made to agree: only the records' own validation can refuse it.
fn lying(from: &Path, to: &Path, edit: impl Fn(&mut Vec<serde_json::Value>)) -> PathBuf {
    use sha2::{Digest, Sha256};
    use std::io::Read;
    let mut zin = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut records: Vec<serde_json::Value> = Vec::new();
    {
        let mut text = String::new();
        zin.by_name("speeches.jsonl")
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        records.extend(text.lines().map(|l| serde_json::from_str(l).unwrap()));
    }
    edit(&mut records);
    let part: String = records.iter().map(|r| format!("{r}\n")).collect();
    let sha: String = Sha256::digest(part.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    rewrite(from, to, |name, data| match name {
        "speeches.jsonl" => part.clone().into_bytes(),
        "manifest.json" => {
            let mut m: serde_json::Value = serde_json::from_slice(&data).unwrap();
            for p in m["parts"].as_array_mut().unwrap() {
                if p["file"] == "speeches.jsonl" {
                    p["count"] = records.len().into();
                    p["sha256"] = sha.clone().into();
                }
            }
            serde_json::to_vec(&m).unwrap()
        }
        _ => data,
    })
}

#[test]
fn a_bundle_whose_records_lie_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (_a, file) = shared(dir.path());
    let mut b = open(&dir.path().join("b"));
    // The lies pass the manifest's checks (the test's control: an honest rewrite imports).
    let honest = lying(&file, &dir.path().join("honest.gaoku"), |_| {});
    type Lie = Box<dyn Fn(&mut Vec<serde_json::Value>)>;
    let lies: Vec<(&str, Lie)> = vec![
        (
            "another speech's hash",
            Box::new(|r| r[0]["content_hash"] = r[1]["content_hash"].clone()),
        ),
        (
            "a made-up hash",
            Box::new(|r| r[0]["content_hash"] = "not a hash".into()),
        ),
        (
            "a date that is no day",
            Box::new(|r| r[0]["date"] = "2024-13-45".into()),
        ),
        (
            "a control character in the title",
            Box::new(|r| r[0]["title"] = "讲话\u{1b}[2J".into()),
        ),
        (
            "a NUL in the speaker",
            Box::new(|r| r[0]["speaker"] = "张\u{0}三".into()),
        ),
        (
            "a line break inside a paragraph",
            Box::new(|r| {
                let p = r[0]["paragraphs"][0].as_str().unwrap().to_string();
                r[0]["paragraphs"][0] = format!("{p}\n{p}").into();
            }),
        ),
        (
            "a blank speech",
            Box::new(|r| r[0]["paragraphs"] = serde_json::json!([" "])),
        ),
        (
            "a speech past the size limit",
            Box::new(|r| r[0]["paragraphs"] = serde_json::json!(["落实".repeat(2_000_000)])),
        ),
        ("a record twice", Box::new(|r| r.push(r[0].clone()))),
    ];
    for (what, lie) in lies {
        let bad = lying(&file, &dir.path().join("lie.gaoku"), lie);
        let before = state(&b);
        let e = b.import_bundle(&bad).unwrap_err();
        assert_eq!(e.coded().0, "bundle_damaged", "{what}: {e}");
        assert_eq!(state(&b), before, "{what}");
    }
    let added = b.import_bundle(&honest).unwrap().speeches_added.len();
    assert!(added > 0);
    // Into a library that has the speeches: a changed hash is still the speech it is (no
    // duplicate), and a record claiming another speech's hash is refused.
    let changed = lying(&file, &dir.path().join("changed.gaoku"), |r| {
        r[0]["content_hash"] = "ab".repeat(32).into()
    });
    let report = b.import_bundle(&changed).unwrap();
    assert!(
        report.speeches_added.is_empty(),
        "{:?}",
        report.speeches_added
    );
    assert_eq!(b.list().unwrap().len(), added);
    let stolen = lying(&file, &dir.path().join("stolen.gaoku"), |r| {
        r[0]["content_hash"] = r[1]["content_hash"].clone()
    });
    let before = state(&b);
    assert_eq!(
        b.import_bundle(&stolen).unwrap_err().coded().0,
        "bundle_damaged"
    );
    assert_eq!(state(&b), before);
}

#[test]
fn an_export_of_chosen_speeches_holds_only_them_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let a = source_library(&dir.path().join("a"));
    let ids: Vec<i64> = a.list().unwrap().iter().take(2).map(|s| s.id).collect();
    let file = dir.path().join("two.gaoku");
    let parts = BundleParts {
        speech_ids: ids.clone(),
        ..Default::default()
    };
    let info = a.export_bundle(&file, &parts).unwrap();
    assert_eq!(
        (info.speeches, info.phrases, info.templates, info.drafts),
        (2, 0, 0, 0)
    );
    let mut b = open(&dir.path().join("b"));
    let report = b.import_bundle(&file).unwrap();
    let titles: BTreeSet<String> = report
        .speeches_added
        .iter()
        .map(|s| s.title.clone())
        .collect();
    let want: BTreeSet<String> = ids
        .iter()
        .map(|&id| a.speech(id).unwrap().meta.title)
        .collect();
    assert_eq!(titles, want);
    assert!(own_templates(&b).is_empty());

    let e = a.export_bundle(&file, &parts).unwrap_err();
    assert_eq!(e.coded().0, "file_exists");
    let e = a
        .export_bundle(
            &dir.path().join("x.gaoku"),
            &BundleParts {
                speech_ids: vec![999_999],
                ..Default::default()
            },
        )
        .unwrap_err();
    assert_eq!(e.coded().0, "not_found");
    assert!(!dir.path().join("x.gaoku").exists());
}

/// Copies a zip archive member by member through `change`.
fn rewrite(from: &Path, to: &Path, change: impl Fn(&str, Vec<u8>) -> Vec<u8>) -> PathBuf {
    use std::io::Read;
    let mut zin = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut zout = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        zout.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        zout.write_all(&change(&name, data)).unwrap();
    }
    zout.finish().unwrap();
    to.to_path_buf()
}
