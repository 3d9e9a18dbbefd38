//! The live preview of a draft: Markdown rendered by pulldown-cmark, every top-level block
//! wrapped with the source line it starts on (for scroll sync), then sanitized. Raw HTML in the
//! draft is shown as text; links and images become plain text (the preview never navigates or
//! loads anything).

use pulldown_cmark::{html, CowStr, Event, Parser};

use super::markdown::options;

/// One top-level block of the preview: the source line it starts on and its sanitized HTML.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct PreviewBlock {
    /// The 0-based source line the block starts on.
    pub line: usize,
    /// The block's HTML, sanitized.
    pub html: String,
}

/// The preview as blocks, so the editor can replace only the blocks that changed.
pub fn render_blocks(md: &str) -> Vec<PreviewBlock> {
    const OPEN: &str = "<div data-line=\"";
    let html = render(md);
    html.split(OPEN)
        .filter_map(|part| {
            // The sanitized text holds no `<div` but ours: the draft's own HTML became text.
            let (line, rest) = part.split_once("\">")?;
            let inner = rest.trim_end().strip_suffix("</div>")?;
            Some(PreviewBlock {
                line: line.parse().ok()?,
                html: inner.to_string(),
            })
        })
        .collect()
}

/// Deepest nesting of elements the preview shows. No draft nests near it; a paste of fifty
/// thousand `>` would otherwise make the sanitizer's HTML parser quadratic in the depth.
const MAX_NESTING: usize = 24;

/// Renders a draft's Markdown to safe preview HTML.
pub fn render(md: &str) -> String {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(md.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| line_starts.partition_point(|&s| s <= offset) - 1;
    let mut out = String::with_capacity(md.len() * 3 / 2);
    let mut depth = 0usize;
    let mut block: Vec<Event> = Vec::new();
    let mut block_line = 0;
    // Whether each open element is shown: elements nested deeper than MAX_NESTING are left out
    // (their text stays), so the HTML has bounded depth.
    let mut shown: Vec<bool> = Vec::new();
    let mut visible = 0usize;
    for (event, range) in Parser::new_ext(md, options()).into_offset_iter() {
        let event = match event {
            // Raw HTML is the writer's (or a paste's) text, never markup.
            Event::Html(t) | Event::InlineHtml(t) => Event::Text(t),
            Event::Start(tag) => {
                let show = visible < MAX_NESTING;
                shown.push(show);
                visible += usize::from(show);
                if !show {
                    continue;
                }
                Event::Start(tag)
            }
            Event::End(tag) => {
                if !shown.pop().unwrap_or(true) {
                    continue;
                }
                visible = visible.saturating_sub(1);
                Event::End(tag)
            }
            e => e,
        };
        match &event {
            Event::Start(_) => {
                if depth == 0 {
                    block_line = line_of(range.start);
                }
                depth += 1;
                block.push(event);
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                block.push(event);
                if depth == 0 {
                    push_block(&mut out, block_line, &mut block);
                }
            }
            _ => {
                if depth == 0 {
                    block_line = line_of(range.start);
                    block.push(event);
                    push_block(&mut out, block_line, &mut block);
                } else {
                    block.push(event);
                }
            }
        }
    }
    if !block.is_empty() {
        push_block(&mut out, block_line, &mut block);
    }
    sanitizer().clean(&out).to_string()
}

fn push_block(out: &mut String, line: usize, block: &mut Vec<Event>) {
    out.push_str(&format!("<div data-line=\"{line}\">"));
    html::push_html(out, block.drain(..).map(soft_break_as_nothing));
    out.push_str("</div>\n");
}

/// A soft line break inside Chinese text is no space: the preview shows what Word will show.
fn soft_break_as_nothing(e: Event<'_>) -> Event<'_> {
    match e {
        Event::SoftBreak => Event::Text(CowStr::Borrowed("")),
        e => e,
    }
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static B: std::sync::OnceLock<ammonia::Builder<'static>> = std::sync::OnceLock::new();
    B.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.rm_tags(["a", "img"]);
        b.add_tag_attributes("div", ["data-line"]);
        b
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_carry_lines_and_html_stays_text() {
        let html = render("# 标题\n\n第一段\n第二行\n\n<script>alert(1)</script>\n\n[链接](javascript:alert(1)) <img src=x onerror=alert(1)>");
        assert!(
            html.contains("<div data-line=\"0\"><h1>标题</h1>"),
            "{html}"
        );
        assert!(
            html.contains("<div data-line=\"2\"><p>第一段第二行</p>"),
            "{html}"
        );
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(
            !html.contains("<a") && !html.contains("javascript:"),
            "{html}"
        );
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        assert!(!html.contains("<img"), "{html}");
    }

    #[test]
    fn deep_nesting_is_shown_flat_past_a_bound_and_keeps_its_text() {
        let md = format!("{}最里层的话", "> ".repeat(1000));
        let html = render(&md);
        assert_eq!(html.matches("<blockquote>").count(), MAX_NESTING);
        assert_eq!(html.matches("</blockquote>").count(), MAX_NESTING);
        assert!(html.contains("最里层的话"), "{html}");
    }
}
