//! The tokenizer that keeps phrase search exact for Chinese text.
//!
//! Word segmentation (jieba and friends) splits the query and the document differently and misses
//! real phrase hits, so Gaoku does not segment: every character is a position. The text handed to
//! the tokenizer is already folded ([`super::normalize`]); paragraphs are joined by `\n`, which
//! takes a position of its own, so no phrase can match across paragraphs.
//!
//! [`GramTokenizer`] gives every position exactly one token:
//! - a character followed by another one in its paragraph: the pair (`狠抓`), so a phrase of n
//!   characters is a phrase query of overlapping pairs, far faster than n single characters;
//! - the last character of a paragraph: itself followed by `\n` (`实\n`), so every occurrence of
//!   a character is the start of one token, and one character's positions are those of the terms
//!   that start with it (a term range);
//! - a paragraph break: `\n`, so pattern gaps can be checked against breaks from the index alone.
//!
//! One token per character (rather than a character field beside a pair field) halves the
//! indexing work and the index size.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Registered name of [`GramTokenizer`].
pub const GRAM_TOKENIZER: &str = "gaoku_gram";
/// Separator between paragraphs in indexed text.
pub const PARAGRAPH_BREAK: char = '\n';

/// One token per position: a pair of characters, a paragraph's last character with `\n`, or `\n`.
#[derive(Clone, Default)]
pub struct GramTokenizer;

/// Token stream over characters (see [`GramTokenizer`]), in text order.
pub struct GramStream<'a> {
    text: &'a str,
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    position: usize,
    token: Token,
}

impl TokenStream for GramStream<'_> {
    fn advance(&mut self) -> bool {
        let Some((offset, c)) = self.chars.next() else {
            return false;
        };
        let end = offset + c.len_utf8();
        self.token.text.clear();
        if c == PARAGRAPH_BREAK {
            self.token.text.push(PARAGRAPH_BREAK);
            self.token.offset_to = end;
        } else {
            match self.chars.peek() {
                Some(&(next_offset, next)) if next != PARAGRAPH_BREAK => {
                    let to = next_offset + next.len_utf8();
                    self.token.text.push_str(&self.text[offset..to]);
                    self.token.offset_to = to;
                }
                _ => {
                    self.token.text.push(c);
                    self.token.text.push(PARAGRAPH_BREAK);
                    self.token.offset_to = end;
                }
            }
        }
        self.token.offset_from = offset;
        self.token.position = self.position;
        self.token.position_length = 1;
        self.position += 1;
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

impl Tokenizer for GramTokenizer {
    type TokenStream<'a> = GramStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> GramStream<'a> {
        GramStream {
            text,
            chars: text.char_indices().peekable(),
            position: 0,
            token: Token::default(),
        }
    }
}

/// The first string after every string that starts with `c` (for a term range over the terms
/// starting with `c`); `None` when no character follows `c`.
pub fn after_prefix(c: char) -> Option<String> {
    (c as u32 + 1..=char::MAX as u32)
        .find_map(char::from_u32)
        .map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(s: &str) -> Vec<(String, usize)> {
        let mut t = GramTokenizer;
        let mut stream = t.token_stream(s);
        let mut out = Vec::new();
        while stream.advance() {
            out.push((stream.token().text.clone(), stream.token().position));
        }
        out
    }

    #[test]
    fn one_token_per_position() {
        let got = tokens("狠抓,落实\n干\n\n要");
        let want: Vec<(String, usize)> = [
            ("狠抓", 0),
            ("抓,", 1),
            (",落", 2),
            ("落实", 3),
            ("实\n", 4),
            ("\n", 5),
            ("干\n", 6),
            ("\n", 7),
            ("\n", 8),
            ("要\n", 9),
        ]
        .iter()
        .map(|(t, p)| (t.to_string(), *p))
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn every_term_starting_with_a_character_sorts_before_its_successor() {
        for c in ['要', 'a', '\u{D7FF}', '\u{10FFFE}'] {
            let after = after_prefix(c).unwrap();
            for t in [format!("{c}"), format!("{c}\n"), format!("{c}\u{10FFFF}")] {
                assert!(t.as_bytes() < after.as_bytes(), "{t:?} < {after:?}");
            }
        }
        assert_eq!(after_prefix(char::MAX), None);
    }
}
