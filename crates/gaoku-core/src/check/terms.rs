//! `outdated-term`: 提法 rules that know when a formulation was current. Rules come in packs
//! (TOML): the built-in pack in `assets/rules/builtin.toml`, a unit pack over it and a personal
//! pack over that. A rule of a higher layer replaces the one with the same id below it; a pack's
//! `disable` list turns rules (提法 rules or built-in checks) off.

use std::collections::HashSet;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::source::Source;
use super::{Hit, Out, Severity};
use crate::error::{Error, Invalid, Result};

/// The built-in pack, as shipped.
pub const BUILTIN_RULES: &str = include_str!("../../../../assets/rules/builtin.toml");

/// Where a pack sits: built-in at the bottom, then the unit's, then the writer's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    /// Shipped with Gaoku.
    Builtin,
    /// The office's pack (单位), shared between its writers.
    Unit,
    /// The writer's own pack (个人).
    Personal,
}

impl Layer {
    /// The layer's name in commands and files.
    pub fn as_str(self) -> &'static str {
        match self {
            Layer::Builtin => "builtin",
            Layer::Unit => "unit",
            Layer::Personal => "personal",
        }
    }

    /// Reads `builtin`, `unit` or `personal`.
    pub fn parse(s: &str) -> Option<Layer> {
        [Layer::Builtin, Layer::Unit, Layer::Personal]
            .into_iter()
            .find(|l| l.as_str() == s)
    }
}

/// One 提法 rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct TermRule {
    /// Stable id; a higher layer's rule with the same id replaces this one.
    pub id: String,
    /// What to look for: a regular expression (Rust `regex` syntax).
    pub pattern: String,
    /// Why it is outdated outside its dates.
    pub reason: String,
    /// The wording to use instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub suggest: Option<String>,
    /// The document or date the rule follows from (依据).
    #[serde(default)]
    pub basis: String,
    /// First day the formulation is right (`YYYY-MM-DD`); before it, it is reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub valid_from: Option<String>,
    /// Last day the formulation is right; after it, it is reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub valid_until: Option<String>,
    /// Regular expressions for contexts where the term is fine (retrospective wording): any of
    /// them in the same sentence silences the rule.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exceptions: Vec<String>,
    /// Severity of a finding (warning unless said).
    #[serde(default = "warning", skip_serializing_if = "is_warning")]
    pub severity: Severity,
}

fn warning() -> Severity {
    Severity::Warning
}

fn is_warning(s: &Severity) -> bool {
    *s == Severity::Warning
}

/// A pack of rules, as stored and exchanged (TOML).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct RulePack {
    /// The pack's name (内置提法规则, the office's name, …).
    #[serde(default)]
    pub name: String,
    /// Format version (1).
    #[serde(default = "one")]
    pub version: u32,
    /// When the pack was last changed (`YYYY-MM-DD`), if said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub updated: Option<String>,
    /// Rule ids (提法 rules of lower layers, or built-in checks) this pack turns off.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disable: Vec<String>,
    /// The pack's rules.
    #[serde(default, rename = "rule", skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<TermRule>,
}

fn one() -> u32 {
    1
}

/// The highest pack format this build reads.
pub const PACK_VERSION: u32 = 1;

impl RulePack {
    /// Reads a pack from TOML and checks every rule (patterns compile, dates are real days, ids
    /// are unique).
    pub fn from_toml(text: &str) -> Result<RulePack> {
        let bad = |why: String| Error::from(Invalid::BadRules { why });
        let pack: RulePack = toml::from_str(text).map_err(|e| bad(e.message().to_string()))?;
        if pack.version > PACK_VERSION {
            return Err(bad(format!(
                "version {} is newer than this Gaoku reads ({PACK_VERSION})",
                pack.version
            )));
        }
        let mut ids = HashSet::new();
        for r in &pack.rules {
            r.validate()
                .map_err(|why| bad(format!("{}: {why}", r.id)))?;
            if !ids.insert(&r.id) {
                return Err(bad(format!("{}: the id appears twice", r.id)));
            }
        }
        Ok(pack)
    }

    /// The pack as TOML, as `from_toml` reads it back.
    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).expect("a rule pack always serialises")
    }
}

