//! Native .docx through docx-rs: the GB/T 9704-2012 公文 layout, a plain everyday style, or the
//! 念稿版 reading copy. Quotes, dashes and ellipses are written in runs of their own in the
//! Chinese font with an East-Asian hint: Word otherwise draws these characters, which Unicode
//! shares between scripts, in the Latin font (Times New Roman where a unit asks for it).

use docx_rs::{
    AlignmentType, DocGrid, DocGridType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin,
    PageNum, Paragraph, Run, RunFonts, SpecialIndentType,
};

use super::{ExportDoc, ExportSettings, FontSet, Style};
use crate::error::{Error, Result};
use crate::zh::{is_space, minutes};

/// Millimetres to twentieths of a point.
const fn mm(v: i32) -> i32 {
    v * 1440 * 10 / 254
}

/// Fonts and sizes of one style.
struct Look {
    /// Half-points.
    title_size: usize,
    body_size: usize,
    title_font: &'static str,
    body_font: &'static str,
    /// Levels 1–4: font and bold.
    heading: [(&'static str, bool); 4],
    page_number_font: &'static str,
    page_number_size: usize,
    line: LineSpacing,
    first_line_indent: i32,
}

/// (仿宋, 楷体, 小标宋) of a font set.
fn gongwen_fonts(set: FontSet) -> (&'static str, &'static str, &'static str) {
    match set {
        FontSet::Gb2312 => ("仿宋_GB2312", "楷体_GB2312", "方正小标宋_GBK"),
        FontSet::Common => ("仿宋", "楷体", "方正小标宋简体"),
    }
}

fn look(style: Style, settings: &ExportSettings) -> Look {
    let (fang, kai, title) = gongwen_fonts(settings.font_set);
    match style {
        // 2号 title 小标宋, 3号 body 仿宋, 一、黑体 （一）楷体 1.仿宋加粗 （1）仿宋, 4号 宋体 page
        // numbers, fixed 29 pt lines (22 lines on the 225 mm type area).
        Style::Gbt9704 => Look {
            title_size: 44,
            body_size: 32,
            title_font: title,
            body_font: fang,
            heading: [("黑体", false), (kai, false), (fang, true), (fang, false)],
            page_number_font: "宋体",
            page_number_size: 28,
            line: LineSpacing::new()
                .line_rule(LineSpacingType::Exact)
                .line(580)
                .before(0)
                .after(0),
            first_line_indent: 640,
        },
        // 小二 bold title, 小四 body, 1.5 line spacing, bold headings.
        Style::Plain => Look {
            title_size: 36,
            body_size: 24,
            title_font: "宋体",
            body_font: "宋体",
            heading: [
                ("黑体", false),
                ("宋体", true),
                ("宋体", true),
                ("宋体", false),
            ],
            page_number_font: "宋体",
            page_number_size: 21,
            line: LineSpacing::new()
                .line_rule(LineSpacingType::Auto)
                .line(360)
                .before(0)
                .after(0),
            first_line_indent: 480,
        },
        // The 公文 layout's fonts at the chosen size (三号 or larger), lines 1.8 times the type, so
        // the reader keeps the place and marks fit between them.
        Style::Reading => {
            let body = settings.reading_size as usize * 2;
            Look {
                title_size: body + 12,
                body_size: body,
                line: LineSpacing::new()
                    .line_rule(LineSpacingType::Auto)
                    .line(432)
                    .before(0)
                    .after(0),
                first_line_indent: (body * 20) as i32,
                ..look(Style::Gbt9704, settings)
            }
        }
    }
}

/// Characters Unicode shares between Chinese and Latin text, which Word draws in the Latin font
/// unless told otherwise: quotes, dashes, the ellipsis, the middle dot.
fn ambiguous(c: char) -> bool {
    matches!(
        c,
        '\u{2018}'..='\u{201F}' | '\u{2014}' | '\u{2015}' | '\u{2026}' | '\u{00B7}' | '\u{2022}'
    )
}

/// Fonts named for East-Asian text (and Latin text in the same family) so Word and WPS use them.
fn fonts(name: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(name)
        .ascii(name)
        .hi_ansi(name)
        .cs(name)
        .hint("eastAsia")
}

fn run(text: &str, font: &str, size: usize, bold: bool) -> Run {
    styled(
        Run::new().add_text(text).fonts(fonts(font)).size(size),
        bold,
    )
}

fn styled(r: Run, bold: bool) -> Run {
    if bold {
        r.bold()
    } else {
        r
    }
}

/// A paragraph's text as runs: in `font`, digits and Latin letters in `latin` when a unit asks
/// for one, the ambiguous punctuation in runs of its own in `font` (see [`ambiguous`]).
fn add_text(
    mut p: Paragraph,
    text: &str,
    font: &str,
    size: usize,
    bold: bool,
    latin: Option<&str>,
) -> Paragraph {
    let Some(latin) = latin else {
        return p.add_run(run(text, font, size, bold));
    };
    let mixed = RunFonts::new()
        .east_asia(font)
        .ascii(latin)
        .hi_ansi(latin)
        .cs(latin)
        .hint("eastAsia");
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let kind = ambiguous(c);
        let next_differs = chars.peek().is_none_or(|&(_, n)| ambiguous(n) != kind);
        if next_differs {
            let end = i + c.len_utf8();
            let piece = &text[start..end];
            p = p.add_run(if kind {
                run(piece, font, size, bold)
            } else {
                styled(
                    Run::new().add_text(piece).fonts(mixed.clone()).size(size),
                    bold,
                )
            });
            start = end;
        }
    }
    p
}

fn body_paragraph(l: &Look) -> Paragraph {
    Paragraph::new()
        .line_spacing(l.line.clone())
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(l.first_line_indent)),
            None,
            None,
        )
        .first_line_chars(200)
        // Left, not justified: LibreOffice (7.4) drops a 、 or ， that a justified CJK line would
        // hang into the margin. Lines of Han characters fill the measure either way.
        .align(AlignmentType::Left)
}

