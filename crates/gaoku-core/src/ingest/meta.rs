//! Metadata read from a document: title, date, speaker, occasion and kind.
//!
//! What is read, in order of precedence (never a guess presented as fact: a field the text does
//! not give stays empty):
//! - **Title**: the document's own title line, past page furniture, citation, source and date
//!   lines above it and the 公文 head (份号, 密级, 发文机关标志, 发文字号); wrapped over two or
//!   three lines it is one title; a generic one (政府工作报告, 讲话) is completed from the subtitle
//!   as a writer files it (2026年广东省政府工作报告, 在…上的讲话). Without a title line: the file
//!   name without its date (讲话_2020-03-06_在…上的讲话 → 在…上的讲话), or a web page's `<title>`.
//! - **Date**: what the text says of its own delivery or issue (a subtitle or date line under the
//!   title, the 成文日期 under the signature, the dates a regulation was passed or amended, a day
//!   under the title with the title's year, the title's year, the 发文字号's year) > a date in
//!   the file name > the page's 发布日期. A less precise source is refined by a more precise one
//!   of the same year.
//! - **Speaker**: a post and name (国务院总理 李克强, 上海市市长 龚 正, 代省长 王某), a title or
//!   subtitle (李强在…上的讲话, ——在…上的讲话（王某某）, …市长张工同志作…).

use crate::model::SpeechMeta;
use crate::text::regex;
use crate::zh::dates::{
    all_dates, date_in_name, find_date, is_date_line, month_day_line, real_day,
};
use crate::zh::ends_sentence;
use crate::zh::lines::{
    document_number_year, ends_with_kind, is_document_head, is_furniture, is_generic_title,
    is_salutation, is_subtitle, is_title_like, kind_from_title, names_kind, occasion_in, page_date,
    place_in, speaker_in,
};

/// The version of this reading. Libraries read with an older one are read again when opened
/// ([`reread`]): raise it when a change reads titles, dates, speakers or kinds differently.
pub const READER_VERSION: u32 = 2;

/// What is known of a document besides its text.
#[derive(Debug, Clone, Default)]
pub struct Hints<'a> {
    /// The file name without its extension.
    pub file_stem: &'a str,
    /// A web page's `<title>`, if it had one.
    pub page_title: Option<&'a str>,
}

/// How far into a document its title is looked for.
const HEAD_LINES: usize = 16;

/// Whether `next` continues a title wrapped over lines: short, title-like, no subtitle, date,
/// speaker or salutation.
fn wraps_on(so_far: &str, next: &str) -> bool {
    // 《 opens a line only after a verb that takes a document's name: 国务院关于印发 / 《…》的通知.
    let opens_name = next.starts_with('《')
        && regex!(r"(?:印发|转发|批转|颁布|公布|发布|关于)$").is_match(so_far);
    // A line that starts the title over is its copy, not its rest.
    let repeats = next.chars().take(4).eq(so_far.chars().take(4));
    // A bare 政府工作报告 under a title is a heading of its own, not the title's rest.
    !repeats
        && !is_generic_title(next.trim())
        && is_title_like(next)
        && next.chars().count() <= 40
        && (opens_name || !next.starts_with(['—', '-', '（', '(', '《', '―']))
        && !is_date_line(next)
        && !is_subtitle(next)
        && !is_furniture(next)
        && speaker_in(next).is_none()
}

/// A line that names who speaks and nothing else: a post and a name (国务院总理 李克强).
fn is_speaker_line(p: &str) -> bool {
    let squeezed: String = p
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect();
    !names_kind(p)
        && speaker_in(p).is_some_and(|name| {
            squeezed.ends_with(&name) || squeezed.ends_with(&format!("{name}同志"))
        })
}

