//! The outside evaluation set (tests/outside): public texts the project never developed on, keyed
//! by hand (tests/outside/KEYING.md). Each is imported into a real library as a writer would
//! import it, and the title, date, speaker, kind and outline read from it are compared with its
//! key. Prints the figures by part, and every miss of the parts that were looked at:
//! - "dev": the first round's texts (ids a, b, c) that guided the work;
//! - "held-out": every first-round id whose number is a multiple of three, kept apart until the
//!   first round of work was done (looked at since: no longer blind);
//! - "second": the second round's texts (ids d, e), keyed after the first round of work and
//!   measured blind once (docs/outside-evaluation.md), then looked at;
//! - "blind": the third round's texts (ids f, g), keyed after that and not looked at while
//!   working (their misses with GAOKU_SHOW_BLIND=1).
//!
//! GAOKU_OUTSIDE_PARTS=abc limits the run to the ids starting with those letters.
//!
//! The floors asserted are below the figures reached (docs/outside-evaluation.md): they catch a
//! regression, not a point of noise.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use gaoku_core::outline::{Node, NodeKind};
use gaoku_core::{Library, OpenOptions};
use serde_json::Value;

fn outside_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/outside")
}

/// One key, as KEYING.md defines it.
struct Key {
    id: String,
    file: String,
    kind: String,
    title: String,
    date: Option<String>,
    speaker: Option<String>,
    outline: Option<Vec<Entry>>,
}

/// A heading or item, keyed or read.
#[derive(Debug, Clone)]
struct Entry {
    item: bool,
    marker: String,
    title: String,
}

fn keys() -> Vec<Key> {
    let mut out = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(outside_dir().join("keys"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    for p in paths {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        let s = |k: &str| v[k].as_str().map(str::to_string);
        let outline = v["outline"].as_array().map(|a| {
            a.iter()
                .map(|e| Entry {
                    item: e["kind"].as_str() == Some("item"),
                    marker: e["marker"].as_str().unwrap_or_default().to_string(),
                    title: e["title"].as_str().unwrap_or_default().to_string(),
                })
                .collect()
        });
        out.push(Key {
            id: s("id").unwrap(),
            file: s("file").unwrap(),
            kind: s("kind").unwrap_or_default(),
            title: s("title").unwrap(),
            date: s("date"),
            speaker: s("speaker"),
            outline,
        });
    }
    out
}

/// The parts of the set, in the order they are printed.
const PARTS: [&str; 4] = ["dev", "held-out", "second", "blind"];

/// Which part a text is in (see the module doc).
fn part(id: &str) -> usize {
    if id.starts_with(['d', 'e']) {
        2
    } else if !id.starts_with(['a', 'b', 'c']) {
        3
    } else if id[1..].parse::<u32>().is_ok_and(|n| n % 3 == 0) {
        1
    } else {
        0
    }
}

/// Half-width brackets and punctuation as full-width, spaces out: the same marker or title
/// whichever width the source used.
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            ',' => '，',
            ':' => '：',
            ';' => '；',
            '.' => '．',
            _ => c,
        })
        .collect()
}

fn same_title(a: &str, b: &str) -> bool {
    let trim = |s: &str| -> Vec<char> {
        fold(s)
            .trim_end_matches(['。', '；', '，', '：', '！', '？', '．'])
            .chars()
            .collect()
    };
    let (a, b) = (trim(a), trim(b));
    let n = a.len().min(b.len()).min(12);
    n > 0 && a[..n] == b[..n]
}

fn same_entry(k: &Entry, r: &Entry) -> bool {
    k.item == r.item && fold(&k.marker) == fold(&r.marker) && same_title(&k.title, &r.title)
}

fn flatten(nodes: &[Node], out: &mut Vec<Entry>) {
    for n in nodes {
        out.push(Entry {
            item: n.kind == NodeKind::Item,
            marker: n.marker.clone(),
            title: n.title.clone(),
        });
        flatten(&n.children, out);
    }
}

