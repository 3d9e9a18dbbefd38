//! `gaoku`: the command line over the core facade, with stable JSON output for scripts.

/// `println!` through the one output path ([`output::write`]): quiet on a closed pipe.
macro_rules! outln {
    () => { $crate::output::write(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::output::write(format_args!("{}\n", format_args!($($arg)*))) };
}

/// `print!` through the one output path ([`output::write`]).
macro_rules! out {
    ($($arg:tt)*) => { $crate::output::write(format_args!($($arg)*)) };
}

mod backup_cmd;
mod bundle_cmd;
mod compare_cmd;
mod draft_cmd;
mod export_cmd;
mod lint_cmd;
mod output;
mod phrase_cmd;
mod reuse_cmd;
mod search_cmd;
mod speech_cmd;
mod template_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use gaoku_core::{Library, OpenOptions};

/// 稿库 Gaoku — a local library of past speeches for Chinese speechwriters.
#[derive(Parser)]
#[command(name = "gaoku", version, about, long_about = None)]
struct Cli {
    /// Library folder (default: GAOKU_LIBRARY, else the platform data folder).
    #[arg(long, global = true, env = "GAOKU_LIBRARY", value_name = "DIR")]
    library: Option<PathBuf>,
    /// Do not put the sample speech into a new library.
    #[arg(long, global = true)]
    no_seed: bool,
    /// Print JSON (stable: scripts rely on it) instead of text.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import .txt/.md/.docx files and folders (recursively).
    Import {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// List the speeches in the library.
    List,
    /// Show one speech with its text.
    Show { id: i64 },
    /// Change a speech's metadata.
    Edit(speech_cmd::EditArgs),
    /// Remove a speech from the library.
    Remove { id: i64 },
    /// Search: an exact phrase (狠抓落实), keywords (乡村振兴 产业), or a pattern (一是…二是…三是,
    /// 要*干、*干、*干). `…`/`...` is a gap of up to 200 characters, `*` exactly one character.
    Search(search_cmd::SearchArgs),
    /// Rebuild the search index from the library database.
    Reindex,
    /// The outline of a speech (by id) or of a file: headings 一、（一）1.（1）and 一是… items.
    Outline {
        #[arg(value_name = "ID|FILE")]
        target: String,
    },
    /// The phrase bank: phrasing mined from the library and your own entries.
    Phrases(phrase_cmd::PhrasesArgs),
    /// Change the phrase bank: add, star, unstar, tag, edit, delete.
    Phrase {
        #[command(subcommand)]
        action: phrase_cmd::PhraseAction,
    },
    /// List structure templates (built in, then your own).
    Templates,
    /// Show, create, rename or delete a template, or start a draft from one.
    Template {
        #[command(subcommand)]
        action: template_cmd::TemplateAction,
    },
    /// Print a speech (by id) or a file as structured Markdown (--to md) or plain text (--to txt).
    Convert(search_cmd::ConvertArgs),
    /// Drafts: list, show, new, import, update, revisions, diff, restore, delete.
    Draft {
        #[command(subcommand)]
        action: draft_cmd::DraftAction,
    },
    /// Export a speech or a draft as docx-ready Markdown, a .docx (GB/T 9704 or plain) or text.
    Export(export_cmd::ExportArgs),
    /// Fonts of the Word exports (GB2312 or common fonts, a Latin font such as Times New Roman),
    /// the 念稿版's size and pace: kept in the library.
    ExportSettings(export_cmd::SettingsArgs),
    /// Check a draft, a file or a speech: numbering, enumerations, punctuation, 提法 by date.
    /// Exit status 1 when a finding is an error.
    Lint(lint_cmd::LintArgs),
    /// 提法 rules and checks: list, export, import, disable, enable.
    Rules {
        #[command(subcommand)]
        action: lint_cmd::RulesAction,
    },
    /// 查重: which sentences of a draft or file the library already says, where and how closely.
    Reuse(reuse_cmd::ReuseArgs),
    /// The library paragraphs closest to a text, best first.
    Similar(reuse_cmd::SimilarArgs),
    /// Check the library database for damage.
    Check,
    /// Back the library up while it is in use: a folder that opens as a library as it is.
    Backup(backup_cmd::BackupArgs),
    /// Replace the library with a backup (the library as it was is kept beside it).
    Restore(backup_cmd::RestoreArgs),
    /// Compare two texts (speeches, drafts, a draft's revision, files) paragraph by paragraph:
    /// pairs by content wherever they stand, rewritten wording, new and dropped paragraphs.
    Compare(compare_cmd::CompareArgs),
    /// 素材包: export the library's material as one file to share, or merge one in.
    Bundle {
        #[command(subcommand)]
        action: bundle_cmd::BundleAction,
    },
}

fn main() -> ExitCode {
    // Files are read in a guarded worker (this binary again); a bug prints one line.
    gaoku_core::guard::start();
    gaoku_core::panics::one_line("gaoku");
    let cli = Cli::parse();
    let code = match run(&cli) {
        Ok(code) => code,
        Err(e) => {
            // A query that cannot be run is a usage error.
            let code = if matches!(e, gaoku_core::Error::Query(_)) {
                2
            } else {
                1
            };
            if cli.json {
                let (code, params) = e.coded();
                outln!(
                    "{}",
                    serde_json::json!({ "error": e.to_string(), "code": code, "params": params })
                );
            } else {
                eprintln!("gaoku: error: {e}");
            }
            ExitCode::from(code)
        }
    };
    output::finish();
    code
}

fn open(cli: &Cli) -> gaoku_core::Result<Library> {
    let dir = match &cli.library {
        Some(d) => d.clone(),
        None => Library::default_dir()?,
    };
    Library::open_with(
        dir,
        OpenOptions {
            seed_sample: !cli.no_seed,
        },
    )
}

/// Runs one command; each command group lives in its own module.
fn run(cli: &Cli) -> gaoku_core::Result<ExitCode> {
    if let Command::Restore(args) = &cli.command {
        // Before any handle on the library is open: the restore replaces its database.
        let dir = match &cli.library {
            Some(d) => d.clone(),
            None => Library::default_dir()?,
        };
        return backup_cmd::restore(&dir, args, cli.json);
    }
    let mut lib = open(cli)?;
    let json = cli.json;
    match &cli.command {
        Command::Import { paths } => return speech_cmd::import(&mut lib, paths, json),
        Command::List => output::list(&lib.list()?, json),
        Command::Show { id } => output::speech(&lib.speech(*id)?, json),
        Command::Edit(args) => speech_cmd::edit(&mut lib, args, json)?,
        Command::Remove { id } => {
            lib.remove(*id)?;
            output::removed(*id, json);
        }
        Command::Reindex => speech_cmd::reindex(&mut lib, json)?,
        Command::Check => return speech_cmd::check(&lib, json),
        Command::Backup(args) => backup_cmd::backup(&lib, args, json)?,
        Command::Restore(_) => unreachable!("handled before the library is opened"),
        Command::Search(args) => search_cmd::search(&mut lib, args, json)?,
        Command::Outline { target } => search_cmd::outline(&lib, target, json)?,
        Command::Convert(args) => search_cmd::convert(&lib, args)?,
        Command::Phrases(args) => phrase_cmd::list(&lib, args, json)?,
        Command::Phrase { action } => phrase_cmd::run(&mut lib, action, json)?,
        Command::Templates => output::templates(&lib.templates()?, json),
        Command::Template { action } => template_cmd::run(&mut lib, action, json)?,
        Command::Draft { action } => return draft_cmd::run(&mut lib, action, json),
        Command::Export(args) => return export_cmd::run(&lib, args, json),
        Command::ExportSettings(args) => export_cmd::settings(&lib, args, json)?,
        Command::Lint(args) => return lint_cmd::lint(&lib, args, json),
        Command::Rules { action } => lint_cmd::rules(&lib, action, json)?,
        Command::Reuse(args) => reuse_cmd::reuse(&lib, args, json)?,
        Command::Similar(args) => reuse_cmd::similar(&lib, args, json)?,
        Command::Bundle { action } => bundle_cmd::run(&mut lib, action, json)?,
        Command::Compare(args) => compare_cmd::compare(&lib, args, json)?,
    }
    Ok(ExitCode::SUCCESS)
}
