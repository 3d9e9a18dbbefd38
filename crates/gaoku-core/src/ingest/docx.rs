//! Paragraph text of a .docx, read from `word/document.xml` with size limits.
//!
//! Only the literal text counts: numbering typed into the paragraph (一、（一）) is kept as it is,
//! and heading styles are ignored, because real 公文 are formatted by hand.

use std::io::{Read, Seek};

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::error::ImportError;

/// Largest `word/document.xml` we inflate (a 500-page report is ~20 MB of XML).
pub const MAX_DOCUMENT_XML: u64 = 64 * 1024 * 1024;
/// Inflating more than this many times the compressed size is treated as a zip bomb.
const MAX_RATIO: u64 = 200;

/// Reads the paragraphs of a .docx. Errors are one line, in words for the user.
pub fn docx_paragraphs<R: Read + Seek>(reader: R) -> Result<Vec<String>, ImportError> {
    let mut zip = zip::ZipArchive::new(reader)
        .map_err(|e| not_a_docx(format!("damaged or truncated zip archive: {e}")))?;
    let mut entry = zip
        .by_name("word/document.xml")
        .map_err(|_| not_a_docx("no word/document.xml; is it another kind of zip file?".into()))?;
    let declared = entry.size();
    let compressed = entry.compressed_size().max(1);
    if declared > MAX_DOCUMENT_XML || (declared > 1024 * 1024 && declared / compressed > MAX_RATIO)
    {
        return Err(ImportError::ZipBomb {
            mb: declared / (1024 * 1024),
            limit: MAX_DOCUMENT_XML / (1024 * 1024),
        });
    }
    // The declared size can lie: never read past the limit whatever it says.
    let mut xml = Vec::with_capacity(declared.min(MAX_DOCUMENT_XML) as usize);
    (&mut entry)
        .take(MAX_DOCUMENT_XML + 1)
        .read_to_end(&mut xml)
        .map_err(|e| not_a_docx(format!("damaged or truncated: {e}")))?;
    if xml.len() as u64 > MAX_DOCUMENT_XML {
        return Err(ImportError::ZipBomb {
            mb: xml.len() as u64 / (1024 * 1024),
            limit: MAX_DOCUMENT_XML / (1024 * 1024),
        });
    }
    paragraphs_from_xml(&xml)
}

/// A damaged .docx; `why` is the technical detail.
fn not_a_docx(why: String) -> ImportError {
    ImportError::NotADocx { why }
}

/// Walks WordprocessingML and collects the text of each `w:p`.
fn paragraphs_from_xml(xml: &[u8]) -> Result<Vec<String>, ImportError> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    // Paragraphs can nest (text boxes inside a run): one buffer per open paragraph.
    let mut open: Vec<String> = Vec::new();
    let mut out = Vec::new();
    let mut in_text = false;
    // Deleted revisions, field instructions and fallback copies of drawings are not visible text.
    let mut hidden_depth = 0usize;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| not_a_docx(format!("broken document.xml: {e}")))?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"p" => open.push(String::new()),
                b"t" => in_text = true,
                b"del" | b"instrText" | b"delText" | b"Fallback" => hidden_depth += 1,
                _ => {}
            },
            Event::Empty(e) if hidden_depth == 0 => {
                if let Some(p) = open.last_mut() {
                    match e.local_name().as_ref() {
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
                    p.push_str(&text);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"p" => {
                    if let Some(p) = open.pop() {
                        out.extend(p.split('\n').map(str::to_owned));
                    }
                }
                b"t" => in_text = false,
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
    if !out.iter().any(|p| !p.trim().is_empty()) {
        return Err(ImportError::DocxNoText);
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
        let paras = paragraphs_from_xml(xml.as_bytes()).unwrap();
        assert_eq!(paras, vec!["一、看形势 ", "A&B", "第二行", "留下的"]);
    }

    #[test]
    fn empty_document_is_an_error() {
        let xml = wrap("<w:p/><w:p><w:r><w:t>  </w:t></w:r></w:p>");
        assert!(paragraphs_from_xml(xml.as_bytes())
            .unwrap_err()
            .to_string()
            .contains("no text"));
    }
}
