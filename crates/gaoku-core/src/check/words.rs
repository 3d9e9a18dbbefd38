//! Character rules: doubled function words (的的) and the written form of years (GB/T 15835—2011).

use super::source::{Para, Source};
use super::{Hit, Out};
use crate::text::regex;

pub(super) fn check(src: &Source, out: &mut Out) {
    for p in &src.paras {
        doubled(p, out);
        year_zero(p, out);
    }
    mixed_years(src, out);
}

/// Function words that are never doubled in writing (unlike 看看, 常常, 人人), each with the
/// characters that form a word ending in it, so that 目的的, 现在在押, 经过过去, 应对对外,
/// 脚踏实地地 and 实事求是是 are not read as doubled.
const FUNCTION_WORDS: [(char, &str); 12] = [
    ('的', "目标端"),
    ('了', "为除罢算极不得好"),
    ('是', "求为皆"),
    ('在', "现存实所自内外潜"),
    ('和', "总缓温平共饱调柔随"),
    ('与', "参给赋授"),
    ('对', "应面针核相绝反敌配成派"),
    ('把', ""),
    ('被', "棉"),
    ('将', "即必终"),
    ('地', "实土各基本当用耕场园境天田山陆草腹"),
    ('过', "经超通不度越错难胜"),
];

/// Characters that start a word with the function word: 和平, 对外, 过去, 地区 (in 平等互利和
/// 和平共处 the second 和 begins 和平).
const WORD_STARTS: [(char, &str); 4] = [
    ('和', "平谐睦气美衷解约"),
    ('对', "外话象照待比手接口于立应称策"),
    ('过', "去程渡度于问失"),
    ('地', "区方位域质震面下上"),
];

/// Set phrases that contain a doubled function word.
const SET_PHRASES: [&str; 4] = ["不了了之", "了了分明", "一了了之", "在在处处"];

/// 的的, 了了, 是是, 在在: a doubled function word; not an AABB form (的的确确, 是是非非).
fn doubled(p: &Para, out: &mut Out) {
    let c = &p.chars;
    // Character ranges of the set phrases, found once.
    let phrases: Vec<std::ops::Range<usize>> = SET_PHRASES
        .iter()
        .flat_map(|s| {
            p.text.match_indices(s).map(move |(b, _)| {
                let from = p.char_of(b);
                from..from + s.chars().count()
            })
        })
        .collect();
    let mut i = 0;
    while i + 1 < c.len() {
        let a = c[i];
        let word_end = FUNCTION_WORDS
            .iter()
            .find(|(w, _)| *w == a)
            .map(|(_, e)| *e);
        // 实实在在, 的的确确: the AABB form, whether the pair is its first or second half.
        let aabb = c
            .get(i + 2)
            .is_some_and(|x| Some(x) == c.get(i + 3) && *x != a)
            || (i >= 2 && c[i - 2] == c[i - 1] && c[i - 1] != a);
        let tripled = c.get(i + 2) == Some(&a);
        let ends_word = i > 0 && word_end.is_some_and(|e| e.contains(c[i - 1]));
        let starts_word = c.get(i + 2).is_some_and(|n| {
            WORD_STARTS
                .iter()
                .any(|(w, starts)| *w == a && starts.contains(*n))
        });
        if a == c[i + 1] && word_end.is_some() && !aabb && !tripled && !ends_word && !starts_word {
            let in_phrase = phrases.iter().any(|r| r.contains(&i));
            if !in_phrase {
                out.add(
                    p,
                    Hit {
                        rule: "char-repeat",
                        start: i,
                        end: i + 2,
                        message: format!("“{a}{a}”重复，多打了一个“{a}”"),
                        fix: Some((a.to_string(), false)),
                    },
                );
                i += 2;
                continue;
            }
        }
        i += 1;
    }
}

