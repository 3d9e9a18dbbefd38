//! An outline rendered as Markdown: `#` title, `##`–`#####` headings with their numbering kept as
//! text, headings that open a paragraph in bold, everything escaped for CommonMark and pandoc.

use std::collections::HashMap;

use super::{outline, Node};
use crate::text::regex;
use crate::zh::is_space;

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

/// A heading found in a paragraph, where the Markdown and .docx writers place it.
#[derive(Debug, Clone)]
pub(crate) struct Heading {
    /// 1 for 一、 … 4 for （1）.
    pub level: u8,
    /// The heading's own text (the whole paragraph when `whole`).
    pub head: String,
    /// The heading is the whole paragraph (else body text follows it in the same paragraph).
    pub whole: bool,
}

/// The headings of `paragraphs` (by paragraph index) as the outline parser finds them.
pub(crate) fn headings_by_para(title: &str, paragraphs: &[String]) -> HashMap<usize, Heading> {
    outline(title, paragraphs)
        .headings()
        .into_iter()
        .map(|n: &Node| {
            let p = paragraphs[n.para].trim_matches(is_space);
            let head = format!("{}{}", n.marker, n.title);
            let whole = p == head || p.strip_prefix(head.as_str()).is_none();
            (
                n.para,
                Heading {
                    level: n.level,
                    head: if whole { p.to_string() } else { head },
                    whole,
                },
            )
        })
        .collect()
}

/// The paragraphs as Markdown blocks after a `#` title line: a heading paragraph as `##`…`#####`;
/// a heading that opens a paragraph in bold, or with `split_inline` as a heading line of its own
/// followed by the body; every other paragraph escaped on one line. Empty paragraphs are dropped.
/// The one rendering behind `convert --to md`, drafts from speeches and the Markdown export.
pub(crate) fn paragraphs_markdown(
    paragraphs: &[String],
    headings: &HashMap<usize, Heading>,
    split_inline: bool,
) -> String {
    let mut md = String::new();
    for (i, raw) in paragraphs.iter().enumerate() {
        let p = raw.trim_matches(is_space);
        if p.is_empty() {
            continue;
        }
        md.push('\n');
        match headings.get(&i) {
            Some(h) => {
                let hashes = "#".repeat(h.level as usize + 1);
                let body = p[h.head.len()..].trim_matches(is_space);
                if h.whole || body.is_empty() {
                    md.push_str(&format!("{hashes} {}\n", escape_inline(p)));
                } else if split_inline {
                    md.push_str(&format!(
                        "{hashes} {}\n\n{}\n",
                        escape_inline(&h.head),
                        escape_markdown(body)
                    ));
                } else {
                    md.push_str(&bold_lead(&h.head, body));
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

/// A speech as structured Markdown: `# title`, then [`paragraphs_markdown`].
pub fn to_markdown(title: &str, paragraphs: &[String], split_inline: bool) -> String {
    let headings = headings_by_para(title, paragraphs);
    format!(
        "# {}\n{}",
        escape_inline(title),
        paragraphs_markdown(paragraphs, &headings, split_inline)
    )
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