impl TermRule {
    /// Checks the rule can run: an id, a pattern that compiles and matches something, real dates.
    pub fn validate(&self) -> std::result::Result<(), String> {
        if self.id.trim().is_empty() || self.id.chars().any(char::is_whitespace) {
            return Err("the id must be one word".into());
        }
        if self.reason.trim().is_empty() {
            return Err("a reason is needed".into());
        }
        let re = Regex::new(&self.pattern).map_err(|e| format!("pattern: {e}"))?;
        if re.is_match("") {
            return Err("the pattern matches empty text".into());
        }
        for e in &self.exceptions {
            Regex::new(e).map_err(|err| format!("exception {e:?}: {err}"))?;
        }
        for d in [&self.valid_from, &self.valid_until].into_iter().flatten() {
            if day(d).is_none() {
                return Err(format!(
                    "{d:?} is not a day (YYYY-MM-DD, a year from 1900 to 2200)"
                ));
            }
        }
        if self.valid_from.is_none() && self.valid_until.is_none() {
            return Err("valid_from or valid_until is needed".into());
        }
        Ok(())
    }
}

/// A `YYYY-MM-DD` that names a real day of a year a 提法 can date from (1900–2200: year 0 is
/// a slip, not a date).
fn day(s: &str) -> Option<&str> {
    let c = crate::text::regex!(r"^(\d{4})-(\d{2})-(\d{2})$").captures(s)?;
    let (y, m, d) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    ((1900..=2200).contains(&y) && crate::zh::real_day(y, m, d)).then_some(s)
}

/// The built-in pack, read.
pub fn builtin_pack() -> RulePack {
    RulePack::from_toml(BUILTIN_RULES).expect("the built-in pack is valid (tested)")
}

/// A rule in force, with where it comes from.
#[derive(Debug, Clone)]
struct Compiled {
    rule: TermRule,
    pattern: Regex,
    exceptions: Vec<Regex>,
}

/// The 提法 rules in force: packs layered, disabled rules removed, patterns compiled.
#[derive(Debug, Clone)]
pub struct TermSet {
    rules: Vec<Compiled>,
    /// Every id a pack turned off (提法 rules and built-in checks).
    pub disabled: HashSet<String>,
}

impl TermSet {
    /// Layers packs, lowest first: a rule replaces the one with the same id below it.
    pub fn layered(packs: &[&RulePack]) -> TermSet {
        let mut rules: Vec<TermRule> = Vec::new();
        let mut disabled = HashSet::new();
        for pack in packs {
            for r in &pack.rules {
                match rules.iter_mut().find(|x| x.id == r.id) {
                    Some(x) => *x = r.clone(),
                    None => rules.push(r.clone()),
                }
            }
            disabled.extend(pack.disable.iter().cloned());
        }
        let rules = rules
            .into_iter()
            .filter(|r| !disabled.contains(&r.id))
            .filter_map(|rule| {
                // Packs are validated when read; a rule that still fails is left out.
                let pattern = Regex::new(&rule.pattern).ok()?;
                let exceptions = rule
                    .exceptions
                    .iter()
                    .filter_map(|e| Regex::new(e).ok())
                    .collect();
                Some(Compiled {
                    rule,
                    pattern,
                    exceptions,
                })
            })
            .collect();
        TermSet { rules, disabled }
    }

    /// The built-in pack alone.
    pub fn builtin() -> TermSet {
        TermSet::layered(&[&builtin_pack()])
    }
}

/// Reports every term whose dates do not include `date`.
pub(super) fn check(src: &Source, terms: &TermSet, date: &str, out: &mut Out) {
    let live: Vec<&Compiled> = terms
        .rules
        .iter()
        .filter(|c| {
            c.rule.valid_from.as_deref().is_some_and(|f| date < f)
                || c.rule.valid_until.as_deref().is_some_and(|u| date > u)
        })
        .collect();
    if live.is_empty() {
        return;
    }
    for p in &src.paras {
        let text = &p.text;
        for c in &live {
            for m in c.pattern.find_iter(text) {
                let sentence = sentence_around(text, m.start(), m.end());
                if c.exceptions.iter().any(|e| e.is_match(sentence)) {
                    continue;
                }
                let start = p.char_of(m.start());
                let r = &c.rule;
                let when = match (&r.valid_from, &r.valid_until) {
                    (Some(f), _) if date < f.as_str() => format!("{f}以前"),
                    (_, Some(u)) => format!("{u}以后"),
                    _ => String::new(),
                };
                let mut message = format!("“{}”在{when}是过时提法：{}", m.as_str(), r.reason);
                if let Some(s) = &r.suggest {
                    message.push_str(&format!("。建议：{s}"));
                }
                out.add_as(
                    p,
                    Hit {
                        rule: "outdated-term",
                        start,
                        end: start + m.as_str().chars().count(),
                        message,
                        fix: None,
                    },
                    r.severity,
                    Some(format!("{}（规则 {}）", r.basis, r.id)),
                );
            }
        }
    }
}

