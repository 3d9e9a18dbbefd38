// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // The app never parses a file in its own process: a worker (this binary again) does.
    gaoku_core::guard::start();
    gaoku_core::panics::one_line("gaoku-app");
    gaoku_app::run();
}
