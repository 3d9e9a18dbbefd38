//! Mining reusable phrasing from a speech's paragraphs: parallel phrasing (排比), enumerations
//! (一是…二是…), paired forms (既要…更要…), quoted numbered slogans (“六稳”) and heading lines.
//! Pure functions over text; storage and counting across the library live in the store.

use serde::{Deserialize, Serialize};

use crate::outline::{outline, Node, NodeKind};
use crate::text::regex;

/// Bumped whenever mining changes: libraries mined by an older version are mined again.
pub const MINER_VERSION: u32 = 5;

/// What kind of phrasing an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum PhraseKind {
    /// 排比: three or more short clauses of one shape sharing a head or a tail.
    Parallel,
    /// The item titles of one 一是…二是… run.
    Enumeration,
    /// 既要…更要…, 不是…而是…, 一手抓…一手抓….
    Paired,
    /// A quoted slogan or numbered formula: “六稳”, “双过半”.
    Slogan,
    /// A heading's title, to reuse as a title.
    Heading,
}

impl PhraseKind {
    /// The name used in the CLI and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            PhraseKind::Parallel => "parallel",
            PhraseKind::Enumeration => "enumeration",
            PhraseKind::Paired => "paired",
            PhraseKind::Slogan => "slogan",
            PhraseKind::Heading => "heading",
        }
    }
}

/// One occurrence of a phrase in a speech: character range of the shown text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mined {
    /// Which pattern found it.
    pub kind: PhraseKind,
    /// The phrase as the bank keeps it.
    pub text: String,
    /// Start character in the shown text.
    pub start: usize,
    /// End character (exclusive).
    pub end: usize,
}

/// Longest item of a parallel run, in characters.
const PARALLEL_MAX_ITEM: usize = 6;
/// Shared tails that only make a list of nouns (城建项目、产业项目、民生项目), not 排比.
const GENERIC_TAILS: &[&str] = &[
    "工作", "建设", "项目", "企业", "发展", "问题", "部门", "单位", "人员", "产业", "领域", "工程",
    "体系", "制度", "机制", "能力", "水平", "服务", "管理", "政策", "措施", "资金", "市场", "经济",
    "社会", "文化", "教育", "生产", "设施", "组织", "干部", "群众", "地区", "城市", "农村", "行业",
    "机构", "活动", "任务", "方面", "国家", "人民", "县", "市", "省", "镇", "区", "村", "业", "费",
    "税", "价", "率", "量", "额", "品", "者", "家", "园", "局", "厂", "站", "所", "院", "校",
];

fn common_prefix(items: &[Vec<char>]) -> usize {
    let first = &items[0];
    (0..first.len())
        .take_while(|&i| items.iter().all(|it| it.get(i) == Some(&first[i])))
        .count()
}

fn common_suffix(items: &[Vec<char>]) -> usize {
    let first = &items[0];
    (0..first.len())
        .take_while(|&i| {
            let c = first[first.len() - 1 - i];
            items
                .iter()
                .all(|it| it.len() > i && it[it.len() - 1 - i] == c)
        })
        .count()
}

/// Parallel runs in one sentence piece: items separated by one delimiter (、 or ，).
/// `base` is the character offset of `chars` in the shown text.
fn parallel_in(chars: &[char], base: usize, out: &mut Vec<Mined>) {
    // Split into items, remembering each item's start and the delimiter after it.
    let mut items: Vec<(usize, usize, Option<char>)> = Vec::new();
    let mut start = 0;
    for (i, c) in chars.iter().enumerate() {
        if *c == '、' || *c == '，' {
            items.push((start, i, Some(*c)));
            start = i + 1;
        }
    }
    items.push((start, chars.len(), None));
    // Maximal runs joined by the same delimiter.
    let mut i = 0;
    while i < items.len() {
        let Some(delim) = items[i].2 else {
            i += 1;
            continue;
        };
        let mut j = i;
        while j + 1 < items.len() && items[j].2 == Some(delim) {
            j += 1;
        }
        // items[i..=j]: items i..j-1 end with `delim`, item j ends the run.
        if j - i + 1 >= 3 {
            if let Some(m) = parallel_run(chars, &items[i..=j], base) {
                out.push(m);
            }
        }
        // The item that ends this run (…单位，通过…督出干劲、) can open the next one.
        i = if j > i { j } else { i + 1 };
    }
}

