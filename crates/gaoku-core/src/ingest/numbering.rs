//! Word's automatic numbering, rendered as Word shows it: a heading numbered by the numbering
//! button reads "一、看形势" in Word, so it must read the same in the library (and its outline).
//!
//! From `word/numbering.xml`: abstract numberings (levels with a start value, a number format and
//! a text such as `%1、` or `（%2）`), numbering instances (`w:num`) pointing at them with
//! overrides, and from `word/styles.xml` the numbering a paragraph style carries.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// One level of a numbering.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
    /// The level after which this one starts again (`w:lvlRestart`); `None`: any higher level.
    restart_after: Option<u8>,
    /// Word's "legal" numbering: every number shown as a decimal.
    legal: bool,
}

/// A `w:num`: an abstract numbering with per-level overrides.
#[derive(Debug, Clone, Default)]
struct Instance {
    abstract_id: String,
    start_override: HashMap<u8, u32>,
    level_override: HashMap<u8, Level>,
}

/// The numbering definitions of one document and the counters of the paragraphs read so far.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<String, HashMap<u8, Level>>,
    instances: HashMap<String, Instance>,
    /// Paragraph style → (numId, ilvl) from styles.xml, `basedOn` already followed.
    styles: HashMap<String, (String, Option<u8>)>,
    /// (abstract id, style) → level, from `w:lvl/w:pStyle`.
    style_levels: HashMap<(String, String), u8>,
    /// Current values per abstract numbering and level.
    counters: HashMap<String, HashMap<u8, u32>>,
    /// Instances whose start overrides have been applied.
    started: std::collections::HashSet<String>,
}

/// A paragraph style as styles.xml gives it: (basedOn, numId, ilvl).
type RawStyle = (Option<String>, Option<String>, Option<u8>);

/// What a paragraph says about its numbering (`w:pPr`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParagraphNumbering {
    /// `w:pStyle`.
    pub style: Option<String>,
    /// `w:numPr/w:numId`.
    pub num_id: Option<String>,
    /// `w:numPr/w:ilvl`.
    pub level: Option<u8>,
}

/// An attribute of an element by its local name (`w:val` → `val`), unescaped.
pub(super) fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// The `w:val` attribute.
pub(super) fn val(e: &BytesStart) -> Option<String> {
    attr(e, b"val")
}

impl Numbering {
    /// Reads `numbering.xml` and `styles.xml` (either may be missing). Damaged XML only means
    /// fewer numbers: it never fails the import.
    pub fn parse(numbering: Option<&[u8]>, styles: Option<&[u8]>) -> Numbering {
        let mut n = Numbering::default();
        if let Some(xml) = numbering {
            n.read_numbering(xml);
        }
        if let Some(xml) = styles {
            n.read_styles(xml);
        }
        n
    }

