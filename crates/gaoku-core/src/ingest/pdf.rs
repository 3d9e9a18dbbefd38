//! The text layer of a PDF, laid back into paragraphs. `pdf-extract` (over lopdf) gives every
//! character with its position and size, through the fonts' ToUnicode maps; this module groups
//! them into lines, drops page numbers (— 3 —, 第3页) and running headers and footers, and joins
//! lines into paragraphs the way a reader sees them: Chinese lines wrap with no space, so they are
//! joined without one; a paragraph ends at an indented first line, a short last line, a wider gap
//! or a change of type size. A PDF with no text layer (a scan) gets a clear error: OCR is not
//! done.

use std::collections::HashMap;

use crate::error::ImportError;
use crate::text::regex;
use crate::zh::markers::{article_marker, heading_marker};
use crate::zh::{ends_sentence, is_cjk_like, is_space};

/// One character as the page shows it (PDF coordinates: y grows upwards).
#[derive(Debug, Clone)]
struct Glyph {
    page: u32,
    x: f64,
    y: f64,
    width: f64,
    size: f64,
    text: String,
}

/// Collects the characters of every page.
#[derive(Default)]
struct Collector {
    page: u32,
    glyphs: Vec<Glyph>,
}

impl pdf_extract::OutputDev for Collector {
    fn begin_page(
        &mut self,
        page: u32,
        _media: &pdf_extract::MediaBox,
        _art: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), pdf_extract::OutputError> {
        self.page = page;
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &pdf_extract::Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), pdf_extract::OutputError> {
        // The text rendering matrix (without the font size) scales the font: the size on the
        // page is the font size times its vertical scale.
        let scale = (trm.m21 * trm.m21 + trm.m22 * trm.m22).sqrt();
        let size = if scale > 0.0 {
            font_size * scale
        } else {
            font_size
        };
        self.glyphs.push(Glyph {
            page: self.page,
            x: trm.m31,
            y: trm.m32,
            width: width * size,
            size,
            text: text.to_string(),
        });
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }
}

/// Reads the paragraphs of a PDF.
pub fn pdf_paragraphs(bytes: &[u8]) -> Result<Vec<String>, ImportError> {
    let damaged = |why: String| ImportError::Damaged {
        format: "pdf".into(),
        why,
    };
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| damaged(format!("{e}")))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(ImportError::Encrypted);
    }
    let pages = doc.get_pages().len();
    if pages == 0 {
        return Err(damaged(
            "no pages: the page tree is missing or broken".into(),
        ));
    }
    let mut collector = Collector::default();
    // The extractor can panic on malformed content streams: a bad file is an error, not a crash.
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        pdf_extract::output_doc(&doc, &mut collector)
    }));
    match run {
        Ok(Ok(())) => {}
        Ok(Err(e)) => return Err(damaged(format!("{e}"))),
        Err(_) => return Err(damaged("the text layer could not be read".into())),
    }
    let visible = collector
        .glyphs
        .iter()
        .filter(|g| !g.text.trim().is_empty())
        .count();
    // A scan has no text, or a few stray characters per page (a document without pages is
    // damaged, above, not scanned).
    if visible < 10 * pages.min(3) {
        // An encryption this reader does not know leaves the text unreadable: that is the
        // password's doing, not a scan.
        if doc.trailer.get(b"Encrypt").is_ok() {
            return Err(ImportError::Encrypted);
        }
        return Err(ImportError::NoTextLayer);
    }
    let lines = lines(collector.glyphs);
    let lines = drop_furniture(lines);
    let out = paragraphs(&lines);
    if out.is_empty() {
        return Err(ImportError::EmptyDocument);
    }
    Ok(out)
}

/// A line of text on a page.
#[derive(Debug, Clone)]
struct Line {
    page: u32,
    y: f64,
    left: f64,
    right: f64,
    size: f64,
    text: String,
}

/// Kangxi radicals (⼀ U+2F00) that some fonts map ideographs to: the ideograph (一).
fn unify(c: char) -> char {
    use unicode_normalization::UnicodeNormalization;
    if ('\u{2E80}'..='\u{2FDF}').contains(&c) {
        std::iter::once(c).nfkc().next().unwrap_or(c)
    } else {
        c
    }
}