fn parallel_run(
    chars: &[char],
    run: &[(usize, usize, Option<char>)],
    base: usize,
) -> Option<Mined> {
    let raw: Vec<Vec<char>> = run.iter().map(|(s, e, _)| chars[*s..*e].to_vec()).collect();
    let n = raw.len();
    if raw.iter().any(|r| r.is_empty()) {
        return None;
    }
    // Items bounded by delimiters on the side that matters are reliable: the first item's end and
    // the last item's start.
    let head = common_prefix(&raw[1..]);
    let tail = common_suffix(&raw[..n - 1]);
    let (mut first_start, mut last_end) = (run[0].0, run[n - 1].1);
    if head >= 1 && head >= tail {
        let h = &raw[1][..head];
        // The first item starts at the last place it has the shared head (督查调度督出干劲 → 督出干劲).
        let pos = (0..raw[0].len().saturating_sub(head - 1))
            .rev()
            .find(|&k| raw[0][k..].starts_with(h))?;
        first_start += pos;
        // The last item runs on to the next delimiter: keep it whole when it is at most one
        // character longer than the others (善成 → 善担当), else cut it to their length
        // (农村 → 农民问题 → 农民).
        let inner_max = raw[1..n - 1].iter().map(Vec::len).max().unwrap_or(head);
        let last = &raw[n - 1];
        if last.len() > inner_max + 1 {
            // Cut before a 的/地/等… that ends the item (不可持续的发展, 不可持续等问题 → 不可持续);
            // else at the others'
            // length plus one when the next character starts a new word (不可持续发展 →
            // 不可持续), else at their length (农民问题 → 农民).
            let particle = (head + 1..=(inner_max + 2).min(last.len() - 1))
                .find(|&k| "的地等和与及以是在为".contains(last[k]));
            let cut = match particle {
                Some(k) => k,
                None if word_start(last[inner_max + 1]) => inner_max + 1,
                None => inner_max,
            };
            last_end = run[n - 1].0 + cut;
        } else if last.len() > head + 1 && matches!(last.last(), Some('的' | '地')) {
            // 面向未来的 → 面向未来: the particle belongs to what follows.
            last_end -= 1;
        }
    } else if tail >= 1 {
        let t = &raw[0][raw[0].len() - tail..];
        let tail_text: String = t.iter().collect();
        if GENERIC_TAILS.contains(&tail_text.as_str()) {
            return None;
        }
        // The last item ends at its first shared tail (拼命干的劲头 → 拼命干).
        let last = &raw[n - 1];
        let pos = (0..last.len()).find(|&k| last[k..].starts_with(t))?;
        last_end = run[n - 1].0 + pos + tail;
        // The first item is as long as the inner items at most (要苦干 → 苦干).
        let inner_max = raw[1..n - 1].iter().map(Vec::len).max().unwrap_or(tail);
        first_start = first_start.max(run[0].1.saturating_sub(inner_max));
        // An item starts after a 的 in front of it (面临的执政考验 → 执政考验), unless the
        // others hold one too.
        let inner_de = raw[1..n - 1].iter().any(|r| r.contains(&'的'));
        if !inner_de {
            if let Some(k) = chars[first_start..run[0].1]
                .iter()
                .rposition(|c| *c == '的')
            {
                first_start += k + 1;
            }
        }
    } else {
        return None;
    }
    let text: String = chars[first_start..last_end].iter().collect();
    let items: Vec<&str> = text.split(['、', '，']).collect();
    let ok = items.len() == n
        && items.iter().all(|it| {
            let len = it.chars().count();
            (2..=PARALLEL_MAX_ITEM).contains(&len) && it.chars().all(crate::zh::is_han)
        })
        && items.iter().any(|it| it != &items[0])
        && !is_noun_list(&items)
        && !items.iter().any(|it| starts_with_ordinal(it));
    // One entry whichever delimiter the speech used (严督，严查，严问责 = 严督、严查、严问责).
    ok.then(|| Mined {
        kind: PhraseKind::Parallel,
        text: items.join("、"),
        start: base + first_start,
        end: base + last_end,
    })
}

