//! 查重 and similar-passage commands.

use gaoku_core::reuse::{ReuseReport, SimilarHit};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

/// The 查重 report of the editor's Markdown.
#[tauri::command]
pub fn reuse_markdown(state: State<'_, AppState>, markdown: String) -> CmdResult<ReuseReport> {
    Ok(state.library()?.reuse_markdown(&markdown)?)
}

/// The library paragraphs closest to a text (the paragraph at the cursor).
#[tauri::command]
pub fn similar_passages(
    state: State<'_, AppState>,
    text: String,
    limit: usize,
) -> CmdResult<Vec<SimilarHit>> {
    Ok(state.library()?.similar(&text, limit.clamp(1, 50))?)
}
