//! Small helpers that are not about Chinese text: the `regex!` macro and time display. The
//! Chinese text rules live in [`crate::zh`].

/// A regex compiled once, on first use, where it is written: `regex!(r"…")`.
macro_rules! regex {
    ($pattern:expr $(,)?) => {{
        static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        RE.get_or_init(|| regex::Regex::new($pattern).expect("valid regex"))
    }};
}
pub(crate) use regex;

/// A stored time (RFC 3339, UTC) as a person reads it: local `YYYY-MM-DD HH:MM` (UTC when the
/// local offset is unknown); unreadable text is returned as it is.
pub fn local_minute(stored: &str) -> String {
    let fmt = time::format_description::well_known::Rfc3339;
    let Ok(t) = time::OffsetDateTime::parse(stored, &fmt) else {
        return stored.to_string();
    };
    let offset = time::UtcOffset::current_local_offset().unwrap_or(time::UtcOffset::UTC);
    let t = t.to_offset(offset);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        t.year(),
        t.month() as u8,
        t.day(),
        t.hour(),
        t.minute()
    )
}