/// Characters that usually begin a word after a phrase (发展, 问题, 工作 …): a long last item is
/// cut before them.
fn word_start(c: char) -> bool {
    "发问工建机体制能水服管政措资市经社文教生设组干群地城农行活任方国人".contains(c)
}

/// Items that share only a last character naming a place, body or thing (亚洲、非洲、拉丁美洲,
/// 流域、区域、海域, 西北、华北): a list of nouns, not parallel phrasing.
fn is_noun_list(items: &[&str]) -> bool {
    const NOUN_ENDINGS: &str = "洲域北南东西中方国省市县区村镇乡地部局业品物类型校院所站园厂场港路河湖海山林田水气油煤电粮车船机人家员者长队团会委党军兵族";
    let last = |it: &str| it.chars().last();
    let second_last = |it: &str| it.chars().rev().nth(1);
    items.windows(2).all(|w| last(w[0]) == last(w[1]))
        && !items
            .windows(2)
            .all(|w| second_last(w[0]) == second_last(w[1]))
        && last(items[0]).is_some_and(|c| NOUN_ENDINGS.contains(c))
}

/// 第一、第二 / 四中、五中: ordinals and numbered sessions, not phrasing.
fn starts_with_ordinal(item: &str) -> bool {
    let mut chars = item.chars();
    match chars.next() {
        Some('第') => true,
        Some(c) => {
            "一二三四五六七八九十".contains(c)
                && chars.next().is_some_and(|d| "中届次大".contains(d))
        }
        None => false,
    }
}

/// Paired forms inside one clause-run: 既要X更要Y, 既要X又要Y, 不是X而是Y, 不在X而在Y, 一手抓X一手抓Y.
fn paired_in(p: &str, base: usize, out: &mut Vec<Mined>) {
    let re = regex!(
        r"(既要[^，。；！？、：“”「」]{1,12}(?:更要|又要|也要)[^，。；！？、：“”「」]{1,12})|(不是[^，。；！？、：“”「」]{1,12}而是[^，。；！？、：“”「」]{1,12})|(不在[^，。；！？、：“”「」]{1,12}而在[^，。；！？、：“”「」]{1,12})|(一手抓[^，。；！？、：“”「」]{1,12}[，、]?一手抓[^，。；！？、：“”「」]{1,12})",
    );
    out.extend(
        re.find_iter(p)
            .map(|m| occurrence(PhraseKind::Paired, p, base, m)),
    );
}

/// A regex match in paragraph `p` (which starts at character `base` of the shown text).
fn occurrence(kind: PhraseKind, p: &str, base: usize, m: regex::Match) -> Mined {
    let start = base + p[..m.start()].chars().count();
    Mined {
        kind,
        text: m.as_str().to_string(),
        start,
        end: start + m.as_str().chars().count(),
    }
}

/// Quoted slogans with a number in them: “六稳”, “双过半”, “五大工程”, “三个代表”.
fn slogans_in(p: &str, base: usize, out: &mut Vec<Mined>) {
    let re = regex!(r"“([^”“]{2,10})”");
    for c in re.captures_iter(p) {
        let inner = &c[1];
        let numbered = inner
            .chars()
            .any(|ch| "一二三四五六七八九十百千万双两".contains(ch));
        if !numbered || !inner.chars().all(crate::zh::is_han) || not_a_formula(inner) {
            continue;
        }
        out.push(occurrence(
            PhraseKind::Slogan,
            p,
            base,
            c.get(0).expect("match"),
        ));
    }
}

