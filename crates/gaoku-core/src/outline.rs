//! The outline of a speech as a Chinese reader sees it: numbered headings (一、 （一） 1. （1）),
//! headings that open a paragraph with body text after them, enumerations inside paragraphs
//! (一是…二是…, 第一，…第二，…, 首先…其次…最后), the salutation and the closing.
//! `../shared/OUTLINE-CONVENTIONS.md` (summarised in the README) decides ambiguous cases.

use serde::{Deserialize, Serialize};

use crate::ingest::meta::is_salutation;
use crate::text::{chinese_number, is_space, regex};

/// A heading or an enumeration item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    Heading,
    Item,
}

/// One node of the outline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(rename = "OutlineNode")]
pub struct Node {
    pub kind: NodeKind,
    /// Heading level 1–4 (一、 （一） 1. （1））; for items, one below the heading they sit in.
    pub level: u8,
    /// The numbering as written: `一、`, `（二）`, `3.`, `一是`, `第二，`, `首先，`.
    pub marker: String,
    /// The heading's first sentence (or whole line), or the item's first clause.
    pub title: String,
    /// Index of the paragraph in the shown text.
    pub para: usize,
    /// Character offset of the marker inside that paragraph.
    pub offset: usize,
    pub children: Vec<Node>,
}

/// A paragraph that plays a part (salutation, closing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(rename = "OutlinePart")]
pub struct Part {
    pub para: usize,
    pub text: String,
}

/// The outline of one speech.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Outline {
    pub title: String,
    pub salutation: Option<Part>,
    pub nodes: Vec<Node>,
    /// The closing part (a call to action after the last section), if there is one.
    pub closing: Option<Part>,
}

const NUMERALS: &str = "一二三四五六七八九十";

/// A heading marker at the start of a (trimmed) paragraph: (level, number, marker length in chars).
fn heading_marker(p: &str) -> Option<(u8, u32, usize)> {
    let (level, caps) = if let Some(c) = regex!(r"^([一二三四五六七八九十百]+)、").captures(p)
    {
        (1, c)
    } else if let Some(c) = regex!(r"^[（(]([一二三四五六七八九十]+)[）)]").captures(p)
    {
        (2, c)
    } else if let Some(c) = regex!(r"^(\d{1,2})[.．、]").captures(p) {
        (3, c)
    } else if let Some(c) = regex!(r"^[（(](\d{1,2})[）)]").captures(p) {
        (4, c)
    } else {
        return None;
    };
    let whole = caps.get(0).expect("match");
    let number = caps[1].parse().ok().or_else(|| chinese_number(&caps[1]))?;
    let rest = &p[whole.end()..];
    starts_heading_words(level, rest).then_some((level, number, whole.as_str().chars().count()))
}

