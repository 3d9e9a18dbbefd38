//! 对比: two texts (speeches, drafts, a draft's revision, files) compared paragraph by paragraph.

use gaoku_core::compare::Comparison;
use gaoku_core::library::CompareWith;
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn compare_texts(
    state: State<'_, AppState>,
    left: CompareWith,
    right: CompareWith,
) -> CmdResult<Comparison> {
    Ok(state.library()?.compare(&left, &right)?)
}
