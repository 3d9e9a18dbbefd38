//! What a user sees of a bug: one line naming it, not a backtrace (kept for `RUST_BACKTRACE`).

/// Replaces the panic message of this process with one line on standard error:
/// `gaoku: 内部错误 (internal error): … (please report)`. With `RUST_BACKTRACE` set, the
/// default message and backtrace stay.
pub fn one_line(program: &'static str) {
    if std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0") {
        return;
    }
    std::panic::set_hook(Box::new(move |info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let what: String = what.chars().filter(|c| !c.is_control()).take(300).collect();
        eprintln!("{program}: 内部错误 (internal error): {what} (please report)");
    }));
}
