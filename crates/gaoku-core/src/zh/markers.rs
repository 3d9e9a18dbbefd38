//! Recognising the markers a reader sees: heading numbers (一、 （一） 1. （1）) at the start of a
//! paragraph and enumeration items (一是…二是…, 第一，…, 首先…其次…) inside one. What the parser
//! in `mod.rs` then accepts as structure is decided there; [`heading_markers`] gives the raw
//! sequence, including numbers that go out of order, for checks that need it.

use crate::text::regex;
use crate::zh::{chinese_number, is_space};

pub(crate) const NUMERALS: &str = "一二三四五六七八九十";

/// A heading marker at the start of a (trimmed) paragraph: (level, number, marker length in chars).
pub(crate) fn heading_marker(p: &str) -> Option<(u8, u32, usize)> {
    // Level 1 is 一、; 一. 一． 一， are read too (a writer's slip the checks name). Level 2 may
    // carry a stray 、 or ． after the bracket (（一）、), which is part of the marker.
    let (level, caps) = if let Some(c) = regex!(r"^([一二三四五六七八九十]+)[、.．，,]").captures(p)
    {
        (1, c)
    } else if let Some(c) = regex!(r"^[（(]([一二三四五六七八九十]+)[）)][、.．，]?").captures(p)
    {
        (2, c)
    } else if let Some(c) = regex!(r"^([㈠-㈩])").captures(p) {
        (2, c)
    } else if let Some(c) = regex!(r"^(\d{1,2})[.．、]").captures(p) {
        (3, c)
    } else if let Some(c) = regex!(r"^[（(](\d{1,2})[）)]").captures(p) {
        (4, c)
    } else if let Some(c) = regex!(r"^(?:(\d{1,2})[）)]|([①-⑳]))").captures(p) {
        (5, c)
    } else {
        return None;
    };
    let whole = caps.get(0).expect("match");
    let number = match caps.get(1) {
        // ㈠ is U+3220.
        Some(n) if n.as_str().starts_with(|c: char| ('㈠'..='㈩').contains(&c)) => {
            n.as_str().chars().next().map(|c| c as u32 - 0x321F)?
        }
        Some(n) if level <= 2 => heading_numeral(n.as_str())?,
        Some(n) => n.as_str().parse().ok()?,
        // ① is U+2460.
        None => caps[2].chars().next().map(|c| c as u32 - 0x245F)?,
    };
    let rest = &p[whole.end()..];
    let sep = whole.as_str().chars().last().unwrap_or('、');
    if level == 1 && sep != '、' && !starts_level1_variant(rest) {
        return None;
    }
    starts_heading_words(level, sep, rest).then_some((
        level,
        number,
        whole.as_str().chars().count(),
    ))
}

/// The parts of a regulation: 第一章, 第二节, 第三条 (and 第一部分), at the start of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Article {
    /// 第X章 (or 第X部分, 第X编).
    Chapter,
    /// 第X节.
    Section,
    /// 第X条.
    Article,
}

/// A regulation's part marker at the start of a (trimmed) paragraph: (part, number, marker
/// length in chars). The text must follow (第三条 本省…, 第一章 总则); 第一条规定的… in a sentence
/// is not at a paragraph's start, and 第一条 alone with nothing after it is not a part.
pub fn article_marker(p: &str) -> Option<(Article, u32, usize)> {
    let c = regex!(r"^第([一二三四五六七八九十百零〇]{1,6})(章|节|条|部分|编)").captures(p)?;
    let number = chinese_number(&c[1])?;
    let part = match &c[2] {
        "章" | "部分" | "编" => Article::Chapter,
        "节" => Article::Section,
        _ => Article::Article,
    };
    let whole = c.get(0)?;
    let rest = &p[whole.end()..];
    // 第一条、第二条 as a list in a sentence, or 第三条规定 continuing one: not a part.
    let first = rest.trim_start_matches(is_space).chars().next()?;
    if matches!(first, '、' | '，' | ',' | '和' | '或' | '至' | '到' | '的')
        || rest.starts_with("规定")
    {
        return None;
    }
    Some((part, number, whole.as_str().chars().count()))
}

/// A numeral as headings count (一 … 九十九), not a year read digit by digit (一九五八).
fn heading_numeral(s: &str) -> Option<u32> {
    regex!(r"^(?:[一二三四五六七八九]|十[一二三四五六七八九]?|[二三四五六七八九]十[一二三四五六七八九]?)$")
        .is_match(s)
        .then(|| chinese_number(s))
        .flatten()
}

