//! Cleaning raw lines into paragraphs: invisible characters, stray spaces, resale/advert blocks and
//! watermarks, hard line breaks inside paragraphs. Real speech text is never rewritten.

use crate::zh::{is_cjk_like, is_han, is_invisible, is_space};

fn is_fullwidth_punct(c: char) -> bool {
    is_cjk_like(c) && !is_han(c)
}

/// Phrases that only ever occur in resale, advert or watermark lines, never in a speech.
const AD_MARKERS: &[&str] = &[
    "仅供学习",
    "禁止外传",
    "请勿外传",
    "会员群",
    "会员资料",
    "会员材料",
    "QQ群",
    "qq群",
    "Q群",
    "微信群",
    "加微信",
    "订阅立享",
    "立享前",
    "举报倒卖",
    "倒卖会员",
    "打击倒卖",
    "扫码关注",
    "关注公众号",
    "微信公众号",
    "免费赠送一年",
    "资料群",
    "更多资料",
    "联系删除",
    "转载请注明",
    "阅读原文",
    "长按识别",
    "责任编辑：",
    "http://",
    "https://",
    "www.",
];

/// The longest line that can be an advert or watermark line.
const AD_MAX_CHARS: usize = 60;
/// Lines longer than this are body text: the head block of adverts ends before one.
const BODY_MIN_CHARS: usize = 60;
/// The head block searched for adverts is at most this many non-empty lines.
const HEAD_MAX_LINES: usize = 24;

/// Lines up to this long may use a space between Chinese words on purpose (a title and its
/// subtitle, 国务院总理 李克强); in longer lines such a space is noise from paste or PDF.
const SHORT_LINE_CHARS: usize = 40;

/// Removes invisible characters, tidies spaces and trims one line.
///
/// A space next to full-width punctuation always goes; between two Chinese characters it goes in
/// body text and in letter-spaced lines (全 县 上 下), and stays (as one space) in short lines;
/// between Chinese and Latin or digits one space is kept.
pub fn tidy_line(line: &str) -> String {
    let chars: Vec<char> = line
        .chars()
        .filter(|c| !is_invisible(*c))
        .map(|c| if c == '\u{00A0}' || c == '\t' { ' ' } else { c })
        .filter(|c| !c.is_control())
        .collect();
    let trimmed: &[char] = {
        let start = chars
            .iter()
            .position(|c| !is_space(*c))
            .unwrap_or(chars.len());
        let end = chars
            .iter()
            .rposition(|c| !is_space(*c))
            .map_or(start, |e| e + 1);
        &chars[start..end]
    };
    // Gaps between two Chinese characters, to tell letter-spacing from a deliberate space.
    let mut cjk_gaps = 0;
    for (i, c) in trimmed.iter().enumerate() {
        if is_space(*c) && i > 0 && !is_space(trimmed[i - 1]) {
            let next = trimmed[i..].iter().find(|c| !is_space(**c));
            if is_cjk_like(trimmed[i - 1]) && next.is_some_and(|n| is_cjk_like(*n)) {
                cjk_gaps += 1;
            }
        }
    }
    let visible = trimmed.iter().filter(|c| !is_space(**c)).count();
    let han = trimmed.iter().filter(|c| is_han(**c)).count();
    let squeeze_cjk = visible > SHORT_LINE_CHARS || (cjk_gaps >= 3 && cjk_gaps * 3 >= han);
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < trimmed.len() {
        let c = trimmed[i];
        if !is_space(c) {
            out.push(c);
            i += 1;
            continue;
        }
        let before = trimmed[i - 1]; // trimmed: a space is never first or last
        while is_space(trimmed[i]) {
            i += 1;
        }
        let after = trimmed[i];
        let both_cjk = is_cjk_like(before) && is_cjk_like(after);
        let drop =
            is_fullwidth_punct(before) || is_fullwidth_punct(after) || (both_cjk && squeeze_cjk);
        if !drop {
            out.push(' ');
        }
    }
    out
}

