//! Library commands: what is in the library.

use gaoku_core::{Speech, SpeechSummary};
use serde::Serialize;
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

/// Where the library lives and how big it is.
#[derive(Debug, Serialize)]
pub struct LibraryInfo {
    pub dir: String,
    pub speeches: usize,
}

#[tauri::command]
pub fn library_info(state: State<'_, AppState>) -> CmdResult<LibraryInfo> {
    let lib = state.library()?;
    Ok(LibraryInfo {
        dir: lib.dir().display().to_string(),
        speeches: lib.list()?.len(),
    })
}

#[tauri::command]
pub fn library_list(state: State<'_, AppState>) -> CmdResult<Vec<SpeechSummary>> {
    Ok(state.library()?.list()?)
}

#[tauri::command]
pub fn speech_get(state: State<'_, AppState>, id: i64) -> CmdResult<Speech> {
    Ok(state.library()?.speech(id)?)
}
