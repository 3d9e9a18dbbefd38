//! Metadata read from the text itself: title, date, speaker, occasion and kind.

use crate::model::SpeechMeta;
use crate::text::{chinese_number, ends_sentence, is_space, regex};

/// A salutation line: 同志们：, 各位代表：, 各位代表、同志们：, 尊敬的各位来宾：.
pub fn is_salutation(line: &str) -> bool {
    let n = line.chars().count();
    (n <= 30
        && regex!(r"^(?:尊敬的|亲爱的)?[^，。；]*(?:同志们|代表|来宾|朋友们|委员|女士|先生|同事们|同学们|老师们|嘉宾|各位)[^，。；]*[：:！!]$",
        )
        .is_match(line))
        // The 主送机关 of a 公文: 各单位：, 各省、自治区、直辖市人民政府：.
        || (n <= 80
            && regex!(r"^各[^，。；！？]{0,70}(?:单位|部门|人民政府|政府|办公室|办公厅|委员会|党委|党组|党工委|局|厅|委|办|机关|机构|企业|学校|街道|乡镇|公司|院|所|（室）|\(室\))[：:]$")
                .is_match(line))
}

/// The line that opens a 公文's attachment list: 附件：, 附件：1.实施方案, 附件 (alone).
pub fn is_attachment_line(line: &str) -> bool {
    regex!(r"^附\s*件(?:[：:]|\s*$)").is_match(line.trim_start_matches(is_space))
}

/// A line that can be the document's title: short, not a sentence, not a heading or salutation.
fn is_title_like(line: &str) -> bool {
    let n = line.chars().count();
    (2..=100).contains(&n)
        && !line.ends_with(['。', '；', '，', '：', ':', '！'])
        && !is_salutation(line)
        && !regex!(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])",
        )
        .is_match(line)
}

/// A 公文 head line above the title: a copy number (000123), secrecy (机密★1年), urgency (特急),
/// the issuer's mark (某某县人民政府文件) or the document number (某政发〔2026〕12号).
fn is_document_head(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() <= 40
        && (regex!(r"^\d{6}$").is_match(line)
            || regex!(r"^(?:绝密|机密|秘密)(?:\s*★.*)?$").is_match(line)
            || regex!(r"^(?:特急|加急|平急|特提)$").is_match(line)
            || regex!(r"^[\p{Han}（）()、\s]{2,36}文件$").is_match(line)
            || regex!(
                r"^[\p{Han}]{1,16}\s*[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号$"
            )
            .is_match(line))
}

/// The kinds of 公文 and speeches a title ends with (its 文种).
const TITLE_ENDS: &[&str] = &[
    "讲话",
    "报告",
    "总结",
    "致辞",
    "发言",
    "通知",
    "意见",
    "决定",
    "办法",
    "方案",
    "规定",
    "通报",
    "请示",
    "批复",
    "函",
    "纪要",
    "决议",
    "公告",
    "通告",
    "议案",
    "命令",
    "细则",
    "规划",
    "要点",
    "汇报",
    "党课",
    "主持词",
    "贺词",
    "讲稿",
    "提纲",
    "说明",
    "报告会",
];

/// Whether a title ends with its 文种 (a note in brackets after it aside: …报告（摘要）).
fn ends_with_kind(title: &str) -> bool {
    let core = regex!(r"[（(][^（）()]{1,12}[）)]\s*$").replace(title.trim(), "");
    TITLE_ENDS.iter().any(|k| core.ends_with(k))
}

/// Whether `next` is the rest of a title wrapped over lines: the title so far names no 文种 at
/// its end, and `next` is a short title-like line that does (not a subtitle, date or speaker).
fn title_continues(title: &str, next: &str) -> bool {
    !ends_with_kind(title)
        && ends_with_kind(next)
        && is_title_like(next)
        && next.chars().count() <= 40
        && !next.starts_with(['—', '-', '（', '(', '《'])
        && !is_date_line(next)
}

/// Title words and the kind of document each names (贺词 is a 致辞, 述职 a 述职报告).
const KINDS: &[(&str, &str)] = &[
    ("讲话", "讲话"),
    ("报告", "报告"),
    ("总结", "总结"),
    ("致辞", "致辞"),
    ("贺词", "致辞"),
    ("贺信", "致辞"),
    ("发言", "发言"),
    ("决议", "决议"),
    ("汇报", "汇报"),
    ("主持词", "主持词"),
    ("党课", "党课"),
    ("述职", "述职报告"),
    ("心得体会", "心得体会"),
];

