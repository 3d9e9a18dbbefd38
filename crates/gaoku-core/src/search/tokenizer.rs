//! Tokenizers for Chinese text that keep phrase search exact.
//!
//! Word segmentation (jieba and friends) splits the query and the document differently and misses
//! real phrase hits, so Gaoku does not segment: every character is a position. The text handed to
//! these tokenizers is already folded ([`super::normalize`]); paragraphs are joined by `\n`, which
//! takes a position of its own, so no phrase can match across paragraphs.
//!
//! - [`CharTokenizer`]: one token per character (for one-character queries), and a `\n` token at
//!   each paragraph break (so pattern gaps can be checked against breaks from the index alone).
//! - [`BigramTokenizer`]: one token per pair of neighbouring characters, at the position of the
//!   first; a phrase of n characters is then a phrase query of overlapping bigrams, far faster than
//!   n single characters on common text.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Registered name of [`CharTokenizer`].
pub const CHAR_TOKENIZER: &str = "gaoku_char";
/// Registered name of [`BigramTokenizer`].
pub const BIGRAM_TOKENIZER: &str = "gaoku_bigram";
/// Separator between paragraphs in indexed text.
pub const PARAGRAPH_BREAK: char = '\n';

/// One token per character.
#[derive(Clone, Default)]
pub struct CharTokenizer;

/// One token per pair of neighbouring characters inside a paragraph.
#[derive(Clone, Default)]
pub struct BigramTokenizer;

/// Token stream over characters, yielding n-grams of one or two characters.
pub struct GramStream<'a> {
    text: &'a str,
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    position: usize,
    bigram: bool,
    token: Token,
}

impl<'a> GramStream<'a> {
    fn new(text: &'a str, bigram: bool) -> Self {
        GramStream {
            text,
            chars: text.char_indices().peekable(),
            position: 0,
            bigram,
            token: Token::default(),
        }
    }
}

impl TokenStream for GramStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some((offset, c)) = self.chars.next() {
            let position = self.position;
            self.position += 1;
            if c == PARAGRAPH_BREAK {
                // The character stream marks paragraph breaks (patterns must not cross them);
                // bigrams simply stop at them.
                if self.bigram {
                    continue;
                }
            }
            let end = if self.bigram {
                match self.chars.peek() {
                    Some(&(next_offset, next)) if next != PARAGRAPH_BREAK => {
                        next_offset + next.len_utf8()
                    }
                    _ => continue,
                }
            } else {
                offset + c.len_utf8()
            };
            self.token.text.clear();
            self.token.text.push_str(&self.text[offset..end]);
            self.token.offset_from = offset;
            self.token.offset_to = end;
            self.token.position = position;
            self.token.position_length = 1;
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

impl Tokenizer for CharTokenizer {
    type TokenStream<'a> = GramStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> GramStream<'a> {
        GramStream::new(text, false)
    }
}

impl Tokenizer for BigramTokenizer {
    type TokenStream<'a> = GramStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> GramStream<'a> {
        GramStream::new(text, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(mut t: impl Tokenizer, s: &str) -> Vec<(String, usize)> {
        let mut stream = t.token_stream(s);
        let mut out = Vec::new();
        while stream.advance() {
            out.push((stream.token().text.clone(), stream.token().position));
        }
        out
    }

    #[test]
    fn chars_and_bigrams_with_positions() {
        let s = "狠抓,落实\n干";
        let chars: Vec<_> = tokens(CharTokenizer, s);
        let want: Vec<(String, usize)> = [
            ("狠", 0),
            ("抓", 1),
            (",", 2),
            ("落", 3),
            ("实", 4),
            ("\n", 5),
            ("干", 6),
        ]
        .iter()
        .map(|(t, p)| (t.to_string(), *p))
        .collect();
        assert_eq!(chars, want);
        let bi = tokens(BigramTokenizer, s);
        assert_eq!(
            bi,
            vec![
                ("狠抓".into(), 0),
                ("抓,".into(), 1),
                (",落".into(), 2),
                ("落实".into(), 3)
            ]
        );
    }
}
