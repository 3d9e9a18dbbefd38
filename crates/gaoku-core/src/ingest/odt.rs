//! Paragraph text of an OpenDocument text (.odt), from `content.xml`: paragraphs and headings,
//! table cells and text boxes as paragraphs of their own, numbered lists with their numbers;
//! notes, comments, tracked deletions and generated indexes left out.

use std::collections::HashMap;
use std::io::{Read, Seek};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::numbering::{attr, format_number};
use super::zipped::Zipped;
use crate::error::ImportError;

/// Whether zipped bytes are an OpenDocument (its `mimetype` part comes first, stored).
pub fn is_odt(bytes: &[u8]) -> bool {
    bytes
        .get(30..30 + 47)
        .is_some_and(|b| b.starts_with(b"mimetypeapplication/vnd.oasis.opendocument.text"))
}

/// Reads the paragraphs of an .odt.
pub fn odt_paragraphs<R: Read + Seek>(reader: R) -> Result<Vec<String>, ImportError> {
    let mut zip = Zipped::open(reader, "odt")?;
    let content = zip
        .part("content.xml")?
        .ok_or_else(|| zip.damaged("no content.xml; is it another kind of zip file?".into()))?;
    let mut styles = ListStyles::default();
    if let Some(xml) = zip.part("styles.xml")? {
        styles.read(&xml);
    }
    styles.read(&content);
    let out = paragraphs(&content, &styles).map_err(|e| zip.damaged(e))?;
    if !out.iter().any(|p| !p.trim().is_empty()) {
        return Err(ImportError::EmptyDocument);
    }
    Ok(out)
}

/// One level of a numbered list style.
#[derive(Debug, Clone, Default)]
struct ListLevel {
    /// `style:num-format`: `1`, `a`, `I`, `一, 二, 三, ...`; empty for bullets and no number.
    format: String,
    prefix: String,
    suffix: String,
    start: u32,
    /// How many levels the number shows (`text:display-levels`: 1.2.3).
    display: u8,
}

/// List styles by name, levels 1-based.
#[derive(Debug, Default)]
struct ListStyles(HashMap<String, HashMap<u8, ListLevel>>);

impl ListStyles {
    fn read(&mut self, xml: &[u8]) {
        let mut reader = Reader::from_reader(xml);
        let mut buf = Vec::new();
        let mut current: Option<String> = None;
        loop {
            let event = match reader.read_event_into(&mut buf) {
                Ok(Event::Eof) | Err(_) => break,
                Ok(e) => e,
            };
            match &event {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    b"list-style" => current = attr(e, b"name"),
                    b"list-level-style-number" => {
                        if let Some(name) = &current {
                            let level = attr(e, b"level").and_then(|v| v.parse().ok()).unwrap_or(1);
                            let l = ListLevel {
                                format: attr(e, b"num-format").unwrap_or_default(),
                                prefix: attr(e, b"num-prefix").unwrap_or_default(),
                                suffix: attr(e, b"num-suffix").unwrap_or_default(),
                                start: attr(e, b"start-value")
                                    .and_then(|v| v.parse().ok())
                                    .unwrap_or(1),
                                display: attr(e, b"display-levels")
                                    .and_then(|v| v.parse().ok())
                                    .unwrap_or(1),
                            };
                            self.0.entry(name.clone()).or_default().insert(level, l);
                        }
                    }
                    _ => {}
                },
                Event::End(e) if e.local_name().as_ref() == b"list-style" => current = None,
                _ => {}
            }
            buf.clear();
        }
    }
}

/// A number in an OpenDocument `num-format`.
fn format_odf(n: u32, format: &str) -> String {
    let word = match format {
        "1" => "decimal",
        "a" => "lowerLetter",
        "A" => "upperLetter",
        "i" => "lowerRoman",
        "I" => "upperRoman",
        f if f.starts_with('一') => "chineseCounting",
        f if f.starts_with('壹') => "chineseLegalSimplified",
        f if f.starts_with('甲') => "ideographTraditional",
        f if f.starts_with('子') => "ideographZodiac",
        f if f.starts_with('①') => "decimalEnclosedCircle",
        f if f.starts_with('１') => "decimalFullWidth",
        _ => "decimal",
    };
    format_number(n, word)
}

/// Elements whose text is not the body: notes, comments, tracked changes, generated indexes.
fn is_hidden(local_name: &[u8]) -> bool {
    matches!(
        local_name,
        b"note"
            | b"annotation"
            | b"tracked-changes"
            | b"table-of-content"
            | b"alphabetical-index"
            | b"illustration-index"
            | b"bibliography"
    )
}

/// An open `text:list`: its style and the counter of the item being read.
struct OpenList {
    style: Option<String>,
    count: u32,
}