/// Every kind import can detect, each once, in the order of the title words: the app's kind
/// filter offers these.
pub fn known_kinds() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for (_, kind) in KINDS {
        if !out.contains(kind) {
            out.push(kind);
        }
    }
    out
}

/// The kind of document, from the head noun of its title (the last kind word wins:
/// 在…总结会议上的讲话 is a 讲话).
pub fn kind_from_title(title: &str) -> Option<String> {
    // Titles often end with a note such as （一大）; look at the text before it first.
    KINDS
        .iter()
        .filter_map(|(word, kind)| title.rfind(word).map(|pos| (pos, *kind)))
        .max_by_key(|(pos, _)| *pos)
        .map(|(_, kind)| kind.to_string())
}

/// A date as written in Chinese documents: 2014年10月8日, 一九五四年九月二十三日, 2020年7月.
/// Returns (ISO partial date, year).
pub fn find_date(s: &str) -> Option<(String, i32)> {
    let re = regex!(
        r"((?:19|20)\d{2}|[一二〇○零九][〇○零一二三四五六七八九]{3})\s*年\s*(?:([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日)?)?",
    );
    let num = |t: &str| t.parse::<u32>().ok().or_else(|| chinese_number(t));
    let caps = re.captures(s)?;
    let year = num(&caps[1])? as i32;
    if !(1900..=2100).contains(&year) {
        return None;
    }
    // A month or day that cannot be is no date at all (2020年13月1日), not just a year.
    let month = match caps.get(2) {
        Some(m) => Some(num(m.as_str()).filter(|m| (1..=12).contains(m))?),
        None => None,
    };
    let day = match (caps.get(3), month) {
        (Some(d), Some(m)) => Some(num(d.as_str()).filter(|d| real_day(year, m, *d))?),
        _ => None,
    };
    let iso = match (month, day) {
        (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{year:04}-{m:02}"),
        _ => format!("{year:04}"),
    };
    Some((iso, year))
}

/// Whether day `d` exists in month `m` of year `y` (2021-02-29 does not).
pub fn real_day(y: i32, m: u32, d: u32) -> bool {
    time::Month::try_from(m as u8)
        .ok()
        .and_then(|month| time::Date::from_calendar_date(y, month, d as u8).ok())
        .is_some()
}

/// A line that is only a date, as under a title: （2014年10月8日）, 2020年7月15日.
pub fn is_date_line(line: &str) -> bool {
    // A year alone in brackets, as exports of a speech dated by year write it: （2020）.
    regex!(r"^[（(]\s*(?:19|20)\d{2}\s*年?\s*[）)]$").is_match(line)
        || regex!(r"^[（(]?\s*(?:(?:19|20)\d{2}|[一二〇○零九][〇○零一二三四五六七八九]{3})\s*年[0-9一二三四五六七八九十]{1,3}\s*月(?:[0-9一二三四五六七八九十]{1,3}\s*日)?\s*[）)]?$",
    )
    .is_match(line)
}

/// The speaker named in a line such as 国务院总理 李克强, ——县委书记 王某某, or a title 李强在…上的讲话.
fn speaker_in(line: &str) -> Option<String> {
    let line = line.trim_start_matches(['—', '-', ' ']);
    let post = regex!(
        r"^[\p{Han}]{0,16}(?:总理|总书记|书记|主席|委员长|省长|市长|县长|区长|州长|镇长|乡长|部长|厅长|局长|主任|院长|校长|董事长|总经理|处长|科长|代表)\s*([\p{Han}X×]{2,4})(?:同志)?$",
    );
    if line.chars().count() <= 24 {
        if let Some(c) = post.captures(line) {
            return Some(c[1].to_string());
        }
    }
    let title = regex!(r"^([\p{Han}]{2,4}?)(?:同志)?在.{2,60}上的(?:讲话|报告|致辞|发言)",);
    title
        .captures(line)
        .map(|c| c[1].to_string())
        .filter(|name| !["在", "县", "市"].contains(&name.as_str()))
}

/// The meeting or occasion, from 在…上的讲话 in the title or a subtitle.
fn occasion_in(line: &str) -> Option<String> {
    regex!(r"在(.{2,60}?)(?:上|开幕式上|闭幕式上)的(?:讲话|报告|致辞|发言|总结)",)
        .captures(line)
        .or_else(|| regex!(r"^——.*?在(.{2,60}?)上").captures(line))
        .map(|c| c[1].to_string())
}

/// Detects metadata (tags stay empty: the text never names them) and takes the title (and a date-only line under it) out of the paragraphs.
///
/// `fallback_title` (the file name) is used when the first paragraph is not title-like.
pub fn detect(paragraphs: &mut Vec<String>, fallback_title: &str) -> SpeechMeta {
    let mut meta = SpeechMeta::default();
    // 公文 head lines above the title (copy number, secrecy, urgency, the issuer's mark, the
    // document number) stay in the text; the title is the line after them.
    let head = paragraphs
        .iter()
        .take(6)
        .take_while(|p| is_document_head(p))
        .count();
    let first_is_title = paragraphs.get(head).is_some_and(|p| is_title_like(p));
    meta.title = if first_is_title {
        let mut title = paragraphs.remove(head);
        // A title wrapped over two or three lines is one title.
        for _ in 0..2 {
            match paragraphs.get(head) {
                Some(next) if title_continues(&title, next) => {
                    title.push_str(&paragraphs.remove(head));
                }
                _ => break,
            }
        }
        title
    } else {
        fallback_title.to_string()
    };
    // Front matter: the short lines between the title and the salutation (or the first sentence).
    let front_len = paragraphs
        .iter()
        .take(8)
        .position(|p| is_salutation(p) || ends_sentence(p) || p.chars().count() > 60)
        .unwrap_or(0);
    let front: Vec<String> = paragraphs[..front_len].to_vec();
    let mut date_from_line = None;
    for line in &front {
        if date_from_line.is_none() {
            date_from_line = find_date(line);
        }
        meta.speaker = meta.speaker.take().or_else(|| speaker_in(line));
        meta.occasion = meta.occasion.take().or_else(|| occasion_in(line));
    }
    // A date line right under the title, or at the very end (signature date), is metadata only.
    if let Some(i) = front.iter().position(|l| is_date_line(l)) {
        paragraphs.remove(i);
    }
    let date_from_tail = paragraphs
        .iter()
        .rev()
        .take(2)
        .find(|l| is_date_line(l))
        .and_then(|l| find_date(l));
    let date_from_title = find_date(&meta.title);
    let (date, year) = match (date_from_line.or(date_from_tail), date_from_title) {
        // The title names the year; a precise date of the same or the next year refines it.
        (Some((d, y)), Some((_, ty))) if y == ty || y == ty + 1 => (Some(d), Some(y)),
        (_, Some((d, y))) => (Some(d), Some(y)),
        (Some((d, y)), None) => (Some(d), Some(y)),
        (None, None) => (None, None),
    };
    meta.date = date;
    meta.year = year;
    meta.speaker = meta.speaker.or_else(|| speaker_in(&meta.title));
    meta.occasion = occasion_in(&meta.title).or(meta.occasion);
    meta.kind = kind_from_title(&meta.title);
    meta
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let m = detect(&mut p, "file");
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
            let m = detect(&mut p, "file");
            assert_eq!(m.title, "在全县经济工作会议上的讲话", "{next}");
        }
        // A title without a 文种 followed by a subtitle stays as it is.
        let mut p = paras(&[
            "奋力谱写高质量发展新篇章",
            "——在全县经济工作会议上的讲话",
            "同志们：",
        ]);
        assert_eq!(detect(&mut p, "file").title, "奋力谱写高质量发展新篇章");
    }

    #[test]
    fn sample_speech_head() {
        let mut p = paras(&[
            "在全县2020年半年工作总结会议上的讲话",
            "同志们：",
            "在全年时间过半……",
        ]);
        let m = detect(&mut p, "file");
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
        let m = detect(&mut p, "x");
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
        let m = detect(&mut p, "x");
        assert_eq!(m.date.as_deref(), Some("1973-08-24"));
        assert_eq!(p, paras(&["同志们！", "正文。"]));
        assert_eq!(find_date("（2014年10月8日）").unwrap().0, "2014-10-08");
    }

    #[test]
    fn no_title_line_uses_file_name() {
        let mut p = paras(&["同志们：", "今天开会。"]);
        let m = detect(&mut p, "县委工作会议讲话");
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
}
