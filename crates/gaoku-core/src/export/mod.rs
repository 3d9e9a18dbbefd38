//! Export of a speech or a draft: docx-ready Markdown (for pandoc), a native .docx in the
//! GB/T 9704 公文 layout or a plain style, and plain text. Headings come from the outline parser
//! (一、（一）1.（1）), or from a draft's Markdown headings when they carry no numbering.

mod docx;
mod markdown;
mod plain;

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::outline::{headings_by_para, Heading};
use crate::zh::is_space;

pub use docx::{docx, part_lengths};
pub use markdown::markdown;
pub use plain::text;

/// What to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(rename = "ExportFormat")]
pub enum Format {
    /// docx-ready Markdown: one paragraph per line, literal numbering, escaped text.
    Md,
    /// A native Word file.
    Docx,
    /// Plain text for pasting into other systems.
    Txt,
}

/// Page layout of a native .docx.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(rename = "ExportStyle")]
pub enum Style {
    /// GB/T 9704-2012: A4, 仿宋 3号 body, 22 lines × 28 characters, 公文 heading fonts.
    #[default]
    Gbt9704,
    /// 宋体 小四, 1.5 line spacing, for everyday documents.
    Plain,
    /// 念稿版: the copy a leader reads aloud from — large type, wide spacing, a wide margin for
    /// notes, each part's speaking time at its heading.
    Reading,
}

/// The Chinese fonts of the 公文 layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum FontSet {
    /// 仿宋_GB2312, 楷体_GB2312, 方正小标宋_GBK: as GB/T 9704 names them; the GB2312 fonts lack
    /// rare characters (some names of people and places).
    #[default]
    Gb2312,
    /// 仿宋, 楷体, 方正小标宋简体: the fonts Windows ships, with the rare characters.
    Common,
}

/// How a library's Word exports look: kept per library (a unit's rules are the same for every
/// writer of it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ExportSettings {
    /// The Chinese fonts.
    #[serde(default)]
    pub font_set: FontSet,
    /// A font for digits and Latin letters (many units require Times New Roman); `None`: the
    /// Chinese font. Quotes, dashes and ellipses stay in the Chinese font either way.
    #[serde(default)]
    pub latin_font: Option<String>,
    /// Body size of the 念稿版, in points (16 = 三号, 18 = 小二, 22 = 二号).
    #[serde(default = "reading_size")]
    pub reading_size: u32,
    /// Speaking pace for the 念稿版's times, 字 per minute.
    #[serde(default = "pace")]
    pub pace: u32,
}

fn reading_size() -> u32 {
    16
}

fn pace() -> u32 {
    180
}

impl Default for ExportSettings {
    fn default() -> Self {
        ExportSettings {
            font_set: FontSet::default(),
            latin_font: None,
            reading_size: reading_size(),
            pace: pace(),
        }
    }
}

impl ExportSettings {
    /// Sizes the 念稿版 takes, in points.
    pub const READING_SIZES: std::ops::RangeInclusive<u32> = 14..=28;
    /// Paces taken, 字 per minute.
    pub const PACES: std::ops::RangeInclusive<u32> = 60..=600;

    /// Checks the values a writer gave.
    pub fn validate(&self) -> Result<()> {
        let bad = |what: &str, range: &std::ops::RangeInclusive<u32>| -> Error {
            crate::error::Invalid::OutOfRange {
                what: what.to_string(),
                min: u64::from(*range.start()),
                max: u64::from(*range.end()),
            }
            .into()
        };
        if !Self::READING_SIZES.contains(&self.reading_size) {
            return Err(bad(
                "the reading copy's size in points",
                &Self::READING_SIZES,
            ));
        }
        if !Self::PACES.contains(&self.pace) {
            return Err(bad("the pace in 字 per minute", &Self::PACES));
        }
        if let Some(f) = &self.latin_font {
            let n = f.trim().chars().count() as u32;
            if !(1..=64).contains(&n) || f.chars().any(char::is_control) {
                return Err(bad("the length of the Latin font's name", &(1..=64)));
            }
        }
        Ok(())
    }
}

/// A document to export: title, optional lines under it, and the paragraphs.
#[derive(Debug, Clone, Default)]
pub struct ExportDoc {
    /// The title line.
    pub title: String,
    /// Occasion or subtitle (shown under the title).
    pub subtitle: Option<String>,
    /// The date shown under the title.
    pub date: Option<String>,
    /// The speaker, when known.
    pub author: Option<String>,
    /// The body, one entry per paragraph.
    pub paragraphs: Vec<String>,
    /// Heading levels (1–4) given by a draft's Markdown for paragraphs without numbering.
    pub marked_levels: HashMap<usize, u8>,
}

impl ExportDoc {
    /// A draft's Markdown as a document: its `#` title and its blocks; `##`…`#####` headings
    /// without Chinese numbering keep their level.
    pub fn from_markdown(md: &str) -> ExportDoc {
        let text = crate::drafts::markdown::read(md);
        let marked_levels = text
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.heading >= 2)
            .map(|(i, b)| (i, (b.heading - 1).min(4)))
            .collect();
        ExportDoc {
            title: crate::drafts::markdown::display_title(md),
            paragraphs: text.paragraphs(),
            marked_levels,
            ..ExportDoc::default()
        }
    }

    /// Headings by paragraph index: level, the heading's own text, and whether it is the whole
    /// paragraph (else body text follows it in the same paragraph).
    pub(crate) fn headings(&self) -> HashMap<usize, Heading> {
        let mut map = headings_by_para(&self.title, &self.paragraphs);
        for (&i, &level) in &self.marked_levels {
            map.entry(i).or_insert_with(|| Heading {
                level,
                head: self.paragraphs[i].trim_matches(is_space).to_string(),
                whole: true,
            });
        }
        map
    }
}

/// Renders a document in a format.
pub fn render(
    doc: &ExportDoc,
    format: Format,
    style: Style,
    settings: &ExportSettings,
) -> Result<Vec<u8>> {
    Ok(match format {
        Format::Md => markdown(doc).into_bytes(),
        Format::Txt => text(doc).into_bytes(),
        Format::Docx => docx(doc, style, settings)?,
    })
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a crash
/// never leaves half a file; refuses to replace an existing file unless `force`.
pub fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    // Only a regular file is ever replaced: not a folder, a device (/dev/sda) or a link (which a
    // rename would replace, not write through).
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        if !meta.file_type().is_file() {
            return Err(crate::error::Invalid::NotARegularFile {
                path: path.display().to_string(),
            }
            .into());
        }
        if !force {
            return Err(crate::error::Invalid::FileExists {
                path: path.display().to_string(),
            }
            .into());
        }
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if path.file_name().is_none() {
        return Err(crate::error::Invalid::NotAFileName {
            path: path.display().to_string(),
        }
        .into());
    }
    // A short temporary name: a target name near the 255-byte limit must still work.
    static COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!(".gaoku-{}-{n}.part", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(path, e)
    })
}

from_json_name!(Format, Style, FontSet);
