//! Import: finding files, reading every format (text, Markdown, .docx, .doc/.wps, .pdf, .odt,
//! .rtf, .html), cleaning, metadata. Each file succeeds or fails on its own with a one-line reason;
//! nothing here touches the library. The format is decided by the file's content where it can
//! be (a .doc that is really RTF or a web page is read as such), by its extension otherwise.

pub mod clean;
pub mod decode;
pub mod doc;
mod doc_lists;
pub mod docx;
pub mod guard;
pub mod html;
pub mod meta;
pub mod numbering;
pub mod odt;
pub mod pdf;
pub mod rtf;
mod zipped;

use std::io::Cursor;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{ImportError, SkipReason};
use crate::model::SpeechMeta;
use crate::zh::is_space;

/// Largest .txt/.md accepted. A long government work report is under 100 KB; a file over this
/// limit is almost surely not one speech (a whole book, a log, a database dump).
pub const MAX_TEXT_BYTES: u64 = 10 * 1024 * 1024;
/// Largest document (.docx, .doc, .pdf …) accepted, images included.
pub const MAX_DOCUMENT_BYTES: u64 = 100 * 1024 * 1024;

/// A file read and cleaned, ready to store.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Parsed {
    pub meta: SpeechMeta,
    pub paragraphs: Vec<String>,
    /// SHA-256 (hex) of the cleaned text with all whitespace removed.
    pub content_hash: String,
}

/// One thing found under the import paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A document to import.
    File(PathBuf),
    /// Not a document; passed over with this reason.
    Skip(PathBuf, SkipReason),
    /// Cannot be imported; this reason is shown to the user.
    Fail(PathBuf, ImportError),
}

/// The formats an import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Markdown,
    Docx,
    Odt,
    /// Word 97–2003 and WPS 文字 (the same binary format).
    Doc,
    Rtf,
    Html,
    Pdf,
}

/// The extensions an import reads (what the app's file dialog offers).
pub const IMPORT_EXTENSIONS: &[&str] = &[
    "docx", "doc", "wps", "pdf", "odt", "rtf", "html", "htm", "txt", "md", "docm", "dotx", "dot",
    "wpt", "ott", "xhtml", "shtml", "text", "markdown",
];

/// The format each extension of [`IMPORT_EXTENSIONS`] promises (a test keeps the two lists one).
fn format_of_extension(ext: &str) -> Option<Format> {
    Some(match ext {
        "txt" | "text" => Format::Text,
        "md" | "markdown" => Format::Markdown,
        "docx" | "docm" | "dotx" => Format::Docx,
        "odt" | "ott" => Format::Odt,
        "doc" | "dot" | "wps" | "wpt" => Format::Doc,
        "rtf" => Format::Rtf,
        "html" | "htm" | "xhtml" | "shtml" => Format::Html,
        "pdf" => Format::Pdf,
        _ => return None,
    })
}

/// What the extension promises; the content may still overrule it (see [`sniff`]).
fn format_of(path: &Path) -> Result<Format, ImportError> {
    let ext = extension(path);
    match format_of_extension(&ext) {
        Some(format) => Ok(format),
        None if matches!(ext.as_str(), "pages" | "wpd") => Err(ImportError::NotYet { ext }),
        None if ext.is_empty() => Err(ImportError::NoExtension),
        None => Err(ImportError::Unsupported { ext }),
    }
}

/// A file that can be read whole: a regular file (not a folder, FIFO or device) of at most
/// `limit` bytes; `too_large` names the limit's error.
pub(crate) fn readable_file(
    path: &Path,
    limit: u64,
    too_large: fn(String, u64) -> ImportError,
) -> Result<std::fs::Metadata, ImportError> {
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if meta.is_dir() {
        return Err(ImportError::IsFolder);
    }
    if !meta.is_file() {
        return Err(ImportError::NotRegular);
    }
    if meta.len() > limit {
        return Err(too_large(megabytes(meta.len()), limit / 1048576));
    }
    Ok(meta)
}

/// The error of a text file over [`MAX_TEXT_BYTES`].
pub(crate) fn text_too_large(mb: String, limit: u64) -> ImportError {
    ImportError::TooLarge { mb, limit }
}

