//! The lines around a document's body: salutation, title, 公文 head lines, attachment lists,
//! speaker and occasion lines, and the kind of document a title names.

use super::chars::is_space;
use crate::text::regex;

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
pub fn is_title_like(line: &str) -> bool {
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
pub fn is_document_head(line: &str) -> bool {
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
pub fn ends_with_kind(title: &str) -> bool {
    let core = regex!(r"[（(][^（）()]{1,12}[）)]\s*$").replace(title.trim(), "");
    TITLE_ENDS.iter().any(|k| core.ends_with(k))
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

/// The speaker named in a line such as 国务院总理 李克强, ——县委书记 王某某, or a title 李强在…上的讲话.
pub fn speaker_in(line: &str) -> Option<String> {
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
pub fn occasion_in(line: &str) -> Option<String> {
    regex!(r"在(.{2,60}?)(?:上|开幕式上|闭幕式上)的(?:讲话|报告|致辞|发言|总结)",)
        .captures(line)
        .or_else(|| regex!(r"^——.*?在(.{2,60}?)上").captures(line))
        .map(|c| c[1].to_string())
}

