//! `gaoku templates|template`: structure templates.

use clap::Subcommand;
use gaoku_core::{Library, Result};
use serde_json::json;

use crate::output;

/// `gaoku template …`.
#[derive(Subcommand)]
pub enum TemplateAction {
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

/// Runs one template action.
pub fn run(lib: &mut Library, action: &TemplateAction, json: bool) -> Result<()> {
    match action {
        TemplateAction::Show { name } => output::template(&lib.template(name)?, json),
        TemplateAction::From {
            id,
            name,
            placeholders,
        } => output::template(&lib.template_from_speech(*id, name, *placeholders)?, json),
        TemplateAction::NewDraft { name } => {
            let md = lib.new_draft_markdown(name)?;
            if json {
                outln!("{}", json!({ "template": name, "markdown": md }));
            } else {
                out!("{md}");
            }
        }
        TemplateAction::Rename { from, to } => {
            output::template(&lib.rename_template(from, to)?, json)
        }
        TemplateAction::Delete { name } => {
            lib.delete_template(name)?;
            if json {
                outln!("{}", json!({ "deleted": name }));
            } else {
                outln!("已删除模板 {name}");
            }
        }
    }
    Ok(())
}
