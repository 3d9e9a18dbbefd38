//! Search is exact: on the real corpus, for hundreds of sampled phrases (with and without
//! punctuation), random strings, keyword pairs and patterns, the speeches found and the match count
//! of each equal a plain scan of the texts `gaoku show` prints. Runs when the corpus is present.

#[path = "common/corpus.rs"]
mod corpus;

use std::collections::BTreeMap;

use gaoku_core::search::normalize::fold_str;
use gaoku_core::{Library, OpenOptions, SearchRequest};

/// Deterministic xorshift: the same samples on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

struct Corpus {
    lib: Library,
    /// id → folded paragraphs of the shown text.
    texts: BTreeMap<i64, Vec<String>>,
}

fn load() -> Option<Corpus> {
    let docs = corpus::corpus_docs()?;
    let dir = tempfile::tempdir().unwrap().keep();
    let mut lib = Library::open_with(&dir, OpenOptions { seed_sample: true }).unwrap();
    let report = lib.import(&[docs], |_| {}, None);
    assert_eq!(report.imported.len(), 87, "{:?}", report.failed);
    let texts = lib
        .list()
        .unwrap()
        .into_iter()
        .map(|s| {
            let text = lib.speech(s.id).unwrap().text();
            (s.id, text.split('\n').map(fold_str).collect())
        })
        .collect();
    Some(Corpus { lib, texts })
}

/// Truth for a phrase or keywords: per speech, the sum over terms of non-overlapping occurrences
/// in each paragraph; a speech counts only if every term occurs.
fn scan_terms(c: &Corpus, terms: &[String]) -> BTreeMap<i64, usize> {
    let mut out = BTreeMap::new();
    for (id, paras) in &c.texts {
        let counts: Vec<usize> = terms
            .iter()
            .map(|t| paras.iter().map(|p| p.matches(t.as_str()).count()).sum())
            .collect();
        if counts.iter().all(|n| *n > 0) {
            out.insert(*id, counts.iter().sum());
        }
    }
    out
}

fn scan_regex(c: &Corpus, re: &regex::Regex) -> BTreeMap<i64, usize> {
    let mut out = BTreeMap::new();
    for (id, paras) in &c.texts {
        let n: usize = paras.iter().map(|p| re.find_iter(p).count()).sum();
        if n > 0 {
            out.insert(*id, n);
        }
    }
    out
}

fn search(c: &mut Corpus, q: &str, pattern: bool) -> BTreeMap<i64, usize> {
    let mut req = SearchRequest::new(q);
    req.limit = 0;
    req.pattern = pattern;
    let r = c.lib.search(&req).unwrap_or_else(|e| panic!("{q:?}: {e}"));
    assert_eq!(r.total, r.hits.len(), "{q}: total counts all hits");
    r.hits
        .iter()
        .map(|h| {
            assert_eq!(h.matches.len(), h.match_count, "{q}: one span per match");
            if r.mode == gaoku_core::Mode::Pattern {
                // Patterns are counted from index positions and verified on the text: both agree.
                assert_eq!(
                    h.score as usize, h.match_count,
                    "{q}: positional count of #{}",
                    h.id
                );
            }
            (h.id, h.match_count)
        })
        .collect()
}

fn is_query_syntax(s: &str) -> bool {
    s.contains(['"', '＂', '…', '*', '＊'])
        || s.contains("...")
        || !s.chars().any(char::is_alphanumeric)
}