/// A year in Chinese numerals with 零 or ○ for zero: 二零二零年 → 二〇二〇年.
fn year_zero(p: &Para, out: &mut Out) {
    for m in regex!(r"[一二][〇零○Ｏ九][〇零○Ｏ一二三四五六七八九]{2}年").find_iter(&p.text)
    {
        let year = m.as_str();
        if !year.contains(['零', '○', 'Ｏ']) {
            continue;
        }
        let fixed: String = year
            .chars()
            .map(|c| {
                if matches!(c, '零' | '○' | 'Ｏ') {
                    '〇'
                } else {
                    c
                }
            })
            .collect();
        let start = p.char_of(m.start());
        // 零 is a wrong character; ○ (a geometric circle) only looks like 〇 and is named softly.
        let severity = if year.contains('零') {
            super::Severity::Warning
        } else {
            super::Severity::Hint
        };
        out.add_as(
            p,
            Hit {
                rule: "year-form",
                start,
                end: start + year.chars().count() - 1,
                message: format!("年份“{year}”中的“0”应写作“〇”：{fixed}"),
                fix: Some((fixed.trim_end_matches('年').to_string(), false)),
            },
            severity,
            None,
        );
    }
}

/// Years written both ways in one text (2020年 and 二〇二〇年): the fewer form is named, as a hint.
fn mixed_years(src: &Source, out: &mut Out) {
    let arabic = regex!(r"(?:^|[^\d])((?:19|20)\d{2})年");
    let chinese = regex!(r"[一二][〇零○九][〇零○一二三四五六七八九]{2}年");
    let mut seen: [Vec<(usize, usize, usize)>; 2] = [Vec::new(), Vec::new()];
    for (i, p) in src.paras.iter().enumerate() {
        for c in arabic.captures_iter(&p.text) {
            let m = c.get(1).expect("group");
            let s = p.char_of(m.start());
            seen[0].push((i, s, s + 4));
        }
        for m in chinese.find_iter(&p.text) {
            let s = p.char_of(m.start());
            seen[1].push((i, s, s + 4));
        }
    }
    if seen[0].is_empty() || seen[1].is_empty() {
        return;
    }
    let (fewer, more) = if seen[1].len() <= seen[0].len() {
        (&seen[1], "阿拉伯数字（2020年）")
    } else {
        (&seen[0], "汉字数字（二〇二〇年）")
    };
    for &(i, s, e) in fewer {
        let p = &src.paras[i];
        out.add_as(
            p,
            Hit {
                rule: "year-form",
                start: s,
                end: e,
                message: format!("本稿年份多用{more}，这里写法不同"),
                fix: None,
            },
            super::Severity::Hint,
            None,
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{found, of};

    #[test]
    fn doubled_function_words() {
        assert_eq!(
            of(
                "char-repeat",
                "我们的的工作做了了很多，这是是关键，在在基层，机会和和效力。"
            ),
            ["的的", "了了", "是是", "在在", "和和"]
        );
        for fine in [
            "看看常常人人年年",
            "的的确确，是是非非，不了了之。",
            "和和美美地过日子",
            // Found in the corpus: a word ending in the character, then the character.
            "实实在在的成效，目的的实现，现在在押，经过过去，应对对外开放，脚踏实地地干，实事求是是路线",
            "平等互利和和平共处",
        ] {
            assert!(of("char-repeat", fine).is_empty(), "{fine}: {:?}", of("char-repeat", fine));
        }
    }

    #[test]
    fn year_forms() {
        assert_eq!(of("year-form", "二零二零年是决胜之年。"), ["二零二零"]);
        assert!(of("year-form", "二〇二〇年是决胜之年，一九九〇年以来。").is_empty());
        // Mixed forms: the fewer is a hint.
        let f = found("2020年以来，2021年，二〇二二年。");
        assert_eq!(f, [("year-form".to_string(), "二〇二二".to_string())]);
        assert!(of("year-form", "2020年以来，2021年，2022年。").is_empty());
    }
}
