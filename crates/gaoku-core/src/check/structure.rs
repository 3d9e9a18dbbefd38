//! Structure rules: the numbering of headings (gaps, repeats, a wrong start, mixed marks), runs
//! of 一是…二是… items, and announced counts (三个方面：) that what follows does not match.

use super::source::Source;
use super::{Hit, Out};
use crate::outline::{heading_marker, outline, Node, NodeKind};
use crate::text::regex;
use crate::zh::chinese_number;
use crate::zh::markers::{item_marks, ItemMark};

pub(super) fn check(src: &Source, out: &mut Out) {
    let texts = src.texts();
    let o = outline("", &texts);
    numbering(src, &o.nodes, out);
    numbering_punct(src, &o.headings(), out);
    items(src, out);
    counts(src, &texts, out);
}

/// The Chinese numeral of a heading number, as markers write it.
fn numeral(n: u32) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10..=19 => format!("十{}", D[(n - 10) as usize]),
        _ => format!("{}十{}", D[(n / 10) as usize % 10], D[(n % 10) as usize]),
    }
}

/// The standard marker of a level and number: 一、 （一） 1. （1） 1）.
fn standard_marker(level: u8, n: u32) -> String {
    match level {
        1 => format!("{}、", numeral(n)),
        2 => format!("（{}）", numeral(n)),
        3 => format!("{n}."),
        4 => format!("（{n}）"),
        _ => format!("{n}）"),
    }
}

fn marker_hit(rule: &'static str, node: &Node, message: String) -> Hit {
    Hit {
        rule,
        start: node.offset,
        end: node.offset + node.marker.chars().count(),
        message,
        fix: None,
    }
}

fn number_of(node: &Node) -> u32 {
    heading_marker(&format!("{}某", node.marker)).map_or(0, |m| m.1)
}

/// Gaps, repeats and starts of heading numbers, sibling by sibling under each parent.
fn numbering(src: &Source, nodes: &[Node], out: &mut Out) {
    let heads: Vec<&Node> = nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Heading)
        .collect();
    let mut prev: Option<(u8, u32, &Node)> = None;
    for node in &heads {
        let n = number_of(node);
        let para = &src.paras[node.para];
        let shown = node.marker.as_str();
        match prev {
            Some((level, p, before)) if level == node.level => {
                if n == p {
                    out.add(
                        para,
                        marker_hit(
                            "numbering-repeat",
                            node,
                            format!(
                                "序号“{shown}”与上一个同级标题重复，应为“{}”",
                                standard_marker(node.level, p + 1)
                            ),
                        ),
                    );
                } else if n > p + 1 {
                    let missing: Vec<String> = (p + 1..n)
                        .take(3)
                        .map(|k| standard_marker(node.level, k))
                        .collect();
                    out.add(
                        para,
                        marker_hit(
                            "numbering-gap",
                            node,
                            format!(
                                "“{}”之后是“{shown}”，缺少{}",
                                before.marker,
                                missing.join("")
                            ),
                        ),
                    );
                } else if n < p {
                    out.add(
                        para,
                        marker_hit(
                            "numbering-gap",
                            node,
                            format!("序号倒退：“{}”之后是“{shown}”", before.marker),
                        ),
                    );
                }
            }
            _ => {
                if n != 1 {
                    out.add(
                        para,
                        marker_hit(
                            "numbering-start",
                            node,
                            format!(
                                "本层级第一个序号是“{shown}”，应从“{}”开始",
                                standard_marker(node.level, 1)
                            ),
                        ),
                    );
                }
            }
        }
        prev = Some((node.level, n, node));
    }
    for node in nodes {
        numbering(src, &node.children, out);
    }
}

/// The form of a marker, without its number: `、` for 一、, `（）` for （一）, `.` for 1., ….
fn form(marker: &str) -> String {
    marker
        .chars()
        .filter(|c| !c.is_ascii_digit() && !"一二三四五六七八九十".contains(*c))
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            '①'..='⑳' => '○',
            c => c,
        })
        .collect()
}