#[test]
fn phrases_keywords_and_patterns_equal_a_plain_scan() {
    let Some(mut c) = load() else {
        corpus::skipped("search_exact::phrases_keywords_and_patterns_equal_a_plain_scan");
        return;
    };
    let mut rng = Rng(0x9E3779B97F4A7C15);
    let ids: Vec<i64> = c.texts.keys().copied().collect();
    let sample = |rng: &mut Rng, c: &Corpus, len: usize, with_punct: bool| -> Option<String> {
        let paras = &c.texts[&ids[rng.below(ids.len())]];
        let p: Vec<char> = paras[rng.below(paras.len())].chars().collect();
        if p.len() <= len {
            return None;
        }
        let at = rng.below(p.len() - len);
        let s: String = p[at..at + len].iter().collect();
        let punct = s.chars().any(|ch| !ch.is_alphanumeric());
        (punct == with_punct && !is_query_syntax(&s)).then_some(s)
    };
    let mut checked = 0;
    let mut found = 0;
    // Phrases from the texts: 1 to 12 characters, without and with punctuation inside.
    for with_punct in [false, true] {
        let mut n = 0;
        while n < 200 {
            let len = 1 + rng.below(12);
            let Some(q) = sample(&mut rng, &c, len, with_punct) else {
                continue;
            };
            let truth = scan_terms(&c, std::slice::from_ref(&q));
            assert_eq!(search(&mut c, &q, false), truth, "phrase {q:?}");
            n += 1;
            checked += 1;
            found += usize::from(!truth.is_empty());
        }
    }
    // Random strings of common characters: mostly absent, sometimes present by chance.
    let alphabet: Vec<char> = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞".chars().collect();
    for _ in 0..100 {
        let len = 2 + rng.below(3);
        let q: String = (0..len)
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        let truth = scan_terms(&c, std::slice::from_ref(&q));
        assert_eq!(search(&mut c, &q, false), truth, "random {q:?}");
        checked += 1;
    }
    // Whitespace and full-width forms do not matter.
    for (typed, plain) in [
        ("狠抓 落实", "狠抓落实"),
        ("２０２０年", "2020年"),
        ("ＰＭ２．５", "PM2.5"),
    ] {
        let want = scan_terms(&c, &[plain.to_string()]);
        assert_eq!(
            search(&mut c, &format!("\"{typed}\""), false),
            want,
            "{typed}"
        );
        assert!(!want.is_empty(), "{plain} occurs in the corpus");
    }
    // Keywords: two sampled phrases, both required.
    for _ in 0..60 {
        let (Some(a), Some(b)) = (
            sample(&mut rng, &c, 2, false),
            sample(&mut rng, &c, 3, false),
        ) else {
            continue;
        };
        let truth = scan_terms(&c, &[a.clone(), b.clone()]);
        assert_eq!(
            search(&mut c, &format!("{a} {b}"), false),
            truth,
            "keywords {a} {b}"
        );
        checked += 1;
    }
    // Patterns against a regex scan with the documented meaning (… up to 200 characters, * one).
    let gap = ".{0,200}?";
    let mut patterns: Vec<(String, String)> = vec![
        ("一是…二是…三是".into(), format!("一是{gap}二是{gap}三是")),
        ("既要…更要…".into(), format!("既要{gap}更要")),
        ("要*干、*干、*干".into(), "要.干、.干、.干".into()),
        ("不是…而是".into(), format!("不是{gap}而是")),
        ("首先...其次".into(), format!("首先{gap}其次")),
        ("*化".into(), ".化".into()),
    ];
    for _ in 0..40 {
        let (Some(a), Some(b)) = (
            sample(&mut rng, &c, 2, false),
            sample(&mut rng, &c, 1, false),
        ) else {
            continue;
        };
        patterns.push((
            format!("{a}…{b}"),
            format!("{}{gap}{}", regex::escape(&a), regex::escape(&b)),
        ));
        patterns.push((
            format!("{a}*{b}"),
            format!("{}.{}", regex::escape(&a), regex::escape(&b)),
        ));
    }
    for (q, re) in &patterns {
        let truth = scan_regex(&c, &regex::Regex::new(re).unwrap());
        assert_eq!(search(&mut c, q, false), truth, "pattern {q}");
        checked += 1;
        found += usize::from(!truth.is_empty());
    }
    assert!(checked >= 500, "{checked} queries checked");
    assert!(found >= 300, "most sampled queries occur: {found}");
}
