//! docx-ready Markdown: YAML front matter, the title as `#`, numbered headings as `##`…`#####`
//! with their numbering as text, one paragraph per line, everything else escaped for pandoc.

use super::ExportDoc;
use crate::outline::{escape_inline, paragraphs_markdown};

/// A YAML double-quoted scalar.
fn yaml(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The document as Markdown that pandoc turns into a clean .docx (Heading 1 the title, Heading
/// 2–5 一、（一）1.（1）, one Word paragraph per paragraph, no spaces added between characters).
pub fn markdown(doc: &ExportDoc) -> String {
    let mut md = String::from("---\n");
    md.push_str(&format!("title: {}\n", yaml(doc.title.trim())));
    if let Some(s) = &doc.subtitle {
        md.push_str(&format!("subtitle: {}\n", yaml(s.trim())));
    }
    if let Some(a) = &doc.author {
        md.push_str(&format!("author: {}\n", yaml(a.trim())));
    }
    if let Some(d) = &doc.date {
        md.push_str(&format!("date: {}\n", yaml(d.trim())));
    }
    md.push_str("---\n\n");
    md.push_str(&format!("# {}\n", escape_inline(doc.title.trim())));
    md.push_str(&paragraphs_markdown(
        &doc.paragraphs,
        &doc.headings(),
        false,
    ));
    md
}
