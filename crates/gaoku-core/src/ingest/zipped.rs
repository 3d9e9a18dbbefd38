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
        Ok(Some(bytes))
    }
}
