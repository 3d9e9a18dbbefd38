//! Dates as Chinese documents write them: 2014年10月8日, 一九五四年九月二十三日, 二○一二年一月九日,
//! date lines under a title or a signature, and dates in file names.

use super::numerals::chinese_number;
use crate::text::regex;

/// A year as documents write it: 2012, 二〇一二, and with ○, O or 0 standing in for 〇.
pub(crate) const YEAR: &str = r"(?:19|20)\d{2}|[一二][〇○零OＯ0０一二三四五六七八九]{3}";

/// Year, month and day as written, each captured: 2014年10月8日, 一九五四年九月二十三日, 2020年7月.
fn date_pattern() -> &'static regex::Regex {
    regex!(&format!(
        r"({YEAR})\s*年\s*(?:([0-9]{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*月\s*(?:([0-9]{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*日)?)?"
    ))
}

/// A date as written in Chinese documents: 2014年10月8日, 一九五四年九月二十三日, 2020年7月.
/// Returns (ISO partial date, year).
pub fn find_date(s: &str) -> Option<(String, i32)> {
    date_pattern().captures(s).and_then(|c| date_of(&c))
}

/// Every date written in `s`, in order (the ones that cannot be left out).
pub fn all_dates(s: &str) -> impl Iterator<Item = (String, i32)> + '_ {
    date_pattern().captures_iter(s).filter_map(|c| date_of(&c))
}

/// The date a match of [`date_pattern`] names; `None` when its month or day cannot be.
fn date_of(caps: &regex::Captures) -> Option<(String, i32)> {
    let num = |t: &str| t.parse::<u32>().ok().or_else(|| chinese_number(t));
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
        || regex!(&format!(
            r"^[（(]?\s*(?:{YEAR})\s*年\s*[0-9一二三四五六七八九十]{{1,3}}\s*月(?:[0-9一二三四五六七八九十]{{1,3}}\s*日)?\s*[）)]?$"
        ))
        .is_match(line)
}

/// A date in a file name, as archives name files: `2020-03-06`, `2020.3.6`, `2020_03_06`,
/// `20200306`, `2020年3月6日`, `2020-03`, or a year standing apart (`报告2026`, `2026-…`).
/// Returns (ISO partial date, year, byte range of the date in the name).
pub fn date_in_name(name: &str) -> Option<(String, i32, std::ops::Range<usize>)> {
    let full = regex!(
        r"(?:^|[^0-9])((?:19|20)\d{2})(?:([-._/])(\d{1,2})[-._/](\d{1,2})|(\d{2})(\d{2})|年(\d{1,2})月(\d{1,2})日?)(?:[^0-9]|$)"
    );
    for c in full.captures_iter(name) {
        let y: i32 = c[1].parse().ok()?;
        let (m, d) = if c.get(3).is_some() {
            (&c[3], &c[4])
        } else if c.get(5).is_some() {
            (&c[5], &c[6])
        } else {
            (&c[7], &c[8])
        };
        let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
        if (1..=12).contains(&m) && real_day(y, m, d) {
            let start = c.get(1).map_or(0, |g| g.start());
            let end = [c.get(4), c.get(6), c.get(8)]
                .into_iter()
                .flatten()
                .map(|g| g.end())
                .next()
                .unwrap_or(start + 4);
            let end = if name[end..].starts_with('日') {
                end + '日'.len_utf8()
            } else {
                end
            };
            return Some((format!("{y:04}-{m:02}-{d:02}"), y, start..end));
        }
    }
    if let Some(c) =
        regex!(r"(?:^|[^0-9])((?:19|20)\d{2})(?:[-._/](\d{1,2})|年(\d{1,2})月)(?:[^0-9]|$)")
            .captures(name)
    {
        let y: i32 = c[1].parse().ok()?;
        let g = c.get(2).or(c.get(3))?;
        let m: u32 = g.as_str().parse().ok()?;
        if (1..=12).contains(&m) {
            let r = c.get(1)?.start()
                ..g.end()
                    + if c.get(3).is_some() {
                        '月'.len_utf8()
                    } else {
                        0
                    };
            return Some((format!("{y:04}-{m:02}"), y, r));
        }
    }
    // A year standing apart from other digits; 2026年 inside a title is the title's, not the name's.
    let c = regex!(r"(?:^|[^0-9])((?:19|20)\d{2})(?:[^0-9年]|$)").captures(name)?;
    let g = c.get(1)?;
    let y: i32 = g.as_str().parse().ok()?;
    Some((format!("{y:04}"), y, g.range()))
}

