//! Search commands.

use gaoku_core::{SearchRequest, SearchResults};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub fn search(state: State<'_, AppState>, request: SearchRequest) -> CmdResult<SearchResults> {
    Ok(state.library()?.search(&request)?)
}
