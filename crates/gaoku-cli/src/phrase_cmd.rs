//! `gaoku phrases|phrase`: the phrase bank.

use clap::{Args, Subcommand};
use gaoku_core::{Library, PhraseFilter, PhraseKind, Result};

use crate::output;

/// The arguments of `gaoku phrases`.
#[derive(Args)]
pub struct PhrasesArgs {
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
    /// List every source of each entry (by default the first three; `count` gives them all).
    #[arg(long)]
    all_sources: bool,
}

/// `gaoku phrase …`.
#[derive(Subcommand)]
pub enum PhraseAction {
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
    /// Where the entry is used: each speech with the text around it, in speech order.
    Uses {
        id: i64,
        /// Places to pass over first.
        #[arg(long, default_value_t = 0)]
        offset: usize,
        /// At most this many places (0: all).
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
}

/// Lists entries of the bank.
pub fn list(lib: &Library, a: &PhrasesArgs, json: bool) -> Result<()> {
    let filter = PhraseFilter {
        kind: a.kind,
        min_count: a.min_count,
        starred_only: a.starred,
        contains: a.contains.clone(),
        tag: a.tag.clone(),
        limit: a.limit,
        all_sources: a.all_sources,
    };
    output::phrases(&lib.phrases(&filter)?, json);
    Ok(())
}

/// Changes one entry and prints it as it now is (or lists where it is used).
pub fn run(lib: &mut Library, action: &PhraseAction, json: bool) -> Result<()> {
    let changed = match action {
        PhraseAction::Add { text, kind } => lib.add_phrase(*kind, text)?,
        PhraseAction::Star { id } => lib.star_phrase(*id, true)?,
        PhraseAction::Unstar { id } => lib.star_phrase(*id, false)?,
        PhraseAction::Tag { id, tags } => lib.tag_phrase(*id, tags)?,
        PhraseAction::Edit { id, text } => lib.edit_phrase(*id, text)?,
        PhraseAction::Delete { id } => {
            lib.delete_phrase(*id)?;
            output::removed(*id, json);
            return Ok(());
        }
        PhraseAction::Uses { id, offset, limit } => {
            output::phrase_uses(&lib.phrase_uses(*id, *offset, *limit)?, json);
            return Ok(());
        }
    };
    output::phrases(&[changed], json);
    Ok(())
}
