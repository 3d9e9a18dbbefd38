//! Native .docx through docx-rs: the GB/T 9704-2012 公文 layout or a plain everyday style.

use docx_rs::{
    AlignmentType, DocGrid, DocGridType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin,
    PageNum, Paragraph, Run, RunFonts, SpecialIndentType,
};

use super::{ExportDoc, Style};
use crate::error::{Error, Result};
use crate::text::is_space;

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

fn look(style: Style) -> Look {
    match style {
        // 2号 title 小标宋, 3号 body 仿宋, 一、黑体 （一）楷体 1.仿宋加粗 （1）仿宋, 4号 宋体 page
        // numbers, fixed 29 pt lines (22 lines on the 225 mm type area).
        Style::Gbt9704 => Look {
            title_size: 44,
            body_size: 32,
            title_font: "方正小标宋_GBK",
            body_font: "仿宋_GB2312",
            heading: [
                ("黑体", false),
                ("楷体_GB2312", false),
                ("仿宋_GB2312", true),
                ("仿宋_GB2312", false),
            ],
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
    }
}

/// Fonts named for East-Asian text (and Latin text in the same family) so Word and WPS use them.
fn fonts(name: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(name)
        .ascii(name)
        .hi_ansi(name)
        .cs(name)
}

fn run(text: &str, font: &str, size: usize, bold: bool) -> Run {
    let r = Run::new().add_text(text).fonts(fonts(font)).size(size);
    if bold {
        r.bold()
    } else {
        r
    }
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

/// The document as a .docx file.
pub fn docx(doc: &ExportDoc, style: Style) -> Result<Vec<u8>> {
    let l = look(style);
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
    d = d.add_paragraph(centred(&l).outline_lvl(0).add_run(run(
        doc.title.trim(),
        l.title_font,
        l.title_size,
        title_bold,
    )));
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
        d = d.add_paragraph(centred(&l).add_run(run(
            line.trim(),
            l.heading[1].0,
            l.body_size,
            false,
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
        let mut para = body_paragraph(&l);
        match headings.get(&i) {
            Some(h) => {
                let (font, bold) = l.heading[(h.level.clamp(1, 4) - 1) as usize];
                para = para.add_run(run(&h.head, font, l.body_size, bold));
                if h.whole {
                    para = para.outline_lvl(h.level as usize).keep_next(true);
                } else {
                    let body = p[h.head.len()..].trim_matches(is_space);
                    para = para.add_run(run(body, l.body_font, l.body_size, false));
                }
            }
            None => para = para.add_run(run(p, l.body_font, l.body_size, false)),
        }
        d = d.add_paragraph(para);
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
        let bytes = docx(&doc, Style::default()).unwrap();
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
