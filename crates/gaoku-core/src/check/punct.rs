//! Punctuation rules (GB/T 15834—2011): half-width marks in Chinese text, marks that come in
//! pairs, doubled marks.

use super::source::{Para, Source};
use super::{Hit, Out};
use crate::zh::is_han;

pub(super) fn check(src: &Source, out: &mut Out) {
    for p in &src.paras {
        halfwidth(p, out);
        repeated(p, out);
    }
    unpaired(src, out);
}

/// Full-width marks that may stand next to a Chinese mark: “中文”,（注）.
fn is_cjk_mark(c: char) -> bool {
    "，。、；：？！“”‘’（）《》【】…—".contains(c)
}

fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        '.' => '。',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        _ => return None,
    })
}

/// `, . ; : ? ! ( )` written half-width between Han characters.
fn halfwidth(p: &Para, out: &mut Out) {
    let c = &p.chars;
    for i in 0..c.len() {
        let Some(full) = full_width(c[i]) else {
            continue;
        };
        let before = i.checked_sub(1).map(|k| c[k]);
        let after = c.get(i + 1).copied();
        let chinese = |x: Option<char>| x.is_some_and(|x| is_han(x) || is_cjk_mark(x));
        let hit = match c[i] {
            '(' => after.is_some_and(is_han) && (before.is_none() || chinese(before)),
            ')' => before.is_some_and(is_han) && (after.is_none() || chinese(after)),
            // 第1.2节, …: only a mark that follows a Han character and ends the paragraph or is
            // followed by one.
            _ => {
                before.is_some_and(is_han)
                    && (after.is_none_or(|a| is_han(a) || "“‘《（【".contains(a)))
            }
        };
        if hit {
            out.add(
                p,
                Hit {
                    rule: "punct-halfwidth",
                    start: i,
                    end: i + 1,
                    message: format!("中文里用了半角“{}”，应为全角“{full}”", c[i]),
                    fix: Some((full.to_string(), true)),
                },
            );
        }
    }
}

/// Opening and closing marks of the pairs checked.
const PAIRS: [(char, char, &str); 5] = [
    ('“', '”', "引号"),
    ('‘', '’', "单引号"),
    ('（', '）', "括号"),
    ('《', '》', "书名号"),
    ('【', '】', "方头括号"),
];

/// Pairs left open or closed without opening. A mark opened in one paragraph may close in a
/// later one (a quotation set as paragraphs of its own); a quotation over several paragraphs
/// opens each with “ and closes only at the end, so an open “ before a paragraph that starts
/// with “ is no mistake either.
fn unpaired(src: &Source, out: &mut Out) {
    // Marks still open, over the whole text: (paragraph, character, mark).
    let mut open: Vec<(usize, usize, char)> = Vec::new();
    let mut report: Vec<(usize, usize, char, bool)> = Vec::new();
    for (pi, p) in src.paras.iter().enumerate() {
        let c = &p.chars;
        // Marks opened in this paragraph start at this index of `open`.
        let mut here = open.len();
        for (i, &ch) in c.iter().enumerate() {
            // An apostrophe in Latin text (don’t) is no quotation mark.
            let apostrophe = (i > 0
                && c[i - 1].is_ascii_alphabetic()
                && c.get(i + 1).is_some_and(char::is_ascii_alphabetic))
                // ’99: a year cut short.
                || c.get(i + 1).is_some_and(char::is_ascii_digit);
            if ch == '’' && apostrophe {
                continue;
            }
            if PAIRS.iter().any(|(o, _, _)| *o == ch) {
                open.push((pi, i, ch));
            } else if let Some((o, _, _)) = PAIRS.iter().find(|(_, e, _)| *e == ch) {
                let in_para = open[here..]
                    .iter()
                    .rposition(|x| x.2 == *o)
                    .map(|k| k + here);
                // Across paragraphs only the innermost open mark may close.
                let earlier = (open.len() == here && open.last().is_some_and(|x| x.2 == *o))
                    .then(|| open.len() - 1);
                match in_para.or(earlier) {
                    Some(k) => {
                        // Marks opened inside this pair and never closed.
                        for (pj, j, x) in open.drain(k..).skip(1) {
                            report.push((pj, j, x, false));
                        }
                        here = here.min(open.len());
                    }
                    None => report.push((pi, i, ch, true)),
                }
            }
        }
    }
    for (pj, j, x) in open {
        let continued = src
            .paras
            .get(pj + 1)
            .is_some_and(|n| n.chars.first() == Some(&'“'));
        if !(x == '“' && continued) {
            report.push((pj, j, x, false));
        }
    }
    for (pi, i, ch, closing) in report {
        let name = PAIRS
            .iter()
            .find(|(o, e, _)| *o == ch || *e == ch)
            .map_or("", |p| p.2);
        let message = if closing {
            format!("{name}“{ch}”前面没有与之对应的前一半")
        } else {
            format!("{name}“{ch}”没有闭合")
        };
        out.add(
            &src.paras[pi],
            Hit {
                rule: "punct-unpaired",
                start: i,
                end: i + 1,
                message,
                fix: None,
            },
        );
    }
}

