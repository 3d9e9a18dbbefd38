//! Window commands: the menu bar's language follows the UI's.

use tauri::{AppHandle, Runtime};

use crate::error::{AppError, CmdResult, ShellError};

#[tauri::command]
pub fn menu_language<R: Runtime>(app: AppHandle<R>, en: bool) -> CmdResult<()> {
    let menu = crate::menu::build(&app, en)
        .map_err(|e| AppError::shell(ShellError::Window, e.to_string()))?;
    app.set_menu(menu)
        .map_err(|e| AppError::shell(ShellError::Window, e.to_string()))?;
    Ok(())
}
