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

mod draft_cmd;
mod export_cmd;
mod output;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use gaoku_core::{Library, OpenOptions, PhraseFilter, PhraseKind, SearchRequest, Sort, SpeechEdit};

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
    Edit {
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
    },
    /// Remove a speech from the library.
    Remove { id: i64 },
    /// Search: an exact phrase (狠抓落实), keywords (乡村振兴 产业), or a pattern (一是…二是…三是,
    /// 要*干、*干、*干). `…`/`...` is a gap of up to 200 characters, `*` exactly one character.
    Search {
        /// A phrase, several words (keywords: `gaoku search 乡村 振兴`), or a pattern.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// Treat the query as a pattern even without … or *.
        #[arg(long)]
        pattern: bool,
        /// Hits to return (0: all).
        #[arg(long, default_value_t = 20)]
        limit: usize,
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
    },
    /// Rebuild the search index from the library database.
    Reindex,
    /// The outline of a speech (by id) or of a file: headings 一、（一）1.（1）and 一是… items.
    Outline {
        #[arg(value_name = "ID|FILE")]
        target: String,
    },
    /// The phrase bank: phrasing mined from the library and your own entries.
    Phrases {
        /// parallel, enumeration, paired, slogan or heading.
        #[arg(long)]
        kind: Option<PhraseKind>,
        /// Only entries found at least this many times.
        #[arg(long, default_value_t = 1)]
        min_count: usize,
        #[arg(long)]
        starred: bool,
        /// Only entries containing this text.
        #[arg(long)]
        contains: Option<String>,
        #[arg(long)]
        tag: Option<String>,
        /// At most this many entries (0: all).
        #[arg(long, default_value_t = 0)]
        limit: usize,
    },
    /// Change the phrase bank: add, star, unstar, tag, edit, delete.
    Phrase {
        #[command(subcommand)]
        action: PhraseAction,
    },
    /// List structure templates (built in, then your own).
    Templates,
    /// Show, create, rename or delete a template, or start a draft from one.
    Template {
        #[command(subcommand)]
        action: TemplateAction,
    },
    /// Print a speech (by id) or a file as structured Markdown (--to md) or plain text (--to txt).
    Convert {
        #[arg(value_name = "ID|FILE")]
        target: String,
        #[arg(long, value_enum, default_value = "md")]
        to: ConvertTo,
        /// Put headings that open a paragraph on a line of their own.
        #[arg(long)]
        split_inline: bool,
    },
    /// Drafts: list, show, new, import, update, revisions, diff, restore, delete.
    Draft {
        #[command(subcommand)]
        action: draft_cmd::DraftAction,
    },
    /// Export a speech or a draft as docx-ready Markdown, a .docx (GB/T 9704 or plain) or text.
    Export(export_cmd::ExportArgs),
    /// Check the library database for damage.
    Check,
}

#[derive(Subcommand)]
enum PhraseAction {
    /// Add your own entry.
    Add {
        text: String,
        /// parallel, enumeration, paired, slogan or heading.
        #[arg(long, default_value = "parallel")]
        kind: PhraseKind,
    },
    Star {
        id: i64,
    },
    Unstar {
        id: i64,
    },
    /// Replace the entry's tags.
    Tag {
        id: i64,
        tags: Vec<String>,
    },
    /// Rewrite the entry's text.
    Edit {
        id: i64,
        text: String,
    },
    Delete {
        id: i64,
    },
}

