//! Automatic numbering in Word 97–2003 .doc files: the list tables (PlfLst with its LVLs, PlfLfo)
//! in the table stream, and each paragraph's list and level from its properties (PAPX pages:
//! sprmPIlfo, sprmPIlvl). They are turned into the same [`Numbering`] the .docx reader uses, so a
//! .doc shows 一、（一）1. exactly as its .docx would.

use super::doc::{fkp_runs, sprm_operand, u16_at, u32_at};
use super::numbering::Numbering;

/// sprmPIlfo: the paragraph's list (1-based index into the LFOs).
const SPRM_ILFO: u16 = 0x460B;
/// sprmPIlvl: the paragraph's level in that list.
const SPRM_ILVL: u16 = 0x260A;

/// Word's number format codes (nfc), as the .docx names them.
fn nfc_format(nfc: u8) -> &'static str {
    match nfc {
        0 => "decimal",
        1 => "upperRoman",
        2 => "lowerRoman",
        3 => "upperLetter",
        4 => "lowerLetter",
        10 => "ideographDigital",
        11 => "japaneseCounting",
        14 | 19 => "decimalFullWidth",
        18 | 28 => "decimalEnclosedCircle",
        22 => "decimalZero",
        23 => "bullet",
        26 => "decimalEnclosedFullstop",
        27 => "decimalEnclosedParen",
        30 => "ideographTraditional",
        31 => "ideographZodiac",
        33 | 35 | 37 | 39 => "chineseCounting",
        34 | 38 => "chineseLegalSimplified",
        255 => "none",
        _ => "decimal",
    }
}

/// One level read from an LVL structure, and the bytes it took.
struct Lvl {
    start: u32,
    format: &'static str,
    /// The number text with `%1` … `%9` where Word keeps the level placeholders.
    text: String,
    restart_after: Option<u8>,
    legal: bool,
    len: usize,
}

fn read_lvl(b: &[u8]) -> Option<Lvl> {
    let lvlf = b.get(..28)?;
    let start = u32_at(lvlf, 0)?;
    let nfc = lvlf[4];
    let flags = lvlf[5];
    let cb_chpx = lvlf[24] as usize;
    let cb_papx = lvlf[25] as usize;
    let restart_lim = lvlf[26];
    let at = 28 + cb_papx + cb_chpx;
    let cch = u16_at(b, at)? as usize;
    let units: Vec<u16> = (0..cch)
        .map(|i| u16_at(b, at + 2 + 2 * i))
        .collect::<Option<_>>()?;
    let mut text = String::new();
    for unit in units {
        match unit {
            // A placeholder: the number of level `unit` (0-based).
            0..=8 => text.push_str(&format!("%{}", unit + 1)),
            u => text.extend(char::from_u32(u as u32)),
        }
    }
    Some(Lvl {
        start,
        format: nfc_format(nfc),
        text,
        // fNoRestart: restart only after level ilvlRestartLim.
        restart_after: (flags & 0x08 != 0).then_some(restart_lim),
        legal: flags & 0x04 != 0,
        len: at + 2 + 2 * cch,
    })
}

/// Reads the list tables into a [`Numbering`]: lists by their id (lsid), list overrides by their
/// 1-based index (ilfo), which is what paragraphs name. Damaged tables only mean fewer numbers.
pub fn numbering(table: &[u8], plf_lst: &[u8], lst_end: usize, plf_lfo: &[u8]) -> Numbering {
    let mut n = Numbering::default();
    let count = u16_at(plf_lst, 0).unwrap_or(0) as usize;
    // The LVLs of every list follow the PlfLst in the table stream, list after list.
    let mut at = lst_end;
    for k in 0..count {
        let Some(lstf) = plf_lst.get(2 + 28 * k..2 + 28 * (k + 1)) else {
            break;
        };
        let lsid = u32_at(lstf, 0).unwrap_or(0).to_string();
        let simple = lstf[26] & 0x01 != 0;
        for ilvl in 0..if simple { 1 } else { 9 } {
            let Some(lvl) = table.get(at..).and_then(read_lvl) else {
                return n;
            };
            at += lvl.len;
            n.add_level(
                &lsid,
                ilvl,
                lvl.start,
                lvl.format,
                lvl.text,
                lvl.restart_after,
                lvl.legal,
            );
        }
    }
    let lfos = u32_at(plf_lfo, 0).unwrap_or(0) as usize;
    let mut data_at = 4 + 16 * lfos;
    for i in 0..lfos {
        let Some(lfo) = plf_lfo.get(4 + 16 * i..4 + 16 * (i + 1)) else {
            break;
        };
        let lsid = u32_at(lfo, 0).unwrap_or(0).to_string();
        let levels = lfo[12] as usize;
        let mut starts = Vec::new();
        // LfoData: a cp, then an LFOLVL per overridden level (with an LVL when it reformats).
        data_at += 4;
        for _ in 0..levels {
            let (Some(start), Some(bits)) =
                (u32_at(plf_lfo, data_at), u32_at(plf_lfo, data_at + 4))
            else {
                break;
            };
            data_at += 8;
            let ilvl = (bits & 0x0F) as u8;
            if bits & 0x10 != 0 {
                starts.push((ilvl, start));
            }
            if bits & 0x20 != 0 {
                match plf_lfo.get(data_at..).and_then(read_lvl) {
                    Some(lvl) => data_at += lvl.len,
                    None => break,
                }
            }
        }
        n.add_instance(&(i + 1).to_string(), &lsid, &starts);
    }
    n
}

/// The list and level of the paragraphs, by the byte range (in the WordDocument stream) of their
/// text: from the paragraph property pages (PlcBtePapx → PapxFkp → sprmPIlfo/sprmPIlvl).
pub fn paragraph_lists(word: &[u8], plc: &[u8]) -> Vec<(u32, u32, u16, u8)> {
    let mut out: Vec<(u32, u32, u16, u8)> = fkp_runs(word, plc, 13)
        .filter_map(|(start, end, fkp, at)| {
            // PAPX: a length in words (or 0 and then one), then the style and the properties.
            let cb = *fkp.get(at)?;
            let (from, len) = if cb == 0 {
                (at + 2, 2 * *fkp.get(at + 1)? as usize)
            } else {
                (at + 1, 2 * cb as usize - 1)
            };
            let grpprl = fkp.get(from + 2..from + len)?;
            let ilfo = sprm_operand(grpprl, SPRM_ILFO).and_then(|o| u16_at(o, 0))?;
            let ilvl = sprm_operand(grpprl, SPRM_ILVL).and_then(|o| o.first().copied());
            (ilfo != 0 && ilfo < 0xF000).then_some((start, end, ilfo, ilvl.unwrap_or(0)))
        })
        .collect();
    out.sort_unstable();
    out
}