fn is_ad_line(line: &str) -> bool {
    line.chars().count() <= AD_MAX_CHARS && AD_MARKERS.iter().any(|m| line.contains(m))
}

/// Lines that anchor the start of the real document: a title, a salutation, or body text.
fn is_anchor(line: &str) -> bool {
    const TITLE_WORDS: &[&str] = &[
        "讲话",
        "报告",
        "致辞",
        "发言",
        "总结",
        "决议",
        "汇报",
        "主持词",
        "贺词",
        "党课",
    ];
    line.chars().count() > BODY_MIN_CHARS
        || (!is_ad_line(line) && TITLE_WORDS.iter().any(|w| line.contains(w)))
        || crate::zh::is_salutation(line)
}

/// Drops the advert block at the top (everything before the title when it holds an advert
/// marker) and advert/watermark lines anywhere else. Empty lines are kept for paragraph detection.
pub fn drop_adverts(lines: Vec<String>) -> Vec<String> {
    let non_empty: Vec<usize> = (0..lines.len()).filter(|i| !lines[*i].is_empty()).collect();
    let anchor = non_empty
        .iter()
        .take(HEAD_MAX_LINES)
        .position(|i| is_anchor(&lines[*i]));
    let head_end = match anchor {
        Some(k) if non_empty[..k].iter().any(|i| is_ad_line(&lines[*i])) => non_empty[k],
        _ => 0,
    };
    lines
        .into_iter()
        .enumerate()
        .filter(|(i, l)| *i >= head_end && !is_ad_line(l))
        .map(|(_, l)| l)
        .collect()
}

/// Starts with a heading or enumeration marker, or is a salutation or page furniture: never
/// glued to the line above.
fn starts_block(line: &str) -> bool {
    let re = crate::text::regex!(
        r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、]\D|[（(]\d{1,2}[）)]|第[一二三四五六七八九十]+[，、是章节条部分]|——)"
    );
    // Page furniture (来源：… 发布时间：…) is a line of its own, never a title's or a paragraph's rest.
    re.is_match(line) || crate::zh::is_salutation(line) || crate::zh::lines::is_furniture(line)
}

/// Glues two pieces of one paragraph: no space between Chinese, one between Latin words.
fn glue(into: &mut String, next: &str) {
    let a = into.chars().last();
    let b = next.chars().next();
    if let (Some(a), Some(b)) = (a, b) {
        if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric() {
            into.push(' ');
        }
    }
    into.push_str(next);
}

/// Turns tidied lines into paragraphs.
///
/// Two layouts are recognised: paragraphs separated by blank lines (lines inside a block are one
/// paragraph broken by the source, as in text copied from web pages), and one paragraph per line,
/// possibly hard-wrapped at a fixed width (text copied from a PDF).
pub fn paragraphs(lines: &[String]) -> Vec<String> {
    let non_empty = lines.iter().filter(|l| !l.is_empty()).count();
    let followed = lines
        .windows(2)
        .filter(|w| !w[0].is_empty() && !w[1].is_empty())
        .count();
    if non_empty >= 4 && followed * 2 < non_empty {
        join_blocks(lines)
    } else {
        let lines: Vec<&String> = lines.iter().filter(|l| !l.is_empty()).collect();
        join_wrapped(&lines)
    }
}

fn join_blocks(lines: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current: Option<String> = None;
    for line in lines {
        if line.is_empty() {
            out.extend(current.take());
        } else if let Some(p) = current.as_mut().filter(|_| !starts_block(line)) {
            glue(p, line);
        } else {
            out.extend(current.replace(line.clone()));
        }
    }
    out.extend(current);
    out
}

/// Width at which the text was hard-wrapped, if it was: most lines of one length, none longer.
fn wrap_width(lines: &[&String]) -> Option<usize> {
    let lens: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
    let long: Vec<usize> = lens.iter().copied().filter(|n| *n >= 16).collect();
    if long.len() < 6 {
        return None;
    }
    let max = *long.iter().max()?;
    let near_max = long.iter().filter(|n| **n + 2 >= max).count();
    (near_max * 2 >= long.len()).then_some(max)
}