#[derive(Subcommand)]
enum TemplateAction {
    /// Print a template's parts.
    Show {
        name: String,
    },
    /// Save the structure of speech ID as a template.
    From {
        id: i64,
        #[arg(long)]
        name: String,
        /// Blank the quoted words of the titles, keeping their frame (“＿＿”看形势).
        #[arg(long)]
        placeholders: bool,
    },
    /// Print the Markdown of a new draft from the template.
    NewDraft {
        name: String,
    },
    Rename {
        from: String,
        to: String,
    },
    Delete {
        name: String,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ConvertTo {
    Md,
    Txt,
}

fn main() -> ExitCode {
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

fn run(cli: &Cli) -> gaoku_core::Result<ExitCode> {
    let mut lib = open(cli)?;
    match &cli.command {
        Command::Import { paths } => {
            let bar = indicatif::ProgressBar::new(0);
            if !std::io::stderr().is_terminal() {
                bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
            }
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
            output::import_report(&report, cli.json);
            Ok(if report.failed.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::List => {
            output::list(&lib.list()?, cli.json);
            Ok(ExitCode::SUCCESS)
        }
        Command::Show { id } => {
            output::speech(&lib.speech(*id)?, cli.json);
            Ok(ExitCode::SUCCESS)
        }
        Command::Edit {
            id,
            title,
            date,
            speaker,
            occasion,
            kind,
            tags,
            untags,
        } => {
            let tags = if tags.is_empty() && untags.is_empty() {
                None
            } else {
                let mut all = lib.speech(*id)?.meta.tags;
                all.extend(tags.iter().cloned());
                all.retain(|t| !untags.contains(t));
                Some(all)
            };
            let edit = SpeechEdit {
                title: title.clone(),
                date: date.clone(),
                speaker: speaker.clone(),
                occasion: occasion.clone(),
                kind: kind.clone(),
                tags,
            };
            let speech = lib.edit(*id, &edit)?;
            output::summary(&speech.summary(), cli.json);
            Ok(ExitCode::SUCCESS)
        }
        Command::Remove { id } => {
            lib.remove(*id)?;
            output::removed(*id, cli.json);
            Ok(ExitCode::SUCCESS)
        }
        Command::Search {
            query,
            pattern,
            limit,
            year_from,
            year_to,
            speaker,
            kind,
            tag,
            sort,
        } => {
            let req = SearchRequest {
                // Several words on the command line are keywords, as with spaces in quotes.
                query: query.join(" "),
                pattern: *pattern,
                limit: *limit,
                year_from: *year_from,
                year_to: *year_to,
                speaker: speaker.clone(),
                kind: kind.clone(),
                tag: tag.clone(),
                sort: *sort,
            };
            output::search(&lib.search(&req)?, cli.json);
            Ok(ExitCode::SUCCESS)
        }
        Command::Reindex => {
            let bar = indicatif::ProgressBar::new(0);
            if !std::io::stderr().is_terminal() {
                bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
            }
            let n = lib.reindex(|done, total| {
                bar.set_length(total as u64);
                bar.set_position(done as u64);
            })?;
            bar.finish_and_clear();
            output::reindexed(n, cli.json);
            Ok(ExitCode::SUCCESS)
        }
        Command::Outline { target } => {
            let outline = match target.parse::<i64>() {
                Ok(id) => lib.outline(id)?,
                Err(_) => Library::outline_file(std::path::Path::new(target))?,
            };
            output::outline(&outline, cli.json);
            Ok(ExitCode::SUCCESS)
        }
        Command::Convert {
            target,
            to,
            split_inline,
        } => {
            let (title, paragraphs) = match target.parse::<i64>() {
                Ok(id) => {
                    let s = lib.speech(id)?;
                    (s.meta.title, s.paragraphs)
                }
                Err(_) => Library::read_file(std::path::Path::new(target))?,
            };
            match to {
                ConvertTo::Md => out!(
                    "{}",
                    gaoku_core::outline::to_markdown(&title, &paragraphs, *split_inline)
                ),
                ConvertTo::Txt => outln!("{}\n{}", title, paragraphs.join("\n")),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Phrases {
            kind,
            min_count,
            starred,
            contains,
            tag,
            limit,
        } => {
            let filter = PhraseFilter {
                kind: *kind,
                min_count: *min_count,
                starred_only: *starred,
                contains: contains.clone(),
                tag: tag.clone(),
                limit: *limit,
            };
            output::phrases(&lib.phrases(&filter)?, cli.json);
            Ok(ExitCode::SUCCESS)
        }
        Command::Phrase { action } => {
            match action {
                PhraseAction::Add { text, kind } => {
                    output::phrases(&[lib.add_phrase(*kind, text)?], cli.json)
                }
                PhraseAction::Star { id } => {
                    output::phrases(&[lib.star_phrase(*id, true)?], cli.json)
                }
                PhraseAction::Unstar { id } => {
                    output::phrases(&[lib.star_phrase(*id, false)?], cli.json)
                }
                PhraseAction::Tag { id, tags } => {
                    output::phrases(&[lib.tag_phrase(*id, tags)?], cli.json)
                }
                PhraseAction::Edit { id, text } => {
                    output::phrases(&[lib.edit_phrase(*id, text)?], cli.json)
                }
                PhraseAction::Delete { id } => {
                    lib.delete_phrase(*id)?;
                    output::removed(*id, cli.json);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Templates => {
            output::templates(&lib.templates()?, cli.json);
            Ok(ExitCode::SUCCESS)
        }
        Command::Template { action } => {
            match action {
                TemplateAction::Show { name } => output::template(&lib.template(name)?, cli.json),
                TemplateAction::From {
                    id,
                    name,
                    placeholders,
                } => output::template(
                    &lib.template_from_speech(*id, name, *placeholders)?,
                    cli.json,
                ),
                TemplateAction::NewDraft { name } => {
                    let md = lib.new_draft_markdown(name)?;
                    if cli.json {
                        outln!(
                            "{}",
                            serde_json::json!({ "template": name, "markdown": md })
                        );
                    } else {
                        out!("{md}");
                    }
                }
                TemplateAction::Rename { from, to } => {
                    output::template(&lib.rename_template(from, to)?, cli.json)
                }
                TemplateAction::Delete { name } => {
                    lib.delete_template(name)?;
                    if cli.json {
                        outln!("{}", serde_json::json!({ "deleted": name }));
                    } else {
                        outln!("deleted {name}");
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Draft { action } => draft_cmd::run(&mut lib, action, cli.json),
        Command::Export(args) => export_cmd::run(&lib, args, cli.json),
        Command::Check => {
            let problems = lib.check_integrity()?;
            output::check(&problems, cli.json);
            Ok(if problems.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}
