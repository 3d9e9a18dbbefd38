//! Export commands: a speech or a draft to a file the user chose, or as text for the clipboard.

use std::path::PathBuf;

use gaoku_core::export::{ExportSettings, Format, Style};
use gaoku_core::Library;
use serde::Deserialize;
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

/// What to export.
#[derive(Debug, Clone, Copy, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase", tag = "kind", content = "id")]
#[ts(rename = "ExportTarget")]
pub enum Target {
    Speech(#[ts(type = "number")] i64),
    Draft(#[ts(type = "number")] i64),
}

fn render(
    lib: &Library,
    target: Target,
    format: Format,
    style: Style,
) -> gaoku_core::Result<Vec<u8>> {
    match target {
        Target::Speech(id) => lib.export_speech(id, format, style),
        Target::Draft(id) => lib.export_draft(id, format, style),
    }
}

/// Writes the export to `path` (chosen in the save dialog, which already asked about replacing).
#[tauri::command]
pub fn export_save(
    state: State<'_, AppState>,
    target: Target,
    format: Format,
    style: Style,
    path: PathBuf,
) -> CmdResult<usize> {
    let bytes = render(&*state.library()?, target, format, style)?;
    Library::write_export(&path, &bytes, true)?;
    Ok(bytes.len())
}

/// The export as text (Markdown or plain), for copying.
#[tauri::command]
pub fn export_text(
    state: State<'_, AppState>,
    target: Target,
    format: Format,
) -> CmdResult<String> {
    let format = if format == Format::Docx {
        Format::Txt
    } else {
        format
    };
    let bytes = render(&*state.library()?, target, format, Style::default())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// How this library's Word exports look.
#[tauri::command]
pub fn export_settings_get(state: State<'_, AppState>) -> CmdResult<ExportSettings> {
    Ok(state.library()?.export_settings()?)
}

/// Keeps new export settings (checked first); answers them as kept.
#[tauri::command]
pub fn export_settings_set(
    state: State<'_, AppState>,
    settings: ExportSettings,
) -> CmdResult<ExportSettings> {
    Ok(state.library()?.set_export_settings(&settings)?)
}