fn centred(l: &Look) -> Paragraph {
    Paragraph::new()
        .line_spacing(l.line.clone())
        .align(AlignmentType::Center)
}

/// A page-number footer: `— 1 —`, on the right (odd pages) or left (even pages), one
/// character in from the edge.
fn page_footer(l: &Look, align: AlignmentType, style: Style) -> Footer {
    let dash = |t: &str| run(t, l.page_number_font, l.page_number_size, false);
    let mut p = Paragraph::new().align(align);
    if style == Style::Gbt9704 {
        let one_char = (l.page_number_size * 10) as i32;
        p = match align {
            AlignmentType::Right => p.indent(None, None, Some(one_char), None),
            _ => p.indent(Some(one_char), None, None, None),
        };
        p = p
            .add_run(dash("— "))
            .add_page_num(PageNum::new())
            .add_run(dash(" —"));
    } else {
        p = p.add_page_num(PageNum::new());
    }
    Footer::new().add_paragraph(p)
}

/// The speaking time of each level-1 part of a reading copy: for the paragraph of each level-1
/// heading, (字 of the part up to the next one, 字 from the start to the part's end). What comes
/// before the first heading (the salutation, the opening) counts into the running total.
pub fn part_lengths(doc: &ExportDoc) -> std::collections::BTreeMap<usize, (usize, usize)> {
    let headings = doc.headings();
    let starts: Vec<usize> = (0..doc.paragraphs.len())
        .filter(|i| headings.get(i).is_some_and(|h| h.level == 1))
        .collect();
    let count = |r: std::ops::Range<usize>| -> usize {
        doc.paragraphs[r]
            .iter()
            .map(|p| crate::zh::word_count(p))
            .sum()
    };
    let mut out = std::collections::BTreeMap::new();
    let mut total = count(0..starts.first().copied().unwrap_or(0));
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(doc.paragraphs.len());
        let n = count(s..end);
        total += n;
        out.insert(s, (n, total));
    }
    out
}

