//! A hostile corpus, generated: files built to exhaust a reader's memory, stack or time, or to
//! be taken for what they are not. Each is small on disk (the largest is a few MB); what they
//! claim or expand to is not.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};

/// One hostile file: its name (the extension decides the reader) and bytes.
pub struct Hostile {
    pub name: &'static str,
    pub bytes: Vec<u8>,
    /// What it attacks, for the printed table.
    pub attack: &'static str,
}

/// Every hostile file. `bomb_mb` is what the inflating ones expand to.
pub fn all(bomb_mb: usize) -> Vec<Hostile> {
    vec![
        Hostile {
            name: "pdf-page-tree-loop.pdf",
            bytes: pdf(&[
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            ]),
            attack: "a page tree whose node lists itself",
        },
        Hostile {
            name: "pdf-self-drawing-xobject.pdf",
            bytes: pdf(&[
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X 4 0 R >> >> /Contents 5 0 R >>",
                "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X 4 0 R >> >> /Length 5 >>\nstream\n/X Do\nendstream",
                "<< /Length 5 >>\nstream\n/X Do\nendstream",
            ]),
            attack: "a form XObject that draws itself",
        },
        Hostile {
            name: "pdf-stream-bomb.pdf",
            bytes: pdf_with_stream_bomb(bomb_mb),
            attack: "a content stream that inflates far past memory",
        },
        Hostile {
            name: "pdf-no-mediabox-bad-font.pdf",
            bytes: pdf(&[
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
                "<< /Length 30 >>\nstream\nBT /F1 12 Tf (\u{1}\u{2}) Tj ET   \nendstream",
                "<< /Type /Font /Subtype /CIDFontType2 /W [1 [-1e30] 2 3] /FontDescriptor 7 0 R >>",
                "<< /Type /FontDescriptor /FontFile2 7 0 R >>",
            ]),
            attack: "no MediaBox, a Type0 font with broken widths and a descriptor holding itself",
        },
        Hostile {
            name: "pdf-unknown-encrypt.pdf",
            bytes: {
                let mut b = pdf(&[
                    "<< /Type /Catalog /Pages 2 0 R >>",
                    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                    "<< /Length 8 >>\nstream\n\x0f\x01\x1c\x17\x13\x0e\x02\x7f\nendstream",
                    "<< /Filter /NoSuchHandler /V 9 /R 9 /O (x) /U (y) /P -4 >>",
                ]);
                let text = String::from_utf8_lossy(&b).replace("/Root 1 0 R", "/Root 1 0 R /Encrypt 5 0 R");
                b = text.into_bytes();
                b
            },
            attack: "an /Encrypt of a security handler nobody knows",
        },
        Hostile {
            name: "pdf-broken-xref.pdf",
            bytes: b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\nxref\n0 9999999\ntrailer << /Root 1 0 R /Size 9999999 >>\nstartxref\n9\n%%EOF\n".to_vec(),
            attack: "an xref table that claims ten million objects",
        },
        Hostile {
            name: "html-deep-nesting.html",
            bytes: format!(
                "<html><body>{}在会上的讲话{}</body></html>",
                "<div>".repeat(100_000),
                "</div>".repeat(100_000)
            )
            .into_bytes(),
            attack: "100,000 nested <div>s",
        },
        Hostile {
            name: "html-closing-flood.html",
            bytes: format!("<html><body><p>正文</p>{}</body></html>", "</p></div>".repeat(400_000))
                .into_bytes(),
            attack: "400,000 closing tags with nothing open",
        },
        Hostile {
            name: "rtf-deep-groups.rtf",
            bytes: format!(
                "{{\\rtf1\\ansi {}讲话{}}}",
                "{".repeat(100_000),
                "}".repeat(100_000)
            )
            .into_bytes(),
            attack: "RTF groups 100,000 deep",
        },
        Hostile {
            name: "rtf-random.rtf",
            bytes: {
                let mut b = b"{\\rtf1".to_vec();
                b.extend(noise(20_000, 7));
                b
            },
            attack: "an RTF header followed by random bytes",
        },
        Hostile {
            name: "docx-numbering-bomb.docx",
            bytes: docx_numbering_bomb(),
            attack: "numbering that starts at four billion in letters, %1 repeated 5,000 times",
        },
        Hostile {
            name: "docx-zip-bomb.docx",
            bytes: zip_of(&[("word/document.xml", zeros_deflated_entry())]),
            attack: "a document.xml that inflates 1,000-fold",
        },
        Hostile {
            name: "docx-dot-dot-names.docx",
            bytes: zip_of(&[
                ("../../evil.xml", b"<x/>".to_vec()),
                ("word/../../document.xml", b"<w:document/>".to_vec()),
            ]),
            attack: "zip entries named ../",
        },
        Hostile {
            name: "doc-random-cp1252.doc",
            bytes: noise(30_000, 11).iter().map(|b| b | 0x80).collect(),
            attack: "random high bytes named .doc",
        },
        Hostile {
            name: "one-byte.txt",
            bytes: b"!".to_vec(),
            attack: "a file holding one byte",
        },
        Hostile {
            name: "one-hash.md",
            bytes: b"#".to_vec(),
            attack: "a Markdown file holding one #",
        },
        Hostile {
            name: "pdf-looking.txt",
            bytes: "%PDF- 这不是 PDF，是一段文字：在全县工作会议上的讲话。同志们，今天召开会议。".as_bytes().to_vec(),
            attack: "a text file that begins with %PDF-",
        },
    ]
}

