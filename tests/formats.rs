//! Every format of a writer's archive, checked against the truth of its plain text. The files
//! are written by real programs: LibreOffice (`soffice --convert-to` .odt, .doc, .docx, .rtf,
//! .html from the sample speech and corpus reports) and pandoc (numbered lists), plus files
//! changed by hand for the cases programs do not write on request (a password flag, an old WPS
//! container, GBK web pages, random bytes).
//!
//! The rule: for .doc/.wps/.rtf/.odt/.html/.docx the paragraphs equal those of the .txt import,
//! and importing them all beside the .txt stores one speech per text, the rest duplicates. For
//! .pdf (LibreOffice's own layout, and the GB/T 9704 .docx export printed to PDF) at least 99 %
//! of the characters match, no paragraph is split mid-sentence and the paragraph count is within
//! 10 % of the text's.

#[path = "common/corpus.rs"]
mod corpus;
#[path = "common/tools.rs"]
mod tools;

use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use gaoku_core::error::ImportError;
use gaoku_core::export::{Format, Style};
use gaoku_core::{Error, Library, OpenOptions};
use tools::{run, soffice_convert, tool};

/// A web page with one `<p>` per line of the text, for LibreOffice to turn into a document.
/// The text is the title and paragraphs of a .txt as its import reads them (so a line wrapped in
/// the .txt is one paragraph here too).
fn paragraph_html(text: &str, charset: &str) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let body: String = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| format!("<p>{}</p>\n", escape(l)))
        .collect();
    format!(
        "<!DOCTYPE html>\n<html><head><meta http-equiv=\"content-type\" content=\"text/html; charset={charset}\"><title>page</title></head><body>\n{body}</body></html>\n"
    )
}