    /// Adds level `ilvl` of list `id` (for the .doc list tables).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn add_level(
        &mut self,
        id: &str,
        ilvl: u8,
        start: u32,
        format: &str,
        text: String,
        restart_after: Option<u8>,
        legal: bool,
    ) {
        let level = Level {
            start,
            format: format.into(),
            text,
            restart_after,
            legal,
        };
        self.abstracts
            .entry(id.into())
            .or_default()
            .insert(ilvl, level);
    }

    /// Adds an instance `num_id` of list `abstract_id`, with levels that start at new values.
    pub(crate) fn add_instance(&mut self, num_id: &str, abstract_id: &str, starts: &[(u8, u32)]) {
        let inst = Instance {
            abstract_id: abstract_id.into(),
            start_override: starts.iter().copied().collect(),
            level_override: HashMap::new(),
        };
        self.instances.insert(num_id.into(), inst);
    }

    fn read_numbering(&mut self, xml: &[u8]) {
        let mut reader = Reader::from_reader(xml);
        let mut buf = Vec::new();
        let mut abstract_id: Option<String> = None;
        let mut num_id: Option<String> = None;
        let mut override_level: Option<u8> = None;
        let mut level: Option<(u8, Level)> = None;
        loop {
            let event = match reader.read_event_into(&mut buf) {
                Ok(Event::Eof) | Err(_) => break,
                Ok(e) => e,
            };
            match &event {
                Event::Start(e) | Event::Empty(e) => {
                    let empty = matches!(event, Event::Empty(_));
                    match e.local_name().as_ref() {
                        b"abstractNum" => abstract_id = attr(e, b"abstractNumId"),
                        b"num" if !empty => {
                            num_id = attr(e, b"numId");
                            if let Some(id) = &num_id {
                                self.instances.insert(id.clone(), Instance::default());
                            }
                        }
                        b"abstractNumId" => {
                            if let (Some(id), Some(v)) = (&num_id, val(e)) {
                                if let Some(inst) = self.instances.get_mut(id) {
                                    inst.abstract_id = v;
                                }
                            }
                        }
                        b"lvlOverride" => {
                            override_level = attr(e, b"ilvl").and_then(|v| v.parse().ok())
                        }
                        b"startOverride" => {
                            let start = val(e).and_then(|v| v.parse().ok());
                            if let (Some(id), Some(l), Some(s)) = (&num_id, override_level, start) {
                                if let Some(inst) = self.instances.get_mut(id) {
                                    inst.start_override.insert(l, s);
                                }
                            }
                        }
                        b"lvl" if !empty => {
                            let ilvl = attr(e, b"ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                            level = Some((
                                ilvl,
                                Level {
                                    start: 1,
                                    format: "decimal".into(),
                                    ..Level::default()
                                },
                            ));
                        }
                        b"start" => set(&mut level, |l| {
                            l.start = val(e).and_then(|v| v.parse().ok()).unwrap_or(1)
                        }),
                        b"numFmt" => set(&mut level, |l| l.format = val(e).unwrap_or_default()),
                        b"lvlText" => set(&mut level, |l| l.text = val(e).unwrap_or_default()),
                        b"lvlRestart" => set(&mut level, |l| {
                            l.restart_after = val(e).and_then(|v| v.parse().ok())
                        }),
                        b"isLgl" => set(&mut level, |l| l.legal = val(e).as_deref() != Some("0")),
                        b"pStyle" => {
                            if let (Some(a), Some((ilvl, _)), Some(style)) =
                                (&abstract_id, &level, val(e))
                            {
                                self.style_levels.insert((a.clone(), style), *ilvl);
                            }
                        }
                        _ => {}
                    }
                }
                Event::End(e) => match e.local_name().as_ref() {
                    b"lvl" => {
                        if let Some((ilvl, l)) = level.take() {
                            if let Some(a) = &abstract_id {
                                self.abstracts.entry(a.clone()).or_default().insert(ilvl, l);
                            } else if let (Some(id), Some(o)) = (&num_id, override_level) {
                                if let Some(inst) = self.instances.get_mut(id) {
                                    inst.level_override.insert(o, l);
                                }
                            }
                        }
                    }
                    b"abstractNum" => abstract_id = None,
                    b"num" => num_id = None,
                    b"lvlOverride" => override_level = None,
                    _ => {}
                },
                _ => {}
            }
            buf.clear();
        }
    }

    fn read_styles(&mut self, xml: &[u8]) {
        let mut reader = Reader::from_reader(xml);
        let mut buf = Vec::new();
        let mut raw: HashMap<String, RawStyle> = HashMap::new();
        let mut current: Option<String> = None;
        loop {
            let event = match reader.read_event_into(&mut buf) {
                Ok(Event::Eof) | Err(_) => break,
                Ok(e) => e,
            };
            match &event {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    b"style" if matches!(event, Event::Start(_)) => {
                        current = attr(e, b"styleId");
                        if let Some(id) = &current {
                            raw.insert(id.clone(), (None, None, None));
                        }
                    }
                    b"basedOn" | b"numId" | b"ilvl" => {
                        if let Some(entry) = current.as_ref().and_then(|c| raw.get_mut(c)) {
                            let v = val(e);
                            match e.local_name().as_ref() {
                                b"basedOn" => entry.0 = v,
                                b"numId" => entry.1 = v,
                                _ => entry.2 = v.and_then(|v| v.parse().ok()),
                            }
                        }
                    }
                    _ => {}
                },
                Event::End(e) if e.local_name().as_ref() == b"style" => current = None,
                _ => {}
            }
            buf.clear();
        }
        for id in raw.keys() {
            // Follow basedOn (at most a few steps; a loop ends at the step limit).
            let mut at = Some(id.clone());
            for _ in 0..16 {
                let Some((based, num, ilvl)) = at.as_ref().and_then(|s| raw.get(s)) else {
                    break;
                };
                if let Some(num) = num {
                    self.styles.insert(id.clone(), (num.clone(), *ilvl));
                    break;
                }
                at = based.clone();
            }
        }
    }

    /// The number text of a paragraph (`一、`, `（二）`, `3.`), counting it; `None` when it is
    /// not numbered or is a bullet.
    pub fn label(&mut self, p: &ParagraphNumbering) -> Option<String> {
        let (num_id, style_level) = match (&p.num_id, &p.style) {
            (Some(id), _) => (id.clone(), None),
            (None, Some(style)) => {
                let (id, lvl) = self.styles.get(style)?.clone();
                (id, lvl)
            }
            (None, None) => return None,
        };
        if num_id == "0" {
            return None;
        }
        // Borrow the definitions and the counters apart: nothing is cloned per paragraph.
        let Numbering {
            abstracts,
            instances,
            style_levels,
            counters,
            started,
            ..
        } = self;
        let inst = instances.get(&num_id)?;
        let abs = &inst.abstract_id;
        let level = p
            .level
            .or(style_level)
            .or_else(|| {
                let style = p.style.clone()?;
                style_levels.get(&(abs.clone(), style)).copied()
            })
            .unwrap_or(0);
        let levels = abstracts.get(abs)?;
        let def = |l: u8| inst.level_override.get(&l).or_else(|| levels.get(&l));
        let this = def(level)?;
        let counters = counters.entry(abs.clone()).or_default();
        if started.insert(num_id.clone()) {
            for (&l, &start) in &inst.start_override {
                counters.insert(l, start.saturating_sub(1));
            }
        }
        let next = counters
            .get(&level)
            .map_or(this.start, |n| n.saturating_add(1));
        counters.insert(level, next);
        // Deeper levels start again, unless one restarts only after a level above this one.
        counters.retain(|&l, _| {
            l <= level
                || match def(l).and_then(|d| d.restart_after) {
                    Some(0) => true,
                    Some(after) => level >= after,
                    None => false,
                }
        });
        match this.format.as_str() {
            // A bullet is a symbol-font glyph, not text the writer typed.
            "bullet" => return None,
            "none" => return Some(this.text.clone()).filter(|t| !t.is_empty() && !t.contains('%')),
            _ => {}
        }
        let mut out = String::new();
        // A label is a few characters; a level text repeating %1 thousands of times is a bomb.
        let mut chars = this.text.chars().take(MAX_LABEL_CHARS).peekable();
        while let Some(c) = chars.next() {
            if out.chars().count() > MAX_LABEL_CHARS {
                break;
            }
            if c == '%' {
                if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    chars.next();
                    let l = (d as u8).saturating_sub(1);
                    let n = counters
                        .get(&l)
                        .copied()
                        .or_else(|| def(l).map(|d| d.start))
                        .unwrap_or(1);
                    let format = match def(l) {
                        Some(_) if this.legal => "decimal",
                        Some(d) => d.format.as_str(),
                        None => "decimal",
                    };
                    out.push_str(&format_number(n, format));
                    continue;
                }
            }
            out.push(c);
        }
        Some(out)
    }
}