/// The OLE compound-file signature (.doc, .wps, also .xls and .ppt).
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// The format the bytes are in, whatever the name says: Word and WPS save RTF and web pages
/// under .doc, and a .docx renamed .doc is common.
fn sniff(bytes: &[u8], by_name: Format) -> Format {
    if bytes.starts_with(OLE_MAGIC) {
        return Format::Doc;
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return if by_name == Format::Odt || odt::is_odt(bytes) {
            Format::Odt
        } else {
            Format::Docx
        };
    }
    if bytes.starts_with(b"{\\rtf") {
        return Format::Rtf;
    }
    if bytes.starts_with(b"%PDF-") {
        return Format::Pdf;
    }
    match by_name {
        Format::Text | Format::Markdown => by_name,
        _ if html::looks_like_html(bytes) => Format::Html,
        // A "document" with none of the signatures goes to its own reader, which says it is
        // damaged (a text file named .doc is not taken for a speech).
        other => other,
    }
}

/// Expands files and folders (recursively, following links, detecting loops) into what to import.
pub fn collect(paths: &[PathBuf]) -> Vec<Found> {
    let mut out = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Err(e) => out.push(Found::Fail(path.clone(), unreadable(e))),
            Ok(m) if m.is_dir() => collect_dir(path, &mut out),
            Ok(_) => out.push(match format_of(path) {
                Ok(_) => Found::File(path.clone()),
                Err(why) => Found::Fail(path.clone(), why),
            }),
        }
    }
    out
}

fn collect_dir(dir: &Path, out: &mut Vec<Found>) {
    // Links are followed inside the chosen folder only: a link to /home or / would otherwise
    // import whatever it reaches. Those leading out are listed as skipped.
    let root = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let mut outside: Vec<PathBuf> = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.') {
                return false;
            }
            let leads_out = e.path_is_symlink()
                && e.path()
                    .canonicalize()
                    .is_ok_and(|target| !target.starts_with(&root));
            if leads_out {
                outside.push(e.path().to_path_buf());
            }
            !leads_out
        });
    for entry in walker {
        match entry {
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                let why = match e.loop_ancestor() {
                    Some(a) => ImportError::LinkLoop {
                        target: a.display().to_string(),
                    },
                    None => match e.io_error() {
                        Some(io) => unreadable(io),
                        None => unreadable(&e),
                    },
                };
                out.push(Found::Fail(path, why));
            }
            Ok(e) if e.file_type().is_dir() => {}
            Ok(e) => {
                let path = e.into_path();
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                if name.starts_with("~$") {
                    out.push(Found::Skip(path, SkipReason::LockFile));
                    continue;
                }
                match format_of(&path) {
                    Ok(_) => out.push(Found::File(path)),
                    Err(why @ ImportError::NotYet { .. }) => out.push(Found::Fail(path, why)),
                    Err(_) => out.push(Found::Skip(path, SkipReason::NotADocument)),
                }
            }
        }
    }
    out.extend(
        outside
            .into_iter()
            .map(|p| Found::Skip(p, SkipReason::LinkOutside)),
    );
}

/// A read failure, with the system's reason.
fn unreadable(e: impl std::fmt::Display) -> ImportError {
    ImportError::Unreadable { why: e.to_string() }
}

/// A size in MB with one decimal, as the size limits are reported.
fn megabytes(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1048576.0)
}

/// Reads and cleans one file: in a guarded worker process when the binary turned the guard on
/// ([`guard::start`]), here otherwise.
pub fn parse_file(path: &Path) -> Result<Parsed, ImportError> {
    guard::read(path)
}

/// Reads and cleans one file in this process (what a worker does).
pub fn parse_file_here(path: &Path) -> Result<Parsed, ImportError> {
    if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(ImportError::IsFolder);
    }
    let by_name = format_of(path)?;
    if matches!(by_name, Format::Text | Format::Markdown) {
        readable_file(path, MAX_TEXT_BYTES, text_too_large)?;
    } else {
        readable_file(path, MAX_DOCUMENT_BYTES, |mb, limit| {
            ImportError::DocumentTooLarge { mb, limit }
        })?;
    }
    let fallback = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bytes = std::fs::read(path).map_err(unreadable)?;
    parse_bytes(&bytes, by_name, &fallback).map_err(|e| match e {
        // Errors name the format by the file's own extension (a damaged .wps is "not a valid
        // .wps file", though it is read as a .doc).
        ImportError::Damaged { why, .. } => ImportError::Damaged {
            format: extension(path),
            why,
        },
        e => e,
    })
}

