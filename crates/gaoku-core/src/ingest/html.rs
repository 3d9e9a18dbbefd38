//! The main text of a saved web page (.html/.htm): a speech copied off a government site comes
//! with menus, breadcrumbs, share buttons, "打印本页" links and a footer around it. The page is
//! decoded (BOM, `<meta charset>`, else UTF-8 or GBK), split into blocks at block-level tags,
//! and only the blocks of the element that holds most of the sentences are kept, without the
//! link lists and the page furniture inside it. The title comes from `<title>` without the site
//! name; a heading in the text itself still wins (see [`super::meta`]).

use std::collections::HashMap;

use encoding_rs::Encoding;

use crate::error::ImportError;
use crate::text::regex;

/// A page's title and the paragraphs of its main text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// `<title>` without the site name (`…_中国政府网`), if there is one.
    pub title: Option<String>,
    /// The main text, one entry per block.
    pub paragraphs: Vec<String>,
}

/// Whether bytes look like a web page (they start with a tag, after a BOM and blanks).
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with('<') && head.contains("<html"))
}

/// Block elements kept open at most: real pages nest a few dozen deep.
const MAX_OPEN: usize = 256;

/// Reads a saved web page.
pub fn html_page(bytes: &[u8]) -> Result<Page, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    let text = decode(bytes)?;
    let doc = Blocks::parse(&text);
    let paragraphs = doc.main_text();
    if paragraphs.is_empty() {
        return Err(ImportError::EmptyDocument);
    }
    Ok(Page {
        title: doc.title.as_deref().and_then(site_title),
        paragraphs,
    })
}

/// The encoding a page declares: a BOM, or `<meta charset>` / `content="…; charset=…"`.
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return Some(enc);
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let label = regex!(r#"charset\s*=\s*["']?\s*([a-z0-9_\-]+)"#)
        .captures(&head)?
        .get(1)?
        .as_str()
        .to_string();
    // GB2312 and GBK pages routinely hold characters outside those sets: read them as GB18030.
    match label.as_str() {
        "gb2312" | "gbk" | "x-gbk" | "gb18030" | "cp936" => Some(encoding_rs::GB18030),
        _ => Encoding::for_label(label.as_bytes()),
    }
}

fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    let enc = declared(bytes).unwrap_or_else(|| {
        if std::str::from_utf8(bytes).is_ok() {
            encoding_rs::UTF_8
        } else {
            encoding_rs::GB18030
        }
    });
    let (text, _, _) = enc.decode(bytes);
    super::decode::plausible(&text)?;
    Ok(text.into_owned())
}

/// `<title>` without the site's name: the part before `_`, `|`, ` - ` or `－`.
fn site_title(title: &str) -> Option<String> {
    let first = regex!(r"\s*(?:_|\||｜|－| - | — |——)\s*")
        .split(title)
        .map(str::trim)
        .find(|s| !s.is_empty())?;
    Some(first.to_string())
}

/// Elements whose content is never text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "select", "button", "iframe", "svg", "canvas",
    "object",
];

/// Elements that end a block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "td",
    "th",
    "table",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "blockquote",
    "pre",
    "center",
    "header",
    "footer",
    "nav",
    "aside",
    "form",
    "main",
    "hr",
    "tbody",
    "body",
    "html",
];

/// Page furniture by element name.
const FURNITURE_TAGS: &[&str] = &["nav", "header", "footer", "aside", "form"];

/// Tags that never have content (`<br>`, `<img>`): no end tag follows.
const VOID: &[&str] = &[
    "br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr",
];

/// One block of text with the elements around it.
#[derive(Debug)]
struct Block {
    text: String,
    /// Characters inside links.
    link_chars: usize,
    /// Open elements (by index into `Blocks::elements`), outermost first.
    path: Vec<usize>,
    furniture: bool,
}

/// A parsed page: blocks of text and the title.
struct Blocks {
    blocks: Vec<Block>,
    title: Option<String>,
    element_count: usize,
}

