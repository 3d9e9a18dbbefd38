//! Reading one part of a zipped document (.docx, .odt) with limits against zip bombs.

use std::io::{Read, Seek};

use crate::error::ImportError;

/// Largest part we inflate (a 500-page report is ~20 MB of XML).
pub const MAX_PART: u64 = 64 * 1024 * 1024;
/// Inflating more than this many times the compressed size is treated as a zip bomb.
const MAX_RATIO: u64 = 200;

/// A zipped document being read; `format` (docx, odt) names it in errors.
pub struct Zipped<R> {
    zip: zip::ZipArchive<R>,
    format: &'static str,
}

impl<R: Read + Seek> Zipped<R> {
    /// Opens the archive.
    pub fn open(reader: R, format: &'static str) -> Result<Self, ImportError> {
        let zip = zip::ZipArchive::new(reader).map_err(|e| ImportError::Damaged {
            format: format.into(),
            why: format!("damaged or truncated zip archive: {e}"),
        })?;
        Ok(Zipped { zip, format })
    }

    /// A damaged document of this format.
    pub fn damaged(&self, why: String) -> ImportError {
        ImportError::Damaged {
            format: self.format.into(),
            why,
        }
    }

    /// The bytes of part `name`, `None` when there is no such part.
    pub fn part(&mut self, name: &str) -> Result<Option<Vec<u8>>, ImportError> {
        let format = self.format;
        let damaged = |why: String| ImportError::Damaged {
            format: format.into(),
            why,
        };
        let mut entry = match self.zip.by_name(name) {
            Ok(e) => e,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(damaged(format!("{name}: {e}"))),
        };
        let declared = entry.size();
        let compressed = entry.compressed_size().max(1);
        if declared > MAX_PART || (declared > 1024 * 1024 && declared / compressed > MAX_RATIO) {
            return Err(ImportError::ZipBomb {
                mb: declared / (1024 * 1024),
                limit: MAX_PART / (1024 * 1024),
            });
        }
        // The declared size can lie: never read past the limit whatever it says.
        let mut bytes = Vec::with_capacity(declared.min(MAX_PART) as usize);
        (&mut entry)
            .take(MAX_PART + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| damaged(format!("damaged or truncated: {e}")))?;
        if bytes.len() as u64 > MAX_PART {
            return Err(ImportError::ZipBomb {
                mb: bytes.len() as u64 / (1024 * 1024),
                limit: MAX_PART / (1024 * 1024),
            });
        }
        Ok(Some(utf8_xml(bytes)))
    }
}

/// XML in UTF-16 (with a BOM, or starting `<?` in UTF-16), which some converters write, as
/// UTF-8: the XML reader reads UTF-8 only and found no text in it.
fn utf8_xml(bytes: Vec<u8>) -> Vec<u8> {
    let enc = match bytes.as_slice() {
        [0xFF, 0xFE, ..] | [b'<', 0, b'?', 0, ..] => encoding_rs::UTF_16LE,
        [0xFE, 0xFF, ..] | [0, b'<', 0, b'?', ..] => encoding_rs::UTF_16BE,
        _ => return bytes,
    };
    let (text, _, _) = enc.decode(&bytes);
    // The declaration no longer tells the truth; the rest of the document is unchanged.
    let text = text.trim_start_matches('\u{FEFF}');
    let body = match text.strip_prefix("<?xml") {
        Some(rest) => rest.split_once("?>").map_or(text, |(_, after)| after),
        None => text,
    };
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>{body}").into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_parts_are_read_as_utf8() {
        let xml = r#"<?xml version="1.0" encoding="UTF-16"?><w:t>同志们：要狠抓落实。</w:t>"#;
        let want = r#"<?xml version="1.0" encoding="UTF-8"?><w:t>同志们：要狠抓落实。</w:t>"#;
        let mut le = vec![0xFF, 0xFE];
        le.extend(xml.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(String::from_utf8(utf8_xml(le)).unwrap(), want);
        let be: Vec<u8> = xml.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(String::from_utf8(utf8_xml(be)).unwrap(), want);
        assert_eq!(utf8_xml(xml.as_bytes().to_vec()), xml.as_bytes());
    }
}