/// The text of content.xml, one entry per paragraph, heading or table cell paragraph.
fn paragraphs(xml: &[u8], styles: &ListStyles) -> Result<Vec<String>, String> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    // Paragraphs nest (a text box inside a paragraph): one buffer per open paragraph.
    let mut open: Vec<String> = Vec::new();
    let mut lists: Vec<OpenList> = Vec::new();
    // The label waiting for the first paragraph of a list item.
    let mut pending_label: Option<String> = None;
    let mut hidden = 0usize;
    // Counters of the last list at each depth, for `text:continue-numbering`.
    let mut last_counts: HashMap<usize, u32> = HashMap::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("broken content.xml: {e}"))?;
        match &event {
            Event::Start(e) => match e.local_name().as_ref() {
                // Notes, comments, deleted text and generated indexes are not the body.
                name if is_hidden(name) => hidden += 1,
                _ if hidden > 0 => {}
                b"p" | b"h" => {
                    open.push(pending_label.take().unwrap_or_default());
                }
                b"list" => {
                    let style = attr(e, b"style-name")
                        .or_else(|| lists.last().and_then(|l| l.style.clone()));
                    let depth = lists.len();
                    let count = if attr(e, b"continue-numbering").as_deref() == Some("true") {
                        last_counts.get(&depth).copied().unwrap_or(0)
                    } else {
                        0
                    };
                    lists.push(OpenList { style, count });
                }
                b"list-item" => {
                    let depth = lists.len();
                    let levels: Vec<(Option<&ListLevel>, u32)> = {
                        let Some(list) = lists.last_mut() else {
                            continue;
                        };
                        list.count = match attr(e, b"start-value").and_then(|v| v.parse().ok()) {
                            Some(v) => v,
                            None => list.count + 1,
                        };
                        lists
                            .iter()
                            .enumerate()
                            .map(|(i, l)| {
                                let level = lists
                                    .last()
                                    .and_then(|top| top.style.as_ref())
                                    .and_then(|s| styles.0.get(s))
                                    .and_then(|s| s.get(&(i as u8 + 1)));
                                (level, l.count)
                            })
                            .collect()
                    };
                    pending_label = label(&levels, depth);
                }
                _ => {}
            },
            Event::Empty(e) if hidden == 0 => {
                if let Some(p) = open.last_mut() {
                    match e.local_name().as_ref() {
                        b"s" => {
                            let n = attr(e, b"c").and_then(|v| v.parse().ok()).unwrap_or(1);
                            p.extend(std::iter::repeat_n(' ', n));
                        }
                        b"tab" => p.push('\t'),
                        b"line-break" => p.push('\n'),
                        _ => {}
                    }
                } else if matches!(e.local_name().as_ref(), b"p" | b"h") {
                    out.push(String::new());
                }
            }
            Event::Text(t) if hidden == 0 => {
                if let Some(p) = open.last_mut() {
                    let text = t.unescape().map_err(|e| format!("bad text: {e}"))?;
                    // Line ends inside the XML are layout of the file, not of the text.
                    p.extend(text.chars().filter(|c| *c != '\n' && *c != '\r'));
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                name if is_hidden(name) && hidden > 0 => hidden -= 1,
                _ if hidden > 0 => {}
                b"p" | b"h" => {
                    if let Some(p) = open.pop() {
                        out.extend(p.split('\n').map(str::to_owned));
                    }
                }
                b"list" => {
                    if let Some(l) = lists.pop() {
                        last_counts.insert(lists.len(), l.count);
                    }
                    pending_label = None;
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

/// The number label of a list item at `depth` (1-based), from the levels of its list style.
fn label(levels: &[(Option<&ListLevel>, u32)], depth: usize) -> Option<String> {
    let (Some(this), _) = levels.get(depth.checked_sub(1)?)? else {
        return None;
    };
    if this.format.is_empty() {
        return None;
    }
    // ODF shows at most ten levels; a deeper list is nesting, not numbering.
    let shown = (this.display.max(1) as usize).min(depth).min(10);
    let numbers: Vec<String> = levels[depth - shown..depth]
        .iter()
        .map(|(level, count)| {
            let (format, start) = level.map_or(("1", 1), |l| (l.format.as_str(), l.start));
            format_odf(count.saturating_sub(1) + start, format)
        })
        .collect();
    let label = format!("{}{}{}", this.prefix, numbers.join("."), this.suffix);
    // A label is a few characters: a prefix of thousands is cut, not repeated per item.
    Some(label.chars().take(64).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0""#;

    #[test]
    fn lists_notes_and_tables() {
        let xml = format!(
            r#"<office:document-content {NS}><office:automatic-styles>
            <text:list-style style:name="L1">
              <text:list-level-style-number text:level="1" style:num-format="一, 二, 三, ..." style:num-suffix="、"/>
              <text:list-level-style-number text:level="2" style:num-format="一, 二, 三, ..." style:num-prefix="（" style:num-suffix="）"/>
            </text:list-style></office:automatic-styles><office:body><office:text>
            <text:h>标题</text:h>
            <text:list text:style-name="L1">
              <text:list-item><text:p>看形势</text:p>
                <text:list><text:list-item><text:p>发展平稳</text:p></text:list-item>
                <text:list-item><text:p>问题突出<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>脚注</text:p></text:note-body></text:note></text:p></text:list-item></text:list>
              </text:list-item>
              <text:list-item><text:p>抓落实</text:p></text:list-item>
            </text:list>
            <table:table><table:table-row><table:table-cell><text:p>甲</text:p></table:table-cell><table:table-cell><text:p>乙<text:s text:c="2"/>丙</text:p></table:table-cell></table:table-row></table:table>
            </office:text></office:body></office:document-content>"#
        );
        let mut styles = ListStyles::default();
        styles.read(xml.as_bytes());
        let got = paragraphs(xml.as_bytes(), &styles).unwrap();
        assert_eq!(
            got,
            vec![
                "标题",
                "一、看形势",
                "（一）发展平稳",
                "（二）问题突出",
                "二、抓落实",
                "甲",
                "乙  丙"
            ]
        );
    }
}