/// ，， 。。 ，。 ; not …… (two ellipsis halves) and not ？！ (allowed together).
fn repeated(p: &Para, out: &mut Out) {
    const MARKS: &str = "，。、；：？！";
    let c = &p.chars;
    let mut i = 0;
    while i + 1 < c.len() {
        let (a, b) = (c[i], c[i + 1]);
        let both_end_marks = "？！".contains(a) && "？！".contains(b);
        if MARKS.contains(a) && MARKS.contains(b) && !both_end_marks {
            let fix = (a == b).then(|| (a.to_string(), true));
            out.add(
                p,
                Hit {
                    rule: "punct-repeat",
                    start: i,
                    end: i + 2,
                    message: format!("标点“{a}{b}”重复"),
                    fix,
                },
            );
            i += 2;
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::of;

    #[test]
    fn halfwidth_marks_between_han() {
        assert_eq!(
            of(
                "punct-halfwidth",
                "我们要苦干,实干;拼命干.会议(扩大)召开:要求"
            ),
            [",", ";", ".", "(", ")", ":"]
        );
        for fine in [
            "增长3.5%，达到1,234万元。",
            "见http://example.org/a.b。",
            "PM2.5下降。",
            "Hello, world.",
            "（1）建立制度",
            "1.作风明显好转",
        ] {
            assert!(of("punct-halfwidth", fine).is_empty(), "{fine}");
        }
    }

    #[test]
    fn pairs() {
        assert_eq!(of("punct-unpaired", "他说“要苦干。"), ["“"]);
        assert_eq!(of("punct-unpaired", "要实干”。"), ["”"]);
        assert_eq!(of("punct-unpaired", "学习《决定（草案）精神。"), ["《"]);
        for fine in [
            "“一分为二”看形势，《人民日报》（海外版）报道【评论】。",
            "他说：“要把‘六稳’做好。”",
            "don’t",
            "办好“中国’99昆明世界园艺博览会”。",
            // A quotation over two paragraphs: each opens with “, only the last closes.
            "“第一段引文。\n“第二段引文。”",
            // A quotation set as paragraphs of its own.
            "他说：“\n这是引文。\n”我们要学习。",
        ] {
            assert!(of("punct-unpaired", fine).is_empty(), "{fine}");
        }
    }

    #[test]
    fn doubled_marks() {
        assert_eq!(
            of("punct-repeat", "要苦干，，实干。。拼命干，。"),
            ["，，", "。。", "，。"]
        );
        for fine in ["怎么办？！", "等等……", "一是、二是"] {
            assert!(of("punct-repeat", fine).is_empty(), "{fine}");
        }
    }
}