/// Quoted names that speeches cite to reject (“两个中国”), and bare plan names (“七五”, “十一五”):
/// numbered, quoted, but nothing a writer reuses as a formula.
fn not_a_formula(inner: &str) -> bool {
    const REJECTED: &[&str] = &["两个中国", "一中一台", "一国两府", "两国论"];
    let plan = regex!(r"^十?[一二三四五六七八九十]?五$");
    REJECTED.contains(&inner) || plan.is_match(inner)
}

/// Longest item title of an enumeration: longer items are sentences, and a run of them is not
/// a reusable formula.
const ENUMERATION_MAX_ITEM: usize = 24;

/// Every phrase occurrence in a speech, by kind, with offsets in the shown text.
pub fn mine(title: &str, paragraphs: &[String]) -> Vec<Mined> {
    let mut out = Vec::new();
    let mut offsets = Vec::with_capacity(paragraphs.len());
    let mut base = 0;
    for p in paragraphs {
        offsets.push(base);
        let chars: Vec<char> = p.chars().collect();
        // Sentence pieces: parallel runs never cross 。；：！？ or quotes.
        let mut s = 0;
        for (i, c) in chars.iter().enumerate() {
            if "。；：！？“”（）".contains(*c) {
                parallel_in(&chars[s..i], base + s, &mut out);
                s = i + 1;
            }
        }
        parallel_in(&chars[s..], base + s, &mut out);
        paired_in(p, base, &mut out);
        slogans_in(p, base, &mut out);
        base += chars.len() + 1;
    }
    let o = outline(title, paragraphs);
    collect_outline(&o.nodes, paragraphs, &offsets, &mut out);
    out
}

fn collect_outline(nodes: &[Node], paragraphs: &[String], offsets: &[usize], out: &mut Vec<Mined>) {
    let items: Vec<&Node> = nodes.iter().filter(|n| n.kind == NodeKind::Item).collect();
    // One enumeration per run of items (a run restarts at 一).
    let mut run: Vec<&Node> = Vec::new();
    let mut flush = |run: &mut Vec<&Node>| {
        if run.len() >= 2
            && run.iter().all(|n| {
                let len = n.title.chars().count();
                len > 0 && len <= ENUMERATION_MAX_ITEM
            })
        {
            let text = run
                .iter()
                .map(|n| format!("{}{}", n.marker, n.title))
                .collect::<Vec<_>>()
                .join("；");
            let first = run[0];
            let last = run[run.len() - 1];
            let start = offsets[first.para] + first.offset;
            let end = offsets[last.para]
                + last.offset
                + last.marker.chars().count()
                + last.title.chars().count();
            out.push(Mined {
                kind: PhraseKind::Enumeration,
                text,
                start,
                end,
            });
        }
        run.clear();
    };
    for n in items {
        if n.marker.starts_with('一')
            || n.marker.starts_with("第一")
            || n.marker.starts_with("首先")
        {
            flush(&mut run);
        }
        run.push(n);
    }
    flush(&mut run);
    for n in nodes.iter().filter(|n| n.kind == NodeKind::Heading) {
        if n.level <= 2 && n.title.chars().count() >= 4 {
            let title = n
                .title
                .trim_end_matches(crate::zh::chars::FULL_STOPS)
                .to_string();
            let start = offsets[n.para] + n.offset + n.marker.chars().count();
            let len = title.chars().count();
            debug_assert!(paragraphs[n.para].chars().count() >= n.offset + len);
            out.push(Mined {
                kind: PhraseKind::Heading,
                text: title,
                start,
                end: start + len,
            });
        }
        collect_outline(&n.children, paragraphs, offsets, out);
    }
}

