//! Chinese numerals as numbering and dates write them.

/// Value of a Chinese numeral as used in numbering and dates (一 … 九十九, 〇/零, 两).
pub fn chinese_number(s: &str) -> Option<u32> {
    fn digit(c: char) -> Option<u32> {
        Some(match c {
            // ○ (U+25CB), O, 0 and ０ stand in for 〇 in many typed documents: 二○一二年, 二0一一年.
            '〇' | '零' | '○' | 'O' | 'Ｏ' | '0' | '０' => 0,
            '一' | '壹' => 1,
            '二' | '两' | '贰' => 2,
            '三' | '叁' => 3,
            '四' | '肆' => 4,
            '五' | '伍' => 5,
            '六' | '陆' => 6,
            '七' | '柒' => 7,
            '八' | '捌' => 8,
            '九' | '玖' => 9,
            _ => return None,
        })
    }
    if s.is_empty() {
        return None;
    }
    // 一百二十三, 一百零五, 一百: numbering of long regulations (第一百二十条).
    if let Some((hundreds, rest)) = s.split_once('百') {
        let h = if hundreds.is_empty() {
            1
        } else {
            chinese_number(hundreds)?
        };
        let rest = rest.trim_start_matches(['零', '〇']);
        let r = if rest.is_empty() {
            0
        } else if rest.starts_with('十') {
            // 一百十 is 110 (一百一十).
            chinese_number(&format!("一{rest}"))?
        } else {
            chinese_number(rest)?
        };
        return (h < 10 && r < 100).then_some(h * 100 + r);
    }
    if let Some((tens, ones)) = s.split_once('十') {
        let t = if tens.is_empty() {
            1
        } else {
            chinese_number(tens)?
        };
        let o = if ones.is_empty() {
            0
        } else {
            chinese_number(ones)?
        };
        return (t < 10 && o < 10).then_some(t * 10 + o);
    }
    // Digit by digit, as in years: 一九五四.
    s.chars()
        .try_fold(0u32, |acc, c| Some(acc.checked_mul(10)? + digit(c)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        assert_eq!(chinese_number("一"), Some(1));
        assert_eq!(chinese_number("十"), Some(10));
        assert_eq!(chinese_number("十二"), Some(12));
        assert_eq!(chinese_number("二十三"), Some(23));
        assert_eq!(chinese_number("一九五四"), Some(1954));
        assert_eq!(chinese_number("二〇二〇"), Some(2020));
        assert_eq!(chinese_number("二○一二"), Some(2012));
        assert_eq!(chinese_number("一百二十三"), Some(123));
        assert_eq!(chinese_number("一百零五"), Some(105));
        assert_eq!(chinese_number("一百"), Some(100));
        assert_eq!(chinese_number("第"), None);
        assert_eq!(chinese_number(""), None);
    }
}
