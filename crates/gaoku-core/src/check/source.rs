//! The text a check reads: paragraphs of plain text, each character mapped back to its place in
//! what the writer sees (the draft's Markdown source, or a speech's text), so that a finding
//! underlines exactly the characters it is about.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::zh::is_space;

/// One paragraph as a reader sees it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Para {
    /// The paragraph's characters, markup removed, leading spaces dropped.
    pub chars: Vec<char>,
    /// For each character, its offset (in characters) in the whole source.
    pub at: Vec<usize>,
    /// The paragraph is a Markdown heading (`## 一、…`).
    pub heading: bool,
    /// The same characters as a string, made once when the paragraph is complete, for the
    /// rules that match patterns.
    pub text: String,
    /// Byte offset of each character in `text`.
    starts: Vec<usize>,
}

impl Para {
    /// The character index of a byte offset (a character boundary) in `text`: rules turn regex
    /// matches into character ranges without rescanning the text (linear on any length).
    pub fn char_of(&self, byte: usize) -> usize {
        self.starts.partition_point(|&b| b < byte)
    }

    fn push(&mut self, c: char, at: usize) {
        if self.chars.is_empty() && is_space(c) {
            return;
        }
        self.chars.push(c);
        self.at.push(at);
    }

    /// Drops trailing spaces and makes the text; `None` for a paragraph with nothing in it.
    fn finish(mut self) -> Option<Para> {
        while self.chars.last().is_some_and(|c| is_space(*c)) {
            self.chars.pop();
            self.at.pop();
        }
        if self.chars.is_empty() {
            return None;
        }
        self.text = self.chars.iter().collect();
        self.starts = self.text.char_indices().map(|(b, _)| b).collect();
        Some(self)
    }
}

/// A whole text made ready for the checks.
#[derive(Debug, Clone, Default)]
pub(crate) struct Source {
    /// The title (a Markdown `#` line that opens the draft, or a speech's first line).
    pub title: Option<Para>,
    /// Every other paragraph, in order.
    pub paras: Vec<Para>,
    /// Character offset where each line of the source starts.
    line_starts: Vec<usize>,
}

impl Source {
    /// 1-based line of a character offset.
    pub fn line_of(&self, at: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= at).max(1)
    }

    /// The paragraphs' texts, as the outline parser takes them.
    pub fn texts(&self) -> Vec<String> {
        self.paras.iter().map(|p| p.text.clone()).collect()
    }

    /// Reads plain text: one paragraph per line; the first non-empty line is the title when
    /// `first_is_title`.
    pub fn plain(text: &str, first_is_title: bool) -> Source {
        let mut src = Source {
            line_starts: vec![0],
            ..Source::default()
        };
        let mut para = Para::default();
        for (at, c) in text.chars().enumerate() {
            if c == '\n' {
                src.line_starts.push(at + 1);
                src.add(std::mem::take(&mut para), first_is_title);
            } else if c != '\r' {
                para.push(c, at);
            }
        }
        src.add(para, first_is_title);
        src
    }

    fn add(&mut self, para: Para, first_is_title: bool) {
        let Some(para) = para.finish() else {
            return;
        };
        if first_is_title && self.title.is_none() && self.paras.is_empty() {
            self.title = Some(para);
        } else {
            self.paras.push(para);
        }
    }

    /// Reads a draft's Markdown: blocks as paragraphs (soft-wrapped lines joined), the first `#`
    /// heading as the title, code blocks left out.
    pub fn markdown(md: &str) -> Source {
        let char_starts: Vec<usize> = md.char_indices().map(|(b, _)| b).collect();
        let char_of = |byte: usize| char_starts.partition_point(|&b| b < byte);
        let mut src = Source {
            line_starts: std::iter::once(0)
                .chain(
                    md.chars()
                        .enumerate()
                        .filter(|(_, c)| *c == '\n')
                        .map(|(i, _)| i + 1),
                )
                .collect(),
            ..Source::default()
        };
        let mut para = Para::default();
        let mut code = false;
        let mut is_title = false;
        let flush = |src: &mut Source, para: &mut Para, is_title: bool| {
            let Some(p) = std::mem::take(para).finish() else {
                return;
            };
            if is_title {
                src.title = Some(p);
            } else {
                src.paras.push(p);
            }
        };
        for (event, range) in
            Parser::new_ext(md, crate::drafts::markdown::options()).into_offset_iter()
        {
            match event {
                Event::Start(Tag::CodeBlock(_)) => code = true,
                Event::End(TagEnd::CodeBlock) => code = false,
                Event::Start(Tag::Heading { level, .. }) => {
                    flush(&mut src, &mut para, is_title);
                    is_title = src.title.is_none()
                        && src.paras.is_empty()
                        && level == pulldown_cmark::HeadingLevel::H1;
                    para.heading = !is_title;
                }
                Event::Start(Tag::Paragraph | Tag::Item | Tag::TableCell | Tag::BlockQuote(_))
                | Event::End(
                    TagEnd::Paragraph
                    | TagEnd::Heading(_)
                    | TagEnd::Item
                    | TagEnd::TableCell
                    | TagEnd::BlockQuote(_),
                ) => {
                    flush(&mut src, &mut para, is_title);
                    is_title = false;
                }
                Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t)
                    if !code =>
                {
                    let raw = &md[range.clone()];
                    // Escapes (\.) and entities make the text differ from its source: map it to
                    // the tail of its range when it is one, else to the range's start.
                    let start = if raw == &*t || raw.ends_with(&*t) {
                        Some(char_of(range.end - t.len()))
                    } else {
                        None
                    };
                    for (i, c) in t.chars().enumerate() {
                        // Emphasis marks CommonMark leaves as text next to CJK punctuation
                        // (**（一）成绩。**正文) are markup to the writer, not characters.
                        if c == '*' {
                            continue;
                        }
                        let at = start.map_or(char_of(range.start), |s| s + i);
                        para.push(c, at);
                    }
                }
                _ => {}
            }
        }
        flush(&mut src, &mut para, is_title);
        src
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_characters_map_to_their_source() {
        let md =
            "# 标题\n\n## 一、看形势\n\n**（一）成绩。**正文,\n接着写\\.\n\n```\n代码,不查\n```\n";
        let src = Source::markdown(md);
        assert_eq!(src.title.as_ref().unwrap().text, "标题");
        let texts = src.texts();
        assert_eq!(texts, ["一、看形势", "（一）成绩。正文,接着写."]);
        assert!(src.paras[0].heading);
        let chars: Vec<char> = md.chars().collect();
        let p = &src.paras[1];
        for (c, at) in p.chars.iter().zip(&p.at) {
            assert_eq!(chars[*at], *c, "{c} maps to its source");
        }
        let comma = p.chars.iter().position(|c| *c == ',').unwrap();
        assert_eq!(src.line_of(p.at[comma]), 5);
        assert_eq!(src.line_of(*p.at.last().unwrap()), 6);
    }

    #[test]
    fn plain_text_lines_are_paragraphs() {
        let src = Source::plain("讲话\r\n同志们：\n\n　　一、看形势\n", true);
        assert_eq!(src.title.as_ref().unwrap().text, "讲话");
        assert_eq!(src.texts(), ["同志们：", "一、看形势"]);
        assert_eq!(src.paras[1].at[0], 12);
        assert_eq!(src.line_of(12), 4);
    }
}