/// Names of the hostile files that, once their trap is disarmed, hold a real text and must be
/// read (quickly, without the memory their trap asks for); the rest must be refused.
pub const READABLE: &[&str] = &[
    "pdf-looking.txt",
    "html-deep-nesting.html",
    "html-closing-flood.html",
    "docx-numbering-bomb.docx",
];

/// Writes every hostile file into `dir`; their paths.
pub fn write_all(dir: &Path, bomb_mb: usize) -> Vec<PathBuf> {
    all(bomb_mb)
        .into_iter()
        .map(|h| {
            let path = dir.join(h.name);
            std::fs::write(&path, &h.bytes).unwrap();
            path
        })
        .collect()
}

/// Deterministic noise (xorshift).
pub fn noise(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// A PDF of the given objects (numbered from 1), with a correct xref table.
pub fn pdf(objects: &[&str]) -> Vec<u8> {
    pdf_bytes(
        &objects
            .iter()
            .map(|o| o.as_bytes().to_vec())
            .collect::<Vec<_>>(),
    )
}

fn pdf_bytes(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend(body);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A one-page PDF whose content stream inflates to `mb` MB of zeros.
fn pdf_with_stream_bomb(mb: usize) -> Vec<u8> {
    let stream = zlib_zeros(mb * 1024 * 1024);
    let mut content = format!(
        "<< /Length {} /Filter /FlateDecode >>\nstream\n",
        stream.len()
    )
    .into_bytes();
    content.extend(&stream);
    content.extend(b"\nendstream");
    pdf_bytes(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_vec(),
        content,
    ])
}

/// A zlib stream of `n` zero bytes, written by hand with deflate's fixed codes: one literal,
/// then back-references of 258 bytes at distance 1 (13 bits each, about 1:160).
pub fn zlib_zeros(n: usize) -> Vec<u8> {
    let mut bits = Bits::default();
    bits.put(1, 1); // the last block
    bits.put(1, 2); // fixed Huffman codes
    bits.code(0b0011_0000, 8); // literal 0
    let mut left = n.saturating_sub(1);
    while left >= 258 {
        bits.code(0b1100_0101, 8); // length 258 (symbol 285)
        bits.code(0, 5); // distance 1
        left -= 258;
    }
    for _ in 0..left {
        bits.code(0b0011_0000, 8);
    }
    bits.code(0, 7); // end of block
    let mut out = vec![0x78, 0x01];
    out.extend(bits.finish());
    let b = (n % 65521) as u32;
    out.extend(((b << 16) | 1).to_be_bytes());
    out
}

#[derive(Default)]
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    /// `len` bits of `value`, least significant first (header fields).
    fn put(&mut self, value: u64, len: u32) {
        self.acc |= value << self.n;
        self.n += len;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }
    /// A Huffman code, most significant bit first.
    fn code(&mut self, code: u64, len: u32) {
        let mut reversed = 0;
        for i in 0..len {
            reversed |= ((code >> i) & 1) << (len - 1 - i);
        }
        self.put(reversed, len);
    }
    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

/// A zip of the given entries, deflated.
pub fn zip_of(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        z.start_file(*name, opts).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap().into_inner()
}

/// 200 MB of a repeated XML comment: the entry a zip bomb holds (compressed by the zip writer).
fn zeros_deflated_entry() -> Vec<u8> {
    let mut xml = b"<w:document xmlns:w=\"w\"><w:body>".to_vec();
    xml.resize(200 * 1024 * 1024, b' ');
    xml
}

/// A .docx whose list numbering starts at 4,000,000,000 in letters, with a level text that
/// repeats the number 5,000 times, on 300 paragraphs.
fn docx_numbering_bomb() -> Vec<u8> {
    let numbering = format!(
        r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="4000000000"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="{}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#,
        "%1".repeat(5000)
    );
    let para = r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>抓落实</w:t></w:r></w:p>"#;
    let document = format!(
        r#"<w:document xmlns:w="w"><w:body>{}</w:body></w:document>"#,
        para.repeat(300)
    );
    zip_of(&[
        ("[Content_Types].xml", b"<Types/>".to_vec()),
        ("word/document.xml", document.into_bytes()),
        ("word/numbering.xml", numbering.into_bytes()),
    ])
}