/// Can this text follow a marker as a heading? Not `一、二季度` (a list of numbers), not
/// `3.5万元` or `12.8%` (a number), not an empty rest.
fn starts_heading_words(level: u8, rest: &str) -> bool {
    let mut chars = rest.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    // 3.5万元, 12.8%: after an Arabic number and a dot, a digit means a decimal number.
    if level == 3 && (first.is_ascii_digit() || first == '%' || first == '％') {
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

/// The title of a heading: up to and including the first sentence end, or the whole line.
fn heading_title(rest: &str) -> String {
    match rest.find(['。', '！', '？']) {
        Some(i) => {
            let end = i + rest[i..].chars().next().map_or(0, char::len_utf8);
            rest[..end].to_string()
        }
        None => rest.to_string(),
    }
}

/// The title of an item: up to the first sentence end, semicolon or comma (not included).
fn item_title(rest: &str) -> String {
    let end = rest
        .find(['。', '！', '？', '；', '，', ';'])
        .unwrap_or(rest.len());
    rest[..end].to_string()
}

/// An enumeration marker found inside a paragraph.
#[derive(Debug, Clone)]
struct ItemMark {
    para: usize,
    /// Byte offset of the marker, and of the text after it.
    start: usize,
    after: usize,
    /// Which series it belongs to (一是, 第一是, 第一，, 首先), and its rank in that series.
    series: u8,
    number: u32,
    marker: String,
}

/// Characters after which an enumeration marker may start: not part of a word (统一是, 之一是).
fn may_precede_item(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => "，。；：！？、“”（）()\"'：:;,".contains(c) || is_space(c),
    }
}

fn item_marks(para: usize, p: &str) -> Vec<ItemMark> {
    let re = regex!(
        r"(第)?([一二三四五六七八九十]+)是|第([一二三四五六七八九十]+)[，,、：:]|(首先|其次|再次|最后)[，,]",
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
/// 首先…最后: 首先 then at least 其次 or 最后), at least two items long.
fn runs(marks: Vec<ItemMark>) -> Vec<ItemMark> {
    let mut kept = Vec::new();
    let mut run: Vec<ItemMark> = Vec::new();
    let flush = |run: &mut Vec<ItemMark>, kept: &mut Vec<ItemMark>| {
        if run.len() >= 2 {
            kept.append(run);
        }
        run.clear();
    };
    for m in marks {
        let continues = run.last().is_some_and(|last| {
            last.series == m.series
                && (m.number == last.number + 1 || (m.series == 3 && m.number > last.number))
        });
        if continues {
            run.push(m);
        } else {
            flush(&mut run, &mut kept);
            if m.number == 1 {
                run.push(m);
            }
        }
    }
    flush(&mut run, &mut kept);
    kept
}

impl Outline {
    /// Every heading at any depth, in text order.
    pub fn headings(&self) -> Vec<&Node> {
        fn walk<'a>(nodes: &'a [Node], out: &mut Vec<&'a Node>) {
            for n in nodes {
                if n.kind == NodeKind::Heading {
                    out.push(n);
                }
                walk(&n.children, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.nodes, &mut out);
        out
    }
}

/// Parses the outline of a speech from its paragraphs (the shown text, one entry per paragraph).
pub fn outline(title: &str, paragraphs: &[String]) -> Outline {
    let mut salutation = None;
    // Flat list of headings: (level, number, node).
    let mut flat: Vec<Node> = Vec::new();
    // Last accepted number per level under the current parents.
    let mut last_number = [0u32; 5];
    // Per level: the last number of a quoted list being passed over.
    let mut quoted: [Option<u32>; 5] = [None; 5];
    // For each paragraph, the index in `flat` of the heading whose section it is in.
    let mut section_of: Vec<Option<usize>> = Vec::with_capacity(paragraphs.len());
    let mut current: Option<usize> = None;
    for (i, raw) in paragraphs.iter().enumerate() {
        let lead = raw.chars().take_while(|c| is_space(*c)).count();
        let p: String = raw.chars().skip(lead).collect();
        if salutation.is_none() && flat.is_empty() && i < 5 && is_salutation(&p) {
            salutation = Some(Part {
                para: i,
                text: p.clone(),
            });
        }
        let candidate = heading_marker(&p);
        // A run of paragraphs numbered 一、二、… again inside a section is a quoted list (the
        // points of a document being relayed), not headings; it ends at the first other paragraph.
        for (l, q) in quoted.iter_mut().enumerate() {
            if candidate.is_none_or(|(level, _, _)| level as usize != l) {
                *q = None;
            }
        }
        if let Some((level, number, marker_len)) = candidate {
            let lvl = level as usize;
            let accept = match quoted[lvl] {
                Some(q) if number == q + 1 => {
                    quoted[lvl] = Some(number);
                    false
                }
                // Numbering counts up under one parent.
                _ if number > last_number[lvl] => true,
                _ => {
                    if number == 1 {
                        quoted[lvl] = Some(1);
                    }
                    false
                }
            };
            if accept {
                quoted[lvl] = None;
                last_number[lvl] = number;
                for n in last_number.iter_mut().skip(lvl + 1) {
                    *n = 0;
                }
                let marker: String = p.chars().take(marker_len).collect();
                let rest: String = p.chars().skip(marker_len).collect();
                flat.push(Node {
                    kind: NodeKind::Heading,
                    level,
                    marker,
                    title: heading_title(&rest),
                    para: i,
                    offset: lead,
                    children: Vec::new(),
                });
                current = Some(flat.len() - 1);
            }
        }
        section_of.push(current);
    }
    // Enumerations, per section, in order.
    let mut items_by_heading: Vec<Vec<Node>> = vec![Vec::new(); flat.len()];
    let mut top_items: Vec<Node> = Vec::new();
    let mut section_marks: Vec<ItemMark> = Vec::new();
    let mut section_key = None;
    let emit = |marks: Vec<ItemMark>,
                key: Option<usize>,
                items_by_heading: &mut Vec<Vec<Node>>,
                top: &mut Vec<Node>| {
        for m in runs(marks) {
            let p = &paragraphs[m.para];
            let level = key.map_or(1, |h| flat[h].level + 1);
            let node = Node {
                kind: NodeKind::Item,
                level,
                marker: m.marker.clone(),
                title: item_title(&p[m.after..]),
                para: m.para,
                offset: p[..m.start].chars().count(),
                children: Vec::new(),
            };
            match key {
                Some(h) => items_by_heading[h].push(node),
                None => top.push(node),
            }
        }
    };
    for (i, p) in paragraphs.iter().enumerate() {
        if section_of[i] != section_key {
            emit(
                std::mem::take(&mut section_marks),
                section_key,
                &mut items_by_heading,
                &mut top_items,
            );
            section_key = section_of[i];
        }
        section_marks.extend(item_marks(i, p));
    }
    emit(
        section_marks,
        section_key,
        &mut items_by_heading,
        &mut top_items,
    );
    for (h, items) in items_by_heading.into_iter().enumerate() {
        flat[h].children = items;
    }
    let closing = closing_part(paragraphs, flat.last().map(|h| h.para));
    Outline {
        title: title.to_string(),
        salutation,
        nodes: nest(flat, top_items),
        closing,
    }
}

/// Builds the tree: each heading under the nearest heading above it with a lower level.
fn nest(flat: Vec<Node>, top_items: Vec<Node>) -> Vec<Node> {
    let mut roots: Vec<Node> = top_items;
    let mut stack: Vec<Node> = Vec::new();
    fn close(stack: &mut Vec<Node>, roots: &mut Vec<Node>) {
        let node = stack.pop().expect("non-empty");
        match stack.last_mut() {
            Some(parent) => parent.children.push(node),
            None => roots.push(node),
        }
    }
    for node in flat {
        while stack.last().is_some_and(|top| top.level >= node.level) {
            close(&mut stack, &mut roots);
        }
        stack.push(node);
    }
    while !stack.is_empty() {
        close(&mut stack, &mut roots);
    }
    // Items were attached before their sibling headings; keep every child list in text order.
    fn sort(nodes: &mut [Node]) {
        nodes.sort_by_key(|n| (n.para, n.offset));
        for n in nodes {
            sort(&mut n.children);
        }
    }
    sort(&mut roots);
    roots
}

/// The closing: the last paragraph after the last heading's own paragraph when it calls to action
/// (ends with ！, or opens with 同志们 / 让我们), together with a 同志们，… paragraph right before it.
fn closing_part(paragraphs: &[String], last_heading: Option<usize>) -> Option<Part> {
    let last = paragraphs.len().checked_sub(1)?;
    if last_heading.is_some_and(|h| h >= last) {
        return None;
    }
    let p = paragraphs[last].trim_matches(is_space);
    let calls = p.ends_with('！') || p.starts_with("同志们") || p.starts_with("让我们");
    if !calls || heading_marker(p).is_some() {
        return None;
    }
    let start = if last > 0
        && last_heading.is_none_or(|h| h < last - 1)
        && paragraphs[last - 1]
            .trim_matches(is_space)
            .starts_with("同志们，")
    {
        last - 1
    } else {
        last
    };
    Some(Part {
        para: start,
        text: paragraphs[start].trim_matches(is_space).to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(s: &str) -> Vec<String> {
        s.lines().map(str::to_string).collect()
    }

    #[test]
    fn markers_and_traps() {
        assert_eq!(heading_marker("一、“一分为二”看形势").map(|m| m.0), Some(1));
        assert_eq!(
            heading_marker("（一）发展势头平稳，应当鼓足干劲。盘点").map(|m| m.0),
            Some(2)
        );
        assert_eq!(heading_marker("(二)问题").map(|m| m.0), Some(2));
        assert_eq!(heading_marker("1．作风明显好转。").map(|m| m.0), Some(3));
        assert_eq!(heading_marker("（1）建立督查制度").map(|m| m.0), Some(4));
        assert_eq!(heading_marker("十一、加强党的建设").map(|m| m.1), Some(11));
        assert_eq!(heading_marker("二十、其他").map(|m| m.1), Some(20));
        assert_eq!(heading_marker("一、2018年工作回顾").map(|m| m.0), Some(1));
        assert_eq!(heading_marker("一、一年来工作回顾").map(|m| m.0), Some(1));
        assert_eq!(heading_marker("一、三年来的斗争").map(|m| m.0), Some(1));
        for not in [
            "一、二季度经济增长较快",
            "三、四季度要加力",
            "3.5万元用于",
            "12.8%的增长",
            "2.5",
            "2020年7月15日",
            "附件：1.名单",
        ] {
            assert_eq!(heading_marker(not), None, "{not}");
        }
        assert_eq!(
            heading_title("发展势头平稳，应当鼓足干劲。盘点上半年"),
            "发展势头平稳，应当鼓足干劲。"
        );
        assert_eq!(item_title("经济运行总体平稳。上半年"), "经济运行总体平稳");
        assert_eq!(item_title("从国情出发，合理规划"), "从国情出发");
    }

    #[test]
    fn full_width_spaces_before_markers_are_ignored() {
        let o = outline("报告", &paras("一、任务\n　　（一）在普遍增产粮食的基础上\n　　（二）在提高单位面积产量上\n\u{3000}1．抓项目"));
        let first = &o.nodes[0];
        assert_eq!(first.children.len(), 2);
        assert_eq!(first.children[0].marker, "（一）");
        assert_eq!(
            first.children[0].offset, 2,
            "offset counts the spaces before the marker"
        );
        assert_eq!(first.children[1].children[0].marker, "1．");
    }

    #[test]
    fn top_level_can_be_parenthesised_and_a_missed_first_heading_does_not_cascade() {
        let o = outline(
            "报告",
            &paras("各位代表：\n（一）关于经济\n正文。\n（二）关于改革\n（三）关于外交"),
        );
        assert_eq!(
            o.nodes
                .iter()
                .map(|n| n.marker.as_str())
                .collect::<Vec<_>>(),
            ["（一）", "（二）", "（三）"]
        );
        let o = outline("报告", &paras("二、任务\n三、要求"));
        assert_eq!(o.nodes.len(), 2);
    }

    #[test]
    fn items_need_a_real_run() {
        let p = "要统一思想。统一是前提，团结之一是沟通，唯一是落实。".to_string();
        assert!(runs(item_marks(0, &p)).is_empty());
        let lone = "这项工作一是要快。".to_string();
        assert!(runs(item_marks(0, &lone)).is_empty(), "a 一是 with no 二是");
        let ok = "主要有：一是稳增长；二是促改革；三是惠民生。".to_string();
        assert_eq!(runs(item_marks(0, &ok)).len(), 3);
        let ordinal = "干部的第一个字是“干”，第二个字是“部”。".to_string();
        assert!(runs(item_marks(0, &ordinal)).is_empty());
        let firstly = "首先，要学习。其次，要落实。最后，要总结。".to_string();
        assert_eq!(runs(item_marks(0, &firstly)).len(), 3);
    }

    #[test]
    fn nesting_restarts_and_quoted_lists() {
        let text = "同志们：\n一、看形势\n（一）成绩。一是增长快；二是结构优。\n（二）问题\n二、抓推进\n（一）稳增长\n1．抓项目\n2．抓投资\n（二）惠民生\n通知列出：\n一、会议时间；\n二、会议地点；\n三、参会人员。\n谢谢大家！";
        let o = outline("讲话", &paras(text));
        assert_eq!(o.salutation.as_ref().map(|s| s.para), Some(0));
        assert_eq!(
            o.nodes.len(),
            2,
            "the quoted 一、二、三、 after 二、 are not headings: {:#?}",
            o.nodes
        );
        let first = &o.nodes[0];
        assert_eq!(first.children.len(), 2);
        assert_eq!(first.children[0].children.len(), 2);
        assert_eq!(first.children[0].children[1].title, "结构优");
        assert_eq!(first.children[0].children[1].level, 3);
        let second = &o.nodes[1];
        assert_eq!(second.children[0].marker, "（一）");
        assert_eq!(second.children[0].children.len(), 2);
        assert_eq!(second.children[1].title, "惠民生");
        assert_eq!(o.closing.map(|c| c.text), Some("谢谢大家！".to_string()));
    }
}

/// Escapes characters that Markdown (CommonMark, and pandoc's extensions: math, citations,
/// super/subscript, smart quotes and dashes) would read as markup inside a line.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let markup = matches!(
            c,
            '\\' | '*'
                | '_'
                | '<'
                | '>'
                | '['
                | ']'
                | '`'
                | '#'
                | '|'
                | '~'
                | '$'
                | '^'
                | '@'
                | '&'
                | '"'
                | '\''
        ) || (c == '-' && next == Some('-'))
            || (c == '.' && next == Some('.'));
        if markup {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes a whole line so that Markdown reads it back as the same plain text (no emphasis,
/// links, HTML, headings or lists created by accident).
pub fn escape_markdown(text: &str) -> String {
    let mut out = escape_inline(text);
    // A line that starts like a list item ("1. ", "- ", "+ ") stays text; 1.5万元 is no list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    let list_follows = |rest: &str| rest.is_empty() || rest.starts_with([' ', '\t']);
    if (1..10).contains(&digits)
        && out[digits..].starts_with(['.', ')'])
        && list_follows(&out[digits + 1..])
    {
        out.insert(digits, '\\');
    } else if out.starts_with(['-', '+', ':']) && list_follows(&out[1..]) {
        out.insert(0, '\\');
    } else if let Some(m) =
        regex!(r"^\(?([0-9]{1,9}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,6})[.)](?:[ \t]|$)").find(&out)
    {
        // pandoc's fancy lists: (1) a) A. iv. at a line start.
        let at = if out.starts_with('(') {
            0
        } else {
            out[..m.end()].rfind(['.', ')']).unwrap_or(0)
        };
        out.insert(at, '\\');
    }
    out
}

/// The speech as structured Markdown: the title as `#`, 一、 as `##`, （一） as `###`, 1. as
/// `####`, （1） as `#####`, the numbering kept as text, one paragraph per line with a blank line
/// between. A heading that opens a paragraph stays in it, in bold, unless `split_inline` asks
/// for it to become a heading line of its own above the rest of the paragraph.
pub fn to_markdown(title: &str, paragraphs: &[String], split_inline: bool) -> String {
    let o = outline(title, paragraphs);
    let headings: std::collections::HashMap<usize, &Node> =
        o.headings().into_iter().map(|n| (n.para, n)).collect();
    let mut md = format!("# {}\n", escape_inline(title));
    for (i, raw) in paragraphs.iter().enumerate() {
        let p = raw.trim_matches(is_space);
        md.push('\n');
        match headings.get(&i) {
            Some(h) => {
                let hashes = "#".repeat(h.level as usize + 1);
                let head_text = format!("{}{}", h.marker, h.title);
                let body = p
                    .strip_prefix(head_text.as_str())
                    .unwrap_or("")
                    .trim_matches(is_space);
                if body.is_empty() {
                    md.push_str(&format!("{hashes} {}\n", escape_inline(p)));
                } else if split_inline {
                    md.push_str(&format!(
                        "{hashes} {}\n\n{}\n",
                        escape_inline(&head_text),
                        escape_markdown(body)
                    ));
                } else {
                    md.push_str(&bold_lead(&head_text, body));
                }
            }
            None => {
                md.push_str(&escape_markdown(p));
                md.push('\n');
            }
        }
    }
    md
}

/// A paragraph whose opening heading is in bold. CommonMark only closes `**` after a letter when
/// punctuation follows, so the sentence end goes after the closing `**`; a heading that would still
/// end in punctuation stays plain rather than leave stray asterisks.
pub(crate) fn bold_lead(head: &str, body: &str) -> String {
    let core = head.trim_end_matches(['。', '！', '？', '；', '：']);
    let tail = &head[core.len()..];
    if core.chars().last().is_some_and(char::is_alphanumeric) {
        format!(
            "**{}**{}{}\n",
            escape_inline(core),
            escape_inline(tail),
            escape_inline(body)
        )
    } else {
        format!("{}{}\n", escape_markdown(head), escape_inline(body))
    }
}

#[cfg(test)]
mod markdown_tests {
    use super::*;

    #[test]
    fn structured_markdown_keeps_numbering_and_text() {
        let paras: Vec<String> =
            "同志们：\n一、看形势\n（一）成绩很大。盘点*上半年*，1.5倍。\n1.抓项目\n#不是标题"
                .lines()
                .map(str::to_string)
                .collect();
        let md = to_markdown("在会上的讲话", &paras, false);
        assert_eq!(
            md,
            "# 在会上的讲话\n\n同志们：\n\n## 一、看形势\n\n**（一）成绩很大**。盘点\\*上半年\\*，1.5倍。\n\n#### 1.抓项目\n\n\\#不是标题\n"
        );
        let split = to_markdown("在会上的讲话", &paras, true);
        assert!(split.contains("\n### （一）成绩很大。\n\n盘点\\*上半年\\*，1.5倍。\n"));
        assert_eq!(escape_markdown("1.5万元"), "1.5万元");
        assert_eq!(escape_markdown("1. 不是列表"), "1\\. 不是列表");
    }
}
