//! Reads the top-level tauri.conf.json (the workspace keeps it beside Cargo.toml).
fn main() {
    let attrs = tauri_build::Attributes::new().config_path("../tauri.conf.json");
    tauri_build::try_build(attrs)
        .expect("tauri-build failed (is ui/dist built? run `npm --prefix ui run build`)");
}
