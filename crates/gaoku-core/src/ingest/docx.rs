//! Paragraph text of a .docx, read from `word/document.xml` with size limits: the text as Word
//! shows it, automatic numbering (see [`super::numbering`]) included.
//!
//! Numbering typed into the paragraph (一、（一）) is kept as it is, and heading styles give no
//! levels of their own, because real 公文 are formatted by hand.

use std::io::{Read, Seek};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::numbering::{val, Numbering, ParagraphNumbering};
use super::zipped::Zipped;
use crate::error::ImportError;

/// Reads the paragraphs of a .docx, automatic numbering included. Errors are one line, in words
/// for the user.
pub fn docx_paragraphs<R: Read + Seek>(reader: R) -> Result<Vec<String>, ImportError> {
    let mut zip = Zipped::open(reader, "docx")?;
    let document = zip.part("word/document.xml")?.ok_or_else(|| {
        zip.damaged("no word/document.xml; is it another kind of zip file?".into())
    })?;
    let numbering = zip.part("word/numbering.xml")?;
    let styles = zip.part("word/styles.xml")?;
    let mut numbering = Numbering::parse(numbering.as_deref(), styles.as_deref());
    paragraphs_from_xml(&document, &mut numbering)
}

/// A damaged .docx; `why` is the technical detail.
fn not_a_docx(why: String) -> ImportError {
    ImportError::Damaged {
        format: "docx".into(),
        why,
    }
}

/// A paragraph being read: its text and what its properties say about numbering.
#[derive(Default)]
struct OpenParagraph {
    text: String,
    numbering: ParagraphNumbering,
    /// The number label, computed once the properties are read (at the first run).
    label: Option<Option<String>>,
}

impl OpenParagraph {
    /// Computes the label when the paragraph's properties are complete.
    fn settle(&mut self, numbering: &mut Numbering) {
        if self.label.is_none() {
            self.label = Some(numbering.label(&self.numbering));
        }
    }

    /// The paragraph as shown: its number, a space when the number ends in a letter or digit
    /// (第一章 总则), then its text.
    fn finish(mut self, numbering: &mut Numbering) -> String {
        self.settle(numbering);
        match self.label.flatten() {
            Some(label) if !self.text.trim().is_empty() => {
                let gap = label.chars().last().is_some_and(char::is_alphanumeric);
                format!("{label}{}{}", if gap { " " } else { "" }, self.text)
            }
            _ => self.text,
        }
    }
}

/// Walks WordprocessingML and collects the text of each `w:p`, its number label first.
fn paragraphs_from_xml(xml: &[u8], numbering: &mut Numbering) -> Result<Vec<String>, ImportError> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    // Elements open: more than zero at the end means the part was cut.
    let mut depth = 0usize;
    // Paragraphs can nest (text boxes inside a run): one buffer per open paragraph.
    let mut open: Vec<OpenParagraph> = Vec::new();
    // Inside w:pPrChange (the properties before a tracked change), which do not count.
    let mut old_properties = 0usize;
    let mut out = Vec::new();
    let mut in_text = false;
    // Inside paragraph properties, where `w:tab` defines a tab stop rather than being a tab.
    let mut in_properties = 0usize;
    // Deleted revisions, field instructions and fallback copies of drawings are not visible text.
    let mut hidden_depth = 0usize;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| not_a_docx(format!("broken document.xml: {e}")))?;
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"p" => open.push(OpenParagraph::default()),
                b"t" => in_text = true,
                b"pPrChange" => old_properties += 1,
                b"pPr" => in_properties += 1,
                b"r" => {
                    if let Some(p) = open.last_mut() {
                        p.settle(numbering);
                    }
                }
                b"del" | b"instrText" | b"delText" | b"Fallback" => hidden_depth += 1,
                _ => {}
            },
            Event::Empty(e) if hidden_depth == 0 => {
                if let Some(para) = open.last_mut() {
                    if old_properties == 0 && para.label.is_none() {
                        let n = &mut para.numbering;
                        match e.local_name().as_ref() {
                            b"pStyle" => n.style = val(&e),
                            b"numId" => n.num_id = val(&e),
                            b"ilvl" => n.level = val(&e).and_then(|v| v.parse().ok()),
                            _ => {}
                        }
                    }
                    let p = &mut para.text;
                    match e.local_name().as_ref() {
                        _ if in_properties > 0 => {}
                        b"tab" => p.push('\t'),
                        b"br" | b"cr" => {
                            let page_break = e.attributes().flatten().any(|a| {
                                a.key.local_name().as_ref() == b"type"
                                    && a.value.as_ref() == b"page"
                            });
                            if !page_break {
                                p.push('\n');
                            }
                        }
                        b"noBreakHyphen" => p.push('-'),
                        _ => {}
                    }
                } else if e.local_name().as_ref() == b"p" {
                    out.push(String::new());
                }
            }
            Event::Text(t) if in_text && hidden_depth == 0 => {
                let text = t
                    .unescape()
                    .map_err(|e| not_a_docx(format!("bad text in document.xml: {e}")))?;
                if let Some(p) = open.last_mut() {
                    p.settle(numbering);
                    p.text.push_str(&text);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"p" => {
                    if let Some(p) = open.pop() {
                        out.extend(p.finish(numbering).split('\n').map(str::to_owned));
                    }
                }
                b"t" => in_text = false,
                b"pPr" => in_properties = in_properties.saturating_sub(1),
                b"pPrChange" => old_properties = old_properties.saturating_sub(1),
                b"del" | b"instrText" | b"delText" | b"Fallback" => {
                    hidden_depth = hidden_depth.saturating_sub(1)
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    // Elements still open at the end: the part was cut off (a damaged copy), and the speech's
    // end is missing.
    if depth > 0 {
        return Err(not_a_docx(format!(
            "document.xml is cut off ({depth} elements left open)"
        )));
    }
    if !out.iter().any(|p| !p.trim().is_empty()) {
        return Err(ImportError::EmptyDocument);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrap(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        )
    }

    #[test]
    fn runs_join_and_paragraphs_split() {
        let xml = wrap(
            "<w:p><w:r><w:t>一、</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">看形势 </w:t></w:r></w:p>\
             <w:p><w:r><w:t>A&amp;B</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>\
             <w:p><w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del><w:r><w:t>留下的</w:t></w:r></w:p>",
        );
        let paras = paragraphs_from_xml(xml.as_bytes(), &mut Numbering::default()).unwrap();
        assert_eq!(paras, vec!["一、看形势 ", "A&B", "第二行", "留下的"]);
    }

    #[test]
    fn empty_document_is_an_error() {
        let xml = wrap("<w:p/><w:p><w:r><w:t>  </w:t></w:r></w:p>");
        assert!(
            paragraphs_from_xml(xml.as_bytes(), &mut Numbering::default())
                .unwrap_err()
                .to_string()
                .contains("no text")
        );
    }
}
