//! Outlines of real speeches, checked by hand: the sample speech whole, and real reports of the
//! corpus (when present) with the traps they contain.

#[path = "common/corpus.rs"]
mod corpus;

use std::path::PathBuf;

use gaoku_core::outline::{Node, NodeKind, Outline};
use gaoku_core::Library;

/// The outline as indented lines: depth, marker and title.
fn render(o: &Outline) -> Vec<String> {
    fn walk(nodes: &[Node], depth: usize, out: &mut Vec<String>) {
        for n in nodes {
            out.push(format!("{}{}{}", "  ".repeat(depth), n.marker, n.title));
            walk(&n.children, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    walk(&o.nodes, 0, &mut out);
    out
}

#[test]
fn sample_speech_outline_whole() {
    let o = Library::outline_file(
        &corpus::repo().join("assets/samples/county-half-year-review-2020.txt"),
    )
    .unwrap();
    assert_eq!(o.title, "在全县2020年半年工作总结会议上的讲话");
    assert_eq!(
        o.salutation.as_ref().map(|s| s.text.as_str()),
        Some("同志们：")
    );
    let want = "\
一、“一分为二”看形势，增强实干争先的紧迫感
  （一）发展势头平稳，应当鼓足干劲。
    一是经济运行总体平稳
    二是强项优势得到巩固
    三是重点工作实现突破
  （二）问题比较突出，必须保持清醒。
    一是“面子”还不光鲜
    二是“里子”还不硬实
    三是“底子”还不厚实
  （三）启示发人深省，务必认真借鉴。
    一是慢进亦退是现实危机
    二是转型发展是大势所趋
    三是实干争先是成事之要
二、“一刻不停”抓推进，掀起实干争先的新热潮
  （一）全力以赴稳增长保态势。
    一是着力保目标晋位次
    二是着力保态势稳工业
    三是着力抓服务保要素
  （二）坚定不移上项目扩投资。
    一是招商引资再发力
    二是项目建设再提速
    三是瓶颈要素再突破
    四是转型发展再加快
  （三）持之以恒惠民生促和谐。
    一是抓紧民生工程
    二是抓实脱贫攻坚
    三是抓好生态建设
    四是抓牢安全稳定
  （四）固本谋远抓党建强基石。
    一是推进不忘初心、牢记使命
    二是强化基层党建
    三是营造清风正气
    一是尽快启动X一期提升工程
    二是切实做好瀍河治理工作
    三是服务引热入X工程
    四是扎实推进特色小镇建设
    五是加快沟域经济发展
    六是扎实推进供给侧结构性改革
三、“一以贯之”促落实，凝聚实干争先的大合力
  （一）要苦干、实干、拼命干。
    一是紧盯目标“苦干”
    二是倒排节点“快干”
    三是深入一线“实干”
  （二）要善做、善成、善担当。
    一是县级领导要带头挂帅
    二是部门单位要密切协作
    三是各个乡镇要敢于攻坚
  （三）要严督、严查、严问责。
    一是细化工作责任
    二是加强跟踪督查
    三是严格责任追究";
    assert_eq!(render(&o).join("\n"), want);
    // Kinds and levels: headings 1–2, items one below their heading; paragraphs point at the text.
    let first = &o.nodes[0];
    assert_eq!((first.kind.clone(), first.level), (NodeKind::Heading, 1));
    let item = &first.children[0].children[0];
    assert_eq!(
        (item.kind.clone(), item.level, item.para),
        (NodeKind::Item, 3, first.children[0].para)
    );
    assert!(o
        .closing
        .as_ref()
        .is_some_and(|c| c.text.starts_with("今年的工作仅剩下五个多月时间")));
}

fn corpus_file(prefix: &str) -> Option<PathBuf> {
    std::fs::read_dir(corpus::corpus_docs()?)
        .ok()?
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
}

/// The headings of the top level present (一、 or, where a report has none, （一）), as
/// `marker + first 6 characters of the title`.
fn heads(o: &Outline) -> Vec<String> {
    fn walk(nodes: &[Node], level: u8, out: &mut Vec<String>) {
        for n in nodes.iter().filter(|n| n.kind == NodeKind::Heading) {
            if n.level == level {
                out.push(format!(
                    "{}{}",
                    n.marker,
                    n.title.chars().take(6).collect::<String>()
                ));
            }
            walk(&n.children, level, out);
        }
    }
    let top = o
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Heading)
        .map(|n| n.level)
        .min()
        .unwrap_or(1);
    let mut out = Vec::new();
    walk(&o.nodes, top, &mut out);
    out
}

#[test]
fn real_reports_with_their_traps() {
    let Some(y2019) = corpus_file("gwr_report_2019") else {
        corpus::skipped("outline::real_reports_with_their_traps");
        return;
    };
    let outline = |p: PathBuf| Library::outline_file(&p).unwrap();

    // 2019: headings that start with a year (一、2018年工作回顾), ten （一）… under 三、.
    let o = outline(y2019);
    assert_eq!(heads(&o), ["一、2018年工", "二、2019年经", "三、2019年政"]);
    assert_eq!(o.nodes[2].children.len(), 10);
    assert_eq!(
        o.nodes[0]
            .children
            .iter()
            .filter(|n| n.kind == NodeKind::Item)
            .count(),
        8,
        "一是…八是 under 一、"
    );

    // 2009: items 一是…四是 under 二、, with commas inside the titles' clauses.
    let o = outline(corpus_file("gwr_report_2009").unwrap());
    let items: Vec<&str> = o.nodes[1]
        .children
        .iter()
        .map(|n| n.title.as_str())
        .collect();
    assert_eq!(
        items,
        [
            "扩内需、保增长",
            "调结构、上水平",
            "抓改革、增活力",
            "重民生、促和谐"
        ]
    );
    assert_eq!(o.nodes[2].children.len(), 7);

    // 2004 and 1978: 一、一年来… and 一、三年来… are headings, not 一、二季度-style number lists.
    assert_eq!(
        heads(&outline(corpus_file("gwr_report_2004").unwrap())).len(),
        3
    );
    let o = outline(corpus_file("gwr_report_1978").unwrap());
    assert_eq!(heads(&o)[0], "一、三年来的斗争");
    assert_eq!(heads(&o).len(), 6);

    // 1958 and 1983: the top level is （一）（二）…, with no 一、 above it.
    assert_eq!(
        heads(&outline(corpus_file("gwr_report_1958").unwrap())).len(),
        5
    );
    assert_eq!(
        heads(&outline(corpus_file("gwr_report_1983").unwrap())).len(),
        5
    );

    // 1981 and 1987: a quoted list 一、二、三、 inside section 四、 is not a run of headings; the
    // sections go on with 五、 (1981) or end (1987).
    let o = outline(corpus_file("gwr_report_1981").unwrap());
    let top = heads(&o);
    assert_eq!(top.len(), 10);
    assert!(
        top[3].starts_with("四、") && top[4].starts_with("五、"),
        "{top:?}"
    );
    assert_eq!(
        heads(&outline(corpus_file("gwr_report_1987").unwrap())).len(),
        4
    );

    // 1954 (traditional characters): 第一是…第二是… items.
    let o = outline(corpus_file("gwr_report_1954").unwrap());
    assert!(o
        .nodes
        .iter()
        .any(|n| n.kind == NodeKind::Item && n.marker == "第一是"));

    // A congress report: thirteen parts, fourteen （一）… under 三、.
    let o = outline(corpus_file("cpc_19").unwrap());
    assert_eq!(
        o.salutation.as_ref().map(|s| s.text.as_str()),
        Some("同志们：")
    );
    assert_eq!(heads(&o).len(), 13);
    assert_eq!(
        o.nodes[2]
            .children
            .iter()
            .filter(|n| n.kind == NodeKind::Heading)
            .count(),
        14
    );
}
