//! The error codes the app can receive, with their parameters, as the UI's catalog is tested
//! against them (`ui/src/errors.test.ts`). The file is generated from the Rust types; this test
//! fails when it is stale. Regenerate with `GAOKU_BLESS=1 cargo test -p gaoku-app --test error_codes`.

mod generated;

use std::collections::BTreeMap;

#[test]
fn generated_error_codes_are_current() {
    let mut codes: BTreeMap<String, Vec<String>> =
        gaoku_core::Error::catalog().into_iter().collect();
    for kind in gaoku_app::error::ShellError::ALL {
        let code = kind.code();
        assert!(
            codes.insert(code.to_string(), Vec::new()).is_none(),
            "{code} is a core code too"
        );
    }
    let json = serde_json::to_string_pretty(&codes).unwrap() + "\n";
    generated::check("error-codes.json", &json, "error_codes");
}