/// Entries matched in order (longest common subsequence).
fn matched(key: &[Entry], read: &[Entry]) -> usize {
    let mut dp = vec![vec![0usize; read.len() + 1]; key.len() + 1];
    for i in (0..key.len()).rev() {
        for j in (0..read.len()).rev() {
            dp[i][j] = if same_entry(&key[i], &read[j]) {
                dp[i + 1][j + 1] + 1
            } else {
                dp[i + 1][j].max(dp[i][j + 1])
            };
        }
    }
    dp[0][0]
}

#[derive(Default)]
struct Tally {
    texts: usize,
    titles: usize,
    dates: usize,
    kinds: usize,
    speakers_stated: usize,
    speakers_right: usize,
    speakers_invented: usize,
    keyed: usize,
    read: usize,
    matched: usize,
}

impl Tally {
    fn line(&self, name: &str) -> String {
        let pct = |a: usize, b: usize| {
            if b == 0 {
                "—".to_string()
            } else {
                format!("{:.1} % ({a}/{b})", 100.0 * a as f64 / b as f64)
            }
        };
        let (p, r) = self.pr();
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        format!(
            "{name:9} texts {:3} | titles {} | dates {} | speakers {} (+{} where none is stated) | kinds {} | outline P {:.3} R {:.3} F1 {:.3} ({} keyed, {} read, {} matched)",
            self.texts,
            pct(self.titles, self.texts),
            pct(self.dates, self.texts),
            pct(self.speakers_right, self.speakers_stated),
            self.speakers_invented,
            pct(self.kinds, self.texts),
            p,
            r,
            f1,
            self.keyed,
            self.read,
            self.matched
        )
    }

    fn pr(&self) -> (f64, f64) {
        let p = if self.read == 0 {
            1.0
        } else {
            self.matched as f64 / self.read as f64
        };
        let r = if self.keyed == 0 {
            1.0
        } else {
            self.matched as f64 / self.keyed as f64
        };
        (p, r)
    }

    fn rate(a: usize, b: usize) -> f64 {
        if b == 0 {
            1.0
        } else {
            a as f64 / b as f64
        }
    }
}

/// The kind a key names is the kind the library files it under.
fn same_kind(key: &str, read: Option<&str>) -> bool {
    read == Some(key)
}

