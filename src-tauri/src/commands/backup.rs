//! Backup commands: the library's regular backup (where to, how many kept), a backup now, the
//! backups kept; and the schedule that makes one a day while the app runs.

use gaoku_core::{BackupInfo, BackupPlan, Library, RestoreInfo};
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

use crate::error::{AppError, CmdResult, ShellError};
use crate::state::AppState;

/// Event carrying a regular backup the app made on its own: `BackupInfo`.
pub const BACKUP_DONE: &str = "backup-done";

#[tauri::command]
pub fn backup_plan_get(state: State<'_, AppState>) -> CmdResult<BackupPlan> {
    Ok(state.library()?.backup_plan()?)
}

/// Sets the folder of the regular backups (`None`: none) and how many are kept.
#[tauri::command]
pub fn backup_plan_set(
    state: State<'_, AppState>,
    dir: Option<String>,
    keep: usize,
) -> CmdResult<BackupPlan> {
    Ok(state
        .library()?
        .set_backup_plan(dir.as_deref().map(std::path::Path::new), keep)?)
}

/// The backups kept in the plan's folder, newest first.
#[tauri::command]
pub fn backups_list(state: State<'_, AppState>) -> CmdResult<Vec<BackupInfo>> {
    Ok(state.library()?.backups()?)
}

/// A backup by the plan now, on a worker with its own handle: the window and autosave go on.
#[tauri::command]
pub async fn backup_now<R: Runtime>(app: AppHandle<R>) -> CmdResult<BackupInfo> {
    let worker = tauri::async_runtime::spawn_blocking(move || -> CmdResult<BackupInfo> {
        let dir = app.state::<AppState>().library()?.dir().to_path_buf();
        Ok(Library::open_background(&dir)?.backup_by_plan()?)
    });
    worker.await.map_err(|e| {
        AppError::shell(
            ShellError::BackupStopped,
            format!("the backup stopped unexpectedly: {e}"),
        )
    })?
}

/// Replaces the library with a backup (the library as it was is kept in its folder as
/// `before-restore-…`); the page reloads afterwards.
#[tauri::command]
pub async fn library_restore<R: Runtime>(
    app: AppHandle<R>,
    from: String,
) -> CmdResult<RestoreInfo> {
    let worker = tauri::async_runtime::spawn_blocking(move || {
        app.state::<AppState>().restore(std::path::Path::new(&from))
    });
    worker.await.map_err(|e| {
        AppError::shell(
            ShellError::BackupStopped,
            format!("the restore stopped unexpectedly: {e}"),
        )
    })?
}

/// Makes the regular backup when it is due: a minute after start, then every hour's check.
pub fn schedule<R: Runtime>(app: AppHandle<R>) {
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(60));
        loop {
            let made = (|| -> CmdResult<Option<BackupInfo>> {
                let dir = app.state::<AppState>().library()?.dir().to_path_buf();
                let mut lib = Library::open_background(&dir)?;
                Ok(if lib.backup_due()? {
                    Some(lib.backup_by_plan()?)
                } else {
                    None
                })
            })();
            if let Ok(Some(info)) = made {
                let _ = app.emit(BACKUP_DONE, &info);
            }
            std::thread::sleep(std::time::Duration::from_secs(3600));
        }
    });
}
