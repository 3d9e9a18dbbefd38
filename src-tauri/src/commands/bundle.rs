//! 素材包 commands: export chosen parts of the library as one file, merge a bundle in. Both run
//! on a worker with their own handle, so the window and autosave go on meanwhile.

use std::path::PathBuf;

use gaoku_core::{BundleInfo, BundleParts, BundleReport};
use tauri::{AppHandle, Manager, Runtime};

use crate::error::{on_worker, CmdResult, ShellError};
use crate::state::AppState;

/// Writes a bundle of `parts` to `path` (a new file, chosen in the save dialog).
#[tauri::command]
pub async fn bundle_export<R: Runtime>(
    app: AppHandle<R>,
    path: String,
    parts: BundleParts,
) -> CmdResult<BundleInfo> {
    on_worker(ShellError::BundleStopped, "the bundle export", move || {
        let lib = app.state::<AppState>().background()?;
        Ok(lib.export_bundle(&PathBuf::from(path), &parts)?)
    })
    .await
}

/// Merges the bundle at `path` into the library; a damaged one changes nothing.
#[tauri::command]
pub async fn bundle_import<R: Runtime>(app: AppHandle<R>, path: String) -> CmdResult<BundleReport> {
    on_worker(ShellError::BundleStopped, "the bundle import", move || {
        let state = app.state::<AppState>();
        // A restore waits for it, as for a file import.
        let _running = state.importing();
        let mut lib = state.background()?;
        lib.ensure_writable()?;
        let report = lib.import_bundle(&PathBuf::from(path))?;
        // The main handle indexes what came in (it would also do so before the next search).
        let _ = state.library()?.sync_index();
        Ok(report)
    })
    .await
}