#[test]
fn outside_texts_are_read_as_a_person_reads_them() {
    let keys = keys();
    assert!(keys.len() >= 60, "the outside set has {} texts", keys.len());
    let keys: Vec<Key> = match std::env::var("GAOKU_OUTSIDE_PARTS") {
        Ok(letters) => keys
            .into_iter()
            .filter(|k| k.id.starts_with(|c| letters.contains(c)))
            .collect(),
        Err(_) => keys,
    };
    // Each text in a folder of its own, under its name without the id prefix (the file name is
    // part of what is read: a date or title in it counts).
    let tmp = tempfile::tempdir().unwrap();
    let mut path_of = BTreeMap::new();
    for k in &keys {
        let name = k
            .file
            .strip_prefix(&format!("{}-", k.id))
            .unwrap_or(&k.file);
        let dir = tmp.path().join("in").join(&k.id);
        std::fs::create_dir_all(&dir).unwrap();
        let to = dir.join(name);
        std::fs::copy(outside_dir().join("texts").join(&k.file), &to)
            .unwrap_or_else(|e| panic!("{}: {e}", k.file));
        path_of.insert(to.display().to_string(), k.id.clone());
    }
    let mut lib =
        Library::open_with(tmp.path().join("lib"), OpenOptions { seed_sample: false }).unwrap();
    let report = lib.import(&[tmp.path().join("in")], |_| {}, None);
    assert!(
        report.failed.is_empty(),
        "every outside text imports: {:?}",
        report.failed
    );
    let mut id_of = BTreeMap::new();
    for i in &report.imported {
        id_of.insert(path_of[&i.path].clone(), i.id);
    }
    let show_blind = std::env::var_os("GAOKU_SHOW_BLIND").is_some();
    let mut tallies: [Tally; 4] = Default::default();
    let mut misses = Vec::new();
    for k in &keys {
        let Some(&id) = id_of.get(&k.id) else {
            panic!("{} was not imported (a duplicate?): {:?}", k.id, report);
        };
        let s = lib.speech(id).unwrap();
        let t = &mut tallies[part(&k.id)];
        let show = part(&k.id) < 3 || show_blind;
        let mut miss = |what: &str, want: &str, got: &str| {
            if show {
                misses.push(format!("{} {what}: want {want:?}, got {got:?}", k.id));
            }
        };
        t.texts += 1;
        if fold(&s.meta.title) == fold(&k.title) {
            t.titles += 1;
        } else {
            miss("title", &k.title, &s.meta.title);
        }
        if s.meta.date == k.date {
            t.dates += 1;
        } else {
            miss(
                "date",
                k.date.as_deref().unwrap_or("-"),
                s.meta.date.as_deref().unwrap_or("-"),
            );
        }
        if same_kind(&k.kind, s.meta.kind.as_deref()) {
            t.kinds += 1;
        }
        match (&k.speaker, &s.meta.speaker) {
            (Some(want), got) => {
                t.speakers_stated += 1;
                if got.as_ref() == Some(want) {
                    t.speakers_right += 1;
                } else {
                    miss("speaker", want, got.as_deref().unwrap_or("-"));
                }
            }
            (None, Some(got)) => {
                t.speakers_invented += 1;
                miss("speaker", "-", got);
            }
            (None, None) => {}
        }
        if let Some(want) = &k.outline {
            let outline = lib.outline(id).unwrap();
            let mut read = Vec::new();
            flatten(&outline.nodes, &mut read);
            let m = matched(want, &read);
            t.keyed += want.len();
            t.read += read.len();
            t.matched += m;
            if show && (m < want.len() || m < read.len()) {
                misses.push(format!(
                    "{} outline: {m} of {} keyed matched, {} read",
                    k.id,
                    want.len(),
                    read.len()
                ));
                let missed: Vec<String> = want
                    .iter()
                    .filter(|e| !read.iter().any(|r| same_entry(e, r)))
                    .map(|e| {
                        format!(
                            "{}{}",
                            e.marker,
                            e.title.chars().take(10).collect::<String>()
                        )
                    })
                    .collect();
                let extra: Vec<String> = read
                    .iter()
                    .filter(|r| !want.iter().any(|e| same_entry(e, r)))
                    .map(|e| {
                        format!(
                            "{}{}",
                            e.marker,
                            e.title.chars().take(10).collect::<String>()
                        )
                    })
                    .collect();
                misses.push(format!("    missed {missed:?}\n    extra {extra:?}"));
            }
        }
    }
    let mut all = Tally::default();
    for t in &tallies {
        all.texts += t.texts;
        all.titles += t.titles;
        all.dates += t.dates;
        all.kinds += t.kinds;
        all.speakers_stated += t.speakers_stated;
        all.speakers_right += t.speakers_right;
        all.speakers_invented += t.speakers_invented;
        all.keyed += t.keyed;
        all.read += t.read;
        all.matched += t.matched;
    }
    for (t, name) in tallies.iter().zip(PARTS) {
        println!("{}", t.line(name));
    }
    println!("{}", all.line("all"));
    for m in &misses {
        println!("{m}");
    }
    // Floors (see the module doc).
    let (p, r) = all.pr();
    let f1 = 2.0 * p * r / (p + r);
    assert!(Tally::rate(all.titles, all.texts) >= FLOOR_TITLES, "titles");
    assert!(Tally::rate(all.dates, all.texts) >= FLOOR_DATES, "dates");
    assert!(
        Tally::rate(all.speakers_right, all.speakers_stated) >= FLOOR_SPEAKERS,
        "speakers"
    );
    assert!(f1 >= FLOOR_OUTLINE_F1, "outline F1 {f1:.3}");
}

// Over all 141 texts when these were set: titles 0.830, dates 0.844, speakers 0.732, outline
// F1 0.983 (docs/outside-evaluation.md has each part).
const FLOOR_TITLES: f64 = 0.80;
const FLOOR_DATES: f64 = 0.80;
const FLOOR_SPEAKERS: f64 = 0.70;
const FLOOR_OUTLINE_F1: f64 = 0.97;
