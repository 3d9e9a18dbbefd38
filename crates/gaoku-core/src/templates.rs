//! Structure templates: outline skeletons with notes on what each part does, built in (assets/)
//! or taken from any speech, and turned into the Markdown of a new draft.

use serde::{Deserialize, Serialize};

use crate::outline::{escape_inline, NodeKind, Outline};

/// One part of a template: a heading (level 1–4) or an unnumbered part (level 0: salutation,
/// opening, closing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct TemplatePart {
    /// 0 for an unnumbered part, else the heading level 1–4.
    pub level: u8,
    /// The numbering (一、, （一）); empty for level 0.
    pub marker: String,
    /// The part's heading text.
    pub title: String,
    /// What the part does (形势 → 任务 → 落实), shown as a prompt in a new draft.
    #[serde(default)]
    pub note: String,
}

/// A structure template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Template {
    /// The template's unique name.
    pub name: String,
    /// The kind of speech it fits (讲话, 总结).
    pub kind: Option<String>,
    /// What it is for, in a sentence.
    #[serde(default)]
    pub description: String,
    /// Shipped with Gaoku (cannot be renamed or deleted).
    #[serde(default)]
    pub builtin: bool,
    /// The speech it was taken from.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub source_speech: Option<i64>,
    /// The parts, in order.
    pub parts: Vec<TemplatePart>,
}

const BUILTIN: &[&str] = &[
    include_str!("../../../assets/templates/half-year-review.json"),
    include_str!("../../../assets/templates/government-work-report.json"),
    include_str!("../../../assets/templates/mobilization-meeting.json"),
    include_str!("../../../assets/templates/address.json"),
];

/// The templates shipped in `assets/templates`.
pub fn builtin() -> Vec<Template> {
    BUILTIN
        .iter()
        .map(|json| {
            let mut t: Template =
                serde_json::from_str(json).expect("built-in templates are valid (tested)");
            t.builtin = true;
            t
        })
        .collect()
}

/// Keeps a title's rhetorical frame and blanks its quoted content: “一分为二”看形势 → “＿＿”看形势.
pub fn placeholder(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut quoted = false;
    for c in title.chars() {
        match c {
            '“' => {
                quoted = true;
                out.push_str("“＿＿");
            }
            '”' => {
                quoted = false;
                out.push(c);
            }
            _ if quoted => {}
            _ => out.push(c),
        }
    }
    out
}

/// A template from a speech's outline: its headings (levels 1–4), salutation and closing, with the
/// original titles or, with `placeholders`, their frames.
pub fn from_outline(
    name: &str,
    kind: Option<String>,
    source: Option<i64>,
    o: &Outline,
    placeholders: bool,
) -> Template {
    let mut parts = Vec::new();
    if let Some(s) = &o.salutation {
        parts.push(TemplatePart {
            level: 0,
            marker: String::new(),
            title: s.text.clone(),
            note: "称呼".into(),
        });
    }
    for n in o.headings() {
        let title = if placeholders {
            placeholder(&n.title)
        } else {
            n.title.clone()
        };
        let items = n
            .children
            .iter()
            .filter(|c| c.kind == NodeKind::Item)
            .count();
        let note = if items > 0 {
            format!("{items} 项：一是…")
        } else {
            String::new()
        };
        parts.push(TemplatePart {
            level: n.level,
            marker: n.marker.clone(),
            title,
            note,
        });
    }
    if o.closing.is_some() {
        parts.push(TemplatePart {
            level: 0,
            marker: String::new(),
            title: "＿＿（结尾）".into(),
            note: "结尾号召".into(),
        });
    }
    Template {
        name: name.to_string(),
        kind,
        description: format!("取自《{}》的结构", o.title),
        builtin: false,
        source_speech: source,
        parts,
    }
}

/// The Markdown of a new draft laid out by `t`: a title to fill in, then every part.
pub fn new_draft(t: &Template) -> String {
    format!("# ＿＿\n\n{}", parts_markdown(t, 0, true))
}