/// Groups characters into lines: same page, same baseline (within half a character).
fn lines(glyphs: Vec<Glyph>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut last_right = 0.0;
    for g in glyphs {
        let text: String = g.text.chars().map(unify).collect();
        if text.is_empty() {
            continue;
        }
        let same_line = out.last().is_some_and(|l| {
            l.page == g.page && (l.y - g.y).abs() < 0.5 * g.size.max(l.size).max(1.0)
        });
        if same_line {
            let line = out.last_mut().expect("checked");
            // A gap wider than a third of a character between two Latin letters or digits is
            // a space the PDF does not draw.
            let gap = g.x - last_right;
            let prev = line.text.chars().last();
            let next = text.chars().next();
            if gap > 0.3 * g.size
                && prev.is_some_and(|c| !c.is_whitespace() && !is_cjk_like(c))
                && next.is_some_and(|c| !c.is_whitespace() && !is_cjk_like(c))
            {
                line.text.push(' ');
            }
            line.text.push_str(&text);
            line.left = line.left.min(g.x);
            line.right = line.right.max(g.x + g.width);
            if !text.trim().is_empty() {
                line.size = line.size.max(g.size);
            }
        } else {
            out.push(Line {
                page: g.page,
                y: g.y,
                left: g.x,
                right: g.x + g.width,
                size: if text.trim().is_empty() { 0.0 } else { g.size },
                text: text.clone(),
            });
        }
        last_right = g.x + g.width;
    }
    out.retain(|l| !l.text.trim().is_empty());
    for l in &mut out {
        l.text = l.text.trim().to_string();
    }
    // Top to bottom within a page (content streams may draw a footer first).
    out.sort_by(|a, b| {
        a.page
            .cmp(&b.page)
            .then(b.y.partial_cmp(&a.y).unwrap_or(std::cmp::Ordering::Equal))
    });
    out
}

/// A page number on a line of its own: 3, — 3 —, - 3 -, 第3页, 第 3 页 共 10 页, 3/10.
fn is_page_number(text: &str) -> bool {
    regex!(r"^(?:[—–\-－·•\s]*\d{1,4}[—–\-－·•\s]*|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$")
        .is_match(text.trim())
}

/// Removes page numbers and the running headers and footers: a first or last line of a page
/// whose text (digits aside) comes back on at least half of three or more pages.
fn drop_furniture(lines: Vec<Line>) -> Vec<Line> {
    let mut by_page: Vec<Vec<Line>> = Vec::new();
    for l in lines {
        if is_page_number(&l.text) {
            continue;
        }
        match by_page.last_mut() {
            Some(page) if page[0].page == l.page => page.push(l),
            _ => by_page.push(vec![l]),
        }
    }
    let key = |l: &Line| regex!(r"\d+").replace_all(&l.text, "#").into_owned();
    let pages = by_page.len();
    if pages >= 3 {
        let mut heads: HashMap<String, usize> = HashMap::new();
        let mut feet: HashMap<String, usize> = HashMap::new();
        for page in &by_page {
            *heads.entry(key(&page[0])).or_default() += 1;
            *feet
                .entry(key(page.last().expect("pages are not empty")))
                .or_default() += 1;
        }
        let running = |m: &HashMap<String, usize>, k: &str| {
            m.get(k).is_some_and(|&n| n * 2 >= pages && n >= 3)
        };
        for page in &mut by_page {
            if page.len() > 1 && running(&feet, &key(page.last().expect("not empty"))) {
                page.pop();
            }
            if !page.is_empty() && running(&heads, &key(&page[0])) {
                page.remove(0);
            }
        }
    }
    by_page.into_iter().flatten().collect()
}

/// The most common value, rounded to half a point, of `values`.
fn mode(values: impl Iterator<Item = f64>) -> Option<f64> {
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for v in values {
        *counts.entry((v * 2.0).round() as i64).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(v, n)| (n, -v))
        .map(|(v, _)| v as f64 / 2.0)
}

