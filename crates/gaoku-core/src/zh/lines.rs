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
    let line = super::chars::fold_title(line.trim());
    let line = line.as_str();
    line.chars().count() <= 40
        && (regex!(r"^\d{6}$").is_match(line)
            || regex!(r"^(?:绝密|机密|秘密)(?:\s*★.*)?$").is_match(line)
            || regex!(r"^(?:特急|加急|平急|特提)$").is_match(line)
            || regex!(r"^[\p{Han}（）()、\s]{2,36}文件$").is_match(line)
            || regex!(&format!("^{DOCUMENT_NUMBER}$")).is_match(line))
}

/// A 发文字号: the issuer's short name, the year in brackets, the number (某政发〔2026〕12号).
const DOCUMENT_NUMBER: &str =
    r"[\p{Han}]{1,16}\s*[〔\[［(（]\s*((?:19|20)\d{2})\s*[〕\]］)）]\s*\d{1,4}\s*号";

/// The year of a 发文字号 written anywhere in the line.
pub fn document_number_year(line: &str) -> Option<i32> {
    regex!(DOCUMENT_NUMBER).captures(&super::chars::fold_title(line))?[1]
        .parse()
        .ok()
}

/// The line that opens the notes after a text's body: 注释, 注：, 注 释：, 附注, 参考文献.
pub fn is_notes_line(line: &str) -> bool {
    regex!(r"^(?:注\s*释|附\s*注|注)\s*[：:]?\s*$|^注\s*释\s*[：:]|^(?:参考文献|尾注)\s*[：:]?$")
        .is_match(line)
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
    "答复",
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
    let title = super::chars::fold_title(title);
    let core = regex!(r"[（(][^（）()]{1,12}[）)]\s*$").replace(title.trim(), "");
    TITLE_ENDS.iter().any(|k| core.ends_with(k))
}

/// Title words and the kind of document each names (贺词 is a 致辞, 述职 a 述职报告, 复函 a 函).
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
    ("通知", "通知"),
    ("通报", "通报"),
    ("意见", "意见"),
    ("决定", "决定"),
    ("办法", "办法"),
    ("条例", "条例"),
    ("规定", "规定"),
    ("细则", "细则"),
    ("方案", "方案"),
    ("规划", "规划"),
    ("纲要", "规划"),
    ("请示", "请示"),
    ("批复", "批复"),
    ("函", "函"),
    ("答复", "函"),
    ("公报", "公报"),
    ("公告", "公告"),
    ("通告", "通告"),
    ("纪要", "纪要"),
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
/// 在…总结会议上的讲话 is a 讲话, 关于印发…办法的通知 a 通知). 函 counts only at the end (复函,
/// 的函), not inside a word (函授).
pub fn kind_from_title(title: &str) -> Option<String> {
    let title = super::chars::fold_title(title);
    let title = title.as_str();
    // Titles often end with a note such as （一大）; look at the text before it first.
    let core = regex!(r"[（(][^（）()]{1,12}[）)]\s*$").replace(title.trim(), "");
    KINDS
        .iter()
        .filter_map(|(word, kind)| {
            let pos = title.rfind(word)?;
            (*word != "函" || core.ends_with('函')).then_some((pos, *kind))
        })
        .max_by_key(|(pos, _)| *pos)
        .map(|(_, kind)| kind.to_string())
}

/// The posts a speaker line names before the name (国务院总理 李克强, 代省长 王某).
const ROLES: &str = "总理|副总理|总书记|书记|副书记|主席|副主席|委员长|省长|市长|县长|区长|州长|旗长|镇长|乡长|部长|厅长|局长|主任|院长|校长|董事长|总经理|处长|科长|总领事|大使|领事|秘书长|检察长|司令员|政委|常委";

/// Whether a name read from a line is a name, not a post or a word (市委书记, 同志, 全县).
pub fn is_name(name: &str) -> bool {
    let n = name.chars().count();
    (2..=4).contains(&n)
        && !regex!(r"(?:书记|长|主任|主席|同志|领导|代表|委员|总理|大会|会议|全县|全市|全省|我们|大家|今天|本人|县委|市委|省委|政府)$")
            .is_match(name)
        && !regex!(r"^(?:在|县|市|省|区|全|各|我|本|这|今)").is_match(name)
        && !regex!(r"[的后讲话会议上在]").is_match(name)
}

/// A name as lines write it: two to four Han characters (or XXX), a two-character name often
/// with a space between (龚 正).
fn squeeze_name(raw: &str) -> String {
    raw.chars()
        .filter(|c| !super::chars::is_space(*c))
        .collect()
}

