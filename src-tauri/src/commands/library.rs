//! Library commands: what is in the library.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use gaoku_core::{ImportReport, Speech, SpeechEdit, SpeechSummary};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

use crate::error::{on_worker, CmdResult, ShellError};
use crate::state::AppState;

/// Where the library lives and how big it is.
#[derive(Debug, Serialize, ts_rs::TS)]
pub struct LibraryInfo {
    pub dir: String,
    pub speeches: usize,
    /// The library's folder or medium is read-only: it can be read and searched, not changed.
    pub read_only: bool,
}

#[tauri::command]
pub fn library_info(state: State<'_, AppState>) -> CmdResult<LibraryInfo> {
    let lib = state.library()?;
    Ok(LibraryInfo {
        dir: lib.dir().display().to_string(),
        speeches: lib.count()?,
        read_only: lib.read_only(),
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

#[tauri::command]
pub fn speech_edit(state: State<'_, AppState>, id: i64, edit: SpeechEdit) -> CmdResult<Speech> {
    Ok(state.library()?.edit(id, &edit)?)
}

#[tauri::command]
pub fn speech_remove(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    Ok(state.library()?.remove(id)?)
}

/// Event carrying import progress: `{ done, total, path }`.
pub const IMPORT_PROGRESS: &str = "import-progress";

/// Imports files and folders on a worker thread, reporting progress as events; returns the full
/// report (imported, duplicates, failed with reasons, skipped).
#[tauri::command]
pub async fn import_paths<R: Runtime>(
    app: AppHandle<R>,
    paths: Vec<String>,
) -> CmdResult<ImportReport> {
    on_worker(ShellError::ImportStopped, "the import", move || {
        let state = app.state::<AppState>();
        state.cancel_import.store(false, Ordering::Relaxed);
        let _running = state.importing();
        // Its own handle: searching, reading and autosaving go on while files come in.
        let mut lib = state.background()?;
        lib.ensure_writable()?;
        let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
        let report = lib.import(
            &paths,
            |p| {
                let _ = app.emit(IMPORT_PROGRESS, &p);
            },
            Some(&state.cancel_import),
        );
        // The main handle indexes what came in (it would also do so before the next search).
        let _ = state.library()?.sync_index();
        Ok(report)
    })
    .await
}

/// Stops a running import before its next file (what was imported stays).
#[tauri::command]
pub fn import_cancel(state: State<'_, AppState>) {
    state.cancel_import.store(true, Ordering::Relaxed);
}
