//! Paragraph text of Word 97–2003 .doc files and WPS 文字 .wps files (WPS 2005 and later write
//! the same binary format): an OLE compound file whose `WordDocument` stream starts with the FIB,
//! which points at the piece table (CLX) in the `0Table` or `1Table` stream.
//!
//! Only the main document and its text boxes are read (no headers, footnotes or comments). Field
//! instructions are dropped and field results kept; text marked deleted by tracked changes is
//! dropped; table cells become paragraphs of their own; automatic numbering is rendered (see
//! [`super::doc_lists`]).

use std::io::{Read, Seek};

use super::doc_lists;
use super::numbering::{Numbering, ParagraphNumbering};
use crate::error::ImportError;

/// `wIdent` of a Word 97 and later FIB.
const WORD_IDENT: u16 = 0xA5EC;
/// The first `nFib` of Word 97: earlier versions (Word 6/95) have no piece table of this kind.
const NFIB_WORD97: u16 = 0x00C1;
/// Largest stream read (a 500-page report with images is well under this).
const MAX_STREAM: u64 = 256 * 1024 * 1024;

/// Reads the paragraphs of a .doc or .wps file.
pub fn doc_paragraphs<R: Read + Seek>(reader: R) -> Result<Vec<String>, ImportError> {
    let mut ole = cfb::CompoundFile::open(reader)
        .map_err(|e| damaged(format!("damaged compound file: {e}")))?;
    // A password-protected .docx (or .xlsx …) is an OLE file holding the encrypted package.
    if ole.is_stream("/EncryptedPackage") || ole.is_stream("/EncryptionInfo") {
        return Err(ImportError::Encrypted);
    }
    if !ole.is_stream("/WordDocument") {
        // Kingsoft's own pre-2005 formats and other OLE files (Excel, PowerPoint) land here.
        return Err(ImportError::OldFormat);
    }
    let word = read_stream(&mut ole, "/WordDocument")?;
    let fib = Fib::parse(&word)?;
    let table_name = if fib.table_one { "/1Table" } else { "/0Table" };
    if !ole.is_stream(table_name) {
        return Err(damaged(format!("no {} stream", &table_name[1..])));
    }
    let table = read_stream(&mut ole, table_name)?;
    let pieces = pieces(slice(&table, fib.fc_clx, fib.lcb_clx)?)?;
    let deleted = deleted_ranges(&word, slice(&table, fib.fc_chpx, fib.lcb_chpx)?);
    let mut text = story(&word, &pieces, 0..fib.ccp_text, &deleted)?;
    // Text boxes are a story of their own after the footnotes, headers, comments and endnotes;
    // their text follows the body (where in the body a box is anchored is not kept).
    if fib.ccp_textbox > 0 {
        text.push(('\u{0C}', 0));
        let start = fib.ccp_text + fib.ccp_before_textboxes;
        let boxes = story(&word, &pieces, start..start + fib.ccp_textbox, &deleted)?;
        text.extend(boxes);
    }
    // Automatic numbering: each paragraph's list and level, rendered through the list tables.
    let lists = doc_lists::paragraph_lists(&word, slice(&table, fib.fc_papx, fib.lcb_papx)?);
    let mut numbering = if lists.is_empty() {
        Numbering::default()
    } else {
        let lst = slice(&table, fib.fc_lst, fib.lcb_lst).unwrap_or_default();
        let lfo = slice(&table, fib.fc_lfo, fib.lcb_lfo).unwrap_or_default();
        let lst_end = (fib.fc_lst + fib.lcb_lst) as usize;
        doc_lists::numbering(&table, lst, lst_end, lfo)
    };
    let out = paragraphs(&text, |mark| {
        let i = lists.partition_point(|&(start, _, _, _)| start <= mark);
        let &(start, end, ilfo, ilvl) = lists.get(i.checked_sub(1)?)?;
        if !(start..end).contains(&mark) {
            return None;
        }
        numbering.label(&ParagraphNumbering {
            style: None,
            num_id: Some(ilfo.to_string()),
            level: Some(ilvl),
        })
    });
    if !out.iter().any(|p| !p.trim().is_empty()) {
        return Err(ImportError::EmptyDocument);
    }
    Ok(out)
}

