//! The facade's exports of speeches and drafts.

use std::path::Path;

use super::Library;
use crate::error::Result;
use crate::export::{self, ExportDoc, ExportSettings, Format, Style};

/// Settings key of the library's export settings (JSON).
const EXPORT_KEY: &str = "export";

/// `2020-07-15` as 2020年7月15日 (other forms as they are).
fn chinese_date(date: &str) -> String {
    let parts: Vec<&str> = date.split('-').collect();
    let n = |s: &str| s.parse::<u32>().ok();
    match parts.as_slice() {
        [y, m, d] if n(y).is_some() && n(m).is_some() && n(d).is_some() => {
            format!("{}年{}月{}日", y, n(m).unwrap_or(0), n(d).unwrap_or(0))
        }
        [y, m] if n(y).is_some() && n(m).is_some() => format!("{}年{}月", y, n(m).unwrap_or(0)),
        _ => date.to_string(),
    }
}

impl Library {
    /// A library speech as a document to export.
    pub fn speech_export_doc(&self, id: i64) -> Result<ExportDoc> {
        let s = self.speech(id)?;
        Ok(ExportDoc {
            title: s.meta.title,
            subtitle: s.meta.occasion,
            date: s.meta.date.as_deref().map(chinese_date),
            author: s.meta.speaker,
            paragraphs: s.paragraphs,
            ..ExportDoc::default()
        })
    }

    /// How this library's Word exports look (the defaults until the writer sets them).
    pub fn export_settings(&self) -> Result<ExportSettings> {
        Ok(self
            .store
            .setting(EXPORT_KEY)?
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default())
    }

    /// Keeps the library's export settings, after checking them.
    pub fn set_export_settings(&self, settings: &ExportSettings) -> Result<ExportSettings> {
        settings.validate()?;
        let mut s = settings.clone();
        s.latin_font = s.latin_font.map(|f| f.trim().to_string());
        // Plain strings and numbers: serialising cannot fail.
        let json = serde_json::to_string(&s).expect("export settings serialise");
        self.store.set_setting(EXPORT_KEY, &json)?;
        Ok(s)
    }

    /// Exports a library speech.
    pub fn export_speech(&self, id: i64, format: Format, style: Style) -> Result<Vec<u8>> {
        let settings = self.export_settings()?;
        export::render(&self.speech_export_doc(id)?, format, style, &settings)
    }

    /// Exports a draft (its text as a reader sees it; headings from numbering or `##` marks).
    pub fn export_draft(&self, id: i64, format: Format, style: Style) -> Result<Vec<u8>> {
        let d = self.draft(id)?;
        let settings = self.export_settings()?;
        export::render(&ExportDoc::from_markdown(&d.body), format, style, &settings)
    }

    /// Writes an export through a temporary file and a rename; never replaces a file unless
    /// `force`.
    pub fn write_export(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
        export::write_file(path, bytes, force)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_in_chinese() {
        assert_eq!(super::chinese_date("2020-07-15"), "2020年7月15日");
        assert_eq!(super::chinese_date("2020-07"), "2020年7月");
        assert_eq!(super::chinese_date("2020"), "2020");
    }
}