/// The title as found on a line: Markdown heading marks (# 标题 in a .txt) and spaces out.
fn title_text(line: &str) -> String {
    let line = regex!(r"^#{1,6}\s*").replace(line, "");
    // What web pages put around a title: 第一篇：…, …(全文), …(全文1896字), 标题(1 / 1), a row of
    // table pipes, the page's date and counters run on (…报告发布日期:2022-02-16 08:56访问次数:),
    // a number left from the page before it.
    let line = regex!(r"^第[一二三四五六七八九十]+篇\s*[:：]\s*").replace(&line, "");
    // Numbers apart from each other before the title (1580 1580 112638梁保华…), not a year.
    let line = match regex!(r"^(?:\d+\s+)+\d*").find(&line) {
        Some(n) if !line[n.end()..].starts_with(['年', '月', '日']) => {
            line[n.end()..].to_string()
        }
        _ => line.to_string(),
    };
    // A government page's disclosure fields run onto the title (…公开方式：主动公开南昌县…).
    let line = regex!(r"^.*公开方式\s*[:：]\s*(?:主动公开|依申请公开)").replace(&line, "");
    let line = regex!(r"(?:发布日期|发布时间|来源|浏览次数|访问次数|浏览量)\s*[:：].*$")
        .replace(&line, "");
    let line = regex!(r"[\s|｜]+\|[\s|｜]*$").replace(&line, "");
    let line = regex!(r"\s*[（(]全文[^（）()]{0,12}[）)]\s*$").replace(&line, "");
    let line = regex!(r"\s*[（(]\s*\d+\s*/\s*\d+\s*[）)]$").replace(&line, "");
    // The 发文字号 beside the title: 京政办发〔2016〕26号《…的通知》, …的通知(岳办发〔2017〕2号).
    let line = regex!(r"^[\p{Han}]{1,16}\s*[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*[号號]\s*《(.+)》$")
        .replace(&line, "$1");
    let line = regex!(
        r"\s*[（(][\p{Han}]{1,16}\s*[〔\[［]\s*(?:19|20)\d{2}\s*[〕\]］]\s*\d{1,4}\s*[号號][）)]$"
    )
    .replace(&line, "");
    // A speaker's name before a colon: 徐结强：在…上的讲话.
    let line =
        regex!(r"^[\p{Han}]{2,3}[:：](在.{2,80}(?:上|时|后|之际)的(?:讲话|致辞|发言|报告))$")
            .replace(&line, "$1");
    let line = line.trim();
    // A year repeated after a title that names it: …2022年…统计公报 2022.
    if let Some(c) = regex!(r"\s+((?:19|20)\d{2})$").captures(line) {
        if line.contains(&format!("{}年", &c[1])) {
            return line[..c.get(0).expect("match").start()].to_string();
        }
    }
    line.to_string()
}

/// A line of body text: long, with a comma or a sentence end (not a head line run together).
fn is_prose(p: &str) -> bool {
    p.chars().count() > 60 && !is_furniture(p) && (p.contains(['，', ',']) || ends_sentence(p))
}

/// The title block: (index of its first line, number of lines), if the head has one.
fn find_title(paragraphs: &[String]) -> Option<(usize, usize)> {
    let end = paragraphs
        .iter()
        .take(HEAD_LINES)
        .position(|p| is_salutation(p) || is_prose(p))
        .unwrap_or(paragraphs.len().min(HEAD_LINES));
    // Candidates: title-like lines that are not furniture, 公文 head, date, subtitle or speaker.
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < end {
        let p = title_text(&paragraphs[i]);
        let skip = !is_title_like(&p)
            || is_furniture(&p)
            || is_document_head(&p)
            || is_date_line(&p)
            || is_subtitle(&p)
            || is_speaker_line(&p)
            || ends_sentence(&p);
        if skip {
            i += 1;
            continue;
        }
        // Join a title wrapped over up to three lines when the joined text names its 文种.
        let mut len = 1;
        if !ends_with_kind(&p) && p.chars().count() >= 6 {
            let mut joined = p.clone();
            for k in 1..=2 {
                match paragraphs.get(i + k) {
                    Some(next) if i + k < end.max(i + 3) && wraps_on(&joined, next) => {
                        joined.push_str(next);
                        if ends_with_kind(&joined) {
                            len = k + 1;
                            break;
                        }
                    }
                    _ => break,
                }
            }
        }
        candidates.push((i, len));
        i += len;
    }
    // The first candidate that names its kind or has a subtitle under it; else the first.
    let good = |&(i, len): &(usize, usize)| {
        let text: String = paragraphs[i..i + len]
            .iter()
            .map(|p| title_text(p))
            .collect();
        names_kind(&text)
            || paragraphs
                .get(i + len)
                .is_some_and(|n| is_subtitle(n) || n.starts_with(['—', '―']))
    };
    // A long first line is the title as it stands (决胜全面建成小康社会 夺取…); a short one that
    // names no 文种 may be a site's name above the real title.
    let first = candidates.first().copied()?;
    let text_of = |(i, len): (usize, usize)| -> String {
        paragraphs[i..i + len]
            .iter()
            .map(|p| title_text(p))
            .collect()
    };
    let first_text = text_of(first);
    // The title printed again under a copy with something run onto its end (…的通知湘).
    if let Some(&clean) = candidates[1..].iter().find(|&&c| {
        let t = text_of(c);
        names_kind(&t) && first_text.len() > t.len() && first_text.starts_with(&t)
    }) {
        return Some(clean);
    }
    if first_text.chars().count() > 16 {
        return Some(first);
    }
    candidates.iter().copied().find(good).or(Some(first))
}

