//! 查重 and similar passages on real text: drafts built from known copied, edited and new
//! sentences of the sample speech and (when present) the corpus reports. Every copied sentence
//! must be traced to its source, no new sentence marked, the ratio within a few points of the
//! truth, widely used formulas shown as common wording; a paragraph with a tenth of its
//! characters changed finds its source first.

#[path = "common/corpus.rs"]
mod corpus;

use gaoku_core::reuse::ReuseKind;
use gaoku_core::{Library, OpenOptions};

/// Sentences written for this test, about places that do not exist: in no library speech.
const NEW: [&str; 8] = [
    "青石镇今年新建的云岭村冷链仓库已经投入使用，附近果农不再为鲜桃滞销发愁",
    "下周三上午，县数据局要把十二个乡镇的网格员培训安排在老粮站改造的会议室",
    "请各位同志会后把防汛物资清单逐项核对一遍，周五之前报到县应急管理局值班室",
    "我在石板沟调研时看到，村里的光伏板下面种上了中药材，一块地收了两茬钱",
    "今年的读书月活动，机关食堂门口那排书架一个月就借出去了四百多本",
    "对于拖欠农民工工资的三家建筑企业，县人社局已经约谈了负责人并限期清偿",
    "明年春节前，东河两岸的二十四盏景观路灯要全部换成太阳能灯具",
    "全县中小学食堂的菜价公示牌，要在九月开学第一周挂到每个窗口上方",
];

