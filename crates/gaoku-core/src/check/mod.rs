//! Draft checks: a second pair of eyes before a speech goes to the leader. Structure rules read
//! the outline (numbering gaps and repeats, a 一是 with no 二是, "三个方面" followed by two),
//! writing rules read the characters (half-width punctuation between Han characters, unpaired
//! quotation marks, 的的, 二零二零年), and `outdated-term` rules compare the draft's date with
//! the years a formulation (提法) was current. Each rule is a small unit in its own module.
//!
//! Findings carry character offsets into the text the writer sees (the draft's Markdown source
//! or a speech's text), a 1-based line and, where one is certain, a fix.

mod punct;
pub(crate) mod source;
mod structure;
mod terms;
mod words;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

pub use terms::{builtin_pack, Layer, RulePack, TermRule, TermSet, BUILTIN_RULES};

use source::{Para, Source};

/// How much a finding matters. Errors make `gaoku lint` exit with 1.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A mistake: a reader will notice it.
    Error,
    /// Very likely a mistake.
    Warning,
    /// Worth a look.
    Hint,
}

/// A replacement that corrects a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Fix {
    /// Character offsets of the text to replace, in the whole checked text.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// The text to put there.
    pub replacement: String,
    /// Safe to apply without reading (punctuation width, doubled punctuation).
    pub safe: bool,
}

/// One thing a check found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Finding {
    /// The rule's id (`numbering-gap`, `punct-halfwidth`, `outdated-term`, …): a contract.
    pub rule: String,
    /// How much it matters.
    pub severity: Severity,
    /// 1-based line of the start in the checked text.
    pub line: usize,
    /// Character offsets of the finding in the whole checked text.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// What is wrong, in Chinese.
    pub message: String,
    /// Where the rule comes from (a standard's clause, the document a 提法 follows), if known.
    pub basis: Option<String>,
    /// The correction, when one is certain.
    pub fix: Option<Fix>,
}

/// The three families of rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum RuleKind {
    /// Numbering and enumerations.
    Structure,
    /// Punctuation, characters, numbers.
    Writing,
    /// Time-aware 提法.
    Term,
}

/// A built-in check, as the rules pane lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct RuleInfo {
    /// The rule's id.
    pub id: String,
    /// Structure, writing or term.
    pub kind: RuleKind,
    /// Its usual severity.
    pub severity: Severity,
    /// Short name, in Chinese.
    pub title: String,
    /// What it checks and why, with the standard's clause where one speaks.
    pub explanation: String,
}

/// The built-in checks: (id, kind, severity, title, explanation).
const CHECKS: &[(&str, RuleKind, Severity, &str, &str)] = &[
    ("numbering-gap", RuleKind::Structure, Severity::Error, "编号跳号",
     "同一层级的序号应连续：一、二、三、，不应跳过或倒退（一、二、四、）。"),
    ("numbering-repeat", RuleKind::Structure, Severity::Error, "编号重复",
     "同一层级的序号不应重复（两个“三、”）。"),
    ("numbering-start", RuleKind::Structure, Severity::Warning, "编号起点",
     "每一层级在其上级之下的第一个序号应为“一”或“1”。"),
    ("numbering-punct", RuleKind::Structure, Severity::Warning, "序号标点",
     "结构层次序数依次用“一、”“（一）”“1.”“（1）”（GB/T 9704—2012 第7.3.3条）；“（一）”后不再加顿号，“一”后用顿号而非点号或逗号，同一层级不混用“1、”与“1.”。"),
    ("item-alone", RuleKind::Structure, Severity::Warning, "有一无二",
     "“一是”之后应有“二是”：只有一项时不必编号。"),
    ("item-gap", RuleKind::Structure, Severity::Warning, "分项跳号",
     "“一是、二是、三是”应连续，不应由“一是”直接跳到“三是”。"),
    ("count-mismatch", RuleKind::Structure, Severity::Warning, "数目不符",
     "前文说“三个方面”“以下四点”，后面列出的分项或标题数目应与之相符。"),
    ("punct-halfwidth", RuleKind::Writing, Severity::Warning, "半角标点",
     "中文行文中的标点用全角形式，占一个汉字的位置（GB/T 15834—2011 第5章 标点符号的位置和书写形式）。"),
    ("punct-unpaired", RuleKind::Writing, Severity::Warning, "标点不成对",
     "引号、括号、书名号应成对使用（GB/T 15834—2011 4.8 引号、4.9 括号、4.15 书名号）。引文有多段时，每段开头用前引号、只在最后一段末尾用后引号，这种情况不报。"),
    ("punct-repeat", RuleKind::Writing, Severity::Warning, "标点重复",
     "同一位置只用一个点号（，，或。。或，。）；省略号“……”和问号叹号的叠用不在此列（GB/T 15834—2011 4.2、4.3、4.11）。"),
    ("char-repeat", RuleKind::Writing, Severity::Warning, "字词重复",
     "“的的”“了了”“是是”“在在”等虚词叠用多为录入错误；“看看”“常常”等重叠词和“的的确确”“不了了之”不报。"),
    ("year-form", RuleKind::Writing, Severity::Warning, "年份写法",
     "汉字年份中的“0”写作“〇”，如“二〇二〇年”，不写作“二零二〇年”（GB/T 15835—2011 关于“〇”的用法）；同一文稿中的年份宜统一用阿拉伯数字或汉字数字（“同类别同形式”原则）。"),
    ("outdated-term", RuleKind::Term, Severity::Warning, "过时提法",
     "按文稿日期核对提法：五年规划、党代会精神、全面建成小康社会等说法各有其适用的时间段，超出后即为过时提法。规则见“提法规则”。"),
];

