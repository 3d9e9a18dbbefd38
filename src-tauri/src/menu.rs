//! The window's menu bar, in the UI's language (Chinese by default). Items send a `menu` event
//! with their id to the UI, which runs the same action as its buttons and shortcuts; 退出 closes
//! the window, so the last autosave runs first.

use tauri::menu::{AboutMetadata, Menu, MenuItem, PredefinedMenuItem, Submenu};
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// Builds the menu bar in Chinese (`en` false) or English.
pub fn build<R: Runtime>(app: &AppHandle<R>, en: bool) -> tauri::Result<Menu<R>> {
    let l = |zh: &'static str, english: &'static str| if en { english } else { zh };
    let item = |id: &str, zh: &'static str, english: &'static str| {
        MenuItem::with_id(app, id, l(zh, english), true, None::<&str>)
    };
    let file = Submenu::with_items(
        app,
        l("文件", "File"),
        true,
        &[
            &item("import-files", "导入文件…", "Import files…")?,
            &item("import-folder", "导入文件夹…", "Import folder…")?,
            &PredefinedMenuItem::separator(app)?,
            &item("new-draft", "新建草稿\tCtrl+N", "New draft\tCtrl+N")?,
            &item("save-draft", "保存草稿\tCtrl+S", "Save draft\tCtrl+S")?,
            &PredefinedMenuItem::separator(app)?,
            &item("backup", "备份…", "Backup…")?,
            &item("bundle", "素材包（导出/导入）…", "Bundles (export/import)…")?,
            &PredefinedMenuItem::separator(app)?,
            &item("quit", "退出", "Quit")?,
        ],
    )?;
    let edit = Submenu::with_items(
        app,
        l("编辑", "Edit"),
        true,
        &[
            &PredefinedMenuItem::cut(app, Some(l("剪切", "Cut")))?,
            &PredefinedMenuItem::copy(app, Some(l("复制", "Copy")))?,
            &PredefinedMenuItem::paste(app, Some(l("粘贴", "Paste")))?,
            &PredefinedMenuItem::select_all(app, Some(l("全选", "Select all")))?,
            &PredefinedMenuItem::separator(app)?,
            &item("insert-phrase", "插入句式\tCtrl+K", "Insert phrase\tCtrl+K")?,
        ],
    )?;
    let view = Submenu::with_items(
        app,
        l("视图", "View"),
        true,
        &[
            &item("search", "检索\tCtrl+Shift+F", "Search\tCtrl+Shift+F")?,
            &item(
                "quick-switch",
                "快速切换讲话稿\tCtrl+P",
                "Switch speech\tCtrl+P",
            )?,
            &PredefinedMenuItem::separator(app)?,
            &item("tab-library", "素材库", "Library")?,
            &item("tab-phrases", "句式", "Phrases")?,
            &item("tab-templates", "模板", "Templates")?,
            &item("tab-drafts", "草稿", "Drafts")?,
            &PredefinedMenuItem::separator(app)?,
            &item("language", "English", "中文")?,
        ],
    )?;
    let about = AboutMetadata {
        name: Some(l("稿库", "Gaoku").into()),
        version: Some(env!("CARGO_PKG_VERSION").into()),
        comments: Some(
            l(
                "离线的讲话稿素材库与写作工具",
                "An offline library and writing tool for Chinese speechwriters",
            )
            .into(),
        ),
        ..Default::default()
    };
    let help = Submenu::with_items(
        app,
        l("帮助", "Help"),
        true,
        &[&PredefinedMenuItem::about(
            app,
            Some(l("关于稿库", "About Gaoku")),
            Some(about),
        )?],
    )?;
    Menu::with_items(app, &[&file, &edit, &view, &help])
}

/// Routes a menu click: 退出 closes the main window (its close handler saves first), everything
/// else goes to the UI as a `menu` event.
pub fn on_event<R: Runtime>(app: &AppHandle<R>, id: &str) {
    if id == "quit" {
        if let Some(w) = app.get_webview_window("main") {
            let _ = w.close();
        }
        return;
    }
    let _ = app.emit("menu", id.to_string());
}
