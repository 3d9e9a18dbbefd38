//! Where the repository and the shared corpus are, for tests of any crate of the workspace (each
//! crate lives at `crates/<name>`). Tests over the corpus run when it is present.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The repository's top folder.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// The shared corpus, when this checkout has it beside it (CI does), or GAOKU_CORPUS.
pub fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("GAOKU_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("../shared/corpus/gov-reports"));
    dir.join("manifest.tsv").exists().then_some(dir)
}

/// The corpus's folder of documents.
pub fn corpus_docs() -> Option<PathBuf> {
    corpus().map(|d| d.join("docs"))
}
