//! Metadata read from the text itself: title, date, speaker, occasion and kind.

use crate::model::SpeechMeta;
use crate::zh::dates::{find_date, is_date_line};
use crate::zh::lines::{
    ends_with_kind, is_document_head, is_salutation, is_title_like, kind_from_title, occasion_in,
    speaker_in,
};
use crate::zh::ends_sentence;

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
