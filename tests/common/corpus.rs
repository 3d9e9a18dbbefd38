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

/// Says, visibly, that a test (or its part over the corpus) did not run because the corpus is
/// absent: on stderr, and in `skipped-tests.txt` of the build's test folder, which the test
/// script prints at the end of the run.
pub fn skipped(what: &str) {
    let line = format!("SKIPPED {what}: the corpus is absent (../shared/corpus/gov-reports beside the checkout, or GAOKU_CORPUS)");
    eprintln!("{line}");
    let list = Path::new(env!("CARGO_TARGET_TMPDIR")).join("skipped-tests.txt");
    let _ = std::fs::create_dir_all(env!("CARGO_TARGET_TMPDIR"));
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(list)
    {
        use std::io::Write;
        let _ = writeln!(f, "{line}");
    }
}

/// The corpus's folder of documents.
pub fn corpus_docs() -> Option<PathBuf> {
    corpus().map(|d| d.join("docs"))
}

/// The sample speech, and three corpus reports (2019 and 2009 government work reports, the 19th
/// congress report) when the corpus is present: the texts the export and format tests print.
pub fn sample_and_reports() -> Vec<PathBuf> {
    let mut files = vec![repo().join("assets/samples/county-half-year-review-2020.txt")];
    if let Some(docs) = corpus_docs() {
        for prefix in ["gwr_report_2019", "gwr_report_2009", "cpc_19_"] {
            let f = std::fs::read_dir(&docs)
                .unwrap()
                .map(|e| e.unwrap().path())
                .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
                .unwrap_or_else(|| panic!("corpus file {prefix}"));
            files.push(f);
        }
    }
    files
}