/// Marks that are wrong in any case (一. 一， （一）、), and forms mixed within one level.
fn numbering_punct(src: &Source, heads: &[&Node], out: &mut Out) {
    for level in 1..=5u8 {
        let at_level: Vec<&&Node> = heads.iter().filter(|h| h.level == level).collect();
        let mut forms: Vec<(String, usize)> = Vec::new();
        for h in &at_level {
            let f = form(&h.marker);
            match forms.iter_mut().find(|(g, _)| *g == f) {
                Some((_, n)) => *n += 1,
                None => forms.push((f, 1)),
            }
        }
        let majority = forms.iter().max_by_key(|(_, n)| *n).map(|(f, _)| f.clone());
        for h in at_level {
            let f = form(&h.marker);
            let n = number_of(h);
            let standard = standard_marker(level, n);
            let wrong = match level {
                1 => f != "、",
                2 => f.chars().count() > 2,
                _ => false,
            };
            let mixed = forms.len() > 1 && majority.as_ref() != Some(&f);
            if !(wrong || mixed) {
                continue;
            }
            let (message, replacement) = if wrong {
                (
                    format!("序号“{}”的标点不规范，应为“{standard}”", h.marker),
                    standard,
                )
            } else {
                let want = majority.clone().unwrap_or_default();
                let like = if want == "○" {
                    char::from_u32(0x245F + n).map_or(standard, String::from)
                } else if level == 3 || level == 5 {
                    format!("{n}{want}")
                } else {
                    standard
                };
                (
                    format!(
                        "同一层级的序号写法不一：这里是“{}”，其余多为“{like}”",
                        h.marker
                    ),
                    like,
                )
            };
            let mut hit = marker_hit("numbering-punct", h, message);
            hit.fix = Some((replacement, true));
            out.add(&src.paras[h.para], hit);
        }
    }
}

/// The series the item rules follow: 一是 (0) and 第一是 (1). Not 第一，(often a paragraph's
/// own heading, its 第二， under another section) and not 首先/其次.
fn counted(m: &ItemMark) -> bool {
    m.series <= 1
}

/// 一是 with no 二是 (item-alone), 一是…三是 with no 二是 (item-gap), section by section.
fn items(src: &Source, out: &mut Out) {
    let mut section: Vec<ItemMark> = Vec::new();
    for (i, p) in src.paras.iter().enumerate() {
        if p.heading || heading_marker(&p.text).is_some() {
            item_runs(src, std::mem::take(&mut section), out);
        }
        section.extend(item_marks(i, &p.text).into_iter().filter(counted));
    }
    item_runs(src, section, out);
}

fn item_runs(src: &Source, marks: Vec<ItemMark>, out: &mut Out) {
    for series in 0..=1u8 {
        let mut run: Vec<&ItemMark> = Vec::new();
        let alone = |run: &[&ItemMark], out: &mut Out| {
            if let [one] = run {
                let p = &src.paras[one.para];
                let start = p.char_of(one.start);
                out.add(
                    p,
                    Hit {
                        rule: "item-alone",
                        start,
                        end: start + one.marker.chars().count(),
                        message: format!("有“{}”而没有下一项：只有一项时不必编号", one.marker),
                        fix: None,
                    },
                );
            }
        };
        for m in marks.iter().filter(|m| m.series == series) {
            let last = run.last().map(|l| l.number);
            match last {
                // 一是…，一是…: the older "one is…, the other is…", a pair in one paragraph.
                Some(1) if m.number == 1 && run.len() == 1 && run[0].para == m.para => {
                    run.clear();
                }
                _ if m.number == 1 => {
                    alone(&run, out);
                    run = vec![m];
                }
                Some(l) if m.number == l + 1 => run.push(m),
                Some(l) if m.number > l + 1 => {
                    let p = &src.paras[m.para];
                    let start = p.char_of(m.start);
                    let want = m.marker.replacen(&numeral(m.number), &numeral(l + 1), 1);
                    out.add(
                        p,
                        Hit {
                            rule: "item-gap",
                            start,
                            end: start + m.marker.chars().count(),
                            message: format!(
                                "“{}”之后是“{}”，缺少“{want}”",
                                run.last().map_or("", |r| r.marker.as_str()),
                                m.marker
                            ),
                            fix: None,
                        },
                    );
                    run.push(m);
                }
                _ => {}
            }
        }
        alone(&run, out);
    }
}

/// Announced counts: 主要有三个方面：一是…二是… ; 讲三点意见：then headings.
fn counts(src: &Source, texts: &[String], out: &mut Out) {
    let re = regex!(
        r"(?:以下|如下)?“?([两二三四五六七八九十]|\d)(?:个|项|点|条)(方面|问题|重点|任务|要求|意见|原则|工作|举措|措施|建议|体会|特点|目标|坚持|必须|[^，。；：:“”]{0,4}”)?[：:]"
    );
    for (i, t) in texts.iter().enumerate() {
        for c in re.captures_iter(t) {
            let whole = c.get(0).expect("match");
            let n = match c[1].parse::<u32>() {
                Ok(n) => n,
                Err(_) => match chinese_number(&c[1]) {
                    Some(n) => n,
                    None => continue,
                },
            };
            let after = &t[whole.end()..];
            let found = if after.trim().is_empty() {
                following_count(texts, i)
            } else {
                run_length(item_marks(i, after))
            };
            let Some(found) = found else { continue };
            if found != n && found >= 2 {
                let p = &src.paras[i];
                let announced = whole.as_str().trim_end_matches([':', '：']);
                let start = p.char_of(whole.start());
                let end = start + announced.chars().count();
                out.add(
                    p,
                    Hit {
                        rule: "count-mismatch",
                        start,
                        end,
                        message: format!("前面说“{announced}”，后面列出的是{found}项"),
                        fix: None,
                    },
                );
            }
        }
    }
}

