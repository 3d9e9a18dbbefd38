//! 字数 and speaking time, counted as Chinese writers count them.

/// 字数 as Chinese writers count it: each Han character, plus each run of Latin letters or
/// digits (with inner `.` `%` `'` `-` `_`, half- or full-width) as one word. The UI counts with
/// the same rule; both are tested on `tests/fixtures/word-count.json`.
pub fn word_count(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in s.chars() {
        if super::chars::is_han(c) {
            n += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                n += 1;
            }
            in_word = true;
        } else if !(in_word
            && matches!(c, '.' | '%' | '\'' | '-' | '_' | '．' | '％' | '－' | '＿'))
        {
            // 6.5%, ８．５％, don't, COVID-19 stay one word.
            in_word = false;
        }
    }
    n
}

/// "约 3.5 分钟": `chars` read at `pace` 字 a minute, to the half minute.
pub fn minutes(chars: usize, pace: u32) -> String {
    let halves = ((chars as f64 / f64::from(pace.max(1))) * 2.0)
        .round()
        .max(1.0) as u64;
    if halves.is_multiple_of(2) {
        format!("约 {} 分钟", halves / 2)
    } else {
        format!("约 {}.5 分钟", halves / 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaking_time_to_the_half_minute() {
        assert_eq!(minutes(520, 260), "约 2 分钟");
        assert_eq!(minutes(650, 260), "约 2.5 分钟");
        assert_eq!(minutes(3, 260), "约 0.5 分钟");
    }
}
