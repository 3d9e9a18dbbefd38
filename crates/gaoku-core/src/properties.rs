//! Property tests: every parser on generated input — text decoding, .docx/.odt/.rtf/.html/.doc/
//! .pdf, Markdown drafts and their preview, the outline, search queries and patterns, draft
//! checks. None may panic or hang; where there is a truth to compare with (a plain substring
//! scan, the text that was encoded) the result must equal it. Inputs are built from the pieces
//! speeches and hostile files are made of, so the generator reaches the parsers' tricky paths.
//! A bounded number of cases per property keeps the run to seconds; the last test feeds each
//! parser one large pathological input, which ends at once only when the work is linear.

use std::collections::HashSet;
use std::io::Write;

use proptest::prelude::*;
use proptest::test_runner::Config;

use crate::check::{check_markdown, check_text, CheckOptions, TermSet};
use crate::drafts::{markdown, preview};
use crate::ingest;
use crate::outline::{outline, Node};
use crate::search::{find_matches, query};

/// The stuff of speeches, numbering, Markdown, markup and trouble.
const PIECES: &[&str] = &[
    "一、",
    "二、",
    "三、",
    "（一）",
    "（二）",
    "1.",
    "2．",
    "（1）",
    "1）",
    "①",
    "一是",
    "二是",
    "三是",
    "第一，",
    "首先，",
    "既要",
    "更要",
    "苦干、",
    "实干、",
    "拼命干",
    "狠抓落实",
    "落实",
    "同志们：",
    "附件：",
    "2020年7月15日",
    "二〇二〇年",
    "十四五",
    "的",
    "的的",
    "，",
    "。",
    "；",
    "：",
    "、",
    "“",
    "”",
    "‘",
    "’",
    "《",
    "》",
    "（",
    "）",
    "…",
    "……",
    "*",
    "？",
    "！",
    "—",
    " ",
    "　",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "Ａ",
    "ａ",
    "abc",
    "123",
    "#",
    "## ",
    "**",
    "_",
    "`",
    "> ",
    "- ",
    "1. ",
    "[",
    "]",
    "(",
    ")",
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<script>",
    "</script>",
    "<img src=x onerror=alert(1)>",
    "&amp;",
    "&#x4E00;",
    "&lt;",
    "\\",
    "\u{202E}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{0}",
    "\u{7F}",
    "😀",
    "𠀀",
    "",
];

/// Text assembled from [`PIECES`].
fn speechy(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..max).prop_map(|v| v.concat())
}

/// Paragraphs of [`speechy`] text.
fn paragraphs() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(speechy(30), 0..12)
}

/// XML of a Word body, from elements and text in any order and nesting.
fn word_xml() -> impl Strategy<Value = String> {
    const TAGS: &[&str] = &[
        "<w:p>",
        "</w:p>",
        "<w:r>",
        "</w:r>",
        "<w:t>",
        "</w:t>",
        "<w:t xml:space=\"preserve\">",
        "<w:tab/>",
        "<w:br/>",
        "<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>",
        "<w:pStyle w:val=\"Heading1\"/>",
        "<w:tbl>",
        "</w:tbl>",
        "<w:tc>",
        "</w:tc>",
        "<text:p>",
        "</text:p>",
        "<text:h>",
        "</text:h>",
        "<text:s text:c=\"3\"/>",
        "<text:list>",
        "</text:list>",
        "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>",
        "&a;",
        "<![CDATA[",
        "]]>",
        "<?xml version=\"1.0\"?>",
        "<",
        ">",
        "\"",
        "&",
        "&#0;",
        "&#xD800;",
    ];
    let piece = prop_oneof![
        prop::sample::select(TAGS).prop_map(str::to_string),
        prop::sample::select(PIECES).prop_map(str::to_string),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"w\" xmlns:text=\"t\"><w:body>{}</w:body></w:document>",
            v.concat()
        )
    })
}

