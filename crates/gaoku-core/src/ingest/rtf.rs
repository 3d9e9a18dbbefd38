//! Paragraph text of an RTF file: `\par`, table cells and line breaks end paragraphs; `\uN`
//! escapes and `\'xx` bytes in the document's code page (`\ansicpg936`) or the font's charset
//! (`\fcharset134` is GBK) become text; destinations that are not body text (font and colour
//! tables, styles, pictures, headers, footers, footnotes, comments, field instructions, and every
//! `\*` destination) are skipped. List numbers Word writes as `\listtext` are kept, as shown.

use std::collections::HashMap;

use encoding_rs::Encoding;

use crate::error::ImportError;

/// Destinations whose text is not part of the body.
const SKIPPED: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "object",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "footnote",
    "annotation",
    "fldinst",
    "listtable",
    "listoverridetable",
    "revtbl",
    "rsidtbl",
    "generator",
    "xmlnstbl",
    "themedata",
    "colorschememapping",
    "latentstyles",
    "datastore",
    "nonshppict",
    "pgdsctbl",
    "template",
    "filetbl",
    "docvar",
    "bkmkstart",
    "bkmkend",
    "sp",
    "shprslt",
];

/// The state a group (`{…}`) carries.
#[derive(Clone)]
struct Group {
    skip: bool,
    /// Characters to drop after a `\uN` (the plain-text fallback): `\ucN`.
    uc: usize,
    encoding: &'static Encoding,
    in_font_table: bool,
    /// Characters deleted by tracked changes (`\deleted`).
    deleted: bool,
}

/// Reads the paragraphs of an RTF file.
pub fn rtf_paragraphs(bytes: &[u8]) -> Result<Vec<String>, ImportError> {
    let damaged = |why: &str| ImportError::Damaged {
        format: "rtf".into(),
        why: why.into(),
    };
    if !bytes.starts_with(b"{\\rtf") {
        return Err(damaged("no {\\rtf header"));
    }
    let mut p = Parser {
        bytes,
        at: 0,
        out: Vec::new(),
        para: String::new(),
        pending: Vec::new(),
        fonts: HashMap::new(),
        font_number: None,
        default_encoding: encoding_rs::WINDOWS_1252,
        high_surrogate: None,
    };
    p.run()?;
    if !p.out.iter().any(|s| !s.trim().is_empty()) {
        return Err(ImportError::EmptyDocument);
    }
    Ok(p.out)
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
    out: Vec<String>,
    para: String,
    /// `\'xx` bytes waiting to be decoded together (a GBK character is two of them).
    pending: Vec<u8>,
    /// Font number → the encoding of its charset.
    fonts: HashMap<i32, &'static Encoding>,
    /// The font being defined in the font table.
    font_number: Option<i32>,
    default_encoding: &'static Encoding,
    high_surrogate: Option<u16>,
}

/// The encoding of a Windows code page, where Chinese documents need one.
fn code_page(cp: i32) -> Option<&'static Encoding> {
    Some(match cp {
        936 | 54936 => encoding_rs::GB18030,
        950 => encoding_rs::BIG5,
        932 => encoding_rs::SHIFT_JIS,
        949 => encoding_rs::EUC_KR,
        1250 => encoding_rs::WINDOWS_1250,
        1251 => encoding_rs::WINDOWS_1251,
        1252 => encoding_rs::WINDOWS_1252,
        65001 => encoding_rs::UTF_8,
        _ => return None,
    })
}

/// The encoding of an RTF font charset (`\fcharsetN`).
fn charset(n: i32) -> Option<&'static Encoding> {
    match n {
        134 => code_page(936),
        136 => code_page(950),
        128 => code_page(932),
        129 => code_page(949),
        204 => code_page(1251),
        238 => code_page(1250),
        0 => code_page(1252),
        _ => None,
    }
}