/// After 一. or 一，(not the standard 一、) only a heading's words are accepted, not a number or
/// a quotation: 一，二 is no heading.
fn starts_level1_variant(rest: &str) -> bool {
    rest.chars()
        .next()
        .is_some_and(|c| crate::zh::is_han(c) && !NUMERALS.contains(c))
}

/// Can this text follow a marker as a heading? Not `一、二季度` (a list of numbers), not
/// `3.5万元` or `12.8%` (a number: only after a dot, `1、2026年` is a heading), not an empty rest.
pub(crate) fn starts_heading_words(level: u8, sep: char, rest: &str) -> bool {
    let mut chars = rest.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    // 3.5万元, 12.8%: after an Arabic number and a dot, a digit means a decimal number.
    if level == 3 && sep != '、' && (first.is_ascii_digit() || first == '%' || first == '％') {
        return false;
    }
    // 1）2）… in a sentence such as 1）、2）: a list of numbers, not a heading.
    if level == 5 && !(crate::zh::is_cjk_like(first) || first.is_alphanumeric()) {
        return false;
    }
    if level == 1 && NUMERALS.contains(first) {
        // 一、二季度 / 三、四月份: the marker's numeral and this one are a list of numbers.
        let after: String = chars.take(2).collect();
        if after.starts_with(['季', '月', '个', '、', '至', '到']) || after.is_empty() {
            return false;
        }
    }
    true
}

/// The title of a heading: up to and including the first sentence end, or the whole line. A
/// heading run into its text across a space (`关于经济工作 当前，我县经济运行平稳。`, a speech
/// pasted without line breaks) ends at the space.
pub(crate) fn heading_title(rest: &str) -> String {
    if let Some((head, text)) = run_in(rest) {
        if !text.is_empty() {
            return head.to_string();
        }
    }
    match rest.find(super::chars::FULL_STOPS) {
        Some(i) => {
            let end = i + rest[i..].chars().next().map_or(0, char::len_utf8);
            rest[..end].to_string()
        }
        None => rest.to_string(),
    }
}

/// A heading and the text run into it: split at the first space when what follows is a
/// sentence (eight characters or more, with a comma or a sentence end) and what precedes has no
/// clause punctuation of its own.
fn run_in(rest: &str) -> Option<(&str, &str)> {
    let at = rest.find([' ', '\u{3000}'])?;
    let (head, text) = (rest[..at].trim_end(), rest[at..].trim_start());
    let head_chars = head.chars().count();
    let sentence = text.chars().count() >= 8
        && text
            .chars()
            .take(60)
            .any(|c| c == '，' || super::chars::FULL_STOPS.contains(&c));
    let plain_head =
        (2..=40).contains(&head_chars) && !head.contains(['，', '。', '；', '：', '！', '？']);
    (sentence && plain_head).then_some((head, text))
}

/// The title of an item: up to the first sentence end, semicolon or comma (not included).
pub(crate) fn item_title(rest: &str) -> String {
    let end = rest
        .find(['。', '！', '？', '；', '，', ';'])
        .unwrap_or(rest.len());
    rest[..end].to_string()
}

/// An enumeration marker found inside a paragraph.
#[derive(Debug, Clone)]
pub(crate) struct ItemMark {
    pub(crate) para: usize,
    /// Byte offset of the marker, and of the text after it.
    pub(crate) start: usize,
    pub(crate) after: usize,
    /// Which series it belongs to (一是, 第一是, 第一，, 首先, 一要), and its rank in that series.
    pub(crate) series: u8,
    pub(crate) number: u32,
    pub(crate) marker: String,
}

/// Characters after which an enumeration marker may start: not part of a word (统一是, 之一是).
pub(crate) fn may_precede_item(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => "，。；：！？、“”（）()\"'：:;,".contains(c) || is_space(c),
    }
}