/// A damaged Word file; `why` is the technical detail.
fn damaged(why: String) -> ImportError {
    ImportError::Damaged {
        format: "doc".into(),
        why,
    }
}

fn read_stream<R: Read + Seek>(
    ole: &mut cfb::CompoundFile<R>,
    name: &str,
) -> Result<Vec<u8>, ImportError> {
    let mut stream = ole
        .open_stream(name)
        .map_err(|e| damaged(format!("cannot open {name}: {e}")))?;
    let mut bytes = Vec::new();
    (&mut stream)
        .take(MAX_STREAM + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| damaged(format!("cannot read {name}: {e}")))?;
    if bytes.len() as u64 > MAX_STREAM {
        return Err(damaged(format!("{name} is over {} MB", MAX_STREAM >> 20)));
    }
    Ok(bytes)
}

pub(super) fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

pub(super) fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// `bytes[at..at + len]`, or an error naming the structure that points outside its stream.
fn slice(bytes: &[u8], at: u32, len: u32) -> Result<&[u8], ImportError> {
    let (at, len) = (at as usize, len as usize);
    bytes
        .get(at..at.saturating_add(len))
        .ok_or_else(|| damaged("a table points outside its stream".into()))
}

/// The parts of the File Information Block this reader needs.
struct Fib {
    table_one: bool,
    /// Characters of the main document (the text before footnotes, headers, comments …).
    ccp_text: u32,
    /// Characters of footnotes, headers, comments and endnotes, between body and text boxes.
    ccp_before_textboxes: u32,
    /// Characters of the text-box story.
    ccp_textbox: u32,
    fc_clx: u32,
    lcb_clx: u32,
    fc_chpx: u32,
    lcb_chpx: u32,
    fc_papx: u32,
    lcb_papx: u32,
    /// The list tables (PlfLst, PlfLfo); empty when the FIB has no room for them.
    fc_lst: u32,
    lcb_lst: u32,
    fc_lfo: u32,
    lcb_lfo: u32,
}

impl Fib {
    fn parse(w: &[u8]) -> Result<Fib, ImportError> {
        let short = || damaged("WordDocument stream too short".into());
        if u16_at(w, 0).ok_or_else(short)? != WORD_IDENT {
            return Err(damaged("not a Word document (bad FIB signature)".into()));
        }
        let nfib = u16_at(w, 2).ok_or_else(short)?;
        let flags = u16_at(w, 0x0A).ok_or_else(short)?;
        if flags & 0x0100 != 0 {
            return Err(ImportError::Encrypted);
        }
        if nfib < NFIB_WORD97 {
            return Err(ImportError::OldFormat);
        }
        // FibBase (32 bytes), then three counted arrays: fibRgW (u16), fibRgLw (u32) and
        // fibRgFcLcb (pairs of u32).
        let csw = u16_at(w, 32).ok_or_else(short)? as usize;
        let at_lw = 34 + csw * 2;
        let cslw = u16_at(w, at_lw).ok_or_else(short)? as usize;
        let lw = at_lw + 2;
        let at_fclcb = lw + cslw * 4;
        let pairs = u16_at(w, at_fclcb).ok_or_else(short)? as usize;
        let fclcb = at_fclcb + 2;
        let pair = |i: usize| -> Result<(u32, u32), ImportError> {
            if i >= pairs {
                return Err(short());
            }
            Ok((
                u32_at(w, fclcb + i * 8).ok_or_else(short)?,
                u32_at(w, fclcb + i * 8 + 4).ok_or_else(short)?,
            ))
        };
        // fibRgFcLcb97: PlcfBteChpx is pair 12, PlcfBtePapx 13, Clx 33, PlfLst 73, PlfLfo 74.
        // fibRgLw: ccpText [3], ccpFtn
        // [4], ccpHdd [5], ccpAtn [7], ccpEdn [8], ccpTxbx [9].
        let lw_at = |i: usize| u32_at(w, lw + 4 * i).unwrap_or(0);
        let (fc_chpx, lcb_chpx) = pair(12)?;
        let (fc_papx, lcb_papx) = pair(13)?;
        let (fc_clx, lcb_clx) = pair(33)?;
        let (fc_lst, lcb_lst) = pair(73).unwrap_or((0, 0));
        let (fc_lfo, lcb_lfo) = pair(74).unwrap_or((0, 0));
        Ok(Fib {
            table_one: flags & 0x0200 != 0,
            ccp_text: u32_at(w, lw + 12).ok_or_else(short)?,
            ccp_before_textboxes: [4, 5, 7, 8]
                .iter()
                .fold(0u32, |sum, &i| sum.saturating_add(lw_at(i))),
            ccp_textbox: if cslw > 9 { lw_at(9) } else { 0 },
            fc_clx,
            lcb_clx,
            fc_chpx,
            lcb_chpx,
            fc_papx,
            lcb_papx,
            fc_lst,
            lcb_lst,
            fc_lfo,
            lcb_lfo,
        })
    }
}