/// The metadata this reading gives a speech stored by an earlier one, merged into what it has:
/// only what the earlier reading left empty or less precise changes (an empty speaker, occasion
/// or kind, a date refined within its year, a generic title completed, a title that was the file
/// name as it is); nothing is taken away. `None` when nothing changes.
pub fn reread(
    old: &SpeechMeta,
    paragraphs: &[String],
    source_file: Option<&str>,
) -> Option<SpeechMeta> {
    let stem = source_file
        .map(|f| f.rsplit_once('.').map_or(f, |(s, _)| s))
        .unwrap_or_default();
    let mut text = Vec::with_capacity(paragraphs.len() + 1);
    text.push(old.title.clone());
    text.extend(paragraphs.iter().take(HEAD_LINES + 8).cloned());
    let new = detect(
        &mut text,
        &Hints {
            file_stem: stem,
            page_title: None,
        },
    );
    let mut out = old.clone();
    let bare: String = old.title.chars().filter(|c| !c.is_whitespace()).collect();
    if (is_generic_title(&bare) && new.title.ends_with(bare.as_str()))
        || (!stem.is_empty() && old.title == stem)
    {
        out.title = new.title.clone();
    }
    let date = refine(
        old.date.clone().zip(old.year),
        new.date.clone().zip(new.year),
    );
    (out.date, out.year) = match date {
        Some((d, y)) => (Some(d), Some(y)),
        None => (None, None),
    };
    out.speaker = old.speaker.clone().or(new.speaker);
    out.occasion = old.occasion.clone().or(new.occasion);
    out.kind = old.kind.clone().or_else(|| kind_from_title(&out.title));
    (out != *old).then_some(out)
}

/// The title a file name gives: the name without its date and separators, the part that names
/// a 文种 when it has several (`2009-湘政办发〔2009〕24号-关于…的通知` → `关于…的通知`).
pub fn title_from_name(stem: &str) -> String {
    let rest = match date_in_name(stem) {
        Some((_, _, r))
            if r.start == 0
                || r.end == stem.len()
                || stem[..r.start].ends_with(['_', '-', ' ', '.', '（', '(']) =>
        {
            format!("{}\u{0}{}", &stem[..r.start], &stem[r.end..])
        }
        _ => stem.to_string(),
    };
    let parts: Vec<&str> = rest
        .split(['\u{0}', '_', ' ', '\u{3000}'])
        .flat_map(|p| p.split(" - "))
        .map(|p| p.trim_matches(['-', '.', '_', ' ', '(', ')', '（', '）']))
        .filter(|p| !p.is_empty())
        .collect();
    let dashed: Vec<&str> = parts
        .iter()
        .flat_map(|p| p.split('-'))
        .filter(|p| !p.is_empty())
        .collect();
    dashed
        .iter()
        .rev()
        .find(|p| names_kind(p))
        .or_else(|| parts.iter().max_by_key(|p| p.chars().count()))
        .map(|p| p.to_string())
        .unwrap_or_else(|| stem.to_string())
}

/// The speaker a speech's 落款 names: a post and a name among its last lines (县委书记 王某某),
/// or a name alone right above the closing date line (王某某 / 2020年7月15日).
fn signed_speaker(paragraphs: &[String]) -> Option<String> {
    let n = paragraphs.len();
    let tail = &paragraphs[n.saturating_sub(3)..];
    tail.iter()
        .rev()
        .find_map(|l| {
            (l.chars().count() <= 24 && !ends_sentence(l))
                .then(|| speaker_in(l))
                .flatten()
        })
        .or_else(|| {
            tail.windows(2).rev().find_map(|w| {
                let name: String = w[0].chars().filter(|c| !c.is_whitespace()).collect();
                // Not an organ signing a 公文 (国务院, 县政府办).
                let alone = regex!(r"^[\p{Han}]{2,3}$").is_match(&name)
                    && !regex!(r"[院部委局厅办府会处所室队司]$").is_match(&name);
                (alone && is_date_line(&w[1]) && speaker_in(&format!("书记{name}")).is_some())
                    .then_some(name)
            })
        })
}