fn join_wrapped(lines: &[&String]) -> Vec<String> {
    let Some(width) = wrap_width(lines) else {
        return lines.iter().map(|l| l.to_string()).collect();
    };
    let mut out: Vec<String> = Vec::new();
    let mut glue_next = false;
    for line in lines {
        match out.last_mut() {
            Some(p) if glue_next && !starts_block(line) => glue(p, line),
            _ => out.push(line.to_string()),
        }
        glue_next = line.chars().count() + 2 >= width;
    }
    out
}

/// The whole cleaning pipeline for the lines of a text file or the paragraphs of a .docx.
pub fn clean(raw_lines: impl IntoIterator<Item = String>) -> Vec<String> {
    let lines: Vec<String> = raw_lines.into_iter().map(|l| tidy_line(&l)).collect();
    let lines = drop_adverts(lines);
    paragraphs(&lines)
}

/// The last pass every reader's paragraphs go through, whatever the format, so one speech gives
/// one text: Markdown heading marks (`## 第一章 总则` in a .txt) and HTML comment lines out, a
/// paragraph broken inside 《》 joined again, and in a text pasted without line breaks the
/// numbered headings that run on inside a long paragraph (`…几点意见：一、认清形势…二、…`) put at
/// the start of paragraphs of their own.
pub fn finish_paragraphs(paragraphs: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(paragraphs.len());
    let comment = crate::text::regex!(r"^<!--.*-->$");
    let hashes = crate::text::regex!(r"^#{1,6}[ \t\u{3000}]+");
    for p in paragraphs {
        if comment.is_match(&p) {
            continue;
        }
        let p = hashes.replace(&p, "").into_owned();
        if p.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last) if open_title(last) && !starts_block(&p) => glue(last, &p),
            _ => out.push(p),
        }
    }
    out.into_iter()
        .flat_map(|p| split_run_in_headings(&p))
        .collect()
}

/// A paragraph that ends inside 《…》: the source broke the line in a document's name.
fn open_title(p: &str) -> bool {
    p.matches('《').count() > p.matches('》').count() && p.chars().count() < 200
}

/// Paragraphs this long with headings inside were pasted without line breaks.
const RUN_ON_CHARS: usize = 600;

/// Splits a very long paragraph before each numbered heading of a run (一、 … 二、 …) that follows
/// a sentence end, a colon or a space: a text pasted without its line breaks.
fn split_run_in_headings(p: &str) -> Vec<String> {
    if p.chars().count() < RUN_ON_CHARS {
        return vec![p.to_string()];
    }
    let re = crate::text::regex!(r"(?:[。！？：:；]|\s)\s*([一二三四五六七八九十]{1,3})、");
    let mut cuts: Vec<usize> = Vec::new();
    let mut next = 1;
    for c in re.captures_iter(p) {
        let Some(n) = crate::zh::chinese_number(&c[1]) else {
            continue;
        };
        if n == next {
            cuts.push(c.get(1).expect("group").start());
            next += 1;
        }
    }
    if cuts.len() < 2 {
        return vec![p.to_string()];
    }
    let mut out = Vec::new();
    let mut from = 0;
    for cut in cuts {
        let piece = p[from..cut].trim();
        if !piece.is_empty() {
            out.push(piece.to_string());
        }
        from = cut;
    }
    out.push(p[from..].trim().to_string());
    out
}

