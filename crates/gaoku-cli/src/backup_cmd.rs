//! `gaoku backup` and `gaoku restore`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use gaoku_core::{BackupInfo, Library, Result};

use crate::output;

/// The arguments of `gaoku backup`.
#[derive(Args)]
pub struct BackupArgs {
    /// The backup folder to write (new or empty); it opens as a library with `--library`.
    #[arg(short = 'o', long = "output", required_unless_present = "into")]
    output: Option<PathBuf>,
    /// Write a dated backup folder under this folder instead, keeping the newest `--keep`.
    #[arg(long, conflicts_with = "output")]
    into: Option<PathBuf>,
    /// With `--into`: how many dated backups to keep.
    #[arg(long, default_value_t = 7, requires = "into")]
    keep: usize,
}

/// The arguments of `gaoku restore`.
#[derive(Args)]
pub struct RestoreArgs {
    /// A backup folder (or its library.sqlite3).
    from: PathBuf,
    /// Replace the library without asking (the library as it was is still kept beside it).
    #[arg(long)]
    yes: bool,
}

/// Writes a backup of the open library.
pub fn backup(lib: &Library, a: &BackupArgs, json: bool) -> Result<()> {
    let info = match (&a.output, &a.into) {
        (Some(dir), _) => lib.backup_to(dir)?,
        (None, Some(root)) => lib.backup_rotating(root, a.keep)?,
        (None, None) => unreachable!("clap requires one of them"),
    };
    print_backup(&info, json);
    Ok(())
}

fn print_backup(info: &BackupInfo, json: bool) {
    if json {
        return output::print_json(info);
    }
    outln!(
        "已备份 {} 篇讲话稿到 {}（{:.1} MB）",
        info.speeches,
        info.path,
        info.bytes as f64 / 1e6
    );
}

/// Replaces the library in `dir` with a backup, after a confirmation (or `--yes`).
pub fn restore(dir: &Path, a: &RestoreArgs, json: bool) -> Result<ExitCode> {
    if !a.yes {
        eprintln!(
            "gaoku: restoring replaces the library in {} with the backup in {}; the library as it is now is kept beside it (before-restore-…). Run again with --yes to go ahead.",
            dir.display(),
            a.from.display()
        );
        return Ok(ExitCode::from(2));
    }
    let info = Library::restore(dir, &a.from)?;
    if json {
        output::print_json(&info);
    } else {
        outln!("已从 {} 恢复：{} 篇讲话稿", info.from, info.speeches);
        if let Some(previous) = &info.previous {
            outln!("恢复前的素材库保存在 {previous}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