/// The 落款 date: a date line among the last lines, before what may follow a signature (抄送,
/// 印发, 附件 lists, notes, (此件公开发布)).
fn signature_date(paragraphs: &[String], body_from: usize) -> Option<(String, i32)> {
    let n = paragraphs.len();
    let body_from = body_from.min(n);
    let from = n.saturating_sub(12).max(body_from);
    let dated = |l: &String| is_date_line(l) && find_date(l).is_some_and(|(d, _)| d.len() > 4);
    if let Some(l) = paragraphs[from..].iter().rev().find(|l| dated(l)) {
        return find_date(l);
    }
    // A long attachment after the signature: the first date line that closes a signature
    // (under a short line that is no sentence: the issuing organ).
    (body_from.max(1)..n)
        .find(|&i| {
            dated(&paragraphs[i]) && {
                let above = &paragraphs[i - 1];
                above.chars().count() <= 30 && !ends_sentence(above)
            }
        })
        .and_then(|i| find_date(&paragraphs[i]))
}

/// The dates a regulation's head gives for its passing and amendments (2004年11月26日…通过,
/// …修正, …修订): the latest full date, which dates the text as it stands.
fn passed_date(head: &[String]) -> Option<(String, i32)> {
    head.iter()
        .filter(|l| regex!(r"(?:通过|修正|修订|公布|发布|批准)").is_match(l))
        .flat_map(|l| all_dates(l))
        .filter(|(d, _)| d.len() == 10)
        .max()
}

/// The year of a 发文字号 (某政发〔2019〕12号) among the head's lines.
fn number_year(head: &[String]) -> Option<(String, i32)> {
    head.iter()
        .filter(|l| is_document_head(l))
        .find_map(|l| document_number_year(l))
        .map(|y| (format!("{y:04}"), y))
}

/// `b` refines `a` when it is more precise and agrees with it: the same year, or for a year
/// alone the next year too (a report on 2018 issued in 2019).
fn refine(a: Option<(String, i32)>, b: Option<(String, i32)>) -> Option<(String, i32)> {
    match (a, b) {
        (Some(a), Some(b)) if b.0.len() > a.0.len() && b.0.starts_with(&a.0) => Some(b),
        (Some(a), Some(b)) if a.0.len() == 4 && b.0.len() == 10 && b.1 == a.1 + 1 => Some(b),
        (Some(a), _) => Some(a),
        (None, b) => b,
    }
}

