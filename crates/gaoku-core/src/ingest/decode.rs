//! Turning the bytes of a text file into a string: BOMs, UTF-8, UTF-16, GB18030/GBK and others,
//! detected rather than asked for. Invalid bytes are an error that names the encoding and offset.

use encoding_rs::{DecoderResult, Encoding, BIG5, GB18030, UTF_16BE, UTF_16LE, UTF_8};

use crate::error::ImportError;

/// Decodes `bytes` to text, or says in one line why it is not text.
pub fn decode_text(bytes: &[u8]) -> Result<String, ImportError> {
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

    const TEXT: &str = "同志们：\n今天我们召开半年工作总结会议，狠抓落实。\n";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode_text(TEXT.as_bytes()).unwrap(), TEXT);
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(TEXT.as_bytes());
        assert_eq!(decode_text(&b).unwrap(), TEXT);
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
