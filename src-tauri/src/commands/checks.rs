//! Check commands: draft checks as the writer types, checks of a library speech, and the 提法
//! rule packs (browse, turn off, add, import and export as files the writer chose).

use std::path::PathBuf;

use gaoku_core::check::{Layer, TermRule};
use gaoku_core::library::{CheckReport, RulesImported, RulesView};
use gaoku_core::Error;
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

/// Checks the editor's Markdown as of `date` (else the draft's own date line, else today).
#[tauri::command]
pub fn check_markdown(
    state: State<'_, AppState>,
    markdown: String,
    date: Option<String>,
) -> CmdResult<CheckReport> {
    Ok(state
        .library()?
        .check_markdown(&markdown, date.as_deref())?)
}

/// Checks a library speech as of `date` (else its own date).
#[tauri::command]
pub fn check_speech(
    state: State<'_, AppState>,
    id: i64,
    date: Option<String>,
) -> CmdResult<CheckReport> {
    Ok(state.library()?.check_speech(id, date.as_deref())?)
}

#[tauri::command]
pub fn rules_get(state: State<'_, AppState>) -> CmdResult<RulesView> {
    Ok(state.library()?.rules()?)
}

#[tauri::command]
pub fn rule_enable(state: State<'_, AppState>, id: String, enabled: bool) -> CmdResult<RulesView> {
    let lib = state.library()?;
    lib.set_rule_enabled(&id, enabled)?;
    Ok(lib.rules()?)
}

#[tauri::command]
pub fn term_rule_save(
    state: State<'_, AppState>,
    layer: Layer,
    rule: TermRule,
) -> CmdResult<RulesView> {
    let lib = state.library()?;
    lib.save_term_rule(layer, rule)?;
    Ok(lib.rules()?)
}

#[tauri::command]
pub fn term_rule_delete(
    state: State<'_, AppState>,
    layer: Layer,
    id: String,
) -> CmdResult<RulesView> {
    let lib = state.library()?;
    lib.delete_term_rule(layer, &id)?;
    Ok(lib.rules()?)
}

/// Merges the pack file the writer chose into a layer.
#[tauri::command]
pub fn rules_import(
    state: State<'_, AppState>,
    layer: Layer,
    path: PathBuf,
) -> CmdResult<RulesImported> {
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    Ok(state.library()?.import_rules(layer, &text)?)
}

/// Writes a layer's pack to the file the writer chose.
#[tauri::command]
pub fn rules_export(state: State<'_, AppState>, layer: Layer, path: PathBuf) -> CmdResult<()> {
    let text = state.library()?.export_rules(layer)?;
    std::fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
    Ok(())
}
