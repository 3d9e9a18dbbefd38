//! `gaoku search|outline|convert`: finding and reading text in the library or in a file.

use std::path::Path;

use clap::Args;
use gaoku_core::{Library, Result, SearchRequest, Sort, YearCounts};

use crate::output;

/// The arguments of `gaoku search`.
#[derive(Args)]
pub struct SearchArgs {
    /// A phrase, several words (keywords: `gaoku search 乡村 振兴`), or a pattern.
    #[arg(required = true, num_args = 1..)]
    query: Vec<String>,
    /// Treat the query as a pattern even without … or *.
    #[arg(long)]
    pattern: bool,
    /// Hits to return (0: all).
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Hits to pass over first (for the next page).
    #[arg(long, default_value_t = 0)]
    offset: usize,
    #[arg(long)]
    year_from: Option<i32>,
    #[arg(long)]
    year_to: Option<i32>,
    #[arg(long)]
    speaker: Option<String>,
    #[arg(long)]
    kind: Option<String>,
    #[arg(long)]
    tag: Option<String>,
    /// relevance or date (newest first).
    #[arg(long, default_value = "relevance")]
    sort: Sort,
    /// Count matching speeches and matches per year instead of listing hits.
    #[arg(long)]
    by_year: bool,
}

/// The arguments of `gaoku convert`.
#[derive(Args)]
pub struct ConvertArgs {
    #[arg(value_name = "ID|FILE")]
    target: String,
    #[arg(long, value_enum, default_value = "md")]
    to: ConvertTo,
    /// Put headings that open a paragraph on a line of their own.
    #[arg(long)]
    split_inline: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ConvertTo {
    Md,
    Txt,
}

/// Runs a search.
pub fn search(lib: &mut Library, a: &SearchArgs, json: bool) -> Result<()> {
    let req = SearchRequest {
        // Several words on the command line are keywords, as with spaces in quotes.
        query: a.query.join(" "),
        pattern: a.pattern,
        limit: a.limit,
        offset: a.offset,
        year_from: a.year_from,
        year_to: a.year_to,
        speaker: a.speaker.clone(),
        kind: a.kind.clone(),
        tag: a.tag.clone(),
        sort: a.sort,
    };
    if a.by_year {
        print_years(&lib.by_year(&req)?, json);
        return Ok(());
    }
    let results = lib.search(&req)?;
    if let Some(notice) = &results.notice {
        eprintln!("gaoku: warning: {notice}");
    }
    output::search(&results, json);
    Ok(())
}

/// The outline of speech `target` (an id) or of a file.
pub fn outline(lib: &Library, target: &str, json: bool) -> Result<()> {
    let outline = match target.parse::<i64>() {
        Ok(id) => lib.outline(id)?,
        Err(_) => Library::outline_file(Path::new(target))?,
    };
    output::outline(&outline, json);
    Ok(())
}

/// A speech or a file as structured Markdown or plain text.
pub fn convert(lib: &Library, a: &ConvertArgs) -> Result<()> {
    let (title, paragraphs) = match a.target.parse::<i64>() {
        Ok(id) => {
            let s = lib.speech(id)?;
            (s.meta.title, s.paragraphs)
        }
        Err(_) => Library::read_file(Path::new(&a.target))?,
    };
    match a.to {
        ConvertTo::Md => out!(
            "{}",
            gaoku_core::outline::to_markdown(&title, &paragraphs, a.split_inline)
        ),
        ConvertTo::Txt => outln!("{}\n{}", title, paragraphs.join("\n")),
    }
    Ok(())
}

/// A query's years: JSON, or one line per year with a bar of its speeches.
fn print_years(y: &YearCounts, json: bool) {
    if json {
        return output::print_json(y);
    }
    let most = y.years.iter().map(|r| r.speeches).max().unwrap_or(0).max(1);
    for r in &y.years {
        let year = r.year.map_or("无日期".to_string(), |v| format!("{v}年"));
        // Padded to one display width: a Han character takes two columns.
        let width: usize = year.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
        let pad = " ".repeat(8usize.saturating_sub(width));
        let bar = "█".repeat((r.speeches * 30).div_ceil(most));
        outln!("{year}{pad} {bar:<30} {} 篇，{} 处", r.speeches, r.matches);
    }
    if y.years.is_empty() {
        outln!("没有讲话稿用到“{}”", y.query);
    }
}