fn set(level: &mut Option<(u8, Level)>, f: impl FnOnce(&mut Level)) {
    if let Some((_, l)) = level {
        f(l);
    }
}

/// The longest label kept: `（一）`, `第十二章`, `1.2.3.4.` are far shorter.
const MAX_LABEL_CHARS: usize = 64;
/// Letters stop at zz (780), as in Word; past it a number is written in digits.
const MAX_LETTERS: u32 = 780;
/// Roman numerals stop at 3999 (MMMCMXCIX); past it a number is written in digits.
const MAX_ROMAN: u32 = 3999;

/// A number in one of Word's number formats (`w:numFmt`). Numbers no list reaches (a letter
/// label past zz, a roman one past 3999) are written in digits: a label never grows with `n`.
pub fn format_number(n: u32, format: &str) -> String {
    match format {
        "lowerLetter" | "upperLetter" if n > MAX_LETTERS => n.to_string(),
        "lowerRoman" | "upperRoman" if n > MAX_ROMAN => n.to_string(),
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "ideographLegalTraditional"
        | "chineseLegalSimplified" => chinese_counting(n, format),
        "ideographTraditional" => cycle(n, "甲乙丙丁戊己庚辛壬癸"),
        "ideographZodiac" => cycle(n, "子丑寅卯辰巳午未申酉戌亥"),
        "ideographDigital" | "japaneseDigitalTenThousand" | "taiwaneseDigital" => n
            .to_string()
            .chars()
            .map(|d| {
                "〇一二三四五六七八九"
                    .chars()
                    .nth(d as usize - '0' as usize)
                    .unwrap_or(d)
            })
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => match n {
            1..=20 => char::from_u32(0x2460 + n - 1).map(String::from),
            21..=35 => char::from_u32(0x3251 + n - 21).map(String::from),
            36..=50 => char::from_u32(0x32B1 + n - 36).map(String::from),
            _ => None,
        }
        .unwrap_or_else(|| n.to_string()),
        "decimalEnclosedParen" => enclosed(n, 0x2474, 20),
        "decimalEnclosedFullstop" => enclosed(n, 0x2488, 20),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|d| char::from_u32(d as u32 - '0' as u32 + 0xFF10).unwrap_or(d))
            .collect(),
        "decimalZero" => format!("{n:02}"),
        "lowerLetter" => letters(n).to_lowercase(),
        "upperLetter" => letters(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        _ => n.to_string(),
    }
}