/// The speaker named in a line: 国务院总理 李克强, ——县委书记 王某某, 上海市市长 龚 正, 代省长 王某,
/// 北京市市长 殷勇同志作政府工作报告, …会议上天津市市长张工同志作…, 李强在…上的讲话,
/// 徐杰总领事在…上的致辞, ——在…上的讲话（王某某）.
pub fn speaker_in(line: &str) -> Option<String> {
    let line = line.trim_start_matches(['—', '-', '―', ' ']);
    // A post and a name filling the line.
    if line.chars().count() <= 30 {
        let re = regex!(&format!(
            r"^[\p{{Han}}（）()]{{0,20}}?代?(?:{ROLES})[ \u3000]*([\p{{Han}}X×](?:[ \u3000]?[\p{{Han}}X×]){{1,3}})(?:同志)?$"
        ));
        if let Some(c) = re.captures(line) {
            let n = squeeze_name(&c[1]);
            if is_name(&n) {
                return Some(n);
            }
        }
    }
    // A post and a name closing a longer line: …工作报告市城管局党组书记、局长  杜  宇, ——在…会议上县长赵甲宏.
    if line.chars().count() <= 80 {
        let re = regex!(&format!(
            r"(?:{ROLES})[ \u3000]*([\p{{Han}}](?:[ \u3000]?[\p{{Han}}]){{1,2}})(?:同志)?$"
        ));
        if let Some(c) = re.captures(line) {
            let n = squeeze_name(&c[1]);
            if is_name(&n) {
                return Some(n);
            }
        }
    }
    // A post and a name before 在…上的讲话 or a colon: 驻悉尼总领事周立民在…上的讲话,
    // 市长姚晓东在…结束时的讲话, 湖北省副省长童道驰：….
    let re = regex!(&format!(
        r"(?:{ROLES})([\p{{Han}}]{{2,3}}?)(?:在.{{2,80}}(?:上|时|之际)的(?:讲话|报告|致辞|发言|贺词)|[:：])"
    ));
    if let Some(c) = re.captures(line) {
        if is_name(&c[1]) {
            return Some(c[1].to_string());
        }
    }
    // A post and a name, then 同志作… / 作…报告 inside a longer line.
    if let Some(c) = regex!(r"(?:省长|市长|县长|区长|州长|主席|书记|主任|院长|检察长|总理)[ \u3000]*([\p{Han}](?:[ \u3000]?[\p{Han}]){1,2}?)(?:同志)?作").captures(line) {
        let n = squeeze_name(&c[1]);
        if is_name(&n) {
            return Some(n);
        }
    }
    // A name in brackets closing a subtitle: ——在…上的讲话（王某某）.
    if let Some(c) =
        regex!(r"上的(?:讲话|报告|致辞|发言|总结)[（(]([\p{Han}X×]{2,4})[）)]$").captures(line)
    {
        if is_name(&c[1]) {
            return Some(c[1].to_string());
        }
    }
    // A name and a colon before the title: 徐结强：在…上的讲话.
    if let Some(c) =
        regex!(r"^([\p{Han}]{2,3})[:：]在.{2,80}(?:上|时|后|之际)的(?:讲话|致辞|发言|报告)")
            .captures(line)
    {
        if is_name(&c[1]) {
            return Some(c[1].to_string());
        }
    }
    // A title: 李强在…上的讲话, 李强同志在…, 徐杰总领事在….
    let title = regex!(
        r"^([\p{Han}]{2,4}?)(?:同志|总领事|大使|书记|省长|市长|县长|区长|主任|主席)?在.{2,80}(?:上|时|之际)的(?:讲话|报告|致辞|发言|贺词)"
    );
    title
        .captures(line)
        .map(|c| c[1].to_string())
        .filter(|n| is_name(n))
}

/// The meeting or occasion, from 在…上的讲话 in the title or a subtitle.
pub fn occasion_in(line: &str) -> Option<String> {
    regex!(r"在(.{2,60}?)(?:上|开幕式上|闭幕式上)的(?:讲话|报告|致辞|发言|总结)",)
        .captures(line)
        .or_else(|| regex!(r"^(?:——|—|--+|―+|[（(])?.{0,20}?在(.{2,60}?)上[）)]?$").captures(line))
        .map(|c| c[1].to_string())
}