/// Every built-in check, in a stable order.
pub fn checks() -> Vec<RuleInfo> {
    CHECKS
        .iter()
        .map(|(id, kind, severity, title, explanation)| RuleInfo {
            id: id.to_string(),
            kind: *kind,
            severity: *severity,
            title: title.to_string(),
            explanation: explanation.to_string(),
        })
        .collect()
}

fn check_info(id: &str) -> &'static (&'static str, RuleKind, Severity, &'static str, &'static str) {
    CHECKS
        .iter()
        .find(|c| c.0 == id)
        .expect("every rule a check emits is in CHECKS")
}

/// What a check run needs besides the text.
pub struct CheckOptions<'a> {
    /// The draft's date, `YYYY-MM-DD`: 提法 are judged as of this day.
    pub date: String,
    /// The 提法 rules in force (built-in, unit and personal packs layered).
    pub terms: &'a TermSet,
    /// Rule ids (checks or 提法 rules) the writer turned off.
    pub disabled: &'a HashSet<String>,
}

/// Checks a draft's Markdown.
pub fn check_markdown(md: &str, opts: &CheckOptions) -> Vec<Finding> {
    run(&Source::markdown(md), opts)
}

/// Checks plain text, one paragraph per line (a speech's text, a .txt file). The first non-empty
/// line is the title when `first_is_title`.
pub fn check_text(text: &str, first_is_title: bool, opts: &CheckOptions) -> Vec<Finding> {
    run(&Source::plain(text, first_is_title), opts)
}

/// The date a draft gives itself: a line that is only a date (`2019年3月5日`, `（2019年3月5日）`)
/// under the title or at the end, as `YYYY-MM-DD`.
pub fn date_in_markdown(md: &str) -> Option<String> {
    date_of(&Source::markdown(md))
}

/// [`date_in_markdown`] of a text already read.
pub(crate) fn date_of(src: &Source) -> Option<String> {
    let n = src.paras.len();
    src.paras
        .iter()
        .enumerate()
        .filter(|(i, _)| *i < 3 || *i + 3 >= n)
        .find_map(|(_, p)| written_date(&p.text))
}

/// A full date standing alone on its line, in Arabic or Chinese numerals (二〇一九年三月五日).
fn written_date(p: &str) -> Option<String> {
    let p = p.trim();
    crate::zh::find_date(p)
        .filter(|(d, _)| d.len() == 10 && crate::zh::is_date_line(p))
        .map(|(d, _)| d)
}

/// Runs every check on a text already read.
pub(crate) fn run(src: &Source, opts: &CheckOptions) -> Vec<Finding> {
    let mut out = Out {
        src,
        disabled: opts.disabled,
        list: Vec::new(),
    };
    structure::check(src, &mut out);
    punct::check(src, &mut out);
    words::check(src, &mut out);
    terms::check(src, opts.terms, &opts.date, &mut out);
    let mut list = out.list;
    list.sort_by(|a, b| (a.start, a.end, &a.rule).cmp(&(b.start, b.end, &b.rule)));
    list.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.rule == b.rule);
    list
}

/// Where the rules put their findings.
pub(crate) struct Out<'a> {
    src: &'a Source,
    disabled: &'a HashSet<String>,
    list: Vec<Finding>,
}

/// A finding as a rule reports it, in a paragraph's characters.
pub(crate) struct Hit {
    pub rule: &'static str,
    /// Characters `start..end` of the paragraph.
    pub start: usize,
    pub end: usize,
    pub message: String,
    /// Replacement of `start..end`, and whether it is safe to apply unread.
    pub fix: Option<(String, bool)>,
}

