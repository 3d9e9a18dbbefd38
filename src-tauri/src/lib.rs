//! The desktop shell: Tauri commands that delegate to [`gaoku_core::Library`].

pub mod commands;
pub mod error;
#[cfg(unix)]
pub mod instance;
pub mod menu;
pub mod state;

use tauri::{Builder, Manager, Runtime};

/// Registers state and commands; shared by the real app and the tests.
pub fn app_builder<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder.invoke_handler(tauri::generate_handler![
        commands::library::library_info,
        commands::library::library_list,
        commands::library::speech_get,
        commands::library::speech_edit,
        commands::library::speech_remove,
        commands::library::import_paths,
        commands::library::import_cancel,
        commands::search::search,
        commands::search::speech_matches,
        commands::search::search_by_year,
        commands::compare::compare_texts,
        commands::export::export_settings_get,
        commands::export::export_settings_set,
        commands::structure::outline_get,
        commands::structure::phrases_list,
        commands::structure::phrase_completions,
        commands::backup::backup_plan_get,
        commands::backup::backup_plan_set,
        commands::backup::backups_list,
        commands::backup::backup_now,
        commands::backup::library_restore,
        commands::bundle::bundle_export,
        commands::bundle::bundle_import,
        commands::window::opened_file,
        commands::drafts::draft_from_file,
        commands::window::app_quit,
        commands::structure::phrase_uses,
        commands::structure::phrase_star,
        commands::structure::templates_list,
        commands::structure::template_from_speech,
        commands::structure::phrase_add,
        commands::structure::phrase_edit,
        commands::structure::phrase_tag,
        commands::structure::phrase_delete,
        commands::structure::template_rename,
        commands::structure::template_markdown,
        commands::structure::template_delete,
        commands::drafts::drafts_list,
        commands::drafts::draft_get,
        commands::drafts::draft_create,
        commands::drafts::draft_from_speech,
        commands::drafts::draft_save,
        commands::drafts::draft_snapshot,
        commands::drafts::draft_revisions,
        commands::drafts::draft_diff,
        commands::drafts::draft_restore,
        commands::drafts::draft_delete,
        commands::drafts::draft_preview,
        commands::drafts::draft_outline,
        commands::checks::check_markdown,
        commands::checks::check_speech,
        commands::checks::rules_get,
        commands::checks::rule_enable,
        commands::checks::term_rule_save,
        commands::checks::term_rule_delete,
        commands::checks::rules_import,
        commands::checks::rules_export,
        commands::reuse::reuse_markdown,
        commands::reuse::similar_passages,
        commands::export::export_save,
        commands::export::export_text,
        commands::window::menu_language,
    ])
}

/// Starts the desktop app on the library named by `GAOKU_LIBRARY` or the default folder.
pub fn run() {
    let dir = match gaoku_core::Library::default_dir() {
        Ok(dir) => dir,
        Err(e) => {
            eprintln!("gaoku: cannot open the library: {e}");
            std::process::exit(1);
        }
    };
    let opened = opened_file();
    // Already open in Gaoku on this machine: that window comes to the front (and opens the
    // file) instead.
    #[cfg(unix)]
    if instance::hand_over(&dir, opened.as_deref()) {
        return;
    }
    let state = match state::AppState::open(&dir) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("gaoku: cannot open the library: {e}");
            std::process::exit(1);
        }
    };
    state.set_opened(opened);
    app_builder(tauri::Builder::default())
        .plugin(tauri_plugin_dialog::init())
        // The window opens where and as large as it was last closed.
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .manage(state)
        .setup(move |app| {
            #[cfg(target_os = "linux")]
            inline_composition(app.handle());
            let menu = menu::build(app.handle(), false)?;
            app.set_menu(menu)?;
            app.on_menu_event(|app, event| menu::on_event(app, event.id().as_ref()));
            #[cfg(unix)]
            end_on_signals(app.handle().clone());
            if app.state::<state::AppState>().holds_lock() {
                #[cfg(unix)]
                instance::listen(&dir, app.handle().clone());
                commands::backup::schedule(app.handle().clone());
            }
            Ok(())
        })
        .build(tauri::generate_context!("../tauri.conf.json"))
        .expect("error while building the Gaoku app")
        .run(|_, event| {
            #[cfg(unix)]
            if matches!(
                event,
                tauri::RunEvent::ExitRequested { .. } | tauri::RunEvent::Exit
            ) {
                instance::closing();
            }
            #[cfg(not(unix))]
            let _ = event;
        });
}

/// The file named on the command line (the desktop entry passes a double-clicked file), made
/// absolute: the page opens it (a draft, or a 素材包 to import).
fn opened_file() -> Option<String> {
    let arg = std::env::args_os().skip(1).find(|a| {
        let s = a.to_string_lossy();
        !s.starts_with('-') && !s.is_empty()
    })?;
    let path = std::path::PathBuf::from(arg);
    let path = std::path::absolute(&path).unwrap_or(path);
    Some(path.display().to_string())
}

/// Shows an input method's composition (the pinyin being typed) underlined at the caret, as
/// every GTK text field does. wry turns this "preedit" off for WebKitGTK, a workaround for old
/// WebKitGTK versions that placed the candidate window wrongly; the WebKitGTK of current
/// distributions (2.4x, 2.50) places it at the caret with preedit on.
#[cfg(target_os = "linux")]
fn inline_composition<R: Runtime>(app: &tauri::AppHandle<R>) {
    use webkit2gtk::{InputMethodContextExt, WebViewExt};
    for window in app.webview_windows().values() {
        let _ = window.with_webview(|w| {
            if let Some(ime) = w.inner().input_method_context() {
                ime.set_enable_preedit(true);
            }
        });
    }
}

/// Event asking the page to save the draft being written and then call `app_quit`.
pub const TERMINATING: &str = "terminating";

/// On SIGTERM (a logout, `systemctl stop`, `kill`) or SIGINT (Ctrl+C in a terminal) the page
/// is asked to save and quit; if it has not within a few seconds, the app ends anyway, with
/// status 0 either way (what was saved is safe in SQLite).
#[cfg(unix)]
fn end_on_signals<R: Runtime>(app: tauri::AppHandle<R>) {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    use tauri::Emitter;
    use tokio::signal::unix::{signal, SignalKind};
    let once = Arc::new(AtomicBool::new(false));
    for kind in [SignalKind::terminate(), SignalKind::interrupt()] {
        let (app, once) = (app.clone(), once.clone());
        tauri::async_runtime::spawn(async move {
            let Ok(mut sig) = signal(kind) else { return };
            sig.recv().await;
            if once.swap(true, Ordering::SeqCst) {
                return;
            }
            instance::closing();
            let _ = app.emit(TERMINATING, ());
            std::thread::spawn(move || {
                std::thread::sleep(std::time::Duration::from_secs(4));
                app.exit(0);
            });
        });
    }
}
