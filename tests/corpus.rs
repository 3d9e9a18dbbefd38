//! Import of the real corpus (`../shared/corpus/gov-reports`, 87 public-domain speeches and
//! reports): titles, years, duplicates, and that cleaning drops no real text. Runs when the corpus
//! is present beside the checkout (it is in CI) or GAOKU_CORPUS names it.

mod common;

use std::collections::HashMap;

use common::*;

struct Row {
    file: String,
    kind: String,
    year: Option<i64>,
    title: String,
}

fn manifest(dir: &std::path::Path) -> Vec<Row> {
    let text = std::fs::read_to_string(dir.join("manifest.tsv")).unwrap();
    let mut lines = text.lines();
    let head: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| head.iter().position(|h| *h == name).unwrap();
    let (f, k, y, t) = (col("file"), col("kind"), col("year"), col("title"));
    lines
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            Row {
                file: c[f].to_string(),
                kind: c[k].to_string(),
                year: c[y].parse().ok(),
                title: c[t].to_string(),
            }
        })
        .collect()
}

#[test]
fn corpus_imports_with_titles_years_and_no_lost_text() {
    let Some(dir) = corpus() else {
        skipped("corpus::corpus_imports_with_titles_years_and_no_lost_text");
        return;
    };
    let rows = manifest(&dir);
    assert_eq!(rows.len(), 87);
    let lib = tempfile::tempdir().unwrap();
    let docs = dir.join("docs");
    let r = gaoku_json(
        lib.path(),
        &["--no-seed", "import", docs.to_str().unwrap()],
        0,
    );
    let imported = r["imported"].as_array().unwrap();
    assert_eq!(imported.len(), 87, "failed: {}", r["failed"]);
    let by_file: HashMap<String, i64> = imported
        .iter()
        .map(|i| {
            let p = i["path"].as_str().unwrap();
            (
                p.rsplit('/').next().unwrap().to_string(),
                i["id"].as_i64().unwrap(),
            )
        })
        .collect();
    let list = gaoku_json(lib.path(), &["list"], 0);
    let listed: HashMap<i64, &serde_json::Value> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["id"].as_i64().unwrap(), r))
        .collect();
    let mut years = 0;
    for row in &rows {
        let name = row.file.rsplit('/').next().unwrap();
        let id = by_file[name];
        let got = listed[&id];
        assert_eq!(got["title"], row.title.as_str(), "{name}");
        if row.kind == "gwr_report" {
            assert_eq!(got["year"].as_i64(), row.year, "{name}");
            assert_eq!(got["kind"], "报告", "{name}");
            years += 1;
        }
        if row.kind == "gwr_resolution" {
            assert_eq!(got["kind"], "决议", "{name}");
        }
        // Cleaning keeps every character of the body: the source minus its title line (and a
        // date-only line, which becomes the date) equals the stored text, whitespace aside.
        let source = std::fs::read_to_string(dir.join(&row.file)).unwrap();
        let body: String = source
            .lines()
            .skip(1)
            .filter(|l| !is_date_only(l.trim()))
            .collect();
        let s = gaoku_json(lib.path(), &["show", &id.to_string()], 0);
        assert_eq!(
            squeeze(s["text"].as_str().unwrap()),
            squeeze(&body),
            "{name}: text changed"
        );
    }
    assert_eq!(years, 52);

    // A second import stores nothing and names the originals.
    let again = gaoku_json(lib.path(), &["import", docs.to_str().unwrap()], 0);
    assert_eq!(again["imported"].as_array().unwrap().len(), 0);
    let dups = again["duplicates"].as_array().unwrap();
    assert_eq!(dups.len(), 87);
    for d in dups {
        let name = d["path"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .to_string();
        assert_eq!(d["id"].as_i64(), Some(by_file[&name]));
    }
    assert_eq!(
        gaoku_json(lib.path(), &["list"], 0)
            .as_array()
            .unwrap()
            .len(),
        87
    );
}

fn is_date_only(line: &str) -> bool {
    let inner = line
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    inner.ends_with('日')
        && inner.contains('年')
        && inner.contains('月')
        && inner
            .chars()
            .all(|c| c.is_ascii_digit() || "年月日〇○零一二三四五六七八九十 ".contains(c))
}