/// The length of the run of items that opens `marks` (一是, 二是, … counting up from one).
fn run_length(marks: Vec<ItemMark>) -> Option<u32> {
    let first = marks.first()?;
    if first.number != 1 {
        return None;
    }
    let mut n = 1;
    for m in marks.iter().skip(1).filter(|m| m.series == first.series) {
        if m.number == n + 1 {
            n += 1;
        } else {
            break;
        }
    }
    Some(n)
}

/// After an announcement that ends its paragraph: the headings of the next paragraph's level
/// until one of a higher level, or the items of the paragraphs that follow.
fn following_count(texts: &[String], i: usize) -> Option<u32> {
    let next = texts.get(i + 1)?;
    if let Some((level, 1, _)) = heading_marker(next) {
        let mut n = 0;
        for t in &texts[i + 1..] {
            match heading_marker(t) {
                Some((l, _, _)) if l == level => n += 1,
                Some((l, _, _)) if l < level => break,
                _ => {}
            }
        }
        return Some(n);
    }
    let marks: Vec<ItemMark> = texts[i + 1..]
        .iter()
        .enumerate()
        .take_while(|(_, t)| heading_marker(t).is_none())
        .flat_map(|(k, t)| item_marks(i + 1 + k, t))
        .collect();
    run_length(marks)
}

#[cfg(test)]
mod tests {
    use crate::check::testing::of;

    #[test]
    fn numbering_gaps_repeats_and_starts() {
        let text = "一、看形势\n正文。\n二、抓推进\n四、促落实\n四、强保障\n（二）要求";
        assert_eq!(of("numbering-gap", text), ["四、"]);
        assert_eq!(of("numbering-repeat", text), ["四、"]);
        assert_eq!(of("numbering-start", text), ["（二）"]);
        // Numbering restarts under each parent; a quoted list 一、二、 is not a repeat.
        let fine = "一、看形势\n（一）成绩\n（二）问题\n二、抓推进\n（一）稳增长\n通知要求：\n一、按时到会；\n二、不得请假。\n三、促落实\n1.抓项目\n2.抓投资";
        for rule in [
            "numbering-gap",
            "numbering-repeat",
            "numbering-start",
            "numbering-punct",
        ] {
            assert!(of(rule, fine).is_empty(), "{rule}: {:?}", of(rule, fine));
        }
    }

    #[test]
    fn numbering_marks() {
        assert_eq!(
            of("numbering-punct", "一、看形势\n二．抓推进\n三、促落实"),
            ["二．"]
        );
        assert_eq!(
            of("numbering-punct", "一、看形势\n（一）、成绩\n（二）问题"),
            ["（一）、"]
        );
        assert_eq!(
            of("numbering-punct", "一、任务\n1.抓项目\n2、抓投资\n3.抓服务"),
            ["2、"]
        );
        // One form throughout, even 1、, is not mixed.
        assert!(of("numbering-punct", "一、任务\n1、抓项目\n2、抓投资").is_empty());
    }

    #[test]
    fn items_alone_and_gaps() {
        assert_eq!(
            of("item-alone", "工作有成绩。一是增长快。此外还有问题。"),
            ["一是"]
        );
        assert_eq!(of("item-gap", "主要是：一是增长快；三是结构优。"), ["三是"]);
        for fine in [
            "一是增长快；二是结构优；三是民生好。",
            "要统一思想。统一是前提，之一是沟通。",
            "干部的第一个字是“干”。",
            "首先，要学习。",
            "基本点是两条，一是坚持四项基本原则，一是实行改革开放。",
            // The sample speech's trap: an ordinal between 一是 and 二是.
            "一是排名靠前，增速排全市第十一、X县（市）第六，稳中有进。二是结构优化。",
        ] {
            assert!(of("item-alone", fine).is_empty(), "{fine}");
            assert!(of("item-gap", fine).is_empty(), "{fine}");
        }
    }

    #[test]
    fn announced_counts() {
        assert_eq!(
            of("count-mismatch", "主要有三个方面：一是增长快；二是结构优。"),
            ["三个方面"]
        );
        assert_eq!(
            of(
                "count-mismatch",
                "我讲以下四点意见：\n一、统一思想\n二、抓好落实\n三、强化保障\n（一）组织"
            ),
            ["以下四点意见"]
        );
        for fine in [
            "主要有三个方面：一是增长快；二是结构优；三是民生好。",
            "讲三点意见：\n一、统一思想\n（一）认识\n（二）行动\n二、抓好落实\n三、强化保障",
            "在三个方面取得突破。",
            "做到以下几点：一是快；二是好。",
        ] {
            assert!(of("count-mismatch", fine).is_empty(), "{fine}");
        }
    }
}
