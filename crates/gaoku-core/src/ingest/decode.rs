//! Turning the bytes of a text file into a string: BOMs, UTF-8, UTF-16, GB18030/GBK and others,
//! detected rather than asked for. Invalid bytes are an error that names the encoding and offset.

use encoding_rs::{DecoderResult, Encoding, BIG5, GB18030, UTF_16BE, UTF_16LE, UTF_8};

use crate::error::ImportError;

/// Decodes `bytes` to text that looks like writing, or says in one line why it is not text.
pub fn decode_text(bytes: &[u8]) -> Result<String, ImportError> {
    let text = decode_any(bytes)?;
    plausible(&text)?;
    Ok(text)
}

/// Characters of the text that [`plausible`] looks at: enough to judge, never the whole of a
/// 10 MB file.
const PLAUSIBLE_SAMPLE: usize = 100_000;

/// Decoded text must look like writing: mostly Han characters, letters, digits and punctuation,
/// no run of one letter over and over. Random bytes that happen to decode (as UTF-16, say) give
/// rare ideographs, Hangul, private-use and control characters instead.
pub fn plausible(text: &str) -> Result<(), ImportError> {
    let mut seen = 0usize;
    let mut common = 0usize;
    let mut run = (None, 0usize);
    for c in text
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(PLAUSIBLE_SAMPLE)
    {
        seen += 1;
        if is_common(c) {
            common += 1;
        }
        run = match run {
            (Some(prev), n) if prev == c => (Some(c), n + 1),
            _ => (Some(c), 1),
        };
        if run.1 >= 40 && c.is_alphabetic() {
            return Err(ImportError::NotText);
        }
    }
    // Short texts get the benefit of the doubt; longer ones must be 85 % ordinary writing.
    if seen >= 20 && common * 100 < seen * 85 {
        return Err(ImportError::NotText);
    }
    Ok(())
}

/// A character of ordinary Chinese (or Western) writing: printable ASCII, Latin letters with
/// accents and pinyin tones, Greek and Cyrillic, punctuation, symbols used in documents (①, ■,
/// ★, ㈠), kana, and the common CJK ideographs (not the rare Extension blocks).
fn is_common(c: char) -> bool {
    matches!(c as u32,
        0x20..=0x7E
        | 0xA0..=0x24F
        | 0x2B0..=0x2FF
        | 0x370..=0x4FF
        | 0x2000..=0x27BF
        | 0x3000..=0x30FF
        | 0x3100..=0x312F
        | 0x3200..=0x33FF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF)
}

fn decode_any(bytes: &[u8]) -> Result<String, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return decode_strict(enc, &bytes[bom_len..]);
    }
    if let Some(enc) = sniff_utf16_without_bom(bytes) {
        return decode_strict(enc, bytes);
    }
    if looks_binary(bytes) {
        return Err(ImportError::Binary);
    }
    let valid_prefix = match std::str::from_utf8(bytes) {
        Ok(s) => return Ok(s.to_owned()),
        Err(e) => e.valid_up_to(),
    };
    // A long run of real UTF-8 before the first bad byte: damaged UTF-8, not a legacy encoding.
    let multibyte_seen = bytes[..valid_prefix].iter().filter(|b| **b >= 0xC0).count();
    if multibyte_seen >= 8 {
        return decode_strict(UTF_8, bytes);
    }
    // Legacy Chinese encodings: GB18030 (a superset of GBK and GB2312), or Big5 when it looks so.
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let order = if detector.guess(None, chardetng::Utf8Detection::Deny) == BIG5 {
        [BIG5, GB18030]
    } else {
        [GB18030, BIG5]
    };
    let first = decode_strict(order[0], bytes);
    if first.is_ok() {
        return first;
    }
    decode_strict(order[1], bytes).or(first)
}