/// A zip holding `parts` (name, bytes), as Word and LibreOffice write them.
fn zipped(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The inside of every tag in `html` (`div data-line="0"`, `/p`).
fn tags(html: &str) -> Vec<&str> {
    html.split('<')
        .skip(1)
        .map(|rest| rest.split('>').next().unwrap_or(rest))
        .collect()
}

/// Every node of an outline, depth first.
fn nodes(list: &[Node]) -> Vec<&Node> {
    list.iter()
        .flat_map(|n| std::iter::once(n).chain(nodes(&n.children)))
        .collect()
}

/// Non-overlapping occurrences of `needle` in `text`, left to right, as character spans: the
/// truth phrase search is held to.
fn naive(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let hay: Vec<char> = text.chars().collect();
    let pin: Vec<char> = needle.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while !pin.is_empty() && i + pin.len() <= hay.len() {
        if hay[i..i + pin.len()] == pin[..] {
            out.push((i, i + pin.len()));
            i += pin.len();
        } else {
            i += 1;
        }
    }
    out
}

proptest! {
    #![proptest_config(Config { cases: 300, ..Config::default() })]

    #[test]
    fn decoding_any_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        let _ = ingest::decode::decode_text(&bytes);
    }

    #[test]
    fn text_comes_back_from_every_encoding(text in speechy(200)) {
        // Control characters and BOMs are what decoding may rightly refuse or drop.
        let text = text.replace(['\u{0}', '\u{7F}', '\u{FEFF}'], "");
        prop_assume!(text.chars().filter(|c| !c.is_whitespace()).count() >= 20);
        let plain = |s: &str| s.replace("\r\n", "\n");
        if let Ok(back) = ingest::decode::decode_text(text.as_bytes()) {
            prop_assert_eq!(plain(&back), plain(&text), "UTF-8");
        }
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        if let Ok(back) = ingest::decode::decode_text(&utf16) {
            prop_assert_eq!(plain(&back), plain(&text), "UTF-16LE");
        }
        let (gbk, _, lossy) = encoding_rs::GB18030.encode(&text);
        if !lossy {
            if let Ok(back) = ingest::decode::decode_text(&gbk) {
                prop_assert_eq!(plain(&back), plain(&text), "GB18030");
            }
        }
    }

    #[test]
    fn cleaning_lines_never_panics(text in speechy(300)) {
        let lines = ingest::clean::split_lines(&text);
        let _ = ingest::parse_lines(lines, "题目");
    }

    #[test]
    fn docx_and_odt_of_any_xml_never_panic(xml in word_xml()) {
        let docx = zipped(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", xml.as_bytes()),
            ("word/numbering.xml", xml.as_bytes()),
        ]);
        let _ = ingest::docx::docx_paragraphs(std::io::Cursor::new(&docx));
        let odt = zipped(&[
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("content.xml", xml.as_bytes()),
        ]);
        let _ = ingest::odt::odt_paragraphs(std::io::Cursor::new(&odt));
    }

    #[test]
    fn documents_of_random_bytes_are_refused_not_panicked_on(
        bytes in prop::collection::vec(any::<u8>(), 0..2000),
    ) {
        let _ = ingest::docx::docx_paragraphs(std::io::Cursor::new(&bytes));
        let _ = ingest::odt::odt_paragraphs(std::io::Cursor::new(&bytes));
        let _ = ingest::doc::doc_paragraphs(std::io::Cursor::new(&bytes));
        let _ = ingest::rtf::rtf_paragraphs(&bytes);
        let _ = ingest::html::html_page(&bytes);
        let mut pdf = b"%PDF-1.4\n".to_vec();
        pdf.extend_from_slice(&bytes);
        let _ = ingest::pdf::pdf_paragraphs(&pdf);
    }

    #[test]
    fn rtf_and_html_of_any_markup_never_panic(
        body in prop::collection::vec(prop_oneof![
            prop::sample::select(&[
                "{", "}", "\\par ", "\\pard", "\\'b0", "\\'", "\\u-3000?", "\\u20013?", "\\uc2 ",
                "\\bin5 ", "{\\*\\listtext 1.}", "{\\fonttbl{\\f0 宋体;}}", "\\ansicpg936 ",
                "\\\\", "\\", "<p>", "</p>", "<br>", "<li>", "<script>", "<style>", "</style>",
                "<!--", "-->", "<meta charset=gbk>", "&nbsp;", "&#", ";",
            ][..]).prop_map(str::to_string),
            prop::sample::select(PIECES).prop_map(str::to_string),
        ], 0..80),
    ) {
        let body = body.concat();
        let _ = ingest::rtf::rtf_paragraphs(format!("{{\\rtf1\\ansi {body}}}").as_bytes());
        let _ = ingest::html::html_page(format!("<html><body>{body}</body></html>").as_bytes());
    }

    #[test]
    fn drafts_read_and_preview_without_live_html(md in speechy(200)) {
        let _ = markdown::read(&md);
        let _ = markdown::display_title(&md);
        let html = preview::render(&md);
        for tag in tags(&html) {
            let mut words = tag.trim_start_matches('/').split_whitespace();
            let name = words.next().unwrap_or_default().to_lowercase();
            prop_assert!(
                !["script", "img", "iframe", "style", "object", "embed", "svg", "link", "meta"]
                    .contains(&name.as_str()),
                "live <{}> in {}", name, html
            );
            prop_assert!(
                words.all(|w| !w.to_lowercase().starts_with("on")),
                "an event handler in <{}>: {}", tag, html
            );
        }
    }

    #[test]
    fn outlines_point_into_their_text(paras in paragraphs()) {
        let o = outline("题目", &paras);
        for n in nodes(&o.nodes) {
            prop_assert!(n.para < paras.len());
            prop_assert!((1..=6).contains(&n.level), "level {}", n.level);
        }
        let _ = crate::outline::to_markdown("题目", &paras, true);
    }

    #[test]
    fn any_query_parses_or_is_refused_and_matches_stay_in_the_text(
        q in speechy(12),
        pattern in any::<bool>(),
        paras in paragraphs(),
    ) {
        if let Ok(parsed) = query::parse(&q, pattern) {
            let len: usize = paras.iter().map(|p| p.chars().count() + 1).sum();
            for s in find_matches(&paras, &parsed) {
                prop_assert!(s.start < s.end && s.end <= len, "{:?} of {}", s, len);
            }
        }
    }

    #[test]
    fn phrase_matches_equal_a_substring_scan(
        needle in "[落实抓狠干要的]{1,4}",
        paras in prop::collection::vec("[落实抓狠干要的，。]{0,60}", 0..8),
    ) {
        let parsed = query::parse(&needle, false).unwrap();
        let got: Vec<(usize, usize)> =
            find_matches(&paras, &parsed).iter().map(|s| (s.start, s.end)).collect();
        let mut want = Vec::new();
        let mut offset = 0;
        for p in &paras {
            want.extend(naive(p, &needle).into_iter().map(|(s, e)| (offset + s, offset + e)));
            offset += p.chars().count() + 1;
        }
        prop_assert_eq!(got, want);
    }

    #[test]
    fn checks_never_panic_and_point_into_the_text(md in speechy(200)) {
        let terms = TermSet::builtin();
        let disabled = HashSet::new();
        let opts = CheckOptions { date: "2024-05-01".into(), terms: &terms, disabled: &disabled };
        let len = md.chars().count();
        for f in check_markdown(&md, &opts).into_iter().chain(check_text(&md, true, &opts)) {
            prop_assert!(f.start <= f.end && f.end <= len, "{:?} of {}", f, len);
        }
    }
}