/// Whether `next` starts with a run of Latin letters or digits (with the punctuation that may
/// not begin a line) too wide for the room left at the end of `prev`: then `prev` ends short
/// because the run wrapped, not because its paragraph ended (接近 | 60%，).
fn wrapped_word(prev: &Line, next: &Line, right: f64) -> bool {
    let run = next
        .text
        .chars()
        .take_while(|c| {
            c.is_ascii_alphanumeric()
                || matches!(c, '%' | '.' | ',' | '，' | '。' | '、' | '）' | ')')
        })
        .count();
    // Latin letters and digits are about half as wide as a Chinese character.
    run > 0 && (run as f64 * 0.6 * next.size) > right - prev.right
}

/// The value below which a share `q` of `values` lie.
fn percentile(values: impl Iterator<Item = f64>, q: f64) -> Option<f64> {
    let mut v: Vec<f64> = values.filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let i = ((v.len() - 1) as f64 * q).round() as usize;
    Some(v[i.min(v.len() - 1)])
}

/// Joins lines into paragraphs.
fn paragraphs(lines: &[Line]) -> Vec<String> {
    let Some(body_size) = mode(
        lines
            .iter()
            .flat_map(|l| std::iter::repeat_n(l.size, l.text.chars().count())),
    ) else {
        return Vec::new();
    };
    let body: Vec<&Line> = lines
        .iter()
        .filter(|l| (l.size - body_size).abs() < 0.1 * body_size)
        .collect();
    let left = mode(body.iter().map(|l| l.left)).unwrap_or(0.0);
    // The right margin: where the long lines end (ragged right varies by a character).
    let right = percentile(
        body.iter()
            .filter(|l| l.text.chars().count() >= 10)
            .map(|l| l.right),
        0.9,
    )
    .unwrap_or(f64::MAX);
    // The line pitch: most pairs of lines are inside a paragraph, so the median distance (the
    // positions jitter by fractions of a point, so the most common value would not do).
    let pitch = percentile(
        body.windows(2)
            .filter(|w| w[0].page == w[1].page)
            .map(|w| w[0].y - w[1].y)
            .filter(|d| *d > 0.0),
        0.5,
    )
    .unwrap_or(body_size * 1.5);
    // 公文 indent every first line by two characters: then an indent is what starts a paragraph,
    // and a line ending short starts one only when it ends far from the margin (a justified line
    // can end a character or two short where a bracket may not end a line). With space between
    // paragraphs instead, the space tells, and a short line only at the foot of a page (where
    // the space cannot be seen). With neither, short last lines are all there is.
    let indented_lines = body
        .iter()
        .filter(|l| (l.left - left - 2.0 * l.size).abs() < 0.6 * l.size)
        .count();
    let indents = indented_lines * 20 >= body.len();
    let spaced = body
        .windows(2)
        .filter(|w| w[0].page == w[1].page && w[0].y - w[1].y > pitch * 1.2)
        .count()
        * 20
        >= body.len();
    let short_by = if indents { 4.0 } else { 1.5 };
    let mut out: Vec<String> = Vec::new();
    let mut prev: Option<&Line> = None;
    for l in lines {
        let starts_paragraph = match prev {
            None => true,
            Some(p) => {
                let size_changes = (l.size - p.size).abs() > 0.15 * p.size.max(l.size);
                let both_large = p.size > body_size * 1.15 && !size_changes;
                let gap = p.page == l.page && p.y - l.y > pitch * 1.2;
                let indented = l.left > left + 0.9 * l.size;
                let short_before = p.right < right - short_by * p.size
                    && !wrapped_word(p, l, right)
                    && (!spaced || indents || p.page != l.page);
                // A full line that ends a sentence, and a line that opens with a heading's
                // number: without indents this is the only sign of a new paragraph.
                let heading_after_sentence = ends_sentence(&p.text) && {
                    let t = l.text.trim_start_matches(is_space);
                    heading_marker(t).is_some() || article_marker(t).is_some()
                };
                if both_large {
                    // A title wrapped over two or three lines is one title (its own line
                    // spacing, not the body's, tells a gap).
                    p.page != l.page || p.y - l.y > 3.0 * p.size
                } else {
                    size_changes || gap || indented || short_before || heading_after_sentence
                }
            }
        };
        if starts_paragraph || out.is_empty() {
            out.push(l.text.clone());
        } else {
            let last = out.last_mut().expect("not empty");
            let joins_words = last
                .chars()
                .last()
                .is_some_and(|c| c.is_ascii_alphanumeric())
                && l.text
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphanumeric());
            if joins_words {
                last.push(' ');
            }
            last.push_str(&l.text);
        }
        prev = Some(l);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(page: u32, y: f64, left: f64, right: f64, text: &str) -> Line {
        Line {
            page,
            y,
            left,
            right,
            size: 16.0,
            text: text.into(),
        }
    }

    #[test]
    fn page_numbers() {
        for n in [
            "— 3 —",
            "- 12 -",
            "3",
            "第3页",
            "第 3 页 共 10 页",
            "3/10",
            "Page 2 of 9",
        ] {
            assert!(is_page_number(n), "{n}");
        }
        for t in ["2020年", "一、看形势", "3个方面"] {
            assert!(!is_page_number(t), "{t}");
        }
    }

    #[test]
    fn without_indents_a_heading_after_a_full_sentence_line_starts_a_paragraph() {
        let full = "今年以来全县经济运行总体平稳主要指标增速处于全市中游。";
        let lines = vec![
            line(
                1,
                700.0,
                88.0,
                500.0,
                "同志们：今天召开会议主要任务是总结上半年工作，",
            ),
            line(1, 672.0, 88.0, 500.0, full),
            line(
                1,
                644.0,
                88.0,
                500.0,
                "二、抓落实。下半年要紧盯目标任务不放松，全力",
            ),
            line(1, 616.0, 88.0, 500.0, full),
            line(
                1,
                588.0,
                88.0,
                500.0,
                "第三条 本办法适用于全县各级机关和事业单位，",
            ),
            line(1, 560.0, 88.0, 300.0, "自公布之日起施行。"),
        ];
        let got = paragraphs(&lines);
        assert_eq!(got.len(), 3, "{got:#?}");
        assert!(got[1].starts_with("二、抓落实") && got[2].starts_with("第三条"));
    }

    #[test]
    fn indented_lines_start_paragraphs_and_wrapped_lines_join() {
        let lines = vec![
            line(
                1,
                700.0,
                120.0,
                500.0,
                "同志们：今天召开会议，主要任务是总结上半年",
            ),
            line(
                1,
                672.0,
                88.0,
                500.0,
                "工作，安排下半年任务。全县上下要再鼓干劲、",
            ),
            line(1, 644.0, 88.0, 300.0, "再出实招。"),
            line(
                1,
                616.0,
                120.0,
                500.0,
                "一、看形势。今年以来，全县经济运行总体平稳，",
            ),
            line(2, 700.0, 88.0, 500.0, "主要指标增速处于全市中游。"),
        ];
        assert_eq!(
            paragraphs(&lines),
            vec![
                "同志们：今天召开会议，主要任务是总结上半年工作，安排下半年任务。全县上下要再鼓干劲、再出实招。",
                "一、看形势。今年以来，全县经济运行总体平稳，主要指标增速处于全市中游。",
            ]
        );
    }

    #[test]
    fn running_headers_go_page_numbers_go() {
        let body = ["同志们：", "今天召开会议。", "一、看形势。", "二、抓落实。"];
        let mut lines = Vec::new();
        for (p, text) in (1..=4).zip(body) {
            lines.push(line(p, 800.0, 88.0, 300.0, "某某县人民政府文件"));
            lines.push(line(p, 700.0, 88.0, 500.0, text));
            lines.push(line(p, 60.0, 250.0, 300.0, &format!("— {p} —")));
        }
        let kept: Vec<String> = drop_furniture(lines).into_iter().map(|l| l.text).collect();
        assert_eq!(kept, body);
    }

    #[test]
    fn kangxi_radicals_become_ideographs() {
        assert_eq!(unify('\u{2F00}'), '一');
        assert_eq!(unify('\u{2F08}'), '人');
        assert_eq!(unify('中'), '中');
    }
}
