//! Search commands: hits, the matches of one speech, a query's use over the years.

use gaoku_core::{SearchRequest, SearchResults, Span, YearCounts};
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

/// Match spans sent per hit with a result list: enough to scroll to the first match. A frequent
/// word (改革) has hundreds per speech; the reader asks for all of one speech with `speech_matches`.
const LIST_SPANS: usize = 1;

#[tauri::command]
pub fn search(state: State<'_, AppState>, request: SearchRequest) -> CmdResult<SearchResults> {
    let mut r = state.library()?.search(&request)?;
    for hit in &mut r.hits {
        hit.matches.truncate(LIST_SPANS);
    }
    Ok(r)
}

#[tauri::command]
pub fn speech_matches(
    state: State<'_, AppState>,
    id: i64,
    query: String,
    pattern: bool,
) -> CmdResult<Vec<Span>> {
    Ok(state.library()?.matches_in(id, &query, pattern)?)
}

/// A query's speeches and matches per year (off the main thread: it reads every matching text).
#[tauri::command(async)]
pub fn search_by_year(state: State<'_, AppState>, request: SearchRequest) -> CmdResult<YearCounts> {
    Ok(state.library()?.by_year(&request)?)
}
