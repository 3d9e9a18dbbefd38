//! The Chinese text rules, in one place: character classes and sentence ends, numerals, the
//! numbering markers of every level, dates and date lines, the lines around a body (title,
//! subtitle, speaker, salutation, 公文 head, attachments), 字数 and speaking time.
//!
//! Every reader of text — import, outline, checks, phrases, reuse, export, and the UI through the
//! core — uses these; nothing else defines a sentence end or parses a date.

pub mod chars;
pub mod count;
pub mod dates;
pub mod lines;
pub mod markers;
pub mod numerals;

pub use chars::{
    char_count, ends_sentence, is_cjk_like, is_han, is_invisible, is_sentence_end, is_space,
    SENTENCE_ENDS,
};
pub use count::{minutes, word_count};
pub use dates::{find_date, is_date_line, real_day};
pub use lines::{is_attachment_line, is_salutation, kind_from_title, known_kinds};
pub use numerals::chinese_number;