/// The document as a .docx file.
pub fn docx(doc: &ExportDoc, style: Style, settings: &ExportSettings) -> Result<Vec<u8>> {
    let l = look(style, settings);
    let latin = settings.latin_font.as_deref().map(str::trim);
    let margins = match style {
        Style::Gbt9704 => PageMargin::new()
            .top(mm(37))
            .bottom(mm(35))
            .left(mm(28))
            .right(mm(26))
            .header(mm(15))
            .footer(mm(18)),
        Style::Plain => PageMargin::new()
            .top(1440)
            .bottom(1440)
            .left(1800)
            .right(1800)
            .header(851)
            .footer(992),
        // A wide right margin for the reader's marks.
        Style::Reading => PageMargin::new()
            .top(mm(25))
            .bottom(mm(25))
            .left(mm(25))
            .right(mm(55))
            .header(mm(12))
            .footer(mm(12)),
    };
    let mut d = Docx::new()
        .page_size(11906, 16838)
        .page_margin(margins)
        .default_fonts(fonts(l.body_font))
        .default_size(l.body_size);
    if style == Style::Gbt9704 {
        d.document.section_property = d.document.section_property.clone().doc_grid(
            DocGrid::new()
                .grid_type(DocGridType::Lines)
                .line_pitch(579)
                .char_space(0),
        );
        d = d
            .footer(page_footer(&l, AlignmentType::Right, style))
            .even_footer(page_footer(&l, AlignmentType::Left, style));
    } else {
        d = d.footer(page_footer(&l, AlignmentType::Center, style));
    }

    let title_bold = style == Style::Plain;
    d = d.add_paragraph(add_text(
        centred(&l).outline_lvl(0).keep_next(true),
        doc.title.trim(),
        l.title_font,
        l.title_size,
        title_bold,
        latin,
    ));
    // Under the title, as a printed speech has them: the occasion (unless the title already
    // says it), the speaker, the date in parentheses; in 楷体.
    let subtitle = doc
        .subtitle
        .as_deref()
        .filter(|s| !doc.title.contains(s.trim()));
    let date = doc.date.as_deref().map(|d| format!("（{}）", d.trim()));
    for line in [subtitle, doc.author.as_deref(), date.as_deref()]
        .into_iter()
        .flatten()
    {
        d = d.add_paragraph(add_text(
            centred(&l),
            line.trim(),
            l.heading[1].0,
            l.body_size,
            false,
            latin,
        ));
    }
    let parts = if style == Style::Reading {
        part_lengths(doc)
    } else {
        Default::default()
    };
    let note = |text: String| {
        let p = centred(&l).keep_next(true);
        add_text(p, &text, l.heading[1].0, l.body_size * 3 / 4, false, latin)
    };
    if style == Style::Reading {
        let all: usize = doc
            .paragraphs
            .iter()
            .map(|p| crate::zh::word_count(p))
            .sum();
        d = d.add_paragraph(note(format!(
            "（全文 {all} 字，按每分钟 {} 字{}）",
            settings.pace,
            minutes(all, settings.pace)
        )));
    }
    // One blank line between the title block and the text.
    d = d.add_paragraph(centred(&l));

    let headings = doc.headings();
    for (i, raw) in doc.paragraphs.iter().enumerate() {
        let p = raw.trim_matches(is_space);
        if p.is_empty() {
            continue;
        }
        let mut para = body_paragraph(&l).widow_control(true);
        match headings.get(&i) {
            Some(h) => {
                let (font, bold) = l.heading[(h.level.clamp(1, 4) - 1) as usize];
                para = add_text(para, &h.head, font, l.body_size, bold, latin);
                if h.whole {
                    // A heading never ends a page, nor is split by one.
                    para = para
                        .outline_lvl(h.level as usize)
                        .keep_next(true)
                        .keep_lines(true);
                } else {
                    let body = p[h.head.len()..].trim_matches(is_space);
                    para = add_text(para, body, l.body_font, l.body_size, false, latin);
                }
            }
            None => para = add_text(para, p, l.body_font, l.body_size, false, latin),
        }
        d = d.add_paragraph(para);
        // The reading copy says at each part how long it takes and where the clock stands.
        if let Some(&(n, total)) = parts.get(&i) {
            d = d.add_paragraph(note(format!(
                "本部分{} · 累计{}",
                minutes(n, settings.pace),
                minutes(total, settings.pace)
            )));
        }
    }

    let mut out = std::io::Cursor::new(Vec::new());
    let failed = |why: String| Error::Library(crate::error::LibraryError::DocxWrite { why });
    d.build()
        .pack(&mut out)
        .map_err(|e| failed(e.to_string()))?;
    deflate(&out.into_inner()).map_err(|e| failed(e.to_string()))
}

/// The package again with every part compressed: docx-rs stores them as they are, ten times
/// the size of the text (a long speech became a 90 MB file).
fn deflate(stored: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    let mut from = zip::ZipArchive::new(std::io::Cursor::new(stored))?;
    let mut to = zip::ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(stored.len() / 4)));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for i in 0..from.len() {
        let mut part = from.by_index(i)?;
        if part.is_dir() {
            to.add_directory(part.name(), options)?;
            continue;
        }
        to.start_file(part.name(), options)?;
        std::io::copy(&mut part, &mut to)?;
    }
    Ok(to.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_of_a_long_speech_is_compressed() {
        let paragraphs: Vec<String> = (0..20_000)
            .map(|i| format!("{}、第{i}条，狠抓各项工作落实。", i % 9 + 1))
            .collect();
        let text_bytes: usize = paragraphs.iter().map(String::len).sum();
        let doc = ExportDoc {
            title: "在全县工作会议上的讲话".into(),
            subtitle: None,
            date: None,
            author: None,
            paragraphs,
            marked_levels: std::collections::HashMap::new(),
        };
        let bytes = docx(&doc, Style::default(), &ExportSettings::default()).unwrap();
        // Stored parts took ten times the text; deflated XML is a fraction of it.
        assert!(bytes.len() < text_bytes, "{} ≥ {text_bytes}", bytes.len());
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        let mut body = String::new();
        for i in 0..zip.len() {
            let mut part = zip.by_index(i).unwrap();
            if !part.is_dir() {
                assert_eq!(part.compression(), zip::CompressionMethod::Deflated);
            }
            if part.name() == "word/document.xml" {
                std::io::Read::read_to_string(&mut part, &mut body).unwrap();
            }
        }
        assert!(body.contains("第19999条"), "the last paragraph is there");
    }
}