impl Parser<'_> {
    fn flush_bytes(&mut self, g: &Group) {
        if self.pending.is_empty() {
            return;
        }
        let bytes = std::mem::take(&mut self.pending);
        if !g.skip && !g.deleted {
            let (text, _, _) = g.encoding.decode(&bytes);
            self.para.push_str(&text);
        }
    }

    fn push(&mut self, g: &Group, c: char) {
        self.flush_bytes(g);
        if !g.skip && !g.deleted {
            self.para.push(c);
        }
    }

    fn end_paragraph(&mut self, g: &Group) {
        self.flush_bytes(g);
        if !g.skip {
            self.out.push(std::mem::take(&mut self.para));
        }
    }

    fn run(&mut self) -> Result<(), ImportError> {
        let mut stack: Vec<Group> = Vec::new();
        let mut g = Group {
            skip: false,
            uc: 1,
            encoding: encoding_rs::WINDOWS_1252,
            in_font_table: false,
            deleted: false,
        };
        // Characters still to drop after a \uN.
        let mut to_skip = 0usize;
        // Set by `\*` and by a skipped destination word at the start of a group.
        let mut group_start = false;
        while self.at < self.bytes.len() {
            let b = self.bytes[self.at];
            self.at += 1;
            match b {
                b'{' => {
                    self.flush_bytes(&g);
                    stack.push(g.clone());
                    group_start = true;
                    continue;
                }
                b'}' => {
                    self.flush_bytes(&g);
                    if g.in_font_table {
                        self.font_number = None;
                    }
                    match stack.pop() {
                        Some(outer) => g = outer,
                        None => break,
                    }
                    to_skip = 0;
                }
                b'\\' => {
                    let was_start = std::mem::take(&mut group_start);
                    self.control(&mut g, &mut to_skip, was_start)?;
                    continue;
                }
                b'\r' | b'\n' => continue,
                _ if to_skip > 0 => to_skip -= 1,
                _ if g.in_font_table => {}
                _ => {
                    // Plain bytes are in the current code page too.
                    if b < 0x80 {
                        self.push(&g, b as char);
                    } else {
                        self.pending.push(b);
                    }
                }
            }
            group_start = false;
        }
        let g = Group { skip: false, ..g };
        self.flush_bytes(&g);
        if !self.para.is_empty() {
            self.out.push(std::mem::take(&mut self.para));
        }
        Ok(())
    }

    /// One control word or symbol after a backslash.
    fn control(
        &mut self,
        g: &mut Group,
        to_skip: &mut usize,
        group_start: bool,
    ) -> Result<(), ImportError> {
        let Some(&first) = self.bytes.get(self.at) else {
            return Ok(());
        };
        if !first.is_ascii_alphabetic() {
            self.at += 1;
            match first {
                b'\'' => {
                    let hex = self.bytes.get(self.at..self.at + 2).unwrap_or(b"3f");
                    self.at += 2;
                    let byte = std::str::from_utf8(hex)
                        .ok()
                        .and_then(|h| u8::from_str_radix(h, 16).ok())
                        .unwrap_or(b'?');
                    if *to_skip > 0 {
                        *to_skip -= 1;
                    } else if !g.in_font_table {
                        self.pending.push(byte);
                    }
                }
                b'*' => g.skip = true,
                b'~' => self.push(g, ' '),
                b'_' => self.push(g, '-'),
                b'-' => {}
                b'\\' | b'{' | b'}' => self.push(g, first as char),
                b'\n' | b'\r' => self.end_paragraph(g),
                _ => {}
            }
            return Ok(());
        }
        let start = self.at;
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_alphabetic) {
            self.at += 1;
        }
        let word = std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or("");
        let num_start = self.at;
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
        let param: Option<i32> = std::str::from_utf8(&self.bytes[num_start..self.at])
            .ok()
            .and_then(|s| s.parse().ok());
        if self.bytes.get(self.at) == Some(&b' ') {
            self.at += 1;
        }
        // A shape's instructions are a `\*` destination, but its text box (`\shptxt`) is body
        // text: only the shape's properties (`\sp`) are skipped inside it.
        if word == "shpinst" {
            g.skip = false;
            return Ok(());
        }
        if group_start && SKIPPED.contains(&word) {
            g.skip = true;
            if word == "fonttbl" {
                g.in_font_table = true;
            }
            return Ok(());
        }
        match word {
            "ansicpg" => {
                if let Some(enc) = param.and_then(code_page) {
                    self.default_encoding = enc;
                    g.encoding = enc;
                }
            }
            "f" if g.in_font_table => self.font_number = param,
            "fcharset" if g.in_font_table => {
                if let (Some(f), Some(enc)) = (self.font_number, param.and_then(charset)) {
                    self.fonts.insert(f, enc);
                }
            }
            "f" => {
                self.flush_bytes(g);
                g.encoding = param
                    .and_then(|f| self.fonts.get(&f).copied())
                    .unwrap_or(self.default_encoding);
            }
            "uc" => g.uc = param.unwrap_or(1).max(0) as usize,
            "u" => {
                let unit = param.unwrap_or(0).rem_euclid(65536) as u16;
                self.flush_bytes(g);
                match (self.high_surrogate.take(), unit) {
                    (_, 0xD800..=0xDBFF) => self.high_surrogate = Some(unit),
                    (Some(high), 0xDC00..=0xDFFF) => {
                        if let Some(c) =
                            char::decode_utf16([high, unit]).next().and_then(|r| r.ok())
                        {
                            self.push(g, c);
                        }
                    }
                    (_, unit) => {
                        if let Some(c) = char::from_u32(unit as u32) {
                            self.push(g, c);
                        }
                    }
                }
                *to_skip = g.uc;
            }
            "par" | "cell" | "row" | "line" | "sect" => self.end_paragraph(g),
            "tab" => self.push(g, '\t'),
            "emdash" => self.push(g, '—'),
            "endash" => self.push(g, '–'),
            "lquote" => self.push(g, '‘'),
            "rquote" => self.push(g, '’'),
            "ldblquote" => self.push(g, '“'),
            "rdblquote" => self.push(g, '”'),
            "bullet" => self.push(g, '•'),
            "emspace" | "enspace" | "qmspace" => self.push(g, ' '),
            "deleted" => g.deleted = param != Some(0),
            "bin" => {
                // Raw binary data of the given length (inside a picture, usually).
                self.at = self.at.saturating_add(param.unwrap_or(0).max(0) as usize);
            }
            _ => {}
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_page_unicode_and_destinations() {
        let rtf = br"{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 \'cb\'ce\'cc\'e5;}}{\info{\title x}}{\header page}
\pard\plain\f0 \'d2\'bb\'a1\'a2\'bf\'b4\'d0\'ce\'ca\'c6\par
\u21516?\u24535?\u20204?\uc2\u-230\'a3\'ba\par
{\field{\*\fldinst PAGE}{\fldrslt 3}}{\footnote note}\tab end\par
{\listtext\pard\plain \'a3\'a8\'d2\'bb\'a3\'a9\tab}item\cell done}";
        let got = rtf_paragraphs(rtf).unwrap();
        assert_eq!(
            got,
            vec!["一、看形势", "同志们：", "3\tend", "（一）\titem", "done"]
        );
    }

    #[test]
    fn not_rtf_is_damaged() {
        assert!(matches!(
            rtf_paragraphs(b"hello"),
            Err(ImportError::Damaged { .. })
        ));
    }
}