impl Out<'_> {
    fn off(&self, rule: &str) -> bool {
        self.disabled.contains(rule)
    }

    /// Adds a finding of a built-in check with its usual severity and basis.
    pub fn add(&mut self, para: &Para, hit: Hit) {
        let (_, _, severity, _, _) = check_info(hit.rule);
        self.add_as(para, hit, *severity, None);
    }

    /// Adds a finding with the given severity and basis.
    pub fn add_as(&mut self, para: &Para, hit: Hit, severity: Severity, basis: Option<String>) {
        if self.off(hit.rule) || hit.start >= hit.end || hit.end > para.at.len() {
            return;
        }
        let start = para.at[hit.start];
        let end = para.at[hit.end - 1] + 1;
        self.list.push(Finding {
            rule: hit.rule.to_string(),
            severity,
            line: self.src.line_of(start),
            start,
            end,
            message: hit.message,
            basis,
            fix: hit.fix.map(|(replacement, safe)| Fix {
                start,
                end,
                replacement,
                safe,
            }),
        });
    }
}

#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    /// Runs every check on plain text (no title) dated 2026-06-30 with the built-in 提法 rules,
    /// and returns (rule, the text found) pairs.
    pub fn found(text: &str) -> Vec<(String, String)> {
        found_on(text, "2026-06-30")
    }

    pub fn found_on(text: &str, date: &str) -> Vec<(String, String)> {
        let terms = TermSet::builtin();
        let disabled = HashSet::new();
        let opts = CheckOptions {
            date: date.to_string(),
            terms: &terms,
            disabled: &disabled,
        };
        let chars: Vec<char> = text.chars().collect();
        check_text(text, false, &opts)
            .into_iter()
            .map(|f| (f.rule, chars[f.start..f.end].iter().collect()))
            .collect()
    }

    /// The findings of one rule.
    pub fn of(rule: &str, text: &str) -> Vec<String> {
        found(text)
            .into_iter()
            .filter(|(r, _)| r == rule)
            .map(|(_, t)| t)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_point_into_the_markdown_source() {
        let terms = TermSet::builtin();
        let disabled = HashSet::new();
        let opts = CheckOptions {
            date: "2026-06-30".into(),
            terms: &terms,
            disabled: &disabled,
        };
        let md = "# 讲话\n\n## 一、看形势\n\n正文,接着写。\n\n## 三、抓落实\n";
        let found = check_markdown(md, &opts);
        let chars: Vec<char> = md.chars().collect();
        let comma = found.iter().find(|f| f.rule == "punct-halfwidth").unwrap();
        assert_eq!(chars[comma.start], ',');
        assert_eq!(comma.line, 5);
        assert_eq!(comma.fix.as_ref().unwrap().replacement, "，");
        let gap = found.iter().find(|f| f.rule == "numbering-gap").unwrap();
        assert_eq!(chars[gap.start..gap.end].iter().collect::<String>(), "三、");
        assert_eq!(gap.line, 7);
        assert_eq!(gap.severity, Severity::Error);
        // A rule the writer turned off stays silent.
        let disabled: HashSet<String> = ["punct-halfwidth".to_string()].into();
        let opts = CheckOptions {
            disabled: &disabled,
            ..opts
        };
        assert!(check_markdown(md, &opts)
            .iter()
            .all(|f| f.rule != "punct-halfwidth"));
    }

    #[test]
    fn one_huge_paragraph_is_checked_in_one_pass() {
        // 20,000 findings of three rules in one 280,000-character paragraph: every match is
        // turned into a character range without rescanning the paragraph (quadratic before, which
        // this would expose as a hang), and every one is found.
        let text = "二零二零年的的工作,".repeat(20_000);
        let found = testing::found(&text);
        let count = |rule: &str| found.iter().filter(|(r, _)| r == rule).count();
        assert_eq!(count("year-form"), 20_000);
        assert_eq!(count("char-repeat"), 20_000);
        assert_eq!(
            count("punct-halfwidth"),
            20_000,
            "the last one too: it ends the paragraph"
        );
    }

    #[test]
    fn a_draft_dates_itself_by_a_date_line() {
        assert_eq!(
            date_in_markdown("# 讲话\n\n（2019年3月5日）\n\n同志们：\n").as_deref(),
            Some("2019-03-05")
        );
        assert_eq!(date_in_markdown("# 讲话\n\n2019年2月30日\n"), None);
        assert_eq!(date_in_markdown("# 讲话\n\n今年2019年3月5日开会。\n"), None);
        assert_eq!(
            date_in_markdown("# 讲话\n\n二〇一九年三月五日\n").as_deref(),
            Some("2019-03-05")
        );
    }
}
