//! Exports checked with the real tools a writer's documents meet: pandoc turns the exported
//! Markdown into .docx (heading styles, one paragraph per paragraph, no added spaces, with and
//! without `east_asian_line_breaks`); LibreOffice opens the native .docx and prints it to PDF,
//! whose text, page size and margins are measured with poppler. pandoc, LibreOffice and poppler
//! come from Debian's packages (the test command installs them).

#[path = "common/corpus.rs"]
mod corpus;
#[path = "common/tools.rs"]
mod tools;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use gaoku_core::export::{ExportDoc, Format, Style};
use gaoku_core::outline::outline;
use gaoku_core::{Library, OpenOptions};
use tools::{run, soffice_convert, tool};

/// The speeches under test: the sample, and three corpus reports when the corpus is present.
fn documents(lib: &mut Library) -> Vec<(i64, String)> {
    let files = corpus::sample_and_reports();
    let report = lib.import(&files, |_| {}, None);
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    report
        .imported
        .iter()
        .map(|i| (i.id, i.title.clone()))
        .collect()
}

/// The paragraphs of a .docx: (style id, text).
fn docx_paragraphs(docx: &[u8]) -> Vec<(String, String)> {
    let xml = document_xml(docx);
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut out = Vec::new();
    let mut cur: Option<(String, String)> = None;
    let mut in_text = false;
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)
                if e.name().as_ref() == b"w:pStyle" =>
            {
                let v = e.try_get_attribute("w:val").unwrap().unwrap();
                if let Some(c) = cur.as_mut() {
                    c.0 = String::from_utf8(v.value.to_vec()).unwrap();
                }
            }
            quick_xml::events::Event::Start(e) if e.name().as_ref() == b"w:p" => {
                cur = Some((String::new(), String::new()))
            }
            quick_xml::events::Event::Start(e) if e.name().as_ref() == b"w:t" => in_text = true,
            quick_xml::events::Event::End(e) if e.name().as_ref() == b"w:t" => in_text = false,
            quick_xml::events::Event::Text(t) if in_text => {
                if let Some(c) = cur.as_mut() {
                    c.1.push_str(&t.unescape().unwrap());
                }
            }
            quick_xml::events::Event::End(e) if e.name().as_ref() == b"w:p" => {
                out.extend(cur.take());
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn document_xml(docx: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

fn open_library(dir: &Path) -> Library {
    Library::open_with(dir, OpenOptions { seed_sample: false }).unwrap()
}

#[test]
fn markdown_through_pandoc_keeps_headings_paragraphs_and_text() {
    tool("pandoc");
    let lib_dir = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let mut lib = open_library(lib_dir.path());
    for (id, title) in documents(&mut lib) {
        let s = lib.speech(id).unwrap();
        let md_path = work.path().join(format!("{id}.md"));
        let md = lib.export_speech(id, Format::Md, Style::Gbt9704).unwrap();
        std::fs::write(&md_path, &md).unwrap();
        let o = outline(&s.meta.title, &s.paragraphs);
        // Headings standing alone as paragraphs get Heading styles; inline ones stay in the text.
        let standalone: Vec<(u8, String)> = o
            .headings()
            .into_iter()
            .filter(|n| s.paragraphs[n.para].trim() == format!("{}{}", n.marker, n.title))
            .map(|n| (n.level, s.paragraphs[n.para].trim().to_string()))
            .collect();
        for reader in ["markdown", "markdown+east_asian_line_breaks"] {
            let docx_path = work.path().join(format!("{id}.docx"));
            run(Command::new("pandoc")
                .args(["-f", reader])
                .arg(&md_path)
                .arg("-o")
                .arg(&docx_path));
            let paras = docx_paragraphs(&std::fs::read(&docx_path).unwrap());
            // Title block from the front matter, then the `#` title, then one per paragraph.
            let body_start = paras
                .iter()
                .position(|(style, _)| style == "Heading1")
                .unwrap_or_else(|| panic!("{title}: no Heading1 in {paras:?}"));
            assert_eq!(paras[body_start].1, s.meta.title, "{title} ({reader})");
            assert_eq!(paras[0], ("Title".to_string(), s.meta.title.clone()));
            let body = &paras[body_start + 1..];
            assert_eq!(
                body.len(),
                s.paragraphs.len(),
                "{title} ({reader}): paragraph count"
            );
            for (i, ((_, got), want)) in body.iter().zip(&s.paragraphs).enumerate() {
                assert_eq!(
                    got,
                    want.trim(),
                    "{title} ({reader}): paragraph {i} differs"
                );
            }
            let headings: Vec<(u8, String)> = body
                .iter()
                .filter_map(|(style, text)| {
                    let level: u8 = style.strip_prefix("Heading")?.parse().ok()?;
                    Some((level - 1, text.clone()))
                })
                .collect();
            assert_eq!(headings, standalone, "{title} ({reader}): heading styles");
        }
        if title.contains("2019") {
            assert!(
                standalone.len() >= 3,
                "the 2019 report has standalone headings"
            );
        }
    }
}

/// `soffice --convert-to pdf` in its own profile folder; returns the PDF's path.
fn to_pdf(docx: &Path, out_dir: &Path) -> PathBuf {
    soffice_convert(&[docx.to_path_buf()], "pdf", out_dir).remove(0)
}

/// Words of one PDF page with their boxes, from `pdftotext -bbox`.
fn word_boxes(pdf: &Path, page: u32) -> Vec<(f64, f64, f64, f64, String)> {
    let html = String::from_utf8(run(Command::new(tool("pdftotext"))
        .args(["-bbox", "-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg("-")))
    .unwrap();
    let re = regex::Regex::new(
        r#"<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>"#,
    )
    .unwrap();
    re.captures_iter(&html)
        .map(|c| {
            let f = |i: usize| c[i].parse::<f64>().unwrap();
            (f(1), f(2), f(3), f(4), c[5].to_string())
        })
        .collect()
}

const MM: f64 = 72.0 / 25.4;

#[test]
fn native_docx_opens_in_libreoffice_with_the_whole_text_on_a4() {
    tool("soffice");
    let lib_dir = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let mut lib = open_library(lib_dir.path());
    let page_number = regex::Regex::new(r"^\s*—?\s*\d+\s*—?\s*$").unwrap();
    for (id, title) in documents(&mut lib) {
        let s = lib.speech(id).unwrap();
        for style in [Style::Gbt9704, Style::Plain] {
            let bytes = lib.export_speech(id, Format::Docx, style).unwrap();
            let xml = document_xml(&bytes);
            assert!(
                xml.contains(r#"<w:pgSz w:w="11906" w:h="16838""#),
                "A4 page"
            );
            if style == Style::Gbt9704 {
                // 37/35/28/26 mm in twentieths of a point.
                for m in [
                    r#"w:top="2097""#,
                    r#"w:bottom="1984""#,
                    r#"w:left="1587""#,
                    r#"w:right="1474""#,
                ] {
                    assert!(xml.contains(m), "{title}: margin {m}");
                }
                assert!(xml.contains(r#"w:eastAsia="仿宋_GB2312""#));
                assert!(xml.contains(r#"w:eastAsia="方正小标宋_GBK""#));
            }
            let docx_path = work.path().join(format!("{id}-{style:?}.docx"));
            std::fs::write(&docx_path, &bytes).unwrap();
            let pdf = to_pdf(&docx_path, work.path());
            let info = String::from_utf8(run(Command::new(tool("pdfinfo")).arg(&pdf))).unwrap();
            assert!(
                info.contains("595.") && info.contains("841.") && info.contains("A4"),
                "{info}"
            );
            // The whole text is in the PDF (page-number lines removed, whitespace ignored).
            let text =
                String::from_utf8(run(Command::new("pdftotext").arg(&pdf).arg("-"))).unwrap();
            let squeezed: String = text
                .lines()
                .filter(|l| !page_number.is_match(l))
                .collect::<String>()
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '\u{3000}' && *c != '\u{c}')
                .collect();
            for (i, p) in s.paragraphs.iter().enumerate() {
                let want: String = p
                    .chars()
                    .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
                    .collect();
                assert!(
                    squeezed.contains(&want),
                    "{title} {style:?}: paragraph {i} missing from the PDF"
                );
            }
            if style == Style::Gbt9704 && title.contains("2020年半年") {
                // The picture in the README: page 1 of the sample speech as exported.
                let dir = corpus::repo().join("tests/e2e/screenshots");
                std::fs::create_dir_all(&dir).unwrap();
                run(Command::new(tool("pdftoppm"))
                    .args(["-f", "1", "-l", "1", "-r", "70", "-png", "-singlefile"])
                    .arg(&pdf)
                    .arg(dir.join("export-gbt9704")));
            }
            if style == Style::Gbt9704 {
                // Page 2 is all body text: it sits inside the 公文 margins.
                let words = word_boxes(&pdf, 2);
                assert!(!words.is_empty());
                let body: Vec<_> = words.iter().filter(|w| w.1 < 841.9 - 30.0 * MM).collect();
                let left = body.iter().map(|w| w.0).fold(f64::MAX, f64::min);
                let top = body.iter().map(|w| w.1).fold(f64::MAX, f64::min);
                let right = body.iter().map(|w| w.2).fold(0.0, f64::max);
                assert!(
                    (left - 28.0 * MM).abs() < 2.0,
                    "{title}: left margin {:.1} mm",
                    left / MM
                );
                // Closing punctuation may hang into the margin by one character (16 pt);
                // full lines end at the 26 mm margin.
                let measure_end = 595.3 - 26.0 * MM;
                assert!(
                    right <= measure_end + 16.5,
                    "{title}: right edge {:.1} mm",
                    right / MM
                );
                let mut line_ends: std::collections::BTreeMap<i64, f64> = Default::default();
                for w in &body {
                    let end = line_ends.entry(w.1.round() as i64).or_insert(0.0);
                    *end = end.max(w.2);
                }
                let full = line_ends
                    .values()
                    .filter(|&&e| (e - measure_end).abs() < 16.5)
                    .count();
                assert!(
                    full * 3 >= line_ends.len(),
                    "{title}: lines do not fill the 156 mm measure ({full} of {})",
                    line_ends.len()
                );
                assert!(
                    (37.0 * MM - 1.0..37.0 * MM + 12.0).contains(&top),
                    "{title}: top {:.1} mm",
                    top / MM
                );
                // The page number of an even page is on the left, odd pages on the right.
                let footer: Vec<_> = words.iter().filter(|w| w.1 > 841.9 - 35.0 * MM).collect();
                let num = footer.iter().find(|w| w.4 == "2").expect("page number 2");
                assert!(num.0 < 595.3 / 2.0, "even page number on the left");
            }
        }
    }
}

#[test]
fn drafts_export_with_markdown_headings_and_never_overwrite() {
    let lib_dir = tempfile::tempdir().unwrap();
    let mut lib = open_library(lib_dir.path());
    let d = lib
        .create_draft(
            "# 在会上的讲话\n\n同志们：\n\n## 一、看形势\n\n要*狠抓*落实，1. 不是列表。\n\n## 背景\n\n(1) 也不是列表 $5 @人 \"引号\" -- ...\n",
            None,
        )
        .unwrap();
    let md =
        String::from_utf8(lib.export_draft(d.id, Format::Md, Style::Gbt9704).unwrap()).unwrap();
    assert!(md.contains("\n## 一、看形势\n"), "{md}");
    assert!(md.contains("\n## 背景\n"), "{md}");
    // What the writer sees is what the Markdown says: read back, the text is the same.
    let back = ExportDoc::from_markdown(md.split("---\n").nth(2).unwrap());
    assert_eq!(
        back.paragraphs,
        ExportDoc::from_markdown(&d.body).paragraphs
    );
    assert!(back
        .paragraphs
        .contains(&"(1) 也不是列表 $5 @人 \"引号\" -- ...".to_string()));
    let txt =
        String::from_utf8(lib.export_draft(d.id, Format::Txt, Style::Plain).unwrap()).unwrap();
    assert!(
        txt.starts_with("在会上的讲话\n\n同志们：\n一、看形势\n要狠抓落实"),
        "{txt}"
    );

    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("讲话.docx");
    let bytes = lib
        .export_draft(d.id, Format::Docx, Style::Gbt9704)
        .unwrap();
    Library::write_export(&path, &bytes, false).unwrap();
    let err = Library::write_export(&path, b"other", false).unwrap_err();
    assert!(err.to_string().contains("already exists"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    Library::write_export(&path, b"other", true).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"other");
    let names: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
}

/// Text without any whitespace (pdftotext breaks lines where the page does).
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}' && *c != '\u{c}')
        .collect()
}

#[test]
fn the_reading_copy_opens_in_libreoffice_large_with_each_parts_time_and_no_heading_ends_a_page() {
    tool("soffice");
    let lib_dir = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let mut lib = open_library(lib_dir.path());
    let mut settings = lib.export_settings().unwrap();
    settings.reading_size = 18; // 小二
    settings.pace = 200;
    lib.set_export_settings(&settings).unwrap();
    let page_number = regex::Regex::new(r"^\s*—?\s*\d+\s*—?\s*$").unwrap();
    for (id, title) in documents(&mut lib) {
        let doc = lib.speech_export_doc(id).unwrap();
        let parts = gaoku_core::export::part_lengths(&doc);
        assert!(!parts.is_empty(), "{title}: no level-1 part");
        let bytes = lib.export_speech(id, Format::Docx, Style::Reading).unwrap();
        let xml = document_xml(&bytes);
        // 55 mm right margin for notes; 18 pt body (36 half-points); headings kept whole and
        // with what follows.
        assert!(xml.contains(r#"w:right="3118""#), "{title}: right margin");
        assert!(xml.contains(r#"<w:sz w:val="36" />"#), "{title}: body size");
        assert!(xml.contains("<w:keepLines />") && xml.contains("<w:keepNext />"));
        let path = work.path().join(format!("{id}-reading.docx"));
        std::fs::write(&path, &bytes).unwrap();
        let pdf = to_pdf(&path, work.path());
        let text = String::from_utf8(run(Command::new("pdftotext").arg(&pdf).arg("-"))).unwrap();
        let all = squeeze(&text);
        // The total and every part's time and running total, at 200 字 a minute.
        let chars: usize = doc
            .paragraphs
            .iter()
            .map(|p| gaoku_core::zh::word_count(p))
            .sum();
        let total = format!(
            "（全文{chars}字，按每分钟200字{}）",
            squeeze(&gaoku_core::zh::minutes(chars, 200))
        );
        assert!(all.contains(&total), "{title}: {total}");
        for (n, running) in parts.values() {
            let note = format!(
                "本部分{}·累计{}",
                squeeze(&gaoku_core::zh::minutes(*n, 200)),
                squeeze(&gaoku_core::zh::minutes(*running, 200))
            );
            assert!(all.contains(&note), "{title}: {note}");
        }
        let last = parts.values().last().unwrap().1;
        assert_eq!(
            last, chars,
            "{title}: the running total ends at the whole text"
        );
        if title.contains("2020年半年") {
            // The picture in the README: page 1 of the sample's reading copy.
            let dir = corpus::repo().join("tests/e2e/screenshots");
            std::fs::create_dir_all(&dir).unwrap();
            run(Command::new(tool("pdftoppm"))
                .args(["-f", "1", "-l", "1", "-r", "60", "-png", "-singlefile"])
                .arg(&pdf)
                .arg(dir.join("export-reading")));
        }

        // Large type: body words on page 2 stand about 18 pt tall.
        let words = word_boxes(&pdf, 2);
        let mut heights: Vec<f64> = words.iter().map(|w| w.3 - w.1).collect();
        heights.sort_by(f64::total_cmp);
        let median = heights[heights.len() / 2];
        assert!(
            (16.0..26.0).contains(&median),
            "{title}: words {median:.1} pt tall"
        );

        // No page ends with a heading or with a part's time note.
        // Headings standing alone as paragraphs (as the outline parser finds them).
        let headings: Vec<String> = outline(&doc.title, &doc.paragraphs)
            .headings()
            .into_iter()
            .map(|n| squeeze(&doc.paragraphs[n.para]))
            .filter(|p| p.len() <= 120)
            .collect();
        let pages: Vec<&str> = text
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        assert!(pages.len() > 2, "{title}: {} pages", pages.len());
        for (k, page) in pages.iter().enumerate().take(pages.len() - 1) {
            let body: String = page
                .lines()
                .filter(|l| !page_number.is_match(l))
                .collect::<Vec<_>>()
                .join("\n");
            let body = squeeze(&body);
            for h in &headings {
                assert!(
                    !body.ends_with(h.as_str()),
                    "{title}: page {} ends with the heading {h}",
                    k + 1
                );
            }
            assert!(
                !body.ends_with("分钟"),
                "{title}: page {} ends with a time note",
                k + 1
            );
        }
    }
}

#[test]
fn with_times_new_roman_for_latin_quotes_dashes_and_ellipses_stay_in_the_chinese_font() {
    let lib_dir = tempfile::tempdir().unwrap();
    let lib = open_library(lib_dir.path());
    let draft_text = "# 在“十四五”开局之年的讲话\n\n## 一、关于‘稳’字——2021年GDP增长8.1%……\n\n要坚持“稳中求进”——这是总基调……全年增长6%以上。\n";
    let mut lib = lib;
    let d = lib.create_draft(draft_text, None).unwrap();
    let runs_re = regex::Regex::new(r"(?s)<w:r>(.*?)</w:r>").unwrap();
    let text_re = regex::Regex::new(r"<w:t[^>]*>([^<]*)</w:t>").unwrap();
    let fonts_re = regex::Regex::new(r"<w:rFonts[^>]*/>").unwrap();
    for (set, fang) in [
        (gaoku_core::export::FontSet::Gb2312, "仿宋_GB2312"),
        (gaoku_core::export::FontSet::Common, "仿宋"),
    ] {
        let mut s = lib.export_settings().unwrap();
        s.font_set = set;
        s.latin_font = Some("Times New Roman".into());
        lib.set_export_settings(&s).unwrap();
        for style in [Style::Gbt9704, Style::Reading] {
            let xml = document_xml(&lib.export_draft(d.id, Format::Docx, style).unwrap());
            let runs = &runs_re;
            let attr = |rpr: &str, name: &str| -> Option<String> {
                regex::Regex::new(&format!(r#"w:{name}="([^"]*)""#))
                    .unwrap()
                    .captures(rpr)
                    .map(|c| c[1].to_string())
            };
            let (mut quoted, mut latin) = (0, 0);
            for r in runs.captures_iter(&xml) {
                let body = &r[1];
                let Some(t) = text_re.captures(body) else {
                    continue;
                };
                let text = t[1].to_string();
                let Some(fonts) = fonts_re.find(body) else {
                    panic!("a run without fonts: {text}");
                };
                let fonts = fonts.as_str();
                let east = attr(fonts, "eastAsia").unwrap();
                assert_eq!(attr(fonts, "hint").as_deref(), Some("eastAsia"), "{text}");
                if text.chars().any(|c| "“”‘’—…".contains(c)) {
                    // Its own run, every slot the Chinese font: no way to fall to Times New Roman.
                    quoted += 1;
                    assert!(text.chars().all(|c| "“”‘’—…".contains(c)), "{text} mixes");
                    assert_eq!(attr(fonts, "ascii"), Some(east.clone()), "{text}");
                    assert_eq!(attr(fonts, "hAnsi"), Some(east.clone()), "{text}");
                    assert!(
                        [
                            "黑体",
                            fang,
                            "楷体_GB2312",
                            "楷体",
                            "方正小标宋_GBK",
                            "方正小标宋简体"
                        ]
                        .contains(&east.as_str()),
                        "{east}"
                    );
                } else if text.chars().any(|c| c.is_ascii_alphanumeric()) {
                    latin += 1;
                    assert_eq!(
                        attr(fonts, "ascii").as_deref(),
                        Some("Times New Roman"),
                        "{text}"
                    );
                    assert_ne!(east, "Times New Roman");
                }
            }
            assert!(quoted >= 6, "{style:?}: {quoted} quote/dash runs");
            assert!(latin >= 2, "{style:?}: {latin} Latin runs");
            assert!(xml.contains(&format!(r#"w:eastAsia="{fang}""#)));
        }
    }
}
