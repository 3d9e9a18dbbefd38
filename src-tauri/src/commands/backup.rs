//! Backup commands: the library's regular backup (where to, how many kept), a backup now, the
//! backups kept; and the schedule that makes one a day while the app runs.

use gaoku_core::{BackupInfo, BackupPlan, RestoreInfo};
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

use crate::error::{on_worker, CmdResult, ShellError};
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
    on_worker(ShellError::BackupStopped, "the backup", move || {
        Ok(app.state::<AppState>().background()?.backup_by_plan()?)
    })
    .await
}

/// Replaces the library with a backup (the library as it was is kept in its folder as
/// `before-restore-…`); the page reloads afterwards.
#[tauri::command]
pub async fn library_restore<R: Runtime>(
    app: AppHandle<R>,
    from: String,
) -> CmdResult<RestoreInfo> {
    on_worker(ShellError::BackupStopped, "the restore", move || {
        app.state::<AppState>().restore(std::path::Path::new(&from))
    })
    .await
}

/// Makes the regular backup when it is due: a minute after start, then every hour's check.
pub fn schedule<R: Runtime>(app: AppHandle<R>) {
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(60));
        loop {
            let made = (|| -> CmdResult<Option<BackupInfo>> {
                let mut lib = app.state::<AppState>().background()?;
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