/// One large input of the shape that made a parser quadratic or exponential, per parser: each
/// ends in well under a second when the work is linear, and would run for minutes otherwise.
#[test]
fn pathological_inputs_take_linear_work() {
    // A pattern of one character repeated with gaps, over a long run of that character.
    let text = vec!["的".repeat(200_000)];
    let q = query::parse(&"的…".repeat(11), true).unwrap();
    let _ = find_matches(&text, &q);
    // One paragraph of a megabyte of enumeration markers and headings.
    let para = "一是抓落实；二是（一）1.（1）①".repeat(40_000);
    let o = outline("题目", std::slice::from_ref(&para));
    assert!(!o.title.is_empty());
    let _ = crate::outline::to_markdown("题目", std::slice::from_ref(&para), true);
    // Markdown that nests without end, and emphasis that never closes.
    let md = format!(
        "{}{}{}",
        "> ".repeat(50_000),
        "**强调".repeat(50_000),
        "[".repeat(50_000)
    );
    let _ = markdown::read(&md);
    let _ = preview::render(&md);
    // Checks over one huge paragraph full of quotes and repeats.
    let terms = TermSet::builtin();
    let disabled = HashSet::new();
    let opts = CheckOptions {
        date: "2024-05-01".into(),
        terms: &terms,
        disabled: &disabled,
    };
    let _ = check_text(&"“的的，，十四五".repeat(100_000), false, &opts);
    // Two megabytes of bytes that are almost text.
    let bytes: Vec<u8> = (0..2_000_000u32).map(|i| (i % 251) as u8).collect();
    let _ = ingest::decode::decode_text(&bytes);
}