/// What an import reads from a file: its title and paragraphs.
fn read(path: &Path) -> (String, Vec<String>) {
    Library::read_file(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The title and paragraphs of a file as an import reads them, one per line.
fn as_read(path: &Path) -> String {
    let (title, paragraphs) = read(path);
    format!("{title}\n{}\n", paragraphs.join("\n"))
}

fn import_error(path: &Path) -> ImportError {
    match Library::read_file(path) {
        Err(Error::File { source, .. }) => source,
        other => panic!(
            "{}: expected an import error, got {other:?}",
            path.display()
        ),
    }
}

#[test]
fn every_format_reads_as_its_plain_text_and_is_a_duplicate_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir(&src).unwrap();
    let mut texts = Vec::new();
    let mut pages = Vec::new();
    for (i, file) in corpus::sample_and_reports().iter().enumerate() {
        // The .txt under test holds the text as its import reads it, one paragraph per line, so
        // that it and the documents made from it have the same lines to hash.
        let text = as_read(file);
        let txt = src.join(format!("speech{i}.txt"));
        std::fs::write(&txt, &text).unwrap();
        let page = src.join(format!("speech{i}.htm"));
        std::fs::write(&page, paragraph_html(&text, "utf-8")).unwrap();
        texts.push(txt);
        pages.push(page);
    }
    // HTML → .odt as a Writer document, then the .odt → every other format, as a writer's
    // office suite would save it.
    let odt_dir = dir.path().join("odt");
    let odts = soffice_convert(&pages, "odt:writer8", &odt_dir);
    let mut converted: Vec<(String, Vec<PathBuf>)> = vec![("odt".into(), odts.clone())];
    for target in [
        "doc:MS Word 97",
        "docx:MS Word 2007 XML",
        "rtf:Rich Text Format",
        "html:HTML (StarWriter)",
    ] {
        let ext = target.split(':').next().unwrap();
        let out = soffice_convert(&odts, target, &dir.path().join(ext));
        converted.push((ext.to_string(), out));
    }
    // WPS 文字 writes the Word binary format under .wps; a .doc saved by Word as RTF keeps .doc.
    let doc_files = converted[1].1.clone();
    let rtf_files = converted[3].1.clone();
    let mut wps = Vec::new();
    let mut rtf_as_doc = Vec::new();
    for (i, (doc, rtf)) in doc_files.iter().zip(&rtf_files).enumerate() {
        let w = dir.path().join(format!("speech{i}.wps"));
        std::fs::copy(doc, &w).unwrap();
        wps.push(w);
        let r = dir.path().join(format!("speech{i}-rtf.doc"));
        std::fs::copy(rtf, &r).unwrap();
        rtf_as_doc.push(r);
    }
    converted.push(("wps".into(), wps));
    converted.push(("rtf saved as .doc".into(), rtf_as_doc));

    for (i, txt) in texts.iter().enumerate() {
        let (title, paragraphs) = read(txt);
        assert!(paragraphs.len() > 10, "{} has a body", txt.display());
        for (format, files) in &converted {
            let (t, p) = read(&files[i]);
            assert_eq!(
                t,
                title,
                "{format} title of {}",
                corpus::sample_and_reports()[i].display()
            );
            if p != paragraphs {
                let at = p.iter().zip(&paragraphs).position(|(a, b)| a != b);
                panic!(
                    "{format} of {}: {} paragraphs, the .txt has {}; first difference at {at:?}: {:?} vs {:?}",
                    corpus::sample_and_reports()[i].display(),
                    p.len(),
                    paragraphs.len(),
                    at.and_then(|k| p.get(k)),
                    at.and_then(|k| paragraphs.get(k)),
                );
            }
        }
    }

    // All of them into one library: one speech per text, every other file a duplicate of it.
    let mut lib =
        Library::open_with(dir.path().join("lib"), OpenOptions { seed_sample: false }).unwrap();
    let mut all = texts.clone();
    for (_, files) in &converted {
        all.extend(files.iter().cloned());
    }
    let report = lib.import(&all, |_| {}, None);
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    assert_eq!(report.imported.len(), texts.len(), "{:#?}", report.imported);
    assert_eq!(report.duplicates.len(), texts.len() * converted.len());

    // PDFs: LibreOffice's layout of the .odt (spacing between paragraphs), and the library's own
    // GB/T 9704 .docx printed by LibreOffice (indented first lines, — 3 — page numbers, a
    // large two-line title).
    let pdfs = soffice_convert(&odts, "pdf:writer_pdf_Export", &dir.path().join("pdf"));
    // Each PDF beside the file whose text it prints.
    let mut printed: Vec<(PathBuf, PathBuf)> = texts.iter().cloned().zip(pdfs).collect();
    let gb_dir = dir.path().join("gb");
    std::fs::create_dir(&gb_dir).unwrap();
    let mut gb_docx = Vec::new();
    for imported in &report.imported {
        let bytes = lib
            .export_speech(imported.id, Format::Docx, Style::Gbt9704)
            .unwrap();
        let i: usize = imported
            .path
            .trim_end_matches(".txt")
            .rsplit("speech")
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let path = gb_dir.join(format!("speech{i}.docx"));
        std::fs::write(&path, bytes).unwrap();
        gb_docx.push((i, path));
    }
    gb_docx.sort();
    let gb_files: Vec<PathBuf> = gb_docx.into_iter().map(|(_, p)| p).collect();
    let gb_pdfs = soffice_convert(&gb_files, "pdf:writer_pdf_Export", &gb_dir);
    printed.extend(gb_files.into_iter().zip(gb_pdfs));
    let mut exact = 0;
    for (source, pdf) in &printed {
        let (_, want) = read(source);
        let (_, got) = read(pdf);
        let name = pdf.display().to_string();
        let same = similarity(&want.concat(), &got.concat());
        assert!(
            same >= 0.99,
            "{name}: {:.2} % of the characters match",
            same * 100.0
        );
        // Not split mid-sentence: every paragraph read ends where a paragraph of the text ends.
        for p in &got {
            let ends_like_the_text = want
                .iter()
                .any(|w| w.ends_with(p.as_str()) || p.ends_with(w.as_str()));
            assert!(
                ends_like_the_text,
                "{name}: a paragraph that ends mid-paragraph: {p:?}"
            );
        }
        // Paragraphs kept apart: within 10 % of the text's count (merges are what PDFs risk).
        assert!(
            got.len() * 10 >= want.len() * 9 && got.len() * 10 <= want.len() * 11,
            "{name}: {} paragraphs for {}",
            got.len(),
            want.len()
        );
        if got == want {
            exact += 1;
        } else {
            let at = got.iter().zip(&want).position(|(a, b)| a != b);
            println!(
                "{name}: {} paragraphs for {}, {:.2} % of characters; first difference: {:?}",
                got.len(),
                want.len(),
                same * 100.0,
                at.map(|k| (&got[k], &want[k]))
            );
        }
    }
    println!(
        "PDF: {exact} of {} read exactly as the file they print",
        printed.len()
    );
}

/// The share of characters two texts have in common, in order (from a character diff).
fn similarity(a: &str, b: &str) -> f64 {
    let diff = similar::TextDiff::from_chars(a, b);
    diff.ratio() as f64
}

/// A document with the structures programs write differently: automatic Chinese numbering in
/// three levels, a footnote, a table and a text box.
const EDGE_FODT: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles><text:list-style style:name="L1">
<text:list-level-style-number text:level="1" style:num-format="一, 二, 三, ..." style:num-suffix="、"/>
<text:list-level-style-number text:level="2" style:num-format="一, 二, 三, ..." style:num-prefix="（" style:num-suffix="）"/>
<text:list-level-style-number text:level="3" style:num-format="1" style:num-suffix="."/>
</text:list-style></office:automatic-styles>
<office:body><office:text>
<text:p>在全县工作会议上的讲话</text:p>
<text:p>同志们：</text:p>
<text:p>今天召开会议，主要任务是总结工作。<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>这是脚注，不是正文。</text:p></text:note-body></text:note></text:p>
<text:list text:style-name="L1">
<text:list-item><text:p>看形势，增强紧迫感</text:p><text:list>
<text:list-item><text:p>发展势头平稳。上半年经济运行总体平稳。</text:p><text:list>
<text:list-item><text:p>工业增长较快。</text:p></text:list-item>
<text:list-item><text:p>投资稳步回升。</text:p></text:list-item></text:list></text:list-item>
<text:list-item><text:p>问题比较突出。必须保持清醒。</text:p><text:list>
<text:list-item><text:p>项目储备不足。</text:p></text:list-item></text:list></text:list-item>
</text:list></text:list-item>
<text:list-item><text:p>抓推进，掀起新热潮</text:p><text:list>
<text:list-item><text:p>全力以赴稳增长。</text:p></text:list-item></text:list></text:list-item>
</text:list>
<table:table table:name="T1"><table:table-column table:number-columns-repeated="2"/>
<table:table-row><table:table-cell><text:p>指标</text:p></table:table-cell><table:table-cell><text:p>增速</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>地区生产总值</text:p></table:table-cell><table:table-cell><text:p>百分之六</text:p></table:table-cell></table:table-row>
</table:table>
<text:p><draw:frame draw:name="F1" text:anchor-type="paragraph" svg:width="5cm" svg:height="2cm"><draw:text-box><text:p>文本框里的话。</text:p></draw:text-box></draw:frame>正文最后一段。</text:p>
</office:text></office:body></office:document>
"#;

/// The numbered paragraphs as Word, WPS and LibreOffice show them.
const NUMBERED: &[&str] = &[
    "一、看形势，增强紧迫感",
    "（一）发展势头平稳。上半年经济运行总体平稳。",
    "1.工业增长较快。",
    "2.投资稳步回升。",
    "（二）问题比较突出。必须保持清醒。",
    "1.项目储备不足。",
    "二、抓推进，掀起新热潮",
    "（一）全力以赴稳增长。",
];

#[test]
fn numbering_tables_text_boxes_and_notes_as_the_writer_sees_them() {
    let dir = tempfile::tempdir().unwrap();
    let fodt = dir.path().join("edge.fodt");
    std::fs::write(&fodt, EDGE_FODT).unwrap();
    let file =
        |target: &str| soffice_convert(std::slice::from_ref(&fodt), target, dir.path()).remove(0);
    let squeeze = |p: &[String]| -> Vec<String> { p.iter().map(|s| s.replace(' ', "")).collect() };
    for target in [
        "odt",
        "docx:MS Word 2007 XML",
        "rtf",
        "doc:MS Word 97",
        "html",
    ] {
        let path = file(target);
        let (title, p) = read(&path);
        let name = path.display().to_string();
        assert_eq!(title, "在全县工作会议上的讲话", "{name}");
        let body = squeeze(&p);
        // Numbers as shown: .docx (numbering.xml), .odt (list styles), .doc (list tables) and
        // .rtf (the numbers Word and LibreOffice write as \listtext). An HTML <ol> is not
        // rendered: there the items are there without their numbers.
        let numbered = !name.ends_with(".html");
        for (k, want) in NUMBERED.iter().enumerate() {
            let plain = want.split_once(['、', '）', '.']).unwrap().1;
            let want = if numbered { *want } else { plain };
            assert!(
                body.iter().any(|p| p == want),
                "{name}: no paragraph {want:?} (item {k}) in {body:?}"
            );
        }
        for cell in ["指标", "增速", "地区生产总值", "百分之六"] {
            assert!(body.iter().any(|p| p == cell), "{name}: table cell {cell}");
        }
        let boxes = body.iter().filter(|p| p.contains("文本框里的话")).count();
        assert_eq!(boxes, 1, "{name}: the text box once, not twice: {body:?}");
        assert!(
            !body.iter().any(|p| p.contains("脚注")),
            "{name}: no footnote text in the body: {body:?}"
        );
        assert!(
            body.contains(&"今天召开会议，主要任务是总结工作。".to_string()),
            "{name}: no footnote mark left in the sentence: {body:?}"
        );
        if numbered {
            let outline = Library::outline_file(&path).unwrap();
            assert_eq!(
                outline.nodes.len(),
                2,
                "{name}: two 一、 headings in the outline"
            );
            assert_eq!(
                outline.nodes[0].children.len(),
                2,
                "{name}: （一）（二） under 一、"
            );
        }
    }
}

#[test]
fn pandoc_numbered_lists_keep_their_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("list.md");
    std::fs::write(
        &md,
        "# 关于做好当前工作的讲话\n\n同志们：\n\n1. 抓学习。要把学习贯彻放在首位。\n2. 抓落实。要把任务分解到位。\n    a. 明确责任。\n    b. 严格考核。\n3. 抓作风。要把作风建设贯穿始终。\n",
    )
    .unwrap();
    let docx = dir.path().join("list.docx");
    run(Command::new(tool("pandoc")).arg(&md).arg("-o").arg(&docx));
    let (title, p) = read(&docx);
    assert_eq!(title, "关于做好当前工作的讲话");
    assert_eq!(
        p,
        vec![
            "同志们：",
            "1.抓学习。要把学习贯彻放在首位。",
            "2.抓落实。要把任务分解到位。",
            "a.明确责任。",
            "b.严格考核。",
            "3.抓作风。要把作风建设贯穿始终。",
        ]
    );
}

