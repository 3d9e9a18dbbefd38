//! Snippets: about 80 characters of the stored text around matches, matches in `<mark>`, the rest
//! HTML-escaped (speech text is untrusted).

/// Target length of a snippet, in characters.
pub const SNIPPET_CHARS: usize = 80;
/// Characters of context before the first match of a snippet.
const LEAD: usize = 24;
/// Snippets per hit.
pub const MAX_SNIPPETS: usize = 3;

fn escape_into(out: &mut String, chars: &[char]) {
    for c in chars {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(*c),
        }
    }
}

/// Builds up to [`MAX_SNIPPETS`] snippets of `text` (the shown text, paragraphs joined by `\n`)
/// around `spans` (sorted, non-overlapping character ranges). A snippet stays in one paragraph.
pub fn snippets(text: &[char], spans: &[(usize, usize)]) -> Vec<String> {
    let mut out = Vec::new();
    let mut covered_to = 0usize;
    for (i, &(start, end)) in spans.iter().enumerate() {
        if out.len() == MAX_SNIPPETS {
            break;
        }
        if start < covered_to {
            continue;
        }
        let para_start = text[..start]
            .iter()
            .rposition(|c| *c == '\n')
            .map_or(0, |p| p + 1);
        let para_end = text[end..]
            .iter()
            .position(|c| *c == '\n')
            .map_or(text.len(), |p| end + p);
        if end - start > SNIPPET_CHARS {
            // A long pattern match (一是…二是…三是 over a whole paragraph): its head and tail.
            out.push(long_match(text, (para_start, para_end), (start, end)));
            covered_to = end;
            continue;
        }
        let from = start.saturating_sub(LEAD).max(para_start);
        let to = (from + SNIPPET_CHARS).max(end).min(para_end);
        let mut s = String::new();
        if from > para_start {
            s.push('…');
        }
        let mut at = from;
        for &(ms, me) in &spans[i..] {
            if ms >= to {
                break;
            }
            let (ms, me) = (ms.max(at), me.min(to));
            escape_into(&mut s, &text[at..ms]);
            s.push_str("<mark>");
            escape_into(&mut s, &text[ms..me]);
            s.push_str("</mark>");
            at = me;
        }
        escape_into(&mut s, &text[at..to]);
        if to < para_end {
            s.push('…');
        }
        out.push(s);
        covered_to = to;
    }
    out
}

/// Characters of a long match shown at its start and at its end.
const LONG_HEAD: usize = 44;
const LONG_TAIL: usize = 24;
const LONG_CONTEXT: usize = 6;

fn long_match(
    text: &[char],
    (para_start, para_end): (usize, usize),
    (start, end): (usize, usize),
) -> String {
    let from = start.saturating_sub(LONG_CONTEXT).max(para_start);
    let to = (end + LONG_CONTEXT).min(para_end);
    let mut s = String::new();
    if from > para_start {
        s.push('…');
    }
    escape_into(&mut s, &text[from..start]);
    s.push_str("<mark>");
    escape_into(&mut s, &text[start..start + LONG_HEAD]);
    s.push_str("</mark>…<mark>");
    escape_into(&mut s, &text[end - LONG_TAIL..end]);
    s.push_str("</mark>");
    escape_into(&mut s, &text[end..to]);
    if to < para_end {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_escapes_and_stays_in_paragraph() {
        let text: Vec<char> = "第一段。\n要<b>狠抓落实</b>，狠抓落实。\n下一段"
            .chars()
            .collect();
        let s = snippets(&text, &[(9, 13), (18, 22)]);
        assert_eq!(
            s,
            vec!["要&lt;b&gt;<mark>狠抓落实</mark>&lt;/b&gt;，<mark>狠抓落实</mark>。"]
        );
    }

    #[test]
    fn long_paragraphs_get_ellipses_and_several_snippets() {
        let para = format!(
            "{}狠抓落实{}狠抓落实{}",
            "甲".repeat(100),
            "乙".repeat(200),
            "丙".repeat(100)
        );
        let text: Vec<char> = para.chars().collect();
        let s = snippets(&text, &[(100, 104), (304, 308)]);
        assert_eq!(s.len(), 2);
        assert!(s[0].starts_with('…') && s[0].ends_with('…'));
        assert_eq!(
            s[0].chars().filter(|c| *c != '…').count(),
            SNIPPET_CHARS + 13
        );
    }

    #[test]
    fn long_matches_show_head_and_tail() {
        let para = format!("前文一是{}三是后文", "中".repeat(300));
        let text: Vec<char> = para.chars().collect();
        let s = snippets(&text, &[(2, 306)]);
        assert_eq!(s.len(), 1);
        assert!(s[0].starts_with("前文<mark>一是"), "{}", s[0]);
        assert!(s[0].ends_with("三是</mark>后文"), "{}", s[0]);
        assert!(s[0].chars().count() < 110);
    }
}