/// Sentences of a speech (split at 。) of 20 to 80 characters, as (paragraph, text).
fn sentences(paragraphs: &[String]) -> Vec<String> {
    paragraphs
        .iter()
        .flat_map(|p| {
            p.split('。')
                .map(str::trim)
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .filter(|s| (20..=80).contains(&s.chars().count()) && !s.contains(['“', '”', '（', '）']))
        .collect()
}

/// 进一步 inserted after the second character and the character at 60 % changed.
fn edited(s: &str) -> String {
    let mut c: Vec<char> = s.chars().collect();
    let k = c.len() * 6 / 10;
    c[k] = if c[k] == '新' { '好' } else { '新' };
    let mut out: String = c[..2].iter().collect();
    out.push_str("进一步");
    out.extend(&c[2..]);
    out
}

struct Planted {
    start: usize,
    end: usize,
    source: Option<i64>,
}

#[test]
fn drafts_of_known_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open_with(dir.path(), OpenOptions { seed_sample: true }).unwrap();
    if let Some(docs) = corpus::corpus_docs() {
        let report = lib.import(&[docs], |_| {}, None);
        assert!(report.failed.is_empty());
    } else {
        corpus::skipped(
            "reuse::drafts_of_known_sentences, its part over the corpus (the sample was checked)",
        );
    }
    let speeches = lib.list().unwrap();
    // The sample and, with the corpus, six reports from across the years.
    let mut chosen: Vec<i64> = speeches
        .iter()
        .filter(|s| s.meta.title.contains("2020年半年"))
        .map(|s| s.id)
        .collect();
    let reports: Vec<i64> = speeches
        .iter()
        .filter(|s| s.meta.title.contains("政府工作报告") && !s.meta.title.contains("决议"))
        .map(|s| s.id)
        .collect();
    chosen.extend(
        reports
            .iter()
            .step_by(reports.len().div_ceil(6).max(1))
            .take(6),
    );

    let mut md = String::from("# 查重测试稿\n\n");
    let mut at = md.chars().count();
    let mut planted: Vec<Planted> = Vec::new();
    let mut push = |md: &mut String, at: &mut usize, text: &str, source: Option<i64>| {
        planted.push(Planted {
            start: *at,
            end: *at + text.chars().count(),
            source,
        });
        md.push_str(text);
        md.push('。');
        *at += text.chars().count() + 1;
    };
    let mut edits: Vec<(i64, String, usize)> = Vec::new();
    for (new_i, &id) in chosen.iter().enumerate() {
        let s = lib.speech(id).unwrap();
        let list = sentences(&s.paragraphs);
        assert!(list.len() >= 12, "{}", s.meta.title);
        // Two copied, one edited, one new, per source, in one paragraph.
        push(&mut md, &mut at, &list[3], Some(id));
        push(&mut md, &mut at, &list[7], Some(id));
        let e = edited(&list[11]);
        push(&mut md, &mut at, &e, Some(id));
        push(&mut md, &mut at, NEW[new_i % NEW.len()], None);
        md.push_str("\n\n");
        at += 2;
        // For similar passages: the paragraph holding the 12th sentence, edited.
        let para = s
            .paragraphs
            .iter()
            .position(|p| p.contains(list[11].as_str()))
            .unwrap();
        edits.push((id, s.paragraphs[para].clone(), para));
    }
    // A formula many speeches repeat: common wording, not reuse.
    let formula = "坚持以习近平新时代中国特色社会主义思想为指导";
    let formula_at = at;
    md.push_str(formula);
    md.push_str("。\n");
    // Every character of the paragraphs counts, their 。 included (as the report counts them).
    let total: usize =
        planted.iter().map(|p| p.end - p.start + 1).sum::<usize>() + formula.chars().count() + 1;
    let copied: usize = planted
        .iter()
        .filter(|p| p.source.is_some())
        .map(|p| p.end - p.start)
        .sum();

    let r = lib.reuse_markdown(&md).unwrap();
    let truth = copied as f64 / total as f64;
    println!(
        "{} sources, {} planted sentences: ratio {:.3}, truth {:.3}; sources found {:?}",
        chosen.len(),
        planted.len(),
        r.ratio,
        truth,
        r.sources
            .iter()
            .map(|s| (s.id, s.chars))
            .collect::<Vec<_>>()
    );
    assert!(
        (r.ratio - truth).abs() <= 0.05,
        "ratio {} vs truth {truth}",
        r.ratio
    );
    for p in &planted {
        let covering: Vec<_> = r
            .spans
            .iter()
            .filter(|s| s.start <= p.start + 1 && s.end + 1 >= p.end)
            .collect();
        let overlapping: Vec<_> = r
            .spans
            .iter()
            .filter(|s| s.start < p.end && s.end > p.start && s.kind != ReuseKind::Common)
            .collect();
        let text: String = md.chars().skip(p.start).take(p.end - p.start).collect();
        match p.source {
            Some(id) => assert!(
                covering
                    .iter()
                    .any(|s| s.source_id == id && s.kind != ReuseKind::Common),
                "copied from {id}, not traced: {text} {covering:?}"
            ),
            None => assert!(
                overlapping.is_empty(),
                "a new sentence marked: {text} {overlapping:?}"
            ),
        }
    }
    if corpus::corpus_docs().is_some() {
        let f = r
            .spans
            .iter()
            .find(|s| s.start >= formula_at && s.start <= formula_at + 2)
            .expect("the formula is found");
        assert_eq!(f.kind, ReuseKind::Common, "{f:?}");
    }
    // The source ranges point at the copied text.
    for s in r.spans.iter().filter(|s| s.kind == ReuseKind::Exact) {
        let src = lib.speech(s.source_id).unwrap().paragraphs.join("\n");
        let found: String = src
            .chars()
            .skip(s.source_start)
            .take(s.source_end - s.source_start)
            .collect();
        let draft: String = md.chars().skip(s.start).take(s.end - s.start).collect();
        assert!(
            draft.contains(&found) || found.contains(&draft),
            "{draft} / {found}"
        );
    }

    // Similar passages: each paragraph with about a tenth of its characters changed finds its
    // source paragraph first.
    for (id, para, index) in &edits {
        let chars: Vec<char> = para.chars().collect();
        let changed: String = chars
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i % 10 == 5 && crate_is_han(*c) {
                    '新'
                } else {
                    *c
                }
            })
            .collect();
        let hits = lib.similar(&changed, 5).unwrap();
        assert_eq!(
            (hits[0].id, hits[0].para),
            (*id, *index),
            "{}: {:?}",
            &changed.chars().take(30).collect::<String>(),
            hits.iter()
                .map(|h| (h.id, h.para, h.score))
                .collect::<Vec<_>>()
        );
        assert!(!hits[0].shared.is_empty());
    }
}

fn crate_is_han(c: char) -> bool {
    gaoku_core::zh::is_han(c)
}
