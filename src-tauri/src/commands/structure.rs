//! Structure commands: outlines, the phrase bank, templates.

use gaoku_core::outline::Outline;
use gaoku_core::templates::Template;
use gaoku_core::{Phrase, PhraseCompletion, PhraseFilter, PhraseKind, PhraseUse};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub fn outline_get(state: State<'_, AppState>, id: i64) -> CmdResult<Outline> {
    Ok(state.library()?.outline(id)?)
}

#[tauri::command]
pub fn phrases_list(state: State<'_, AppState>, filter: PhraseFilter) -> CmdResult<Vec<Phrase>> {
    Ok(state.library()?.phrases(&filter)?)
}

/// A page of the places a phrase-bank entry is used (`limit` 0: all from `offset` on).
#[tauri::command]
pub fn phrase_uses(
    state: State<'_, AppState>,
    id: i64,
    offset: usize,
    limit: usize,
) -> CmdResult<Vec<PhraseUse>> {
    Ok(state.library()?.phrase_uses(id, offset, limit)?)
}

/// Phrase-bank entries that continue the text before the cursor (`before`), best first.
#[tauri::command(async)]
pub fn phrase_completions(
    state: State<'_, AppState>,
    before: String,
    limit: usize,
) -> CmdResult<Vec<PhraseCompletion>> {
    Ok(state
        .library()?
        .phrase_completions(&before, limit.min(50))?)
}

#[tauri::command]
pub fn phrase_star(state: State<'_, AppState>, id: i64, starred: bool) -> CmdResult<Phrase> {
    Ok(state.library()?.star_phrase(id, starred)?)
}

#[tauri::command]
pub fn phrase_add(state: State<'_, AppState>, kind: PhraseKind, text: String) -> CmdResult<Phrase> {
    Ok(state.library()?.add_phrase(kind, &text)?)
}

#[tauri::command]
pub fn phrase_edit(state: State<'_, AppState>, id: i64, text: String) -> CmdResult<Phrase> {
    Ok(state.library()?.edit_phrase(id, &text)?)
}

#[tauri::command]
pub fn phrase_tag(state: State<'_, AppState>, id: i64, tags: Vec<String>) -> CmdResult<Phrase> {
    Ok(state.library()?.tag_phrase(id, &tags)?)
}

#[tauri::command]
pub fn phrase_delete(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    Ok(state.library()?.delete_phrase(id)?)
}

#[tauri::command]
pub fn template_rename(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> CmdResult<Template> {
    Ok(state.library()?.rename_template(&from, &to)?)
}

#[tauri::command]
pub fn template_delete(state: State<'_, AppState>, name: String) -> CmdResult<()> {
    Ok(state.library()?.delete_template(&name)?)
}

#[tauri::command]
pub fn templates_list(state: State<'_, AppState>) -> CmdResult<Vec<Template>> {
    Ok(state.library()?.templates()?)
}

#[tauri::command]
pub fn template_from_speech(
    state: State<'_, AppState>,
    id: i64,
    name: String,
    placeholders: bool,
) -> CmdResult<Template> {
    Ok(state
        .library()?
        .template_from_speech(id, &name, placeholders)?)
}

/// Part `from` of a template (or everything from it, with `whole`) as Markdown for a draft.
#[tauri::command]
pub fn template_markdown(
    state: State<'_, AppState>,
    name: String,
    from: usize,
    whole: bool,
) -> CmdResult<String> {
    Ok(state.library()?.template_markdown(&name, from, whole)?)
}