fn enclosed(n: u32, first: u32, count: u32) -> String {
    if (1..=count).contains(&n) {
        char::from_u32(first + n - 1).map_or_else(|| n.to_string(), String::from)
    } else {
        n.to_string()
    }
}

fn cycle(n: u32, set: &str) -> String {
    let chars: Vec<char> = set.chars().collect();
    let i = (n.max(1) as usize - 1) % chars.len();
    chars[i].to_string()
}

/// 一 … 十, 十一, 二十, 一百零五 (壹贰叁 for the legal format).
fn chinese_counting(n: u32, format: &str) -> String {
    let legal = format == "chineseLegalSimplified";
    let digits: Vec<char> = if legal {
        "零壹贰叁肆伍陆柒捌玖".chars().collect()
    } else {
        "〇一二三四五六七八九".chars().collect()
    };
    let ten = if legal { '拾' } else { '十' };
    if n == 0 {
        return digits[0].to_string();
    }
    if n < 10 {
        return digits[n as usize].to_string();
    }
    if n < 100 {
        let (t, o) = (n / 10, n % 10);
        let mut s = String::new();
        if t > 1 {
            s.push(digits[t as usize]);
        }
        s.push(ten);
        if o > 0 {
            s.push(digits[o as usize]);
        }
        return s;
    }
    if n < 1000 {
        let (h, rest) = (n / 100, n % 100);
        let mut s = format!("{}百", digits[h as usize]);
        if rest > 0 {
            if rest < 10 {
                s.push('零');
                s.push(digits[rest as usize]);
            } else {
                s.push(digits[(rest / 10) as usize]);
                s.push(ten);
                if rest % 10 > 0 {
                    s.push(digits[(rest % 10) as usize]);
                }
            }
        }
        return s;
    }
    n.to_string()
}