/// The file's extension, lower case.
fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// Reads and cleans the bytes of a file whose name suggests `by_name`.
fn parse_bytes(bytes: &[u8], by_name: Format, fallback: &str) -> Result<Parsed, ImportError> {
    let sniffed = sniff(bytes, by_name);
    let read = parse_as(bytes, sniffed, fallback);
    // A text file that merely begins like a document (`%PDF-` typed at its head) is text.
    match read {
        Err(ImportError::Damaged { .. }) if sniffed != by_name && is_plain(by_name) => {
            parse_as(bytes, by_name, fallback)
        }
        read => read,
    }
}

fn is_plain(format: Format) -> bool {
    matches!(format, Format::Text | Format::Markdown)
}

/// Reads and cleans the bytes as `format`.
fn parse_as(bytes: &[u8], format: Format, fallback: &str) -> Result<Parsed, ImportError> {
    let document = match format {
        Format::Text => {
            return parse_lines(clean::split_lines(&decode::decode_text(bytes)?), fallback)
        }
        Format::Markdown => {
            let text = strip_markdown(&decode::decode_text(bytes)?);
            return parse_lines(clean::split_lines(&text), fallback);
        }
        Format::Docx => docx::docx_paragraphs(Cursor::new(bytes))?,
        Format::Doc => doc::doc_paragraphs(Cursor::new(bytes))?,
        Format::Odt => odt::odt_paragraphs(Cursor::new(bytes))?,
        Format::Rtf => rtf::rtf_paragraphs(bytes)?,
        Format::Pdf => pdf::pdf_paragraphs(bytes)?,
        Format::Html => {
            let page = html::html_page(bytes)?;
            within_text_limit(&page.paragraphs)?;
            return parse_page(page.paragraphs, fallback, page.title.as_deref());
        }
    };
    within_text_limit(&document)?;
    parse_paragraphs(document, fallback)
}

/// The text read from a document must stay within the limit a text file has: a few MB of .docx
/// can hold tens of MB of text, which no speech is.
fn within_text_limit(paragraphs: &[String]) -> Result<(), ImportError> {
    let bytes: usize = paragraphs.iter().map(String::len).sum();
    if bytes as u64 > MAX_TEXT_BYTES {
        return Err(ImportError::TextTooLong {
            mb: megabytes(bytes as u64),
            limit: MAX_TEXT_BYTES / 1048576,
        });
    }
    Ok(())
}

/// Markdown to plain lines: the text of each block (raw HTML blocks by their text), markup
/// dropped, front matter skipped. Soft breaks stay line breaks (many writers put one paragraph per line); blocks are
/// separated by a blank line, so the cleaner sees the document's own layout.
fn strip_markdown(text: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut out = String::with_capacity(text.len());
    let mut in_metadata = false;
    for event in Parser::new_ext(text, Options::ENABLE_YAML_STYLE_METADATA_BLOCKS) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
            Event::Text(t) | Event::Code(t) if !in_metadata => out.push_str(&t),
            // Raw HTML blocks hold text too (<p>…</p> pasted from a web page): keep it, with
            // block ends as paragraph breaks; inline tags are markup only.
            Event::Html(t) if !in_metadata => out.push_str(&html::block_text(&t)),
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock,
            ) => out.push_str("\n\n"),
            _ => {}
        }
    }
    out
}

/// Cleans the lines of a text file and detects metadata.
///
/// `file_stem` is the file's name without its extension: a date or title in it counts where the
/// text gives none.
pub fn parse_lines(lines: Vec<String>, file_stem: &str) -> Result<Parsed, ImportError> {
    finish(clean::clean(lines), file_stem, None)
}

/// Cleans the paragraphs of a document (each one already a paragraph: a blank one is not a
/// separator to join across) and detects metadata.
fn parse_paragraphs(paragraphs: Vec<String>, file_stem: &str) -> Result<Parsed, ImportError> {
    parse_page(paragraphs, file_stem, None)
}