pub(crate) fn item_marks(para: usize, p: &str) -> Vec<ItemMark> {
    let re = regex!(
        r"(第)?([一二三四五六七八九十]+)是|第([一二三四五六七八九十]+)[，,、：:]|(首先|其次|再次|最后)[，,]|([一二三四五六七八九十]+)要",
    );
    let mut out = Vec::new();
    for c in re.captures_iter(p) {
        let m = c.get(0).expect("match");
        if !may_precede_item(p[..m.start()].chars().last()) {
            continue;
        }
        let (series, number) = if let Some(n) = c.get(2) {
            (
                if c.get(1).is_some() { 1 } else { 0 },
                chinese_number(n.as_str()),
            )
        } else if let Some(n) = c.get(3) {
            (2, chinese_number(n.as_str()))
        } else if let Some(n) = c.get(5) {
            // 一要…二要…: 要 must open the item (一要紧 is a word), so a run is needed as for 一是.
            (4, chinese_number(n.as_str()))
        } else {
            let word = &c[4];
            let rank = ["首先", "其次", "再次", "最后"]
                .iter()
                .position(|w| *w == word)
                .unwrap_or(0) as u32;
            (3, Some(rank + 1))
        };
        let Some(number) = number else { continue };
        out.push(ItemMark {
            para,
            start: m.start(),
            after: m.end(),
            series,
            number,
            marker: m.as_str().to_string(),
        });
    }
    out
}

/// Keeps the marks that form real enumerations: runs of one series counting up from one (for
/// 首先…最后: 首先 then at least 其次 or 最后), at least two items long. Each series is followed
/// on its own: an ordinal such as 排全市第六， between 一是 and 二是 does not break their run.
pub(crate) fn runs(marks: Vec<ItemMark>) -> Vec<ItemMark> {
    let mut kept = Vec::new();
    for series in 0..5 {
        let mut run: Vec<ItemMark> = Vec::new();
        let flush = |run: &mut Vec<ItemMark>, kept: &mut Vec<ItemMark>| {
            if run.len() >= 2 {
                kept.append(run);
            }
            run.clear();
        };
        for m in marks.iter().filter(|m| m.series == series) {
            let continues = run.last().is_some_and(|last| {
                m.number == last.number + 1 || (m.series == 3 && m.number > last.number)
            });
            if continues {
                run.push(m.clone());
            } else {
                flush(&mut run, &mut kept);
                if m.number == 1 {
                    run.push(m.clone());
                }
            }
        }
        flush(&mut run, &mut kept);
    }
    kept.sort_by_key(|m| (m.para, m.start));
    kept
}

/// A heading marker found at the start of a paragraph, before any decision about structure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMarker {
    /// Index of the paragraph.
    pub para: usize,
    /// 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）, 5 for 1） or ①.
    pub level: u8,
    /// The number the marker shows (三 → 3).
    pub number: u32,
    /// The marker as written (`一、`, `（二）`).
    pub marker: String,
}

/// Every paragraph that opens with a heading marker, in order: the raw sequence a reader sees,
/// gaps, repeats and restarts included (the outline keeps only what reads as structure).
pub fn heading_markers(paragraphs: &[String]) -> Vec<RawMarker> {
    paragraphs
        .iter()
        .enumerate()
        .filter_map(|(para, p)| {
            let p = p.trim_matches(is_space);
            heading_marker(p).map(|(level, number, len)| RawMarker {
                para,
                level,
                number,
                marker: p.chars().take(len).collect(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_run_into_its_text_ends_at_the_space() {
        assert_eq!(
            heading_title("关于经济工作 当前，我县经济运行总体平稳。"),
            "关于经济工作"
        );
        // A space inside a short title, or before a short tail, is part of the title.
        assert_eq!(heading_title("坚持 稳中求进"), "坚持 稳中求进");
        assert_eq!(
            heading_title("强化责任落实。各部门要抓紧。"),
            "强化责任落实。"
        );
    }

    #[test]
    fn the_raw_sequence_keeps_what_the_outline_drops() {
        let paras: Vec<String> = [
            "同志们：",
            "一、看形势",
            "（一）成绩",
            "三、抓落实",
            "三、促发展",
            "正文",
        ]
        .map(String::from)
        .to_vec();
        let raw = heading_markers(&paras);
        let seen: Vec<(usize, u8, u32, &str)> = raw
            .iter()
            .map(|m| (m.para, m.level, m.number, m.marker.as_str()))
            .collect();
        assert_eq!(
            seen,
            [
                (1, 1, 1, "一、"),
                (2, 2, 1, "（一）"),
                (3, 1, 3, "三、"),
                (4, 1, 3, "三、")
            ]
        );
    }
}
