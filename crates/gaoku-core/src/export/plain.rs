//! Plain text: title, the lines under it, then one paragraph per line.

use super::ExportDoc;
use crate::zh::is_space;

/// The document as plain text, one paragraph per line, for pasting into other systems.
pub fn text(doc: &ExportDoc) -> String {
    let mut out = String::new();
    out.push_str(doc.title.trim());
    out.push('\n');
    for line in [&doc.subtitle, &doc.author, &doc.date]
        .into_iter()
        .flatten()
    {
        out.push_str(line.trim());
        out.push('\n');
    }
    out.push('\n');
    for p in &doc.paragraphs {
        out.push_str(p.trim_matches(is_space));
        out.push('\n');
    }
    out
}