/// One piece of the text: characters `[cp, cp_end)` stored at byte `fc` of the WordDocument
/// stream, as UTF-16 or as 8-bit (compressed) text.
struct Piece {
    cp: u32,
    cp_end: u32,
    fc: u32,
    compressed: bool,
}

/// The piece table of the CLX: skips the property blocks (Prc) and reads the PlcPcd.
fn pieces(clx: &[u8]) -> Result<Vec<Piece>, ImportError> {
    let bad = || damaged("damaged piece table".into());
    let mut at = 0;
    while clx.get(at) == Some(&0x01) {
        let len = u16_at(clx, at + 1).ok_or_else(bad)? as usize;
        at += 3 + len;
    }
    if clx.get(at) != Some(&0x02) {
        return Err(bad());
    }
    let len = u32_at(clx, at + 1).ok_or_else(bad)? as usize;
    let plc = clx.get(at + 5..at + 5 + len).ok_or_else(bad)?;
    // n + 1 character positions, then n piece descriptors of 8 bytes.
    if plc.len() < 4 || !(plc.len() - 4).is_multiple_of(12) {
        return Err(bad());
    }
    let n = (plc.len() - 4) / 12;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let cp = u32_at(plc, i * 4).ok_or_else(bad)?;
        let cp_end = u32_at(plc, i * 4 + 4).ok_or_else(bad)?;
        let fc_raw = u32_at(plc, 4 * (n + 1) + i * 8 + 2).ok_or_else(bad)?;
        let compressed = fc_raw & 0x4000_0000 != 0;
        let fc = fc_raw & 0x3FFF_FFFF;
        out.push(Piece {
            cp,
            cp_end: cp_end.max(cp),
            fc: if compressed { fc / 2 } else { fc },
            compressed,
        });
    }
    Ok(out)
}

/// Byte ranges of the WordDocument stream whose characters are marked deleted (tracked changes),
/// from the character-property pages (PlcBteChpx → ChpxFkp → sprmCFRMarkDel). A damaged
/// property table only means deleted text may show: it never fails the import.
fn deleted_ranges(word: &[u8], plc: &[u8]) -> Vec<(u32, u32)> {
    const SPRM_MARK_DEL: u16 = 0x0800;
    let mut ranges = fkp_runs(word, plc, 1)
        .filter_map(|(start, end, fkp, at)| {
            // CHPX: a length byte, then the properties.
            let len = *fkp.get(at)? as usize;
            let grpprl = fkp.get(at + 1..at + 1 + len)?;
            let mark = sprm_operand(grpprl, SPRM_MARK_DEL)?.first().copied()?;
            (mark & 1 == 1).then_some((start, end))
        })
        .collect::<Vec<_>>();
    ranges.sort_unstable();
    ranges
}

