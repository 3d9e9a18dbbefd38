//! One app per library on this machine: a second launch on a library the app already has open
//! hands over to the running app (which comes to the front) and ends. The running app listens on
//! a Unix socket in the user's runtime folder, named after the library folder. Another machine
//! sharing the folder cannot reach it; there the library lock answers (see `state.rs`).

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use tauri::{AppHandle, Emitter, Manager, Runtime};

/// Set once this app is ending: a launch now must not be handed over to it (it would vanish).
static CLOSING: AtomicBool = AtomicBool::new(false);

/// Marks this app as ending: later launches open the library themselves (once it is let go).
pub fn closing() {
    CLOSING.store(true, Ordering::SeqCst);
}

/// Event telling the page that a second launch was handed over to this window; its payload is
/// the file that launch was to open, or null.
pub const SECOND_LAUNCH: &str = "second-launch";

/// The socket of the app that has the library in `dir` open on this machine.
fn socket_path(dir: &Path) -> PathBuf {
    let key = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    // FNV-1a of the path: a stable, short name.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.to_string_lossy().bytes() {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    let base = std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|p| p.is_dir())
        .unwrap_or_else(std::env::temp_dir);
    base.join(format!("gaoku-{hash:016x}.sock"))
}

/// Asks the app that has `dir` open here to come to the front, and to open `file` if given;
/// true when it answered.
pub fn hand_over(dir: &Path, file: Option<&str>) -> bool {
    let Ok(mut stream) = UnixStream::connect(socket_path(dir)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(2)));
    let ask = match file {
        // A path holds no newline that a file chooser would hand over; one that did is not sent.
        Some(f) if !f.contains('\n') => format!("open {f}\n"),
        _ => "show\n".to_string(),
    };
    if stream.write_all(ask.as_bytes()).is_err() {
        return false;
    }
    let mut answer = String::new();
    BufReader::new(stream).read_line(&mut answer).is_ok() && answer.trim() == "shown"
}

/// Listens for later launches on `dir` (call while holding the library's lock): each brings the
/// main window to the front and tells the page.
pub fn listen<R: Runtime>(dir: &Path, app: AppHandle<R>) {
    let path = socket_path(dir);
    // Left by an app that died: nobody else can be listening while we hold the lock.
    let _ = std::fs::remove_file(&path);
    let Ok(listener) = UnixListener::bind(&path) else {
        return;
    };
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut line = String::new();
            let mut reader = BufReader::new(&stream);
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            let line = line.trim_end_matches('\n');
            let file = match line.strip_prefix("open ") {
                Some(f) => Some(f.to_string()),
                None if line == "show" => None,
                None => continue,
            };
            if CLOSING.load(Ordering::SeqCst) {
                let _ = (&stream).write_all(b"closing\n");
                continue;
            }
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.show();
                let _ = w.set_focus();
            }
            let _ = app.emit(SECOND_LAUNCH, file);
            let _ = (&stream).write_all(b"shown\n");
        }
    });
}
