//! `gaoku bundle export|import`: 素材包, a library's material as one file to share.

use std::path::PathBuf;

use clap::Subcommand;
use gaoku_core::{BundleInfo, BundleParts, BundleReport, Library, Result};

use crate::output;

/// `gaoku bundle …`.
#[derive(Subcommand)]
pub enum BundleAction {
    /// Write a 素材包. With no part named: every speech, the phrases, templates and rules (drafts
    /// only with --drafts).
    Export {
        /// The bundle file to write (new; `.gaoku` by convention).
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// `all`, or the ids of the speeches to include.
        #[arg(long, num_args = 1.., value_name = "all|ID")]
        speeches: Vec<String>,
        /// The starred, own and tagged phrases of the bank.
        #[arg(long)]
        phrases: bool,
        /// Your own structure templates.
        #[arg(long)]
        templates: bool,
        /// The unit and personal 提法 rule packs.
        #[arg(long)]
        rules: bool,
        /// The drafts (their current text).
        #[arg(long)]
        drafts: bool,
    },
    /// Merge a 素材包 into the library: new speeches added (by their text), stars and tags
    /// merged, templates renamed on a clash; a damaged bundle imports nothing.
    Import { file: PathBuf },
}

/// Runs one bundle action.
pub fn run(lib: &mut Library, action: &BundleAction, json: bool) -> Result<()> {
    match action {
        BundleAction::Export {
            output: path,
            speeches,
            phrases,
            templates,
            rules,
            drafts,
        } => {
            let named = !speeches.is_empty() || *phrases || *templates || *rules || *drafts;
            let all = !named || speeches.iter().any(|s| s == "all");
            let mut ids = Vec::new();
            for s in speeches.iter().filter(|s| *s != "all") {
                ids.push(s.parse::<i64>().map_err(|_| {
                    gaoku_core::Error::Invalid(gaoku_core::error::Invalid::NotASpeechId {
                        value: s.clone(),
                    })
                })?);
            }
            let parts = BundleParts {
                all_speeches: all,
                speech_ids: ids,
                phrases: !named || *phrases,
                templates: !named || *templates,
                rules: !named || *rules,
                drafts: *drafts,
            };
            print_export(&lib.export_bundle(path, &parts)?, json);
        }
        BundleAction::Import { file } => print_import(&lib.import_bundle(file)?, json),
    }
    Ok(())
}

fn print_export(info: &BundleInfo, json: bool) {
    if json {
        return output::print_json(info);
    }
    outln!(
        "已导出素材包 {}（{:.1} MB）：讲话稿 {} 篇，句式 {} 条，模板 {} 个，提法规则 {} 条，草稿 {} 篇",
        info.path,
        info.bytes as f64 / 1e6,
        info.speeches,
        info.phrases,
        info.templates,
        info.rules,
        info.drafts
    );
}

fn print_import(r: &BundleReport, json: bool) {
    if json {
        return output::print_json(r);
    }
    outln!("已导入素材包 {}", r.path);
    outln!(
        "  讲话稿：新增 {} 篇，已有 {} 篇（补充标签 {} 个）",
        r.speeches_added.len(),
        r.speeches_known,
        r.tags_added
    );
    outln!(
        "  句式：新增 {} 条，合并 {} 条",
        r.phrases_added,
        r.phrases_merged
    );
    outln!(
        "  模板：新增 {} 个，改名 {} 个，已有 {} 个",
        r.templates_added,
        r.templates_renamed.len(),
        r.templates_known
    );
    for t in &r.templates_renamed {
        outln!("    “{}” 改名为 “{}”（本库已有同名模板）", t.from, t.to);
    }
    outln!(
        "  提法规则：新增 {} 条，替换 {} 条",
        r.rules_added,
        r.rules_replaced
    );
    outln!(
        "  草稿：新增 {} 篇，已有 {} 篇",
        r.drafts_added,
        r.drafts_known
    );
    if r.is_empty() {
        outln!("素材包里的内容本库都已有，没有改动。");
    }
}
