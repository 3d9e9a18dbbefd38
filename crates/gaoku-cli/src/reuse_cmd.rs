//! `gaoku reuse` and `gaoku similar`: 查重 against the library and similar passages.

use std::path::PathBuf;

use clap::Args;
use gaoku_core::reuse::{ReuseKind, ReuseReport};
use gaoku_core::{Library, Result};
use serde_json::json;

/// `gaoku reuse`.
#[derive(Args)]
pub struct ReuseArgs {
    /// A file: .md as a draft, .txt by its lines, other documents as an import reads them.
    #[arg(value_name = "FILE", required_unless_present = "draft")]
    file: Option<PathBuf>,
    /// Check a saved draft instead.
    #[arg(long, value_name = "ID", conflicts_with = "file")]
    draft: Option<i64>,
}

/// Prints where the text's sentences were said before.
pub fn reuse(lib: &Library, args: &ReuseArgs, json: bool) -> Result<()> {
    let r = match (args.draft, &args.file) {
        (Some(id), _) => lib.reuse_draft(id)?,
        (None, Some(path)) => lib.reuse_file(path)?,
        (None, None) => unreachable!("clap requires a target"),
    };
    if json {
        crate::output::print_json(&json!({
            "ratio": r.ratio,
            "total_chars": r.total_chars,
            "sources": r.sources,
            "spans": r.spans,
        }));
    } else {
        print(&r);
    }
    Ok(())
}

fn print(r: &ReuseReport) {
    outln!(
        "重复率 {:.1}%（{} 字中 {} 字见于素材库）",
        r.ratio * 100.0,
        r.total_chars,
        r.sources.iter().map(|s| s.chars).sum::<usize>()
    );
    for s in &r.sources {
        outln!(
            "  {:>5} 字  [{}] {} {}",
            s.chars,
            s.id,
            s.title,
            s.date.as_deref().unwrap_or("")
        );
    }
    let common = r
        .spans
        .iter()
        .filter(|s| s.kind == ReuseKind::Common)
        .count();
    if common > 0 {
        outln!("常用表述 {common} 处（不计入重复）");
    }
}

/// `gaoku similar`.
#[derive(Args)]
pub struct SimilarArgs {
    /// The text (a paragraph).
    #[arg(value_name = "TEXT", required_unless_present = "file")]
    text: Option<String>,
    /// Read the text from a file instead.
    #[arg(long, value_name = "FILE", conflicts_with = "text")]
    file: Option<PathBuf>,
    /// How many paragraphs.
    #[arg(long, default_value_t = 10)]
    limit: usize,
}

/// Prints the library paragraphs closest to a text.
pub fn similar(lib: &Library, args: &SimilarArgs, json: bool) -> Result<()> {
    let text = match (&args.text, &args.file) {
        (Some(t), _) => t.clone(),
        (None, Some(path)) => Library::read_text_file(path)?,
        (None, None) => unreachable!("clap requires a text"),
    };
    let limit = args.limit.clamp(1, 1000);
    let hits = lib.similar(&text, limit)?;
    if json {
        crate::output::print_json(&json!({ "hits": hits }));
        return Ok(());
    }
    for h in &hits {
        let preview: String = h.text.chars().take(60).collect();
        outln!(
            "{:.2}  [{}] {} {} ¶{}\n      {preview}",
            h.score,
            h.id,
            h.title,
            h.date.as_deref().unwrap_or(""),
            h.para
        );
    }
    Ok(())
}