/// Page furniture copied with a web page or from a legal database, above the title or between
/// it and the body: navigation (当前位置：首页 > …, 下载 打印 收藏, 【字号：大 中 小】), source and
/// date lines (来源：…, 发布日期：…, 浏览次数), citation lines (【法宝引证码】…), a photo caption
/// (…记者 李森 摄), a page's print stamp (第 1 版), a bare date and time (2020-05-16 17:53).
pub fn is_furniture(line: &str) -> bool {
    // A Markdown file's front matter run into one line (---id: "…"title: "…").
    if regex!(r"^-{3}\s*[A-Za-z_]+\s*:").is_match(line) {
        return true;
    }
    let n = line.chars().count();
    if n > 120 {
        return false;
    }
    regex!(r"^【[^】]{1,12}】").is_match(line)
        || regex!(r"^(?:下载|打印|全屏|收藏|分享|关闭|关闭窗口|打印本页|加大|还原|减小|大|中|小|】|\[|\]|【字号[:：]?|字号[:：]?.*|返回顶部|上一篇.*|下一篇.*|首页|QQ登录|找回密码.*|免费注册.*|只需一步.*|\[复制链接\].*|第\s*\d+\s*版.*)$")
            .is_match(line)
        || regex!(r"^(?:当前位置|您的位置|你的位置|现在位置|您所在的位置|所在位置)[:：]").is_match(line)
        || regex!(r"\S\s*(?:>|＞|»|&gt;)\s*\S.*(?:>|＞|»|&gt;)").is_match(line) && n <= 80
        || regex!(r"^(?:来源|文章来源|信息来源|来源于|出处|作者|编辑|责任编辑|发布日期|发布时间|发表时间|发文日期|发布机构|时间|日期|更新时间|浏览次数|阅读次数|点击数|索引号|主题分类|发文机关|成文日期|生效日期|时效性|文号|字体)\s*[:：]").is_match(line)
        || regex!(r"(?:浏览次数|阅读次数|点击数|访问量)[:：]").is_match(line)
        || regex!(r"记者\s*\S{2,4}\s*摄$").is_match(line)
        // A page's clock and calendar (今天是：2019年10月31日 星期三), an error page, shop links.
        || regex!(r"^今天是|星期[一二三四五六日天]").is_match(line)
        || regex!(r"^(?:\d{3}\s+)?Not Found$|^nginx|购物车|我的足迹|登录\s*\|?\s*注册|简体\s*\|\s*繁体|^无障碍|^(?:搜索|导航|网站导航|站内搜索)$").is_match(line)
        || regex!(r"^(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$").is_match(line)
}

/// The date a furniture line gives for the page (发布日期：2021-01-01, 时间：2026-01-22,
/// 【发布日期】2004.11.26, a bare 2020-05-16 17:53): page metadata, the last resort for a date.
pub fn page_date(line: &str) -> Option<(String, i32)> {
    // A clock tells the day the page was looked at, not when it was written.
    if !is_furniture(line) || regex!(r"^今天是|星期[一二三四五六日天]").is_match(line)
    {
        return None;
    }
    let labelled = regex!(r"^(?:【(?:发布|公布|成文)日期】|发布日期|发布时间|发表时间|发文日期|成文日期|时间|日期|(?:19|20)\d{2})").is_match(line);
    // A source line with the time it was posted: 来源：(驻悉尼总领馆) 2022-09-28 08:56.
    if !labelled && super::dates::iso_date(line).is_none() {
        return None;
    }
    super::dates::iso_date(line).or_else(|| super::dates::find_date(line))
}

/// A line that names the 文种 of a document: it ends with one (…的通知, 政府工作报告), or is a
/// speech title (在…上的讲话 and its variants, …讲话材料).
pub fn names_kind(line: &str) -> bool {
    ends_with_kind(line)
        || regex!(r"在.{2,80}(?:上|时|之际)的(?:讲话|报告|致辞|发言|总结)")
            .is_match(&super::chars::fold_title(line))
}

/// A subtitle line under a title: ——在…上的讲话, ——2025年1月14日在…会议上, （2026年1月27日在…上）,
/// 2025年1月14日在…会议上.
pub fn is_subtitle(line: &str) -> bool {
    line.chars().count() <= 80
        && (regex!(r"^(?:——|—|―+|--+|－－|━+)").is_match(line)
            || regex!(&format!(
                r"^[（(]?\s*(?:{})\s*年.{{1,12}}日\s*在.{{2,70}}上",
                super::dates::YEAR
            ))
            .is_match(line))
}

/// Titles that say only what kind of document this is, which a writer files with its year and
/// place (政府工作报告 → 2026年广东省政府工作报告) or its occasion (讲话 → 在…上的讲话).
pub fn is_generic_title(title: &str) -> bool {
    regex!(r"^(?:政府工作报告|工作报告|报告|讲话|发言|致辞|新年贺词|贺词|述职报告|工作总结|总结)$")
        .is_match(title)
}