/// A day without its year, as a speech's date line often gives it: `（1月15日 布里斯班）`,
/// `1月15日`. Returns (month, day) when the line starts with it.
pub fn month_day_line(line: &str) -> Option<(u32, u32)> {
    let c = regex!(r"^[（(]\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*日").captures(line)?;
    let num = |t: &str| t.parse::<u32>().ok().or_else(|| chinese_number(t));
    let (m, d) = (num(&c[1])?, num(&c[2])?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, d))
}

/// A bare ISO-style date or time as web pages print it: `2021-01-01 09:12:16`, `2020-5-16`.
pub fn iso_date(s: &str) -> Option<(String, i32)> {
    let c = regex!(r"((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})").captures(s)?;
    let y: i32 = c[1].parse().ok()?;
    let (m, d): (u32, u32) = (c[2].parse().ok()?, c[3].parse().ok()?);
    ((1..=12).contains(&m) && real_day(y, m, d)).then(|| (format!("{y:04}-{m:02}-{d:02}"), y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_written_with_stand_ins_for_zero() {
        for s in [
            "二○一二年一月九日",
            "二0一二年一月九日",
            "二〇一二年一月九日",
            "二Ｏ一二年一月九日",
        ] {
            assert_eq!(
                find_date(s).map(|d| d.0).as_deref(),
                Some("2012-01-09"),
                "{s}"
            );
            assert!(is_date_line(s), "{s}");
        }
        assert!(is_date_line("（2020年）"));
    }

    #[test]
    fn dates_in_file_names() {
        let d = |s: &str| date_in_name(s).map(|d| d.0);
        assert_eq!(
            d("讲话_2020-03-06_在全县大会上的讲话").as_deref(),
            Some("2020-03-06")
        );
        assert_eq!(
            d("2020.3.6 在全县大会上的讲话").as_deref(),
            Some("2020-03-06")
        );
        assert_eq!(d("20200306-工作报告").as_deref(), Some("2020-03-06"));
        assert_eq!(
            d("上海市预算审查监督规定(2001-08-20)").as_deref(),
            Some("2001-08-20")
        );
        assert_eq!(d("2019年3月5日讲话").as_deref(), Some("2019-03-05"));
        assert_eq!(d("浙江省政府工作报告2026").as_deref(), Some("2026"));
        assert_eq!(d("2020-07 总结").as_deref(), Some("2020-07"));
        assert_eq!(
            d("2026年广东省政府工作报告"),
            None,
            "a year in the title is the title's"
        );
        assert_eq!(d("doc17"), None);
        assert_eq!(d("20201399-报告").as_deref(), None);
        let (_, _, r) = date_in_name("讲话_2020-03-06_在会上的讲话").unwrap();
        assert_eq!(&"讲话_2020-03-06_在会上的讲话"[r], "2020-03-06");
    }

    #[test]
    fn days_without_a_year_and_page_dates() {
        assert_eq!(month_day_line("(1月15日 布里斯班会展中心)"), Some((1, 15)));
        assert_eq!(month_day_line("1月15日召开"), None);
        assert_eq!(
            iso_date("发布日期:2021-01-01 09:12:16")
                .map(|d| d.0)
                .as_deref(),
            Some("2021-01-01")
        );
    }
}