fn letters(n: u32) -> String {
    // Word repeats the letter: a … z, aa … zz.
    let n = n.max(1) - 1;
    let letter = char::from(b'A' + (n % 26) as u8);
    std::iter::repeat_n(letter, (n / 26) as usize + 1).collect()
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn numbering() -> String {
        format!(
            r#"<w:numbering {W}>
            <w:abstractNum w:abstractNumId="0">
              <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:pStyle w:val="Heading1"/></w:lvl>
              <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
              <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
              <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/><w:lvlRestart w:val="1"/></w:lvl>
            </w:abstractNum>
            <w:abstractNum w:abstractNumId="1">
              <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
            </w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
            <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
            </w:numbering>"#
        )
    }

    fn styles() -> String {
        format!(
            r#"<w:styles {W}>
            <w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="Heading1"/></w:style>
            </w:styles>"#
        )
    }

    fn para(num: Option<&str>, level: Option<u8>, style: Option<&str>) -> ParagraphNumbering {
        ParagraphNumbering {
            style: style.map(String::from),
            num_id: num.map(String::from),
            level,
        }
    }

    #[test]
    fn nested_levels_restart_under_their_parent() {
        let (n, s) = (numbering(), styles());
        let mut num = Numbering::parse(Some(n.as_bytes()), Some(s.as_bytes()));
        let mut label = |num_id, lvl| num.label(&para(Some(num_id), Some(lvl), None)).unwrap();
        assert_eq!(label("1", 0), "一、");
        assert_eq!(label("1", 1), "（一）");
        assert_eq!(label("1", 1), "（二）");
        assert_eq!(label("1", 2), "1.");
        assert_eq!(label("1", 3), "（1）");
        assert_eq!(label("1", 2), "2.");
        // Level 3 restarts only after level 1 (w:lvlRestart=1), not after level 2.
        assert_eq!(label("1", 3), "（2）");
        assert_eq!(label("1", 0), "二、");
        assert_eq!(label("1", 1), "（一）");
        assert_eq!(label("1", 3), "（1）");
    }

    #[test]
    fn styles_overrides_and_bullets() {
        let (n, s) = (numbering(), styles());
        let mut num = Numbering::parse(Some(n.as_bytes()), Some(s.as_bytes()));
        // Numbering inherited from the style, through basedOn.
        assert_eq!(
            num.label(&para(None, None, Some("Heading1"))).unwrap(),
            "一、"
        );
        assert_eq!(
            num.label(&para(None, None, Some("MyHeading"))).unwrap(),
            "二、"
        );
        assert_eq!(
            num.label(&para(Some("2"), Some(0), None)),
            None,
            "bullets are no text"
        );
        assert_eq!(
            num.label(&para(Some("0"), None, None)),
            None,
            "numId 0 switches it off"
        );
        assert_eq!(num.label(&para(None, None, Some("Normal"))), None);
        // An instance with a start override begins again at its value.
        assert_eq!(num.label(&para(Some("3"), Some(0), None)).unwrap(), "五、");
        assert_eq!(num.label(&para(Some("3"), Some(0), None)).unwrap(), "六、");
    }

    #[test]
    fn number_formats() {
        assert_eq!(format_number(10, "chineseCounting"), "十");
        assert_eq!(format_number(11, "chineseCounting"), "十一");
        assert_eq!(format_number(20, "chineseCountingThousand"), "二十");
        assert_eq!(format_number(105, "chineseCounting"), "一百零五");
        assert_eq!(format_number(3, "ideographTraditional"), "丙");
        assert_eq!(format_number(3, "decimalEnclosedCircle"), "③");
        assert_eq!(format_number(12, "decimalFullWidth"), "１２");
        assert_eq!(format_number(28, "lowerLetter"), "bb");
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        assert_eq!(format_number(2, "chineseLegalSimplified"), "贰");
        // Numbers no list reaches stay short (a hostile start of 4,000,000,000).
        assert_eq!(format_number(781, "lowerLetter"), "781");
        assert_eq!(format_number(u32::MAX, "upperRoman"), u32::MAX.to_string());
        assert_eq!(format_number(u32::MAX, "upperLetter").len(), 10);
    }

    #[test]
    fn a_level_text_repeating_its_number_is_cut() {
        let xml = format!(
            r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="4000000000"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="{}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#,
            "%1".repeat(5000)
        );
        let mut num = Numbering::parse(Some(xml.as_bytes()), None);
        let label = num.label(&para(Some("1"), Some(0), None)).unwrap();
        assert!(label.chars().count() <= 80, "{}", label.len());
    }
}