/// As [`parse_paragraphs`], for a web page with its `<title>`.
fn parse_page(
    paragraphs: Vec<String>,
    file_stem: &str,
    page_title: Option<&str>,
) -> Result<Parsed, ImportError> {
    let tidy: Vec<String> = paragraphs
        .iter()
        .filter(|p| !p.trim().is_empty())
        .map(|p| clean::tidy_line(p))
        .collect();
    let kept: Vec<String> = clean::drop_adverts(tidy)
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    finish(kept, file_stem, page_title)
}

fn finish(
    paragraphs: Vec<String>,
    file_stem: &str,
    page_title: Option<&str>,
) -> Result<Parsed, ImportError> {
    let mut paragraphs = clean::finish_paragraphs(paragraphs);
    paragraphs.retain(|p| !p.is_empty());
    if paragraphs.is_empty() {
        return Err(ImportError::NoText);
    }
    let (letters, writing, seen) = writing_share(&paragraphs);
    if letters < MIN_LETTERS {
        return Err(ImportError::TooShort { chars: letters });
    }
    // Random bytes read through a single-byte code page become accented letters and symbols.
    if seen >= 20 && writing * 100 < seen * 60 {
        return Err(ImportError::NotText);
    }
    let content_hash = content_hash(&paragraphs);
    let meta = meta::detect(
        &mut paragraphs,
        &meta::Hints {
            file_stem,
            page_title,
        },
    );
    Ok(Parsed {
        meta,
        paragraphs,
        content_hash,
    })
}

/// Fewer letters (Han characters, letters, digits) than this is no speech (a file holding `!`).
const MIN_LETTERS: usize = 2;

/// Of the text's characters (whitespace aside, the first 20,000): how many are letters (Han,
/// ASCII letters and digits), how many are ordinary writing (those, and the punctuation of
/// Chinese and ASCII), and how many there are.
fn writing_share(paragraphs: &[String]) -> (usize, usize, usize) {
    let (mut letters, mut writing, mut seen) = (0, 0, 0);
    for c in paragraphs
        .iter()
        .flat_map(|p| p.chars())
        .filter(|c| !c.is_whitespace())
        .take(20_000)
    {
        seen += 1;
        let letter = c.is_ascii_alphanumeric() || crate::zh::is_han(c);
        if letter {
            letters += 1;
        }
        if letter
            || c.is_ascii_punctuation()
            || matches!(c as u32, 0x2000..=0x206F | 0x2460..=0x24FF | 0x3000..=0x303F | 0x3200..=0x32FF | 0xFF00..=0xFFEF)
        {
            writing += 1;
        }
    }
    (letters, writing, seen)
}

/// Hash of the text that decides duplicates: the paragraphs with all whitespace removed.
pub fn content_hash(paragraphs: &[String]) -> String {
    let mut h = Sha256::new();
    for p in paragraphs {
        let squeezed: String = p.chars().filter(|c| !is_space(*c)).collect();
        h.update(squeezed.as_bytes());
        h.update(b"\n");
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dialog_offers_exactly_the_extensions_import_reads() {
        for ext in IMPORT_EXTENSIONS {
            assert!(format_of_extension(ext).is_some(), "{ext}");
        }
        for ext in ["pages", "wpd", "png", "xls"] {
            assert!(!IMPORT_EXTENSIONS.contains(&ext) && format_of_extension(ext).is_none());
        }
    }

    #[test]
    fn markdown_markup_is_dropped_text_kept() {
        let md = "---\ntitle: x\n---\n# 在会上的讲话\n\n同志们：\n\n要*狠抓*落实，**真抓实干**，`不`搞<b>形式</b>。\n\n- 一是抓学习\n- 二是抓落实\n\n<div class=\"x\">\n<p>三是抓&ldquo;作风&rdquo;</p><p>四是抓考核</p>\n</div>\n";
        let p = parse_lines(clean::split_lines(&strip_markdown(md)), "f").unwrap();
        assert_eq!(p.meta.title, "在会上的讲话");
        assert_eq!(
            p.paragraphs,
            vec![
                "同志们：",
                "要狠抓落实，真抓实干，不搞形式。",
                "一是抓学习",
                "二是抓落实",
                "三是抓“作风”",
                "四是抓考核"
            ]
        );
    }
}
