//! Character classes: Han characters, the punctuation around them, spaces, invisible
//! characters, sentence ends.

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

/// The marks that close a sentence outright (not ；): where a heading's title ends.
pub const FULL_STOPS: [char; 3] = ['。', '！', '？'];

/// [`FULL_STOPS`] and the full-width semicolon: where a clause quoted from a text ends.
pub const CLAUSE_ENDS: [char; 4] = ['。', '！', '？', '；'];

/// The traditional forms of the characters that name a document's kind and the words around
/// it in a title (報告, 講話, 意見, 決定, 辦法, 關於 …), as their simplified forms: a title in
/// traditional characters names its 文种 too. Only these are mapped; the text is never changed.
pub fn fold_title_char(c: char) -> char {
    match c {
        '報' => '报',
        '講' => '讲',
        '話' => '话',
        '見' => '见',
        '決' => '决',
        '規' => '规',
        '劃' => '划',
        '辦' => '办',
        '紀' => '纪',
        '議' => '议',
        '條' => '条',
        '綱' => '纲',
        '發' => '发',
        '關' => '关',
        '於' => '于',
        '會' => '会',
        '屆' => '届',
        '複' | '覆' => '复',
        '則' => '则',
        '結' => '结',
        '總' => '总',
        '錄' => '录',
        '辭' => '辞',
        '詞' => '词',
        '細' => '细',
        '請' => '请',
        '轉' => '转',
        '頒' => '颁',
        '佈' => '布',
        '書' => '书',
        '號' => '号',
        _ => c,
    }
}

/// A title with [`fold_title_char`] applied, for matching kind words.
pub fn fold_title(s: &str) -> String {
    s.chars().map(fold_title_char).collect()
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_han('狠') && is_han('〇') && !is_han('A'));
        assert!(is_cjk_like('，') && is_cjk_like('“') && !is_cjk_like('a'));
        assert_eq!(char_count("一 二\u{3000}三\n"), 3);
        assert!(ends_sentence("狠抓落实。") && !ends_sentence("一、看形势"));
    }
}