/// The runs of the formatted-disk pages (FKPs) a PlcBteChpx or PlcBtePapx points at: 512-byte
/// pages of the WordDocument stream, each a list of byte ranges with the offset of their
/// properties in the page. `entry` is the size of a run's entry after the ranges (1 for
/// character pages, 13 for paragraph pages). Yields (start, end, page, offset); runs without
/// properties are left out, and damaged pages end early.
pub(super) fn fkp_runs<'a>(
    word: &'a [u8],
    plc: &'a [u8],
    entry: usize,
) -> impl Iterator<Item = (u32, u32, &'a [u8], usize)> + 'a {
    let n = if plc.len() >= 4 && (plc.len() - 4).is_multiple_of(8) {
        (plc.len() - 4) / 8
    } else {
        0
    };
    (0..n)
        .filter_map(move |i| {
            let page = u32_at(plc, 4 * (n + 1) + i * 4)?;
            let base = (page as usize & 0x3F_FFFF) * 512;
            word.get(base..base + 512)
        })
        .flat_map(move |fkp| {
            let runs = fkp[511] as usize;
            (0..runs).map_while(move |r| {
                let start = u32_at(fkp, r * 4)?;
                let end = u32_at(fkp, r * 4 + 4)?;
                let offset = *fkp.get(4 * (runs + 1) + entry * r)?;
                Some((start, end, fkp, offset as usize * 2))
            })
        })
        .filter(|&(_, _, _, at)| at != 0)
}

/// The operand of `wanted` in a list of property modifiers (sprms), if it is there.
pub(super) fn sprm_operand(grpprl: &[u8], wanted: u16) -> Option<&[u8]> {
    let mut at = 0;
    while let Some(sprm) = u16_at(grpprl, at) {
        let operand = at + 2;
        // The operand size is in the sprm's top three bits (spra).
        let size = match sprm {
            // sprmTDefTable: a two-byte size, one more than the bytes that follow it.
            0xD608 => 1 + u16_at(grpprl, operand)? as usize,
            _ => match sprm >> 13 {
                0 | 1 => 1,
                2 | 4 | 5 => 2,
                7 => 3,
                3 => 4,
                // Variable: a length byte first.
                _ => 1 + *grpprl.get(operand)? as usize,
            },
        };
        if sprm == wanted {
            return grpprl.get(operand..operand + size);
        }
        at = operand + size;
    }
    None
}

/// The characters of a story (a range of character positions), in order, with deleted ones
/// left out, each with its byte position in the WordDocument stream.
fn story(
    word: &[u8],
    pieces: &[Piece],
    range: std::ops::Range<u32>,
    deleted: &[(u32, u32)],
) -> Result<Vec<(char, u32)>, ImportError> {
    // The ranges are sorted runs of the property pages: find the last one starting at or
    // before `fc` instead of scanning them all for every character.
    let is_deleted = |fc: u32| {
        let i = deleted.partition_point(|&(s, _)| s <= fc);
        i > 0 && fc < deleted[i - 1].1
    };
    let mut text = Vec::new();
    for p in pieces {
        let (from, to) = (p.cp.max(range.start), p.cp_end.min(range.end));
        if from >= to {
            continue;
        }
        let count = (to - from) as usize;
        // Pieces may all point at the same bytes: the text they make is bounded here, before
        // it is built, not by the file's size.
        if text.len() + count > super::MAX_TEXT_BYTES as usize {
            return Err(ImportError::TextTooLong {
                mb: super::megabytes((text.len() + count) as u64),
                limit: super::MAX_TEXT_BYTES / 1048576,
            });
        }
        let width = if p.compressed { 1 } else { 2 };
        let fc = p.fc + (from - p.cp) * width as u32;
        let start = fc as usize;
        let bytes = word
            .get(start..start + count * width)
            .ok_or_else(|| damaged("a piece of text lies outside the document".into()))?;
        if p.compressed {
            for (i, &b) in bytes.iter().enumerate() {
                let at = fc + i as u32;
                if !is_deleted(at) {
                    text.push((cp1252(b), at));
                }
            }
        } else {
            let units = bytes
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]));
            // Positions by UTF-16 unit (a surrogate pair takes two, so the count is kept apart).
            let mut unit = 0u32;
            for ch in char::decode_utf16(units) {
                let at = fc + 2 * unit;
                unit += ch.as_ref().map_or(1, |c| c.len_utf16() as u32);
                if !is_deleted(at) {
                    text.push((ch.unwrap_or(char::REPLACEMENT_CHARACTER), at));
                }
            }
        }
    }
    Ok(text)
}