/// The sentence (between 。！？； marks) that holds bytes `start..end` of `text`.
fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    let from = text[..start]
        .rfind(crate::zh::chars::CLAUSE_ENDS)
        .map_or(0, |i| i + '。'.len_utf8());
    let to = text[end..]
        .find(crate::zh::chars::CLAUSE_ENDS)
        .map_or(text.len(), |i| end + i);
    &text[from..to]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::found_on;

    fn terms(text: &str, date: &str) -> Vec<String> {
        found_on(text, date)
            .into_iter()
            .filter(|(r, _)| r == "outdated-term")
            .map(|(_, t)| t)
            .collect()
    }

    #[test]
    fn the_builtin_pack_is_valid_and_round_trips() {
        let pack = builtin_pack();
        assert!(pack.rules.len() >= 15);
        assert!(
            pack.rules.iter().all(|r| !r.basis.is_empty()),
            "every rule is sourced"
        );
        assert_eq!(RulePack::from_toml(&pack.to_toml()).unwrap(), pack);
    }

    #[test]
    fn plans_are_current_only_in_their_years() {
        let s = "今年是“十三五”规划的收官之年。";
        assert_eq!(terms(s, "2026-03-01"), ["今年是“十三五”规划的收官之年"]);
        assert!(terms(s, "2020-07-01").is_empty());
        // The opening year is the first only.
        assert_eq!(terms("今年是“十四五”开局之年。", "2023-03-05").len(), 1);
        assert!(terms("今年是“十四五”开局之年。", "2021-03-05").is_empty());
        assert!(terms("今年是“十五五”开局之年。", "2026-03-05").is_empty());
        // A retrospective mention is no current plan.
        assert!(terms("“十三五”时期，全县经济取得长足进步。", "2026-03-01").is_empty());
    }

    #[test]
    fn goals_reached_and_congresses_passed() {
        assert_eq!(
            terms("决胜全面建成小康社会，奋力谱写新篇章。", "2022-03-01"),
            ["决胜全面建成小康社会"]
        );
        assert!(terms("决胜全面建成小康社会，奋力谱写新篇章。", "2019-03-01").is_empty());
        assert!(terms("我们如期全面建成了小康社会。", "2022-03-01").is_empty());
        let spirit = "深入学习贯彻党的十九大精神。";
        assert_eq!(terms(spirit, "2026-06-30").len(), 1);
        assert!(terms(spirit, "2019-06-30").is_empty());
        assert!(terms("过去五年，我们深入学习贯彻党的十九大精神。", "2023-03-05").is_empty());
        assert_eq!(terms("深入学习贯彻党的二十大精神。", "2021-06-30").len(), 1);
        assert!(terms("深入学习贯彻党的二十大精神。", "2026-06-30").is_empty());
    }

    #[test]
    fn layers_replace_and_disable() {
        let unit = RulePack::from_toml(
            r#"
name = "某县委办"
disable = ["covid-name", "char-repeat"]
[[rule]]
id = "xiaokang-goal"
pattern = "决胜全面小康"
reason = "本单位口径"
basis = "县委办通知"
valid_until = "2021-06-30"
[[rule]]
id = "unit-old-name"
pattern = "县经信委"
reason = "已改名为县工信局"
basis = "县机构改革方案"
valid_until = "2019-01-31"
"#,
        )
        .unwrap();
        let set = TermSet::layered(&[&builtin_pack(), &unit]);
        assert!(set.disabled.contains("char-repeat"));
        let ids: Vec<&str> = set.rules.iter().map(|c| c.rule.id.as_str()).collect();
        assert!(!ids.contains(&"covid-name"));
        assert!(ids.contains(&"unit-old-name"));
        let xk = set
            .rules
            .iter()
            .find(|c| c.rule.id == "xiaokang-goal")
            .unwrap();
        assert_eq!(xk.rule.pattern, "决胜全面小康");
    }

    #[test]
    fn bad_packs_are_named() {
        for (text, says) in [
            ("[[rule]]\nid = \"a\"\npattern = \"(\"\nreason = \"r\"\nvalid_until = \"2020-01-01\"", "pattern"),
            ("[[rule]]\nid = \"a\"\npattern = \"x\"\nreason = \"r\"\nvalid_until = \"2020-02-30\"", "not a day"),
            ("[[rule]]\nid = \"a\"\npattern = \"x\"\nreason = \"r\"", "valid_from or valid_until"),
            ("version = 9", "newer"),
            ("[[rule]]\nid = \"a\"\npattern = \"x\"\nreason = \"r\"\nvalid_until = \"2020-01-01\"\nwhen = 1", "unknown field"),
        ] {
            let e = RulePack::from_toml(text).unwrap_err().to_string();
            assert!(e.contains(says), "{e}");
        }
    }
}
