//! The outline of a speech as a Chinese reader sees it: numbered headings (一、 （一） 1. （1）),
//! headings that open a paragraph with body text after them, enumerations inside paragraphs
//! (一是…二是…, 第一，…第二，…, 首先…其次…最后), the salutation and the closing.
//! `../shared/OUTLINE-CONVENTIONS.md` (summarised in the README) decides ambiguous cases.

use serde::{Deserialize, Serialize};

use crate::zh::is_space;
use crate::zh::lines::is_notes_line;
use crate::zh::markers::{article_marker, Article};
use crate::zh::{is_attachment_line, is_salutation};

/// A heading or an enumeration item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    /// A numbered heading (一、 （一） 1. （1）).
    Heading,
    /// An enumeration item inside a paragraph (一是, 第二, 首先).
    Item,
}

/// One node of the outline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(rename = "OutlineNode")]
pub struct Node {
    /// Heading or item.
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
    /// Headings one level down and the items under this heading.
    pub children: Vec<Node>,
}

/// A paragraph that plays a part (salutation, closing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(rename = "OutlinePart")]
pub struct Part {
    /// Index of the paragraph in the shown text.
    pub para: usize,
    /// The paragraph's text.
    pub text: String,
}

/// The outline of one speech.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Outline {
    /// The speech's title.
    pub title: String,
    /// The salutation (同志们：), if there is one.
    pub salutation: Option<Part>,
    /// The top-level headings (or items, when the speech has no headings).
    pub nodes: Vec<Node>,
    /// The closing part (a call to action after the last section), if there is one.
    pub closing: Option<Part>,
}

mod markdown;