/// An 8-bit ("compressed") character: Windows-1252.
fn cp1252(b: u8) -> char {
    let byte = [b];
    let (s, _, _) = encoding_rs::WINDOWS_1252.decode(&byte);
    s.chars().next().unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// Splits Word's text at paragraph marks and table-cell marks, keeping field results and
/// dropping field instructions, object anchors and other control characters. `label` gives the
/// number of the paragraph whose mark is at a byte position (automatic numbering), put before it.
fn paragraphs(text: &[(char, u32)], mut label: impl FnMut(u32) -> Option<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut para = String::new();
    // Where the paragraph began in `out` (a line break inside it ends a line, not the paragraph).
    let mut first_line = 0;
    // One entry per open field: true while in its instruction part (before the separator).
    let mut fields: Vec<bool> = Vec::new();
    for &(ch, at) in text {
        match ch {
            '\u{13}' => fields.push(true),
            '\u{14}' => {
                if let Some(top) = fields.last_mut() {
                    *top = false;
                }
            }
            '\u{15}' => {
                fields.pop();
            }
            _ if fields.iter().any(|&instr| instr) => {}
            '\r' | '\u{07}' => {
                out.push(std::mem::take(&mut para));
                if let Some(number) = label(at) {
                    if !out[first_line].trim().is_empty() {
                        out[first_line].insert_str(0, &number);
                    }
                }
                first_line = out.len();
            }
            '\u{0C}' => {
                out.push(std::mem::take(&mut para));
                first_line = out.len();
            }
            '\u{0B}' => out.push(std::mem::take(&mut para)),
            '\t' => para.push('\t'),
            '\u{1E}' => para.push('-'),
            '\u{A0}' => para.push(' '),
            c if (c as u32) < 0x20 || c == '\u{1F}' => {}
            c => para.push(c),
        }
    }
    out.push(para);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text with every character at position 0 and no numbering.
    fn plain(text: &str) -> Vec<String> {
        let chars: Vec<(char, u32)> = text.chars().map(|c| (c, 0)).collect();
        paragraphs(&chars, |_| None)
    }

    #[test]
    fn fields_keep_their_result_only() {
        let text = "一、看形势\r页码\u{13} PAGE \u{14}3\u{15}页\r\u{13}HYPERLINK \"x\"\u{13}嵌套\u{15}\u{14}链接\u{15}\r";
        assert_eq!(plain(text), vec!["一、看形势", "页码3页", "链接", ""]);
    }

    #[test]
    fn numbers_go_before_the_first_line_of_their_paragraph() {
        let text: Vec<(char, u32)> = "看形势\u{0B}第二行\r抓落实\r"
            .chars()
            .enumerate()
            .map(|(i, c)| (c, i as u32))
            .collect();
        let got = paragraphs(&text, |at| {
            Some(if at < 8 { "一、" } else { "二、" }.into())
        });
        assert_eq!(got, vec!["一、看形势", "第二行", "二、抓落实", ""]);
    }

    #[test]
    fn table_cells_are_paragraphs() {
        assert_eq!(
            plain("甲\u{07}乙\u{07}\u{07}丙\r"),
            vec!["甲", "乙", "", "丙", ""]
        );
    }

    #[test]
    fn sprm_walk_finds_the_deletion_mark() {
        // sprmCFBold (0x0835, 1 byte) then sprmCFRMarkDel (0x0800) on.
        let grpprl = [0x35, 0x08, 0x01, 0x00, 0x08, 0x01];
        assert_eq!(sprm_operand(&grpprl, 0x0800), Some(&[1u8][..]));
        assert_eq!(sprm_operand(&grpprl[..3], 0x0800), None);
    }

    #[test]
    fn garbage_is_a_clear_error() {
        let err = doc_paragraphs(std::io::Cursor::new(b"not an OLE file".to_vec())).unwrap_err();
        assert!(matches!(err, ImportError::Damaged { .. }), "{err:?}");
    }
}
