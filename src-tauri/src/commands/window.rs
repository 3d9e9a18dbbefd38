//! Window commands: the menu bar's language follows the UI's; the page ends the app once it has
//! saved after a termination signal; the file the app was launched to open.

use tauri::{AppHandle, Runtime, State};

use crate::error::{AppError, CmdResult, ShellError};
use crate::state::AppState;

#[tauri::command]
pub fn menu_language<R: Runtime>(app: AppHandle<R>, en: bool) -> CmdResult<()> {
    let menu = crate::menu::build(&app, en)
        .map_err(|e| AppError::shell(ShellError::Window, e.to_string()))?;
    app.set_menu(menu)
        .map_err(|e| AppError::shell(ShellError::Window, e.to_string()))?;
    Ok(())
}

/// Ends the app (the page calls it after saving, when the system asked the app to stop).
#[tauri::command]
pub fn app_quit<R: Runtime>(app: AppHandle<R>) {
    app.exit(0);
}

/// The file the app was launched to open (`gaoku-app FILE`, a double-click on a .md draft or a
/// .gaoku 素材包), once: later calls answer `None`.
#[tauri::command]
pub fn opened_file(state: State<'_, AppState>) -> Option<String> {
    state.take_opened()
}
