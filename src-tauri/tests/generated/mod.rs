//! Files generated from the Rust types into `ui/src/generated/`: checked by tests that fail when
//! the committed file is stale, rewritten when `GAOKU_BLESS` is set.

/// Compares `text` with the committed `ui/src/generated/NAME` (writing it first under
/// `GAOKU_BLESS=1`); `test` names the test binary that regenerates it.
pub fn check(name: &str, text: &str, test: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../ui/src/generated")
        .join(name);
    if std::env::var_os("GAOKU_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == text,
        "{} is stale: regenerate it with GAOKU_BLESS=1 cargo test -p gaoku-app --test {test}",
        path.display()
    );
}