/// Splits file text into raw lines, whatever the line-break convention.
pub fn split_lines(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .split(['\n', '\u{2028}', '\u{2029}', '\u{000C}'])
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<String> {
        split_lines(s)
    }

    #[test]
    fn spaces_between_chinese_go_latin_spaces_stay() {
        assert_eq!(
            tidy_line("　　全 县 上\u{3000}下 ，Made in  China 2020 年"),
            "全县上下，Made in China 2020 年"
        );
        assert_eq!(
            tidy_line("北京共产主义组织的报告 (一大)"),
            "北京共产主义组织的报告 (一大)"
        );
        assert_eq!(tidy_line("\u{200B}"), "");
        // A right-to-left override would show the title reversed in the list.
        assert_eq!(
            tidy_line("\u{202E}在会上的讲话\u{202C}\u{2067}"),
            "在会上的讲话"
        );
    }

    #[test]
    fn advert_head_block_is_dropped_speech_kept() {
        let raw = "仅供学习 禁止外传\n某某文库\n自建平台、实时分享\n\n会员群：  QQ群：\n\n在全县工作会议上的讲话\n同志们：\n要畅通举报渠道，高度关注会员制超市的食品安全。\n（二）严厉打击侵权假冒\n";
        let out = clean(lines(raw));
        assert_eq!(
            out,
            vec![
                "在全县工作会议上的讲话",
                "同志们：",
                "要畅通举报渠道，高度关注会员制超市的食品安全。",
                "（二）严厉打击侵权假冒"
            ]
        );
    }

    #[test]
    fn watermark_in_the_middle_is_dropped() {
        let raw = "在会上的讲话\n同志们：\n第一段。\n仅供学习 禁止外传\n第二段。\n";
        assert_eq!(
            clean(lines(raw)),
            vec!["在会上的讲话", "同志们：", "第一段。", "第二段。"]
        );
    }

    #[test]
    fn blank_line_blocks_are_joined() {
        let raw = "标题的报告\n\n各位代表：\n\n听取了国务院总理所作的\n政府工作报告\n。会议肯定\n\n一、回顾\n\nAI\nmodels are here.\n";
        assert_eq!(
            clean(lines(raw)),
            vec![
                "标题的报告",
                "各位代表：",
                "听取了国务院总理所作的政府工作报告。会议肯定",
                "一、回顾",
                "AI models are here."
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_are_joined_headings_kept() {
        let body = "在全年时间过半、承上启下的重要节点，今天我们在这里召开半年工作总结会议，主要任务是贯彻落实全市上半年工作会议精神。";
        let wrap = |s: &str| -> String {
            let c: Vec<char> = s.chars().collect();
            c.chunks(20)
                .map(|ch| ch.iter().collect::<String>())
                .collect::<Vec<_>>()
                .join("\n")
        };
        let raw = format!(
            "讲话\n同志们：\n{}\n一、看形势\n{}\n{}\n",
            wrap(body),
            wrap(body),
            wrap(body)
        );
        let out = clean(lines(&raw));
        assert_eq!(
            out,
            vec!["讲话", "同志们：", body, "一、看形势", body, body]
        );
    }

    #[test]
    fn the_last_pass_is_the_same_for_every_reader() {
        let body = "这是一段很长的正文，".repeat(40);
        let run_on = format!("同志们，下面我讲几点意见：一、认清形势，增强责任感 {body}。二、突出重点，抓好落实。{body}。");
        let out = finish_paragraphs(vec![
            "## 第一章 总则".to_string(),
            "<!-- INFO END -->".to_string(),
            "根据《关于进一步加强".to_string(),
            "安全生产工作的决定》精神，制定本办法。".to_string(),
            run_on,
        ]);
        assert_eq!(out[0], "第一章 总则");
        assert_eq!(
            out[1],
            "根据《关于进一步加强安全生产工作的决定》精神，制定本办法。"
        );
        assert_eq!(out[2], "同志们，下面我讲几点意见：");
        assert!(out[3].starts_with("一、认清形势") && out[4].starts_with("二、突出重点"));
        assert_eq!(out.len(), 5);
        // A short paragraph with a list in it stays whole.
        let list = "会议要求：一、按时到会；二、不得请假。".to_string();
        assert_eq!(finish_paragraphs(vec![list.clone()]), vec![list]);
    }

    #[test]
    fn one_paragraph_per_line_is_left_alone() {
        let raw = "讲话\n同志们：\n短的一段。\n这是长一些的一段话，用来检验不会被错误地拼接在一起。\n第三段更长一些，里面有好几个逗号，还有句号。\n一、标题\n";
        assert_eq!(clean(lines(raw)).len(), 6);
    }
}
