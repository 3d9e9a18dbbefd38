//! Dates as Chinese documents write them: 2014年10月8日, 一九五四年九月二十三日, 二○一二年一月九日,
//! date lines under a title or a signature, and dates in file names.

use super::numerals::chinese_number;
use crate::text::regex;

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

