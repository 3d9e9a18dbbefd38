//! `gaoku import|list|show|edit|remove|reindex|check`: the speeches of the library.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use gaoku_core::{Library, Result, SpeechEdit};

use crate::output;

/// The arguments of `gaoku edit`.
#[derive(Args)]
pub struct EditArgs {
    id: i64,
    #[arg(long)]
    title: Option<String>,
    /// YYYY, YYYY-MM, YYYY-MM-DD or 2020年7月15日; empty to clear.
    #[arg(long)]
    date: Option<String>,
    #[arg(long)]
    speaker: Option<String>,
    #[arg(long)]
    occasion: Option<String>,
    /// 讲话, 报告, 总结, 致辞, …
    #[arg(long)]
    kind: Option<String>,
    /// Add a tag (repeatable).
    #[arg(long = "tag", value_name = "TAG")]
    tags: Vec<String>,
    /// Remove a tag (repeatable).
    #[arg(long = "untag", value_name = "TAG")]
    untags: Vec<String>,
}

/// A progress bar on standard error, hidden when that is not a terminal.
fn progress_bar() -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(0);
    if !std::io::stderr().is_terminal() {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    bar
}

/// Imports files and folders; status 1 when any file failed.
pub fn import(lib: &mut Library, paths: &[PathBuf], json: bool) -> Result<ExitCode> {
    lib.ensure_writable()?;
    let bar = progress_bar();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
            .expect("valid template"),
    );
    let report = lib.import(
        paths,
        |p| {
            bar.set_length(p.total as u64);
            bar.set_position(p.done as u64);
            bar.set_message(p.path.to_string());
        },
        None,
    );
    bar.finish_and_clear();
    output::import_report(&report, json);
    Ok(if report.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Changes a speech's metadata; tags are added and removed one by one.
pub fn edit(lib: &mut Library, a: &EditArgs, json: bool) -> Result<()> {
    let tags = if a.tags.is_empty() && a.untags.is_empty() {
        None
    } else {
        let mut all = lib.speech(a.id)?.meta.tags;
        all.extend(a.tags.iter().cloned());
        all.retain(|t| !a.untags.contains(t));
        Some(all)
    };
    let edit = SpeechEdit {
        title: a.title.clone(),
        date: a.date.clone(),
        speaker: a.speaker.clone(),
        occasion: a.occasion.clone(),
        kind: a.kind.clone(),
        tags,
    };
    output::summary(&lib.edit(a.id, &edit)?.summary(), json);
    Ok(())
}

/// Rebuilds the search index with a progress bar.
pub fn reindex(lib: &mut Library, json: bool) -> Result<()> {
    let bar = progress_bar();
    let n = lib.reindex(|done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    })?;
    bar.finish_and_clear();
    output::reindexed(n, json);
    Ok(())
}

/// Checks the database; status 1 when it found problems.
pub fn check(lib: &Library, json: bool) -> Result<ExitCode> {
    let problems = lib.check_integrity()?;
    output::check(&problems, json);
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
