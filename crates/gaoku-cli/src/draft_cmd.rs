//! `gaoku draft …`: drafts from the command line, saved with the same snapshots as the editor.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use gaoku_core::drafts::{diff::DiffOp, DraftSource, SaveKind};
use gaoku_core::{Library, Result};
use serde_json::json;

#[derive(Subcommand)]
pub enum DraftAction {
    /// List drafts, most recently changed first.
    List {
        /// Only drafts whose title or text contains this.
        #[arg(long)]
        query: Option<String>,
    },
    /// Print a draft's Markdown (with --json: metadata and "body").
    Show { id: i64 },
    /// Start a draft, empty or from a template; prints its id.
    New {
        #[arg(long)]
        template: Option<String>,
    },
    /// Start a draft from a file (.md as is; .txt/.docx read like an import); prints its id.
    Import { file: PathBuf },
    /// Replace a draft's text with a file's, keeping the old text as a revision.
    Update { id: i64, file: PathBuf },
    /// List a draft's revisions, newest first.
    Revisions { id: i64 },
    /// Show what changed from revision REV to the draft as it is.
    Diff { id: i64, rev: i64 },
    /// Put revision REV back as the draft's text (the current text is kept as a revision).
    Restore { id: i64, rev: i64 },
    /// Delete a draft and its revisions.
    Delete { id: i64 },
}

fn print_json(v: &impl serde::Serialize) {
    outln!(
        "{}",
        serde_json::to_string_pretty(v).expect("plain data serialises")
    );
}

/// Runs one draft action.
pub fn run(lib: &mut Library, action: &DraftAction, json: bool) -> Result<ExitCode> {
    match action {
        DraftAction::List { query } => {
            let drafts = lib.drafts(query.as_deref())?;
            if json {
                print_json(&drafts);
            } else {
                for d in &drafts {
                    outln!("#{:<5} {}  {}字  {}", d.id, d.updated, d.chars, d.title);
                }
            }
        }
        DraftAction::Show { id } => {
            let d = lib.draft(*id)?;
            if json {
                print_json(&d);
            } else {
                out!("{}", d.body);
            }
        }
        DraftAction::New { template } => {
            let d = match template {
                Some(name) => lib.create_draft_from_template(name)?,
                None => lib.create_draft("# \n\n", None)?,
            };
            created(d.id, &d.title, json);
        }
        DraftAction::Import { file } => {
            let md = Library::read_draft_file(file)?;
            let source = DraftSource::File(file.display().to_string());
            let d = lib.create_draft(&md, Some(source))?;
            created(d.id, &d.title, json);
        }
        DraftAction::Update { id, file } => {
            let md = Library::read_draft_file(file)?;
            let saved = lib.save_draft(*id, &md, SaveKind::Manual)?;
            if json {
                print_json(&saved);
            } else {
                outln!("saved #{} ({}字)", saved.draft.id, saved.draft.chars);
            }
        }
        DraftAction::Revisions { id } => {
            let revs = lib.draft_revisions(*id)?;
            if json {
                print_json(&revs);
            } else {
                for r in &revs {
                    outln!(
                        "r{:<5} {}  {}字  {}",
                        r.id,
                        r.created,
                        r.chars,
                        r.reason.as_str()
                    );
                }
            }
        }
        DraftAction::Diff { id, rev } => {
            let parts = lib.draft_diff(*id, *rev)?;
            if json {
                print_json(&parts);
            } else {
                for p in &parts {
                    match p.op {
                        DiffOp::Added => out!("[+{}+]", p.text),
                        DiffOp::Removed => out!("[-{}-]", p.text),
                        DiffOp::Same => out!("{}", p.text),
                    }
                }
                outln!();
            }
        }
        DraftAction::Restore { id, rev } => {
            let d = lib.restore_draft(*id, *rev)?;
            if json {
                print_json(&json!({ "id": d.id, "restored": rev, "chars": d.chars }));
            } else {
                outln!("draft #{} is revision r{rev} again ({}字)", d.id, d.chars);
            }
        }
        DraftAction::Delete { id } => {
            lib.delete_draft(*id)?;
            if json {
                print_json(&json!({ "deleted": id }));
            } else {
                outln!("deleted draft #{id}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn created(id: i64, title: &str, json: bool) {
    if json {
        print_json(&json!({ "id": id, "title": title }));
    } else {
        outln!("{id}");
    }
}
