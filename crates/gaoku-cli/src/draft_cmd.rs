//! `gaoku draft …`: drafts from the command line, saved with the same snapshots as the editor.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use gaoku_core::drafts::{diff::DiffOp, DraftSource, RevisionReason, SaveKind};
use gaoku_core::text::local_minute;
use gaoku_core::{Library, Result};
use serde_json::json;

use crate::output::print_json;

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

/// Runs one draft action.
pub fn run(lib: &mut Library, action: &DraftAction, json: bool) -> Result<ExitCode> {
    match action {
        DraftAction::List { query } => {
            let drafts = lib.drafts(query.as_deref())?;
            if json {
                print_json(&drafts);
            } else {
                for d in &drafts {
                    let updated = local_minute(&d.updated);
                    outln!("#{:<5} {updated}  {}字  {}", d.id, d.chars, d.title);
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
                outln!("已保存草稿 #{}（{}字）", saved.draft.id, saved.draft.chars);
            }
        }
        DraftAction::Revisions { id } => {
            let revs = lib.draft_revisions(*id)?;
            if json {
                print_json(&revs);
            } else {
                for r in &revs {
                    let created = local_minute(&r.created);
                    let why = reason_zh(r.reason);
                    outln!("r{:<5} {created}  {}字  {why}", r.id, r.chars);
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
                outln!("草稿 #{} 已恢复为版本 r{rev}（{}字）", d.id, d.chars);
            }
        }
        DraftAction::Delete { id } => {
            lib.delete_draft(*id)?;
            if json {
                print_json(&json!({ "deleted": id }));
            } else {
                outln!("已删除草稿 #{id}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn created(id: i64, title: &str, json: bool) {
    if json {
        print_json(&json!({ "id": id, "title": title }));
    } else {
        outln!("新建草稿 #{id} {title}");
    }
}

/// Why a revision was kept, as the app's history panel says it.
fn reason_zh(r: RevisionReason) -> &'static str {
    match r {
        RevisionReason::Created => "新建",
        RevisionReason::Manual => "手动保存",
        RevisionReason::Timed => "定时快照",
        RevisionReason::BeforePaste => "大段粘贴前",
        RevisionReason::BeforeRestore => "恢复前",
        RevisionReason::BeforeInsert => "插入模板前",
        RevisionReason::Restored => "恢复后",
    }
}