/// The parts of `t` from part `from` as Markdown blocks: headings as `##`…`#####` with their
/// numbering, level-0 parts (salutation, closing) as paragraphs, and under every part with a note
/// a prompt line `＿＿（note）`. With `whole` false, only part `from` and its sub-parts. The one
/// rendering of a template, for new drafts and for inserting into a draft.
pub fn parts_markdown(t: &Template, from: usize, whole: bool) -> String {
    let Some(start) = t.parts.get(from) else {
        return String::new();
    };
    let mut blocks = Vec::new();
    for (i, p) in t.parts.iter().enumerate().skip(from) {
        if !whole && i > from && p.level != 0 && p.level <= start.level {
            break;
        }
        blocks.push(if p.level == 0 {
            escape_inline(&p.title)
        } else {
            format!(
                "{} {}{}",
                "#".repeat(p.level as usize + 1),
                escape_inline(&p.marker),
                escape_inline(&p.title)
            )
        });
        if !p.note.is_empty() {
            blocks.push(format!("＿＿（{}）", escape_inline(&p.note)));
        }
    }
    blocks.join("\n\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(level: u8, marker: &str, title: &str, note: &str) -> TemplatePart {
        TemplatePart {
            level,
            marker: marker.into(),
            title: title.into(),
            note: note.into(),
        }
    }

    #[test]
    fn parts_as_markdown_whole_and_one_part() {
        let t = Template {
            name: "半年总结".into(),
            kind: Some("讲话".into()),
            description: String::new(),
            builtin: false,
            source_speech: None,
            parts: vec![
                part(0, "", "同志们：", "称呼"),
                part(1, "一、", "看形势", "成绩与问题"),
                part(2, "（一）", "成绩*很大*", ""),
                part(1, "二、", "抓落实", ""),
                part(2, "（一）", "抓项目", ""),
            ],
        };
        assert_eq!(
            parts_markdown(&t, 0, true),
            "同志们：\n\n＿＿（称呼）\n\n## 一、看形势\n\n＿＿（成绩与问题）\n\n### （一）成绩\\*很大\\*\n\n## 二、抓落实\n\n### （一）抓项目\n"
        );
        assert_eq!(
            parts_markdown(&t, 1, false),
            "## 一、看形势\n\n＿＿（成绩与问题）\n\n### （一）成绩\\*很大\\*\n"
        );
        assert_eq!(parts_markdown(&t, 4, false), "### （一）抓项目\n");
        assert_eq!(parts_markdown(&t, 9, false), "");
        // A new draft is the same parts under a title to fill in: one rendering for both.
        assert_eq!(
            new_draft(&t),
            format!("# ＿＿\n\n{}", parts_markdown(&t, 0, true))
        );
    }

    #[test]
    fn builtins_parse_and_have_frames() {
        let all = builtin();
        let names: Vec<&str> = all.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "半年工作总结会讲话",
                "政府工作报告",
                "动员部署会讲话",
                "致辞"
            ]
        );
        for t in &all {
            assert!(t.parts.len() >= 5, "{}", t.name);
            assert!(t.parts.iter().all(|p| p.level <= 4));
        }
        let review = &all[0];
        let level1: Vec<&str> = review
            .parts
            .iter()
            .filter(|p| p.level == 1)
            .map(|p| p.title.as_str())
            .collect();
        assert!(
            level1[0].contains("看形势")
                && level1[1].contains("抓推进")
                && level1[2].contains("促落实")
        );
    }

    #[test]
    fn placeholders_keep_the_frame() {
        assert_eq!(
            placeholder("“一分为二”看形势，增强实干争先的紧迫感"),
            "“＿＿”看形势，增强实干争先的紧迫感"
        );
        assert_eq!(
            placeholder("全力以赴稳增长保态势。"),
            "全力以赴稳增长保态势。"
        );
    }

    #[test]
    fn draft_markdown() {
        let md = new_draft(&builtin()[3]);
        assert!(md.starts_with("# ＿＿\n\n尊敬的＿＿，各位来宾"));
        let md = new_draft(&builtin()[1]);
        assert!(md.contains("\n## 一、＿＿年工作回顾\n\n＿＿（总体评价"));
        assert!(md.contains("\n### （一）＿＿\n"));
    }
}
