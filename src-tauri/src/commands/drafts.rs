//! Draft commands: list, open, create, save (autosave and Ctrl+S), revisions, preview, outline.
//! Those that touch the library run off the main thread (`async`): a save that waits for a locked
//! database never freezes the window, and the editor keeps the text while it retries.

use gaoku_core::drafts::preview::PreviewBlock;
use gaoku_core::drafts::{
    diff::DiffPart, Draft, DraftSource, DraftSummary, RevisionInfo, RevisionReason, SaveKind, Saved,
};
use gaoku_core::library::DraftOutline;
use gaoku_core::Library;
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn drafts_list(
    state: State<'_, AppState>,
    query: Option<String>,
) -> CmdResult<Vec<DraftSummary>> {
    Ok(state.library()?.drafts(query.as_deref())?)
}

#[tauri::command(async)]
pub fn draft_get(state: State<'_, AppState>, id: i64) -> CmdResult<Draft> {
    Ok(state.library()?.draft(id)?)
}

#[tauri::command(async)]
pub fn draft_create(state: State<'_, AppState>, template: Option<String>) -> CmdResult<Draft> {
    let mut lib = state.library()?;
    Ok(match template {
        Some(name) => lib.create_draft_from_template(&name)?,
        None => lib.create_draft("# \n\n", None)?,
    })
}

/// A new draft from a file (a .md as it is; a .txt, .docx, … laid out with its headings).
#[tauri::command(async)]
pub fn draft_from_file(state: State<'_, AppState>, path: String) -> CmdResult<Draft> {
    let path = std::path::PathBuf::from(path);
    let body = Library::read_draft_file(&path)?;
    let source = DraftSource::File(path.display().to_string());
    Ok(state.library()?.create_draft(&body, Some(source))?)
}

#[tauri::command(async)]
pub fn draft_from_speech(state: State<'_, AppState>, id: i64) -> CmdResult<Draft> {
    Ok(state.library()?.create_draft_from_speech(id)?)
}

#[tauri::command(async)]
pub fn draft_save(
    state: State<'_, AppState>,
    id: i64,
    body: String,
    kind: SaveKind,
) -> CmdResult<Saved> {
    Ok(state.library()?.save_draft(id, &body, kind)?)
}

#[tauri::command(async)]
pub fn draft_snapshot(
    state: State<'_, AppState>,
    id: i64,
    reason: RevisionReason,
) -> CmdResult<Option<i64>> {
    Ok(state.library()?.snapshot_draft(id, reason)?)
}

#[tauri::command(async)]
pub fn draft_revisions(state: State<'_, AppState>, id: i64) -> CmdResult<Vec<RevisionInfo>> {
    Ok(state.library()?.draft_revisions(id)?)
}

#[tauri::command(async)]
pub fn draft_diff(state: State<'_, AppState>, id: i64, rev: i64) -> CmdResult<Vec<DiffPart>> {
    Ok(state.library()?.draft_diff(id, rev)?)
}

#[tauri::command(async)]
pub fn draft_restore(state: State<'_, AppState>, id: i64, rev: i64) -> CmdResult<Draft> {
    Ok(state.library()?.restore_draft(id, rev)?)
}

#[tauri::command(async)]
pub fn draft_delete(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    Ok(state.library()?.delete_draft(id)?)
}

#[tauri::command]
pub fn draft_preview(markdown: String) -> Vec<PreviewBlock> {
    Library::preview_blocks(&markdown)
}

#[tauri::command]
pub fn draft_outline(markdown: String) -> DraftOutline {
    Library::draft_outline(&markdown)
}