/// The place a subtitle or speaker line names: 在广东省第十四届人民代表大会… → 广东省,
/// 海拉尔区人民政府区长 → 海拉尔区, 浙江省省长 → 浙江省.
pub fn place_in(line: &str) -> Option<String> {
    let line = line.trim_start_matches(['—', '-', '―', '（', '(', ' ']);
    regex!(r"在([\p{Han}]{2,12}?(?:省|自治区|市|区|县|州|盟|旗))第[一二三四五六七八九十]+届")
        .captures(line)
        .or_else(|| regex!(r"^([\p{Han}]{2,12}?(?:省|自治区|市|区|县|州|盟|旗))(?:人民政府)?代?(?:省长|市长|区长|县长|州长|主席|旗长)").captures(line))
        .map(|c| innermost_place(&c[1]))
}

/// The smallest unit a place names: 呼伦贝尔市海拉尔区 → 海拉尔区 (the way it files its reports).
fn innermost_place(place: &str) -> String {
    let cut = regex!(r"^.{2,}?(?:省|自治区|市|盟|州)(.{2,}(?:区|县|市|旗))$");
    match cut.captures(place) {
        Some(c) => c[1].to_string(),
        None => place.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_as_lines_write_them() {
        for (line, want) in [
            ("国务院总理 李克强", "李克强"),
            ("上海市市长 龚 正", "龚正"),
            ("代省长 王小明", "王小明"),
            ("海拉尔区人民政府区长　　张天喜", "张天喜"),
            ("北京市市长 殷勇同志作政府工作报告", "殷勇"),
            (
                "在天津市第十八届人民代表大会第三次会议上天津市市长张工同志作政府工作报告",
                "张工",
            ),
            ("——在全县经济工作会议上的讲话（王某某）", "王某某"),
            ("李强在全省经济工作会议上的讲话", "李强"),
            ("徐杰总领事在2020年新春招待会上的致辞", "徐杰"),
            ("李强同志在全省经济工作会议上的讲话", "李强"),
        ] {
            assert_eq!(speaker_in(line).as_deref(), Some(want), "{line}");
        }
        for line in [
            "市委书记在2020年全市机关干部大会上的讲话",
            "市长在全市安全生产工作会议上的讲话",
            "在全县经济工作会议上的讲话",
            "县委书记",
        ] {
            assert_eq!(speaker_in(line), None, "{line}");
        }
    }

    #[test]
    fn furniture_and_page_dates() {
        for line in [
            "【法宝引证码】CLI.12.748997",
            "当前位置:首页>要闻动态>省政府要闻",
            "学习啦 > 范文 > 行政公文 > 会议纪要",
            "发布日期:2021-01-01 09:12:16浏览次数:字体:[ ]",
            "来源：浙江日报",
            "下载",
            "政府工作报告。 贵州日报天眼新闻记者 李森 摄",
            "2020-05-16 17:53",
            "---id: \"NDAy\"title: \"上海市促进大型科学仪器设施共享规定\"",
        ] {
            assert!(is_furniture(line), "{line}");
        }
        for line in [
            "政府工作报告",
            "各位代表：",
            "一、总体要求",
            "时间紧、任务重，要抓紧。",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
        assert_eq!(
            page_date("时间：2026-01-22").map(|d| d.0).as_deref(),
            Some("2026-01-22")
        );
        assert_eq!(page_date("来源：浙江日报"), None);
    }

    #[test]
    fn kinds_places_and_subtitles() {
        assert_eq!(
            kind_from_title("关于印发某某管理办法的通知").as_deref(),
            Some("通知")
        );
        assert_eq!(
            kind_from_title("国务院办公厅关于同意某事的复函").as_deref(),
            Some("函")
        );
        assert_eq!(
            kind_from_title("关于举办函授班的通知").as_deref(),
            Some("通知")
        );
        assert_eq!(kind_from_title("某省人才流动条例").as_deref(), Some("条例"));
        assert_eq!(
            place_in("——2026年1月26日在广东省第十四届").as_deref(),
            Some("广东省")
        );
        assert_eq!(
            place_in("海拉尔区人民政府区长　　张天喜").as_deref(),
            Some("海拉尔区")
        );
        assert_eq!(
            place_in("在呼伦贝尔市海拉尔区第十四届人民代表大会").as_deref(),
            Some("海拉尔区")
        );
        assert!(is_subtitle(
            "2025年1月14日在河北省第十四届人民代表大会第三次会议上"
        ));
        assert!(is_subtitle("——在全县经济工作会议上的讲话"));
        assert!(!is_subtitle("各位代表："));
        assert!(is_generic_title("政府工作报告") && !is_generic_title("2026年政府工作报告"));
    }
}
