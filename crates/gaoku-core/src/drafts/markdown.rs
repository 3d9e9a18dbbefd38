//! A draft's Markdown read as a speech: its title and its paragraphs as plain text, each with
//! the source line it starts on (for the outline, export and jumping from the outline).

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// One block of the draft as plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// 0-based line of the draft where the block starts.
    pub line: usize,
    /// Markdown heading level (1–6), 0 for a paragraph or list item.
    pub heading: u8,
    /// The text as a reader sees it: markup removed, escapes resolved.
    pub text: String,
}

/// A draft read as a speech.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftText {
    /// The first `#` heading when it opens the draft, else empty.
    pub title: String,
    /// Line of the title, if there is one.
    pub title_line: Option<usize>,
    /// Every other block, in order.
    pub blocks: Vec<Block>,
}

impl DraftText {
    /// The paragraphs' texts, as the outline parser and exports take them.
    pub fn paragraphs(&self) -> Vec<String> {
        self.blocks.iter().map(|b| b.text.clone()).collect()
    }
}

/// Options every reading of a draft uses (the same for preview and text).
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Reads a draft's Markdown into title and plain-text blocks. Raw HTML counts as literal text.
pub fn read(md: &str) -> DraftText {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(md.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| line_starts.partition_point(|&s| s <= offset) - 1;
    let mut blocks: Vec<Block> = Vec::new();
    let mut cur: Option<(usize, String)> = None;
    let mut heading = 0u8;
    let flush = |cur: &mut Option<(usize, String)>, heading: u8, blocks: &mut Vec<Block>| {
        if let Some((start, text)) = cur.take() {
            let text = text.trim().to_string();
            if !text.is_empty() {
                blocks.push(Block {
                    line: line_of(start),
                    heading,
                    text,
                });
            }
        }
    };
    for (event, range) in Parser::new_ext(md, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut cur, heading, &mut blocks);
                heading = heading_number(level);
            }
            Event::End(TagEnd::Heading(_)) => {
                flush(&mut cur, heading, &mut blocks);
                heading = 0;
            }
            Event::Start(_) | Event::End(_) if is_block(&event) => {
                flush(&mut cur, heading, &mut blocks);
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                let entry = cur.get_or_insert_with(|| (range.start, String::new()));
                entry.1.push_str(&t);
            }
            Event::SoftBreak => {
                if let Some((_, text)) = cur.as_mut() {
                    text.push('\n');
                }
            }
            Event::HardBreak => {
                if let Some((_, text)) = cur.as_mut() {
                    text.push('\n');
                }
            }
            _ => {}
        }
    }
    flush(&mut cur, heading, &mut blocks);
    for b in &mut blocks {
        if b.text.contains('\n') {
            b.text = join_lines(&b.text);
        }
    }
    let (title, title_line) = match blocks.first() {
        Some(b) if b.heading == 1 => {
            let b = blocks.remove(0);
            (b.text, Some(b.line))
        }
        _ => (String::new(), None),
    };
    DraftText {
        title,
        title_line,
        blocks,
    }
}

/// Joins a paragraph's source lines the way a Chinese reader expects: no space between two
/// CJK characters, one space between Latin words.
fn join_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        let line = line.trim();
        if i > 0 && !out.is_empty() && !line.is_empty() {
            let before = out.chars().last().unwrap_or(' ');
            let after = line.chars().next().unwrap_or(' ');
            if !(crate::zh::is_cjk_like(before) || crate::zh::is_cjk_like(after)) {
                out.push(' ');
            }
        }
        out.push_str(line);
    }
    out
}

fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Tags that delimit blocks (text inside them is one paragraph of the speech).
fn is_block(event: &Event) -> bool {
    let block_tag = |t: &Tag| {
        matches!(
            t,
            Tag::Paragraph
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::List(_)
                | Tag::Item
                | Tag::Table(_)
                | Tag::TableHead
                | Tag::TableRow
                | Tag::TableCell
                | Tag::HtmlBlock
        )
    };
    match event {
        Event::Start(t) => block_tag(t),
        Event::End(e) => matches!(
            e,
            TagEnd::Paragraph
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::List(_)
                | TagEnd::Item
                | TagEnd::Table
                | TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::TableCell
                | TagEnd::HtmlBlock
        ),
        _ => false,
    }
}

/// The display title of a draft: its `#` title, or 未命名草稿 when it has none or only blanks.
pub fn display_title(md: &str) -> String {
    let t = read(md).title;
    if t.chars()
        .all(|c| c == '＿' || c == '_' || crate::zh::is_space(c))
    {
        "未命名草稿".to_string()
    } else {
        t.chars().take(200).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_with_lines_and_plain_text() {
        let md = "# 在全县会议上的讲话\n\n同志们：\n\n## 一、看形势\n\n**（一）成绩很大**。盘点\\*上半年\\*，\n增长1.5倍。\n\n- 一是抓项目\n- 二是<b>抓</b>落实\n";
        let d = read(md);
        assert_eq!(d.title, "在全县会议上的讲话");
        assert_eq!(d.title_line, Some(0));
        let got: Vec<(usize, u8, &str)> = d
            .blocks
            .iter()
            .map(|b| (b.line, b.heading, b.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (2, 0, "同志们："),
                (4, 2, "一、看形势"),
                (6, 0, "（一）成绩很大。盘点*上半年*，增长1.5倍。"),
                (9, 0, "一是抓项目"),
                (10, 0, "二是<b>抓</b>落实"),
            ]
        );
        assert_eq!(display_title("# ＿＿\n\n正文"), "未命名草稿");
        assert_eq!(display_title("正文"), "未命名草稿");
        assert_eq!(join_lines("in a\nword"), "in a word");
    }
}