/// An open element while parsing.
/// Stands for a line end inside `<pre>` until the block is split into its lines.
const PRE_LINE_END: char = '\u{E000}';

struct Open {
    name: String,
    index: usize,
    furniture: bool,
}

/// Whether `class`/`id` words name page furniture (menus, share bars, footers …).
fn furniture_attrs(attrs: &str) -> bool {
    let words = regex!(r#"(?:class|id)\s*=\s*["']([^"']*)["']"#);
    words.captures_iter(attrs).any(|c| {
        c[1].split(|ch: char| !ch.is_ascii_alphanumeric())
            .map(|w| w.to_ascii_lowercase())
            .any(|w| {
                matches!(
                    w.as_str(),
                    "nav"
                        | "navbar"
                        | "menu"
                        | "footer"
                        | "foot"
                        | "header"
                        | "breadcrumb"
                        | "crumb"
                        | "share"
                        | "sidebar"
                        | "copyright"
                        | "banner"
                        | "toolbar"
                        | "login"
                        | "search"
                        | "related"
                        | "comment"
                        | "comments"
                        | "print"
                        | "ad"
                        | "ads"
                        | "advert"
                )
            })
    })
}

impl Blocks {
    fn parse(html: &str) -> Blocks {
        let mut doc = Blocks {
            blocks: Vec::new(),
            title: None,
            element_count: 0,
        };
        let mut open: Vec<Open> = Vec::new();
        let mut text = String::new();
        let mut link_chars = 0usize;
        let mut in_link = 0usize;
        // The element being skipped and how many of its name are open inside it.
        let mut skip: Option<(String, usize)> = None;
        let mut title: Option<String> = None;
        let mut rest = html;
        let flush = |doc: &mut Blocks, open: &[Open], text: &mut String, links: &mut usize| {
            // Inside <pre> (what LibreOffice writes for a text file) each line is a line.
            for line in text.split(PRE_LINE_END) {
                let t = collapse(&decode_entities(line));
                if !t.is_empty() {
                    doc.blocks.push(Block {
                        text: t,
                        link_chars: *links,
                        path: open.iter().map(|o| o.index).collect(),
                        furniture: open.iter().any(|o| o.furniture),
                    });
                }
            }
            text.clear();
            *links = 0;
        };
        while !rest.is_empty() {
            let Some(lt) = rest.find('<') else {
                if skip.is_none() {
                    text.push_str(rest);
                }
                break;
            };
            let (before, after) = rest.split_at(lt);
            if let Some(t) = title.as_mut() {
                t.push_str(before);
            } else if skip.is_none() {
                if in_link > 0 {
                    link_chars += before.chars().filter(|c| !c.is_whitespace()).count();
                }
                if open.iter().any(|o| o.name == "pre") {
                    text.push_str(
                        &before
                            .replace("\r\n", "\n")
                            .replace('\n', &PRE_LINE_END.to_string()),
                    );
                } else {
                    text.push_str(before);
                }
            }
            if let Some(body) = after.strip_prefix("<!--") {
                rest = body.find("-->").map_or("", |e| &body[e + 3..]);
                continue;
            }
            let Some(gt) = after.find('>') else {
                break;
            };
            let tag = &after[1..gt];
            rest = &after[gt + 1..];
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if name.is_empty() {
                continue;
            }
            if let Some((skipped, depth)) = &mut skip {
                if *skipped == name && !VOID.contains(&name.as_str()) {
                    if closing {
                        *depth -= 1;
                        if *depth == 0 {
                            skip = None;
                        }
                    } else if !tag.ends_with('/') {
                        *depth += 1;
                    }
                }
                continue;
            }
            if name == "title" {
                if closing {
                    if let Some(t) = title.take() {
                        doc.title = Some(collapse(&decode_entities(&t)));
                    }
                } else if doc.title.is_none() {
                    title = Some(String::new());
                }
                continue;
            }
            let void = VOID.contains(&name.as_str()) || tag.ends_with('/');
            if !closing && !void && (SKIPPED.contains(&name.as_str()) || is_note(tag)) {
                skip = Some((name, 1));
                continue;
            }
            if name == "a" {
                in_link = if closing {
                    in_link.saturating_sub(1)
                } else {
                    in_link + 1
                };
                continue;
            }
            let block = BLOCKS.contains(&name.as_str());
            if block {
                flush(&mut doc, &open, &mut text, &mut link_chars);
            }
            if VOID.contains(&name.as_str()) {
                continue;
            }
            if closing {
                if let Some(i) = open.iter().rposition(|o| o.name == name) {
                    open.truncate(i);
                }
            } else if block && open.len() < MAX_OPEN {
                // Deeper nesting than any page has (a hostile 100,000 <div>s) is read flat.
                doc.element_count += 1;
                open.push(Open {
                    furniture: FURNITURE_TAGS.contains(&name.as_str()) || furniture_attrs(tag),
                    name,
                    index: doc.element_count,
                });
            }
        }
        flush(&mut doc, &open, &mut text, &mut link_chars);
        doc
    }

    /// The blocks of the element that holds the most sentence text, without link lists and
    /// page furniture.
    fn main_text(&self) -> Vec<String> {
        let chars = |b: &Block| b.text.chars().filter(|c| !c.is_whitespace()).count();
        let prose = |b: &Block| {
            !b.furniture
                && b.link_chars * 2 < chars(b).max(1)
                && b.text.contains(['。', '，', '；', '！', '？'])
        };
        // A block's path ends with the element that holds its text (a `p`, or a `div` with
        // `br`s). Each sentence block counts for the element around that one, and half for the
        // next: the element that holds the paragraphs side by side scores highest.
        let mut score: HashMap<usize, usize> = HashMap::new();
        for b in self.blocks.iter().filter(|b| prose(b)) {
            let n = chars(b);
            let up = |k: usize| b.path.len().checked_sub(k).map(|i| b.path[i]);
            if let Some(parent) = up(2) {
                *score.entry(parent).or_default() += n;
            }
            if let Some(grandparent) = up(3) {
                *score.entry(grandparent).or_default() += n / 2;
            }
        }
        let best = score
            .into_iter()
            .max_by_key(|&(i, s)| (s, std::cmp::Reverse(i)))
            .map(|(i, _)| i);
        self.blocks
            .iter()
            .filter(|b| best.is_none_or(|best| b.path.contains(&best)))
            .filter(|b| !b.furniture && b.link_chars * 2 < chars(b).max(1))
            .filter(|b| !is_page_tool(&b.text))
            .map(|b| b.text.clone())
            .collect()
    }
}

/// The text of a piece of raw HTML (a block inside Markdown): block ends become paragraph breaks,
/// other tags go, entities are decoded.
pub fn block_text(html: &str) -> String {
    let breaks = regex!(r"(?i)</(?:p|div|li|h[1-6]|tr|blockquote|section|article)\s*>|<br\s*/?>")
        .replace_all(html, "\n\n");
    let text = regex!(r"<[^>]*>").replace_all(&breaks, "");
    decode_entities(&text)
}

/// A footnote or endnote, or the reference to one (LibreOffice `sdfootnote…`, Word `_ftn1`):
/// notes are not the body, as in the other formats.
fn is_note(tag: &str) -> bool {
    let lower = tag.to_ascii_lowercase();
    regex!(r#"(?:class|id|name|href)\s*=\s*["']?[^"'\s>]*(?:footnote|endnote|_ftn|_edn)"#)
        .is_match(&lower)
}

#[cfg(test)]
mod pre_tests {
    #[test]
    fn pre_keeps_its_lines() {
        let page = b"<html><body><pre>\xe5\x9c\xa8\xe4\xbc\x9a\xe4\xb8\x8a\xe7\x9a\x84\xe8\xae\xb2\xe8\xaf\x9d\n\xe5\x90\x8c\xe5\xbf\x97\xe4\xbb\xac\xef\xbc\x9a\n\xe4\xb8\x80\xe3\x80\x81\xe7\x9c\x8b\xe5\xbd\xa2\xe5\x8a\xbf\n</pre></body></html>";
        let got = super::html_page(page).unwrap();
        assert_eq!(got.paragraphs, ["在会上的讲话", "同志们：", "一、看形势"]);
    }
}

/// Short lines of page tools that sit inside the article on government sites.
fn is_page_tool(line: &str) -> bool {
    line.chars().count() <= 40
        && regex!(r"打印本页|关闭窗口|【?\s*字[体号]\s*[：:]?\s*[【\[]?\s*大|分享到|扫一扫|【打印】|【关闭】|上一篇|下一篇|浏览次数|责任编辑|相关链接")
            .is_match(line)
}

/// Whitespace runs (line ends of the HTML source included) to one space, as a browser shows
/// them; whether a space between Chinese characters stays is decided later, as for a .txt
/// (see [`super::clean::tidy_line`]).
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace() && c != '\u{3000}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// `&amp;`, `&nbsp;`, `&#12345;`, `&#x4e00;` and the named entities Chinese pages use.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    regex!(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
        .replace_all(s, |c: &regex::Captures| {
            let e = &c[1];
            let ch = if let Some(hex) = e.strip_prefix("#x").or_else(|| e.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if let Some(dec) = e.strip_prefix('#') {
                dec.parse().ok().and_then(char::from_u32)
            } else {
                Some(match e {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
                    "ldquo" => '“',
                    "rdquo" => '”',
                    "lsquo" => '‘',
                    "rsquo" => '’',
                    "mdash" => '—',
                    "ndash" => '–',
                    "hellip" => '…',
                    "middot" => '·',
                    "times" => '×',
                    "divide" => '÷',
                    "deg" => '°',
                    "copy" => '©',
                    "reg" => '®',
                    "bull" => '•',
                    "permil" => '‰',
                    _ => return c[0].to_string(),
                })
            };
            ch.map_or_else(|| c[0].to_string(), String::from)
        })
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn government_page_keeps_the_article_only() {
        let page = r#"<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
        <title>在全县半年工作总结会议上的讲话_某某县人民政府</title><script>var a = "<p>不是正文。</p>";</script></head>
        <body><div class="nav"><a href="/">首页</a> <a href="/x">政务公开</a></div>
        <div class="crumb">当前位置：<a href="/">首页</a> &gt; 讲话</div>
        <div id="main"><h1>在全县半年工作总结会议上的讲话</h1>
        <div class="info">发布时间：2020-07-15</div>
        <p>同志们：</p>
        <p>今天我们召开会议，主要任务是总结上半年工作，
        安排下半年任务。</p>
        <p>一、“一分为二”看形势。今年以来，全县上下&ldquo;稳中求进&rdquo;。</p>
        <p>【打印本页】【关闭窗口】</p></div>
        <div class="share">分享到：微信、微博。</div>
        <div class="footer">版权所有：某某县人民政府。网站标识码：123，ICP备案。</div></body></html>"#;
        let bytes = encoding_rs::GB18030.encode(page).0;
        let mut got = html_page(&bytes).unwrap();
        // Spaces between Chinese characters are the cleaner's to judge, as for a .txt.
        got.paragraphs = got
            .paragraphs
            .iter()
            .map(|p| super::super::clean::tidy_line(p))
            .collect();
        assert_eq!(got.title.as_deref(), Some("在全县半年工作总结会议上的讲话"));
        assert_eq!(
            got.paragraphs,
            vec![
                "在全县半年工作总结会议上的讲话",
                "发布时间：2020-07-15",
                "同志们：",
                "今天我们召开会议，主要任务是总结上半年工作，安排下半年任务。",
                "一、“一分为二”看形势。今年以来，全县上下“稳中求进”。",
            ]
        );
    }

    #[test]
    fn html_is_recognised_by_content() {
        assert!(looks_like_html(b"\xEF\xBB\xBF<!DOCTYPE html><html>"));
        assert!(looks_like_html(b"  <html><body>x</body></html>"));
        assert!(!looks_like_html("同志们：<b>注意</b>".as_bytes()));
    }
}