/// Detects metadata (tags stay empty: the text never names them) and takes the title, the page
/// furniture above it and a date-only line under it out of the paragraphs.
pub fn detect(paragraphs: &mut Vec<String>, hints: &Hints) -> SpeechMeta {
    let mut meta = SpeechMeta::default();
    let title_at = find_title(paragraphs);
    // Page furniture above the title goes (its page date kept); 公文 head lines stay in the text.
    let mut page: Option<(String, i32)> = None;
    let mut furniture_lines = 0;
    let head_end = title_at.map_or(0, |(i, _)| i);
    for p in paragraphs.iter().take(HEAD_LINES) {
        if page.is_none() {
            page = page_date(p);
        }
    }
    let mut number = number_year(&paragraphs[..paragraphs.len().min(HEAD_LINES)]);
    let mut raw_title = String::new();
    if let Some((start, len)) = title_at {
        raw_title = paragraphs[start..start + len].concat();
        meta.title = paragraphs[start..start + len]
            .iter()
            .map(|p| title_text(p))
            .collect();
        paragraphs.drain(start..start + len);
        let mut k = 0;
        paragraphs.retain(|p| {
            k += 1;
            let drop = k <= head_end && is_furniture(p);
            furniture_lines += usize::from(drop);
            !drop
        });
    } else {
        meta.title = hints
            .page_title
            .map(str::to_string)
            .unwrap_or_else(|| title_from_name(hints.file_stem));
    }
    let title_pos = title_at.map_or(0, |(i, _)| i - furniture_lines);
    // Front matter: the short lines after the title, before the salutation or the first sentence.
    let front_len = paragraphs[title_pos..]
        .iter()
        .take(8)
        .position(|p| is_salutation(p) || ends_sentence(p) || p.chars().count() > 80)
        .unwrap_or_else(|| paragraphs.len().saturating_sub(title_pos).min(8));
    let front: Vec<String> = paragraphs[title_pos..title_pos + front_len].to_vec();
    // A salutation that opens with the date: (2006年8月30日) 同志们：.
    let opening = paragraphs
        .get(title_pos + front_len)
        .cloned()
        .unwrap_or_default();
    let mut date_from_line = None;
    let mut day_only = None;
    let mut place = None;
    // A subtitle wrapped over two lines (——2026年1月26日在广东省第十四届 / 人民代表大会…上) reads as one.
    for (k, line) in front.iter().enumerate() {
        let line = if is_subtitle(line) && !line.ends_with(['上', '话', '言', '词', '）', ')'])
        {
            format!("{line}{}", front.get(k + 1).map_or("", |s| s.as_str()))
        } else {
            line.clone()
        };
        if is_furniture(&line) {
            if page.is_none() {
                page = page_date(&line);
            }
            continue;
        }
        if date_from_line.is_none() {
            date_from_line = find_date(&line)
                .filter(|(d, _)| d.len() > 4 || is_date_line(&line) || is_subtitle(&line));
        }
        day_only = day_only.or_else(|| month_day_line(&line));
        meta.speaker = meta.speaker.take().or_else(|| speaker_in(&line));
        meta.occasion = meta.occasion.take().or_else(|| occasion_in(&line));
        place = place.or_else(|| place_in(&line));
    }
    if date_from_line.is_none() && regex!(r"^[（(]\s*(?:19|20)\d{2}\s*年").is_match(&opening) {
        date_from_line = find_date(&opening);
    }
    // A date line right under the title is metadata only.
    if let Some(i) = front.iter().position(|l| is_date_line(l)) {
        paragraphs.remove(title_pos + i);
    }
    let date_from_tail = signature_date(paragraphs, title_pos + front_len);
    // A regulation dated by the sessions that passed and amended it: the latest.
    let passed = passed_date(&paragraphs[..paragraphs.len().min(title_pos + 6)]);
    if passed.is_some() {
        date_from_line = None;
    }
    let date_from_title = find_date(&meta.title);
    let from_name = date_in_name(hints.file_stem).map(|(d, y, _)| (d, y));
    number = number.filter(|_| date_from_title.is_none());
    // The text's own statement: a delivery or issue date, else the title's year (refined by a
    // day under the title, by the file name or the page when they agree).
    let stated = date_from_line.or(date_from_tail).or(passed);
    let year_only = date_from_title.clone().or(number);
    let text_date = match (stated, year_only) {
        // A title naming the year of a report delivered early the next year (2019年工作总结,
        // 2020-01-10) keeps the precise date.
        (Some(s), _) => Some(s),
        (None, Some((d, y))) => {
            let with_day = day_only
                .filter(|(m, dd)| real_day(y, *m, *dd))
                .map(|(m, dd)| (format!("{y:04}-{m:02}-{dd:02}"), y));
            Some(with_day.unwrap_or((d, y)))
        }
        (None, None) => None,
    };
    let date = refine(refine(text_date, from_name), page);
    meta.date = date.as_ref().map(|d| d.0.clone());
    meta.year = date.map(|d| d.1);
    meta.speaker = meta
        .speaker
        .or_else(|| speaker_in(&meta.title))
        .or_else(|| speaker_in(&raw_title))
        .or_else(|| signed_speaker(paragraphs));
    meta.occasion = occasion_in(&meta.title).or(meta.occasion);
    // A generic title, completed as a writer files it.
    let bare: String = meta.title.chars().filter(|c| !c.is_whitespace()).collect();
    if is_generic_title(&bare) {
        meta.title = bare.clone();
        if bare.contains("报告") || bare.contains("总结") {
            if let (Some(y), Some(place)) = (meta.year, place.as_ref()) {
                meta.title = format!("{y}年{place}{bare}");
            }
        } else if let Some(occasion) = &meta.occasion {
            meta.title = format!("在{occasion}上的{bare}");
        }
    }
    meta.kind = kind_from_title(&meta.title);
    meta
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hints(stem: &str) -> Hints<'_> {
        Hints {
            file_stem: stem,
            page_title: None,
        }
    }

    fn paras(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn impossible_dates_are_no_dates() {
        assert_eq!(find_date("2020年13月1日"), None);
        assert_eq!(find_date("2021年2月29日"), None);
        assert_eq!(
            find_date("2020年2月29日").map(|d| d.0).as_deref(),
            Some("2020-02-29")
        );
        assert_eq!(
            find_date("二〇二〇年七月十五日").map(|d| d.0).as_deref(),
            Some("2020-07-15")
        );
        assert!(real_day(2024, 2, 29) && !real_day(2023, 2, 29) && !real_day(2020, 4, 31));
    }

    #[test]
    fn document_head_lines_and_a_wrapped_title() {
        let mut p = paras(&[
            "000123",
            "某某县人民政府文件",
            "某政发〔2026〕12号",
            "某某县人民政府关于进一步加强",
            "秋冬季安全生产工作的通知",
            "各乡镇人民政府，县政府各部门：",
            "为切实做好秋冬季安全生产工作，现将有关事项通知如下。",
            "某某县人民政府",
            "2026年10月8日",
        ]);
        let m = detect(&mut p, &hints("file"));
        assert_eq!(
            m.title,
            "某某县人民政府关于进一步加强秋冬季安全生产工作的通知"
        );
        assert_eq!(m.date.as_deref(), Some("2026-10-08"));
        assert_eq!(
            &p[..4],
            [
                "000123",
                "某某县人民政府文件",
                "某政发〔2026〕12号",
                "各乡镇人民政府，县政府各部门："
            ]
        );
    }

    #[test]
    fn a_title_that_is_complete_is_not_joined_with_the_next_line() {
        for next in [
            "——在全县经济工作会议上的讲话",
            "（2020年7月15日）",
            "县委书记 王某某",
            "同志们：",
        ] {
            let mut p = paras(&[
                "在全县经济工作会议上的讲话",
                next,
                "今天召开会议，主要任务是部署工作。",
            ]);
            let m = detect(&mut p, &hints("file"));
            assert_eq!(m.title, "在全县经济工作会议上的讲话", "{next}");
        }
        // A title without a 文种 followed by a subtitle stays as it is.
        let mut p = paras(&[
            "奋力谱写高质量发展新篇章",
            "——在全县经济工作会议上的讲话",
            "同志们：",
        ]);
        assert_eq!(
            detect(&mut p, &hints("file")).title,
            "奋力谱写高质量发展新篇章"
        );
    }

    #[test]
    fn sample_speech_head() {
        let mut p = paras(&[
            "在全县2020年半年工作总结会议上的讲话",
            "同志们：",
            "在全年时间过半……",
        ]);
        let m = detect(&mut p, &hints("file"));
        assert_eq!(m.title, "在全县2020年半年工作总结会议上的讲话");
        assert_eq!((m.date.as_deref(), m.year), (Some("2020"), Some(2020)));
        assert_eq!(m.kind.as_deref(), Some("讲话"));
        assert_eq!(m.occasion.as_deref(), Some("全县2020年半年工作总结会议"));
        assert_eq!(m.speaker, None);
        assert_eq!(p[0], "同志们：");
    }

    #[test]
    fn government_report_front_matter() {
        let mut p = paras(&[
            "2017年中华人民共和国国务院政府工作报告",
            "政府工作报告",
            "——2017年3月5日在第十二届全国人民代表大会第五次会议上",
            "国务院总理李克强",
            "各位代表：",
            "现在，我代表国务院，向大会报告政府工作。",
        ]);
        let m = detect(&mut p, &hints("x"));
        assert_eq!(m.date.as_deref(), Some("2017-03-05"));
        assert_eq!(m.year, Some(2017));
        assert_eq!(m.speaker.as_deref(), Some("李克强"));
        assert_eq!(
            m.occasion.as_deref(),
            Some("第十二届全国人民代表大会第五次会议")
        );
        assert_eq!(m.kind.as_deref(), Some("报告"));
        assert_eq!(
            p.len(),
            5,
            "front matter other than the title stays in the text"
        );
    }

    #[test]
    fn date_line_under_title_and_chinese_numerals() {
        let mut p = paras(&[
            "在中国共产党第十次全国代表大会上的报告",
            "（一九七三年八月二十四日）",
            "同志们！",
            "正文。",
        ]);
        let m = detect(&mut p, &hints("x"));
        assert_eq!(m.date.as_deref(), Some("1973-08-24"));
        assert_eq!(p, paras(&["同志们！", "正文。"]));
        assert_eq!(find_date("（2014年10月8日）").unwrap().0, "2014-10-08");
    }

    #[test]
    fn no_title_line_uses_file_name() {
        let mut p = paras(&["同志们：", "今天开会。"]);
        let m = detect(&mut p, &hints("县委工作会议讲话"));
        assert_eq!(m.title, "县委工作会议讲话");
        assert_eq!(m.kind.as_deref(), Some("讲话"));
        assert_eq!(p.len(), 2);
    }

    #[test]
    fn kinds_and_salutations() {
        assert_eq!(
            kind_from_title("关于政府工作报告的决议").as_deref(),
            Some("决议")
        );
        assert_eq!(kind_from_title("新年贺词").as_deref(), Some("致辞"));
        assert_eq!(
            kind_from_title("北京共产主义组织的报告 (一大)").as_deref(),
            Some("报告")
        );
        assert!(is_salutation("各位代表、同志们："));
        assert!(is_salutation("同志们！"));
        assert!(!is_salutation("会员群："));
        assert_eq!(
            speaker_in("李强在全省经济工作会议上的讲话").as_deref(),
            Some("李强")
        );
    }

    #[test]
    fn cases_from_texts_never_seen() {
        // A citation line and web-page furniture above the title; the page date is the last resort.
        let mut p = paras(&[
            "【法宝引证码】CLI.12.748997",
            "当前位置：首页 > 政策 > 文件",
            "发布日期：2012-01-20",
            "某某市人民政府关于",
            "加强安全生产工作的",
            "通知",
            "各区县人民政府：",
            "为切实做好安全生产工作，现通知如下。",
            "某某市人民政府",
            "二○一二年一月九日",
        ]);
        let m = detect(&mut p, &hints("doc17"));
        assert_eq!(m.title, "某某市人民政府关于加强安全生产工作的通知");
        assert_eq!(
            m.date.as_deref(),
            Some("2012-01-09"),
            "the 成文日期 before the page's date"
        );
        assert_eq!(m.kind.as_deref(), Some("通知"));
        assert_eq!(
            p[0], "各区县人民政府：",
            "the furniture above the title goes"
        );

        // A 公文 title wrapped after 印发, and a reply to a proposal wrapped before 答复.
        for (lines, want) in [
            (
                ["国务院关于印发", "《国务院工作规则》的通知"],
                "国务院关于印发《国务院工作规则》的通知",
            ),
            (
                ["国务院办公厅对全国政协十届四次会议", "第4626号提案的答复"],
                "国务院办公厅对全国政协十届四次会议第4626号提案的答复",
            ),
        ] {
            let mut p = paras(&[lines[0], lines[1], "某某委员：", "您提出的提案收悉。"]);
            assert_eq!(detect(&mut p, &hints("x")).title, want);
        }
        // A copy of the title with something run onto its end gives way to the clean one.
        let mut p = paras(&[
            "湖南省人民政府关于印发某计划的通知湘",
            "湖南省人民政府关于印发某计划的通知",
            "各市州人民政府：",
            "现将某计划印发给你们。",
        ]);
        assert_eq!(
            detect(&mut p, &hints("x")).title,
            "湖南省人民政府关于印发某计划的通知"
        );

        // A bare 政府工作报告 completed from its subtitle (no dash) and speaker line.
        let mut p = paras(&[
            "政府工作报告",
            "2025年1月14日在河北省第十四届人民代表大会第三次会议上",
            "河北省代省长 王 某",
            "各位代表：",
            "现在，我代表省人民政府，向大会报告工作。",
        ]);
        let m = detect(&mut p, &hints("x"));
        assert_eq!(m.title, "2025年河北省政府工作报告");
        assert_eq!(m.date.as_deref(), Some("2025-01-14"));
        assert_eq!(m.speaker.as_deref(), Some("王某"));

        // No title line: the file name gives title and date, its date prefix gone.
        let mut p = paras(&["同志们：", "今天开会。"]);
        let m = detect(&mut p, &hints("讲话_2020-03-06_在全县安全生产会议上的讲话"));
        assert_eq!(m.title, "在全县安全生产会议上的讲话");
        assert_eq!(m.date.as_deref(), Some("2020-03-06"));
        assert_eq!(
            title_from_name("2020.3.6 在全县大会上的讲话"),
            "在全县大会上的讲话"
        );
        assert_eq!(
            title_from_name("2009-湘政办发〔2009〕24号-关于加强就业工作的通知"),
            "关于加强就业工作的通知"
        );

        // A year under the title: （2020年）; the title's year refined by a day under it.
        let mut p = paras(&["全县工作总结", "（2020年）", "一年来，全县上下团结奋斗。"]);
        assert_eq!(detect(&mut p, &hints("x")).date.as_deref(), Some("2020"));
        let mut p = paras(&[
            "徐某总领事在2020年新春招待会上的致辞",
            "（1月15日 布里斯班会展中心）",
            "尊敬的各位来宾：",
            "大家好！",
        ]);
        let m = detect(&mut p, &hints("x"));
        assert_eq!(m.date.as_deref(), Some("2020-01-15"));
        assert_eq!(m.speaker.as_deref(), Some("徐某"));
        assert_eq!(m.kind.as_deref(), Some("致辞"));

        // A regulation is dated by its latest amendment; the file name's date loses to the text.
        let mut p = paras(&[
            "# 某省人才流动条例",
            "2000年9月27日某省人民代表大会常务委员会第十八次会议通过",
            "根据2004年11月26日某省人民代表大会常务委员会第十二次会议通过的决定修正",
            "第一章 总则",
            "第一条 为了规范人才流动，制定本条例。",
        ]);
        let m = detect(&mut p, &hints("2001-01-01 某省人才流动条例"));
        assert_eq!(m.title, "某省人才流动条例");
        assert_eq!(m.date.as_deref(), Some("2004-11-26"));
        assert_eq!(m.kind.as_deref(), Some("条例"));

        // A speech stored by an earlier reading: its empty fields filled, its generic title
        // completed, its edited or precise fields kept.
        let old = SpeechMeta {
            title: "政府工作报告".into(),
            date: Some("2025".into()),
            year: Some(2025),
            ..Default::default()
        };
        let body = paras(&[
            "——2025年1月14日在河北省第十四届人民代表大会第三次会议上",
            "河北省省长 王某",
            "各位代表：",
            "现在，我代表省人民政府，向大会报告工作。",
        ]);
        let new = reread(&old, &body, Some("报告.txt")).unwrap();
        assert_eq!(new.title, "2025年河北省政府工作报告");
        assert_eq!(
            (new.date.as_deref(), new.year),
            (Some("2025-01-14"), Some(2025))
        );
        assert_eq!(new.speaker.as_deref(), Some("王某"));
        assert_eq!(new.kind.as_deref(), Some("报告"));
        let precise = SpeechMeta {
            title: "在某会上的讲话".into(),
            date: Some("2019-03-05".into()),
            year: Some(2019),
            speaker: Some("张三".into()),
            occasion: Some("某会".into()),
            kind: Some("讲话".into()),
            ..Default::default()
        };
        assert_eq!(reread(&precise, &body, None), None, "nothing taken away");

        // A 落款 names the speaker: a post and a name, or a name above the date.
        let signed: [(&[&str], Option<&str>); 3] = [
            (
                &[
                    "在全县大会上的讲话",
                    "同志们：",
                    "今天开会。",
                    "县委书记 王某某",
                ],
                Some("王某某"),
            ),
            (
                &[
                    "在全县大会上的讲话",
                    "同志们：",
                    "今天开会。",
                    "王某某",
                    "2020年7月15日",
                ],
                Some("王某某"),
            ),
            // An organ signs: no speaker.
            (
                &[
                    "关于某事的通知",
                    "各单位：",
                    "现通知如下。",
                    "某某县人民政府",
                    "2020年7月15日",
                ],
                None,
            ),
        ];
        for (lines, speaker) in signed {
            let mut p = paras(lines);
            assert_eq!(
                detect(&mut p, &hints("x")).speaker.as_deref(),
                speaker,
                "{lines:?}"
            );
        }

        // Nothing stated: the field stays empty.
        let mut p = paras(&["关于做好某项工作的意见", "各单位：", "现提出如下意见。"]);
        let m = detect(&mut p, &hints("doc3"));
        assert_eq!((m.date, m.speaker), (None, None));
    }
}
