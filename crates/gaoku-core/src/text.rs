//! Character classes and small text helpers shared by ingest, metadata and search.

/// A regex compiled once, on first use, where it is written: `regex!(r"…")`.
macro_rules! regex {
    ($pattern:expr $(,)?) => {{
        static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        RE.get_or_init(|| regex::Regex::new($pattern).expect("valid regex"))
    }};
}
pub(crate) use regex;

/// A Han character (CJK unified ideographs and their extensions, compatibility ideographs, 〇).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F | 0x3007)
}

/// Han characters and the punctuation set around them (CJK symbols, full-width forms, curly
/// quotes, dashes and ellipses): a space between two of these is noise from paste or PDF.
pub fn is_cjk_like(c: char) -> bool {
    is_han(c)
        || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF | 0x2010..=0x2027 | 0x00B7 | 0x2E80..=0x2FDF)
}

/// Whitespace as found in Chinese documents, including the full-width space.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// Characters that never carry meaning and are dropped on import (zero-width, BOM, soft hyphen,
/// and the bidirectional controls — U+202E in a title would show it reversed, a known trick).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'
            | '\u{200C}'
            | '\u{200D}'
            | '\u{2060}'
            | '\u{FEFF}'
            | '\u{00AD}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
    )
}

/// Number of characters that count as text: everything but whitespace.
pub fn char_count(s: &str) -> usize {
    s.chars().filter(|c| !is_space(*c)).count()
}

/// The marks that end a sentence, full-width and half-width: where the history's diff, the
/// search hit's "insert sentence" (in the UI, through the generated `ipc.ts`) and metadata
/// detection cut. One definition for all of them.
pub const SENTENCE_ENDS: &str = "。！？；!?;";

/// Is `c` one of [`SENTENCE_ENDS`]?
pub fn is_sentence_end(c: char) -> bool {
    SENTENCE_ENDS.contains(c)
}

/// Does the text end like a finished sentence: a sentence end, or an ellipsis (……)?
pub fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(is_space)
        .chars()
        .last()
        .is_some_and(|c| is_sentence_end(c) || c == '…')
}

/// Value of a Chinese numeral as used in numbering and dates (一 … 九十九, 〇/零, 两).
pub fn chinese_number(s: &str) -> Option<u32> {
    fn digit(c: char) -> Option<u32> {
        Some(match c {
            '〇' | '零' | '○' | 'O' => 0,
            '一' | '壹' => 1,
            '二' | '两' | '贰' => 2,
            '三' | '叁' => 3,
            '四' | '肆' => 4,
            '五' | '伍' => 5,
            '六' | '陆' => 6,
            '七' | '柒' => 7,
            '八' | '捌' => 8,
            '九' | '玖' => 9,
            _ => return None,
        })
    }
    if s.is_empty() {
        return None;
    }
    if let Some((tens, ones)) = s.split_once('十') {
        let t = if tens.is_empty() {
            1
        } else {
            chinese_number(tens)?
        };
        let o = if ones.is_empty() {
            0
        } else {
            chinese_number(ones)?
        };
        return (t < 10 && o < 10).then_some(t * 10 + o);
    }
    // Digit by digit, as in years: 一九五四.
    s.chars()
        .try_fold(0u32, |acc, c| Some(acc.checked_mul(10)? + digit(c)?))
}

/// A stored time (RFC 3339, UTC) as a person reads it: local `YYYY-MM-DD HH:MM` (UTC when the
/// local offset is unknown); unreadable text is returned as it is.
pub fn local_minute(stored: &str) -> String {
    let fmt = time::format_description::well_known::Rfc3339;
    let Ok(t) = time::OffsetDateTime::parse(stored, &fmt) else {
        return stored.to_string();
    };
    let offset = time::UtcOffset::current_local_offset().unwrap_or(time::UtcOffset::UTC);
    let t = t.to_offset(offset);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        t.year(),
        t.month() as u8,
        t.day(),
        t.hour(),
        t.minute()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        assert_eq!(chinese_number("一"), Some(1));
        assert_eq!(chinese_number("十"), Some(10));
        assert_eq!(chinese_number("十二"), Some(12));
        assert_eq!(chinese_number("二十三"), Some(23));
        assert_eq!(chinese_number("一九五四"), Some(1954));
        assert_eq!(chinese_number("二〇二〇"), Some(2020));
        assert_eq!(chinese_number("第"), None);
        assert_eq!(chinese_number(""), None);
    }

    #[test]
    fn classes() {
        assert!(is_han('狠') && is_han('〇') && !is_han('A'));
        assert!(is_cjk_like('，') && is_cjk_like('“') && !is_cjk_like('a'));
        assert_eq!(char_count("一 二\u{3000}三\n"), 3);
        assert!(ends_sentence("狠抓落实。") && !ends_sentence("一、看形势"));
    }
}