pub(crate) use crate::zh::markers::heading_marker;
use crate::zh::markers::*;
pub use crate::zh::markers::{heading_markers, RawMarker};
pub use markdown::{escape_inline, escape_markdown, to_markdown};
pub(crate) use markdown::{headings_by_para, paragraphs_markdown, Heading};

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
    // A regulation's parts (第X章, 第X节, 第X条) take the top levels; the numbered marks go
    // below its articles.
    let parts = RegulationLevels::of(paragraphs);
    let shift = parts.shift();
    // Last accepted number per level under the current parents.
    let mut last_number = [0u32; LEVELS];
    // Per level: a list numbered again from 一 inside a section (the points of a document being
    // relayed, or sub-points written with the same marks), kept as items of that section.
    let mut quoted: [Option<Quoted>; LEVELS] = [None; LEVELS];
    let mut restarted: Vec<(Option<usize>, Node)> = Vec::new();
    // After 注释/注：, numbered lines are the notes, not headings.
    let mut notes = false;
    // Inside an attachment list (附件：1.… 2.…), numbered lines name attachments.
    let mut attachments = false;
    // For each paragraph, the index in `flat` of the heading whose section it is in.
    let mut section_of: Vec<Option<usize>> = Vec::with_capacity(paragraphs.len());
    let mut current: Option<usize> = None;
    for (i, raw) in paragraphs.iter().enumerate() {
        let lead = raw.chars().take_while(|c| is_space(*c)).count();
        let p: String = raw.chars().skip(lead).collect();
        if salutation.is_none() && flat.is_empty() && i < 8 && is_salutation(&p) {
            salutation = Some(Part {
                para: i,
                text: p.clone(),
            });
        }
        if is_notes_line(&p) {
            notes = true;
        }
        let article = article_marker(&p).filter(|_| parts.any);
        let mut candidate = heading_marker(&p).map(|(l, n, len)| (l + shift, n, len));
        if let Some((part, number, len)) = article {
            candidate = Some((parts.level(part), number, len));
        }
        if notes {
            candidate = None;
        } else if is_attachment_line(&p) {
            attachments = true;
            candidate = None;
        } else if attachments && candidate.is_some_and(|(level, _, _)| level >= 3) {
            candidate = None;
        } else {
            attachments = false;
        }
        if let Some((level, number, marker_len)) = candidate {
            let lvl = level as usize;
            let next_counts_on = || {
                paragraphs.get(i + 1).is_some_and(|next| {
                    heading_marker(next.trim_start_matches(is_space))
                        .is_some_and(|(l, n, _)| l + shift == level && n == number + 1)
                })
            };
            let as_item = |p: &str| Node {
                kind: NodeKind::Item,
                level: current.map_or(1, |h| flat[h].level + 1),
                marker: p.chars().take(marker_len).collect(),
                title: item_title(p.chars().skip(marker_len).collect::<String>().as_str()),
                para: i,
                offset: lead,
                children: Vec::new(),
            };
            // A list goes on with its next number, unless it was a block of consecutive lines
            // (一、…；二、…；) that body text has since closed.
            let goes_on = quoted[lvl].is_some_and(|q| {
                number == q.last + 1 && !(q.block && q.len >= 2 && i > q.para + 1)
            });
            let accept = if goes_on {
                let q = quoted[lvl].as_mut().expect("checked");
                q.block &= i == q.para + 1;
                q.last = number;
                q.para = i;
                q.len += 1;
                restarted.push((current, as_item(&p)));
                false
            } else if number > last_number[lvl] {
                // Numbering counts up under one parent.
                true
            } else if number == 1 && (last_number[lvl] > 1 || next_counts_on()) {
                // A 1 again: a list inside the section, not a repeated heading.
                quoted[lvl] = Some(Quoted {
                    last: 1,
                    para: i,
                    len: 1,
                    block: true,
                });
                restarted.push((current, as_item(&p)));
                false
            } else {
                // A repeated or out-of-order number stays, as written (the checks name it).
                quoted[lvl].is_none()
            };
            if accept {
                for q in quoted.iter_mut().skip(lvl) {
                    *q = None;
                }
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
    for (section, node) in restarted {
        match section {
            Some(h) => items_by_heading[h].push(node),
            None => top_items.push(node),
        }
    }
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

/// Levels an outline can have: a regulation's three parts above the five numbered levels.
const LEVELS: usize = 10;

/// The levels of a regulation's parts: 第X章 1, 第X节 below it, 第X条 below those; the numbered
/// marks (（一）…) shifted below the articles. A text with fewer than two 第X条 is no regulation.
#[derive(Debug, Clone, Copy)]
struct RegulationLevels {
    any: bool,
    chapters: bool,
    sections: bool,
}

impl RegulationLevels {
    fn of(paragraphs: &[String]) -> Self {
        let mut counts = [0usize; 3];
        for p in paragraphs {
            if let Some((part, _, _)) = article_marker(p.trim_start_matches(is_space)) {
                counts[part as usize] += 1;
            }
        }
        let any = counts[2] >= 2 || counts[0] >= 2;
        let chapters = counts[0] > 0;
        let sections = counts[1] > 0;
        RegulationLevels {
            any,
            chapters,
            sections,
        }
    }

    /// How far the numbered marks move down: below the articles in a regulation, not at all
    /// elsewhere.
    fn shift(&self) -> u8 {
        if self.any {
            self.level(Article::Article) - 1
        } else {
            0
        }
    }

    fn level(&self, part: Article) -> u8 {
        match part {
            Article::Chapter => 1,
            Article::Section => 1 + u8::from(self.chapters),
            Article::Article => 1 + u8::from(self.chapters) + u8::from(self.sections),
        }
    }
}

/// A list numbered again from 一 inside a section, being passed over.
#[derive(Debug, Clone, Copy)]
struct Quoted {
    /// Its last number so far.
    last: u32,
    /// The paragraph of that number.
    para: usize,
    /// How many items so far.
    len: u32,
    /// All its items were consecutive paragraphs so far.
    block: bool,
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

    #[test]
    fn cases_found_by_outside_tests() {
        // After 、 there is no decimal reading: 1、2026年 is a heading; 3.5万元 is not.
        assert_eq!(heading_marker("1、2026年重点工作").map(|m| m.0), Some(3));
        assert_eq!(heading_marker("3.5万元用于").map(|m| m.0), None);
        // A year read digit by digit is no heading number.
        assert_eq!(heading_marker("一九五八，将积极发展"), None);
        // Slips in the level-1 mark are read (the checks name them), numbers after them are not.
        assert_eq!(
            heading_marker("二．抓落实").map(|m| (m.0, m.1)),
            Some((1, 2))
        );
        assert_eq!(heading_marker("一，二季度"), None);
        assert_eq!(heading_marker("（一）、总体要求").map(|m| m.2), Some(4));
        // A fifth level: 1） and ①.
        assert_eq!(
            heading_marker("1）摸清底数").map(|m| (m.0, m.1)),
            Some((5, 1))
        );
        assert_eq!(
            heading_marker("③建立台账").map(|m| (m.0, m.1)),
            Some((5, 3))
        );

        // 公文 salutations.
        for s in [
            "各单位：",
            "各省、自治区、直辖市人民政府：",
            "各区县人民政府办公室（室）：",
        ] {
            assert!(is_salutation(s), "{s}");
        }
        assert!(!is_salutation("各级各部门要做到以下几点："));
        let o = outline("通知", &paras("各单位：\n一、总体要求\n正文。"));
        assert_eq!(o.salutation.map(|s| s.text), Some("各单位：".to_string()));

        // Numbered lines under 附件： are the attachment list, not headings.
        let o = outline(
            "通知",
            &paras("一、总体要求\n1.抓项目\n正文。\n附件：1.实施方案\n2.责任清单\n3.联系表"),
        );
        assert_eq!(o.nodes[0].children.len(), 1, "{:#?}", o.nodes);

        // A repeated 一、 stays in the outline (the checks call it numbering-repeat); a quoted
        // list 一、二、 inside a section does not.
        let o = outline(
            "讲话",
            &paras("一、看形势\n正文。\n一、抓落实\n正文。\n二、强保障"),
        );
        let marks: Vec<&str> = o.nodes.iter().map(|n| n.marker.as_str()).collect();
        assert_eq!(marks, ["一、", "一、", "二、"]);
        let o = outline(
            "讲话",
            &paras("一、看形势\n通知要求：\n一、按时到会；\n二、不得请假。\n二、强保障"),
        );
        let marks: Vec<&str> = o.nodes.iter().map(|n| n.marker.as_str()).collect();
        assert_eq!(marks, ["一、", "二、"]);

        // The fifth level nests under the fourth.
        let o = outline(
            "讲话",
            &paras("一、任务\n（一）项目\n1.征迁\n（1）摸底\n①入户\n②登记"),
        );
        let fourth = &o.nodes[0].children[0].children[0].children[0];
        assert_eq!(fourth.children.len(), 2);
        assert_eq!(fourth.children[1].level, 5);
    }

    #[test]
    fn cases_from_texts_never_seen() {
        // A regulation: 第X章 and 第X条 as its levels, （一） under the article.
        let o = outline(
            "条例",
            &paras("第一章 总则\n第一条 为了规范管理，制定本条例。\n第二条 本条例适用于本省。\n（一）机关；\n（二）企业。\n第二章 附则\n第三条 本条例自公布之日起施行。"),
        );
        let marks: Vec<(&str, u8)> = o
            .nodes
            .iter()
            .map(|n| (n.marker.as_str(), n.level))
            .collect();
        assert_eq!(marks, [("第一章", 1), ("第二章", 1)]);
        let first = &o.nodes[0];
        assert_eq!(first.children.len(), 2);
        assert_eq!(
            (first.children[1].marker.as_str(), first.children[1].level),
            ("第二条", 2)
        );
        assert_eq!(first.children[1].children.len(), 2);
        assert_eq!(first.children[1].children[0].level, 3);
        // An article cited in a sentence is no part.
        assert!(article_marker("第三条规定的情形").is_none());
        assert!(article_marker("第一条、第二条").is_none());

        // ㈠ as the second level, 一要…二要… as items.
        let o = outline("讲话", &paras("一、总体要求\n㈠指导思想\n㈡基本原则\n二、工作要求\n一要转变作风。二要依法行政。三要廉洁从政。"));
        assert_eq!(o.nodes[0].children.len(), 2);
        assert_eq!(o.nodes[0].children[1].marker, "㈡");
        let items: Vec<&str> = o.nodes[1]
            .children
            .iter()
            .map(|n| n.marker.as_str())
            .collect();
        assert_eq!(items, ["一要", "二要", "三要"]);
        assert!(runs(item_marks(0, "要统一要求，进一步要抓好。")).is_empty());

        // A list numbered again inside a section (十件民生实事) stays, as items of the section.
        let o = outline(
            "报告",
            &paras("一、回顾\n正文。\n二、今年任务\n今年办好以下民生实事：\n一、新增学位一万个。\n二、改造老旧小区。\n三、新建养老床位。\n三、加强自身建设"),
        );
        let marks: Vec<&str> = o.nodes.iter().map(|n| n.marker.as_str()).collect();
        assert_eq!(marks, ["一、", "二、", "三、"]);
        let listed: Vec<(NodeKind, &str)> = o.nodes[1]
            .children
            .iter()
            .map(|n| (n.kind.clone(), n.title.as_str()))
            .collect();
        assert_eq!(listed.len(), 3, "{listed:?}");
        assert!(listed.iter().all(|(k, _)| *k == NodeKind::Item));
        assert_eq!(listed[1].1, "改造老旧小区");

        // Numbered notes after the body are not headings.
        let o = outline(
            "报告",
            &paras(
                "一、回顾\n正文。\n二、任务\n正文。\n注释：\n1.指国家级开发区。\n2.指省级开发区。",
            ),
        );
        assert_eq!(o.nodes.len(), 2);
        assert!(o.nodes[1].children.is_empty(), "{:#?}", o.nodes[1]);
    }
}