/// Decodes without replacement characters: the first malformed sequence is reported.
fn decode_strict(enc: &'static Encoding, bytes: &[u8]) -> Result<String, ImportError> {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len() * 3 + 16);
    let mut out = String::with_capacity(cap);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        DecoderResult::InputEmpty => Ok(out),
        DecoderResult::Malformed(bad, after) => {
            let at = read - bad as usize - after as usize;
            Err(ImportError::BadBytes {
                encoding: display_name(enc).into(),
                at,
            })
        }
        DecoderResult::OutputFull => Err(ImportError::Undecodable),
    }
}

fn display_name(enc: &'static Encoding) -> &'static str {
    if enc == UTF_8 {
        "UTF-8"
    } else if enc == UTF_16LE {
        "UTF-16LE"
    } else if enc == UTF_16BE {
        "UTF-16BE"
    } else if enc == GB18030 {
        "GB18030/GBK"
    } else if enc == BIG5 {
        "Big5"
    } else {
        enc.name()
    }
}

/// UTF-16 saved without a BOM: newlines and ASCII show up as a zero byte on one side only.
fn sniff_utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(8192) & !1];
    // A line break is 0A 00 in UTF-16LE and 00 0A in UTF-16BE; the other order would be U+0A00,
    // which Chinese text never contains. Require breaks in one order only, and plenty of zeros.
    let lf_le = sample.chunks_exact(2).filter(|c| c == &[b'\n', 0]).count();
    let lf_be = sample.chunks_exact(2).filter(|c| c == &[0, b'\n']).count();
    let zeros = sample.iter().filter(|b| **b == 0).count();
    if zeros * 100 < sample.len() {
        return None;
    }
    match (lf_le, lf_be) {
        (l, 0) if l > 0 => Some(UTF_16LE),
        (0, b) if b > 0 => Some(UTF_16BE),
        (0, 0) => one_line_utf16(sample),
        _ => None,
    }
}

/// UTF-16 without a BOM and without a line break (one paragraph): the byte order in which the
/// sample decodes to writing, when exactly one does. The sample has zero bytes (ASCII in it), which
/// GBK, Big5 and UTF-8 text never has.
fn one_line_utf16(sample: &[u8]) -> Option<&'static Encoding> {
    let writing = |enc: &'static Encoding| {
        let (text, bad) = enc.decode_without_bom_handling(sample);
        !bad && !text.contains('\0') && plausible(&text).is_ok()
    };
    match (writing(UTF_16LE), writing(UTF_16BE)) {
        (true, false) => Some(UTF_16LE),
        (false, true) => Some(UTF_16BE),
        _ => None,
    }
}