#[test]
fn files_that_cannot_be_read_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let sample = corpus::repo().join("assets/samples/county-half-year-review-2020.txt");
    let text = as_read(&sample);
    let page = dir.path().join("sample.htm");
    std::fs::write(&page, paragraph_html(&text, "utf-8")).unwrap();
    let doc = soffice_convert(std::slice::from_ref(&page), "doc:MS Word 97", dir.path()).remove(0);

    // A password-protected .doc: the FIB's fEncrypted flag (what Word sets with a password).
    let locked = dir.path().join("locked.doc");
    std::fs::copy(&doc, &locked).unwrap();
    {
        let f = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&locked)
            .unwrap();
        let mut ole = cfb::CompoundFile::open(f).unwrap();
        let mut stream = ole.open_stream("/WordDocument").unwrap();
        let mut flags = [0u8; 2];
        stream.seek(SeekFrom::Start(0x0A)).unwrap();
        stream.read_exact(&mut flags).unwrap();
        flags[1] |= 0x01;
        stream.seek(SeekFrom::Start(0x0A)).unwrap();
        stream.write_all(&flags).unwrap();
        stream.flush().unwrap();
    }
    assert_eq!(import_error(&locked), ImportError::Encrypted);

    // An OLE container with no Word text in it (WPS before 2005, or a spreadsheet named .wps).
    let old = dir.path().join("old.wps");
    {
        let mut ole = cfb::create(&old).unwrap();
        ole.create_stream("/WpsContents")
            .unwrap()
            .write_all(b"old format")
            .unwrap();
        ole.flush().unwrap();
    }
    assert_eq!(import_error(&old), ImportError::OldFormat);

    // A .docx saved with a password: Office wraps the encrypted package in an OLE container.
    let sealed = dir.path().join("sealed.docx");
    {
        let mut ole = cfb::create(&sealed).unwrap();
        ole.create_stream("/EncryptionInfo")
            .unwrap()
            .write_all(&[4, 0, 4, 0])
            .unwrap();
        ole.create_stream("/EncryptedPackage")
            .unwrap()
            .write_all(&[0; 64])
            .unwrap();
        ole.flush().unwrap();
    }
    assert_eq!(import_error(&sealed), ImportError::Encrypted);

    // A truncated .doc.
    let bytes = std::fs::read(&doc).unwrap();
    let cut = dir.path().join("cut.doc");
    std::fs::write(&cut, &bytes[..bytes.len() / 3]).unwrap();
    assert!(
        matches!(import_error(&cut), ImportError::Damaged { ref format, .. } if format == "doc"),
        "{:?}",
        import_error(&cut)
    );

    // A scan: a PDF of a page image, with no text layer.
    let pdf = soffice_convert(
        std::slice::from_ref(&page),
        "pdf:writer_pdf_Export",
        dir.path(),
    )
    .remove(0);
    run(Command::new(tool("pdftoppm"))
        .args(["-r", "50", "-f", "1", "-l", "1", "-png"])
        .arg(&pdf)
        .arg(dir.path().join("page")));
    let scan_page = dir.path().join("scan.htm");
    std::fs::write(
        &scan_page,
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>s</title></head><body><p><img src=\"page-1.png\" width=\"500\"></p></body></html>",
    )
    .unwrap();
    let scan = soffice_convert(&[scan_page], "pdf:writer_pdf_Export", dir.path()).remove(0);
    assert_eq!(import_error(&scan), ImportError::NoTextLayer);

    // A PDF with an open password, and a truncated one.
    let locked_pdf = soffice_convert(
        std::slice::from_ref(&page),
        r#"pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}"#,
        &dir.path().join("locked"),
    )
    .remove(0);
    assert_eq!(import_error(&locked_pdf), ImportError::Encrypted);
    let pdf_bytes = std::fs::read(&pdf).unwrap();
    let cut_pdf = dir.path().join("cut.pdf");
    std::fs::write(&cut_pdf, &pdf_bytes[..pdf_bytes.len() / 2]).unwrap();
    assert!(
        matches!(import_error(&cut_pdf), ImportError::Damaged { ref format, .. } if format == "pdf"),
        "{:?}",
        import_error(&cut_pdf)
    );

    // A GBK web page says so in its meta tag; it reads as the .txt does.
    let gbk = dir.path().join("gbk.html");
    let html = paragraph_html(&text, "gb2312");
    std::fs::write(&gbk, encoding_rs::GB18030.encode(&html).0).unwrap();
    assert_eq!(read(&gbk), read(&sample));

    // Random bytes named .txt are not a speech, however they decode.
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let noise: Vec<u8> = (0..20_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    let random = dir.path().join("random.txt");
    std::fs::write(&random, &noise).unwrap();
    assert!(
        matches!(
            import_error(&random),
            ImportError::NotText | ImportError::Binary | ImportError::BadBytes { .. }
        ),
        "{:?}",
        import_error(&random)
    );
    // Without zero bytes and with UTF-16 line breaks it decodes as UTF-16: still not a speech.
    let utf16ish: Vec<u8> = noise
        .chunks(2)
        .enumerate()
        .flat_map(|(i, c)| {
            if i % 30 == 29 {
                [b'\n', 0]
            } else {
                let hi = match c[1] | 1 {
                    h @ 0xD8..=0xDF => h - 0x20,
                    h => h,
                };
                [c[0] | 1, hi]
            }
        })
        .collect();
    std::fs::write(&random, &utf16ish).unwrap();
    assert_eq!(import_error(&random), ImportError::NotText);
}