from_json_name!(PhraseKind);

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(kind: PhraseKind, paras: &[&str]) -> Vec<String> {
        let paras: Vec<String> = paras.iter().map(|s| s.to_string()).collect();
        mine("t", &paras)
            .into_iter()
            .filter(|m| m.kind == kind)
            .map(|m| m.text)
            .collect()
    }

    #[test]
    fn defects_seen_on_the_real_corpus() {
        let parallel = texts(
            PhraseKind::Parallel,
            &[
                "解决发展中不平衡、不协调、不可持续的问题。",
                "克服不平衡、不协调、不可持续发展的矛盾。",
                "针对不平衡、不协调、不可持续等突出问题。",
                "全党面临的执政考验、改革开放考验、市场经济考验、外部环境考验是长期的。",
                "教育要面向现代化、面向世界、面向未来的方针。",
                "要严督，严查，严问责。对农业、农村、农民问题高度重视。",
            ],
        );
        assert_eq!(
            parallel,
            vec![
                "不平衡、不协调、不可持续",
                "不平衡、不协调、不可持续",
                "不平衡、不协调、不可持续",
                "执政考验、改革开放考验、市场经济考验、外部环境考验",
                "面向现代化、面向世界、面向未来",
                "严督、严查、严问责",
                "农业、农村、农民",
            ]
        );
        let slogans = texts(
            PhraseKind::Slogan,
            &["反对“两个中国”“一中一台”，“七五”“十一五”期间，坚持“两个毫不动摇”。"],
        );
        assert_eq!(slogans, vec!["“两个毫不动摇”"]);
        // Items that are whole sentences make no enumeration; short ones do.
        let enums = texts(
            PhraseKind::Enumeration,
            &[
                "一是加快农业转移人口市民化，稳步推进城镇基本公共服务常住人口全覆盖；二是推进城镇保障性安居工程建设和房地产市场持续健康发展。",
                "一是抓学习。二是抓作风。三是抓落实。",
            ],
        );
        assert_eq!(enums, vec!["一是抓学习；二是抓作风；三是抓落实"]);
    }

    #[test]
    fn parallel_heads_tails_and_trimming() {
        let got = texts(PhraseKind::Parallel, &[
            "（一）要苦干、实干、拼命干。以苦干、实干、拼命干的劲头，要善做、善成、善担当。",
            "通过高频次的督查调度督出干劲、督出压力、督出差距、督出效果，确保落实。要严督、严查、严问责。",
            "推进城建项目、产业项目、民生项目。规上工业增加值、社会消费品零售总额增速较快。",
            "面向亚洲、非洲、拉丁美洲，十八届四中、五中、六中全会，发展第一、第二、第三产业，统筹农业、农村、农民问题。",
        ]);
        assert_eq!(
            got,
            vec![
                "苦干、实干、拼命干",
                "苦干、实干、拼命干",
                "善做、善成、善担当",
                "督出干劲、督出压力、督出差距、督出效果",
                "严督、严查、严问责",
                "农业、农村、农民",
            ]
        );
    }

    #[test]
    fn paired_slogans_and_offsets() {
        let paras = vec!["要按照“既要面子更要里子、既要数字更要实绩”的要求，统筹“六稳”“六保”，实现“双过半”和“攻坚决战”。".to_string()];
        let mined = mine("t", &paras);
        let shown: Vec<char> = paras[0].chars().collect();
        for m in &mined {
            assert_eq!(
                shown[m.start..m.end].iter().collect::<String>(),
                m.text,
                "{m:?}"
            );
        }
        let paired: Vec<&str> = mined
            .iter()
            .filter(|m| m.kind == PhraseKind::Paired)
            .map(|m| m.text.as_str())
            .collect();
        assert_eq!(paired, ["既要面子更要里子", "既要数字更要实绩"]);
        let slogans: Vec<&str> = mined
            .iter()
            .filter(|m| m.kind == PhraseKind::Slogan)
            .map(|m| m.text.as_str())
            .collect();
        assert_eq!(
            slogans,
            ["“六稳”", "“六保”", "“双过半”"],
            "攻坚决战 has no number"
        );
    }
}