/// NUL bytes or many control characters: not a text file.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|b| **b < 0x20 && !matches!(**b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 20 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_bytes_are_not_text_whatever_they_decode_to() {
        // A xorshift stream with the UTF-16LE line breaks that made it look like UTF-16.
        let mut x: u32 = 0x9E37_79B9;
        let mut bytes = Vec::new();
        for i in 0..4096 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            // No zero high bytes and no surrogates: every unit decodes.
            let hi = match (x >> 8) as u8 | 0x01 {
                h @ 0xD8..=0xDF => h - 0x20,
                h => h,
            };
            let pair = if i % 40 == 39 {
                [b'\n', 0]
            } else {
                [x as u8, hi]
            };
            bytes.extend_from_slice(&pair);
        }
        assert!(decode_any(&bytes).is_ok(), "it does decode as UTF-16");
        assert_eq!(decode_text(&bytes), Err(ImportError::NotText));
        assert_eq!(plausible(&"ア".repeat(50)), Err(ImportError::NotText));
        assert_eq!(
            plausible(&"\u{E000}\u{E123}".repeat(20)),
            Err(ImportError::NotText)
        );
    }

    #[test]
    fn writing_is_plausible() {
        let speech =
            "同志们：今年以来，全县上下紧紧围绕“一个目标、三个定位、六大战略”，GDP增长6.5%。①——★";
        assert_eq!(plausible(speech), Ok(()));
        assert_eq!(plausible("Ünïcödé café — naïve résumé; Ǎ ǎ pīnyīn"), Ok(()));
        assert_eq!(plausible("短"), Ok(()));
        assert_eq!(plausible(&"—".repeat(80)), Ok(()));
    }

    const TEXT: &str = "同志们：\n今天我们召开半年工作总结会议，狠抓落实。\n";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode_text(TEXT.as_bytes()).unwrap(), TEXT);
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(TEXT.as_bytes());
        assert_eq!(decode_text(&b).unwrap(), TEXT);
    }

    #[test]
    fn utf16_without_bom_or_line_break() {
        let one_line = "在全县2020年半年工作总结会议上的讲话：要狠抓落实，确保完成全年目标任务。";
        for (bytes, name) in [
            (
                one_line
                    .encode_utf16()
                    .flat_map(|u| u.to_le_bytes())
                    .collect::<Vec<u8>>(),
                "LE",
            ),
            (
                one_line
                    .encode_utf16()
                    .flat_map(|u| u.to_be_bytes())
                    .collect::<Vec<u8>>(),
                "BE",
            ),
        ] {
            assert_eq!(decode_text(&bytes).unwrap(), one_line, "{name}");
        }
        // An executable's zeros still make it binary, not UTF-16.
        let mut exe = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00".to_vec();
        exe.extend((0..400u32).flat_map(|i| (i.wrapping_mul(2654435761)).to_le_bytes()));
        assert!(decode_text(&exe).is_err());
    }

    #[test]
    fn utf16_both_orders_with_bom_and_le_without() {
        let le: Vec<u8> = TEXT.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = TEXT.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        let with = |bom: [u8; 2], body: &[u8]| [&bom[..], body].concat();
        assert_eq!(decode_text(&with([0xFF, 0xFE], &le)).unwrap(), TEXT);
        assert_eq!(decode_text(&with([0xFE, 0xFF], &be)).unwrap(), TEXT);
        assert_eq!(decode_text(&le).unwrap(), TEXT);
        assert_eq!(decode_text(&be).unwrap(), TEXT);
    }

    #[test]
    fn gbk_and_gb18030() {
        let (gbk, _, _) = encoding_rs::GBK.encode(TEXT);
        assert_eq!(decode_text(&gbk).unwrap(), TEXT);
        let rare = "𠀀字与狠抓落实";
        let (gb, _, _) = GB18030.encode(rare);
        let long = [gb.as_ref(), gbk.as_ref()].concat();
        assert!(decode_text(&long).unwrap().starts_with(rare));
    }

    #[test]
    fn bad_input_is_a_clear_error() {
        assert_eq!(decode_text(b"").unwrap_err(), ImportError::Empty);
        assert!(decode_text(b"\x7fELF\x02\x01\x00\x00\x00")
            .unwrap_err()
            .to_string()
            .contains("binary"));
        // A UTF-8 BOM followed by bytes that are not UTF-8.
        let err = decode_text(b"\xEF\xBB\xBFabc\xFF\xFEdef")
            .unwrap_err()
            .to_string();
        assert!(err.contains("UTF-8") && err.contains("byte 3"), "{err}");
        // UTF-16 with an unpaired surrogate.
        let err = decode_text(&[0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x41, 0x00])
            .unwrap_err()
            .to_string();
        assert!(err.contains("UTF-16LE"), "{err}");
        // UTF-8 Chinese text damaged in the middle is reported, not decoded as mojibake.
        let mut damaged = TEXT.repeat(3).into_bytes();
        damaged[40] = 0xFF;
        assert!(decode_text(&damaged)
            .unwrap_err()
            .to_string()
            .contains("UTF-8"));
        // GBK with a truncated double-byte character at the end.
        let (gbk, _, _) = encoding_rs::GBK.encode(TEXT);
        let mut cut = gbk.to_vec();
        cut.push(0xB9);
        assert!(decode_text(&cut).is_err());
    }
}
