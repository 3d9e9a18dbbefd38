//! The one normalisation shared by indexing, querying and verification: whitespace removed,
//! full-width ASCII forms (Ａ１，！) folded to their half-width twins. Nothing else changes.

use crate::zh::is_space;

/// Folds one character; `None` for whitespace, which search ignores.
pub fn fold(c: char) -> Option<char> {
    if is_space(c) {
        return None;
    }
    Some(match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    })
}

/// A paragraph (or query) as search sees it, with a map back to the original characters.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    /// The folded characters.
    pub chars: Vec<char>,
    /// For each folded character, its index (in characters) in the original string.
    pub origin: Vec<usize>,
}

impl Folded {
    /// Folds `s`, remembering where each kept character came from.
    pub fn new(s: &str) -> Self {
        let mut f = Folded::default();
        for (i, c) in s.chars().enumerate() {
            if let Some(k) = fold(c) {
                f.chars.push(k);
                f.origin.push(i);
            }
        }
        f
    }

    /// The folded text as a string.
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    /// Maps a folded character range back to an original character range.
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        (self.origin[start], self.origin[end - 1] + 1)
    }
}

/// Folds a string without keeping the map.
pub fn fold_str(s: &str) -> String {
    s.chars().filter_map(fold).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_and_width() {
        assert_eq!(
            fold_str("狠抓 落实\u{3000}ＧＤＰ１２％，"),
            "狠抓落实GDP12%,"
        );
        let f = Folded::new("一 是，抓");
        assert_eq!(f.text(), "一是,抓");
        assert_eq!(f.original_span(1, 3), (2, 4));
    }
}
