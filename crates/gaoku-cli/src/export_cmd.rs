//! `gaoku export`: a speech or a draft as Markdown, .docx or text, written safely.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use gaoku_core::export::{ExportSettings, FontSet, Format, Style};
use gaoku_core::{Library, Result};

#[derive(Args)]
pub struct ExportArgs {
    /// The speech to export (omit with --draft).
    #[arg(value_name = "ID", required_unless_present = "draft")]
    id: Option<i64>,
    /// Export draft ID instead of a speech.
    #[arg(long, value_name = "ID", conflicts_with = "id")]
    draft: Option<i64>,
    /// docx, md (docx-ready Markdown) or txt.
    #[arg(long, default_value = "docx")]
    format: Format,
    /// Layout of a .docx: gbt9704 (the GB/T 9704 公文 layout), plain (an everyday style) or
    /// reading (念稿版: large type, a wide margin, each part's speaking time).
    #[arg(long, default_value = "gbt9704")]
    style: Style,
    /// Where to write (`-` prints Markdown or text to standard output).
    #[arg(short, long)]
    output: PathBuf,
    /// Replace the output file if it exists.
    #[arg(long)]
    force: bool,
}

/// Runs the export.
pub fn run(lib: &Library, a: &ExportArgs, json: bool) -> Result<ExitCode> {
    let bytes = match (a.draft, a.id) {
        (Some(d), _) => lib.export_draft(d, a.format, a.style)?,
        (None, Some(id)) => lib.export_speech(id, a.format, a.style)?,
        (None, None) => unreachable!("clap requires an id or --draft"),
    };
    if a.output.as_os_str() == "-" {
        if a.format == Format::Docx {
            return Err(gaoku_core::error::Invalid::DocxToStdout.into());
        }
        crate::output::write_bytes(&bytes);
        return Ok(ExitCode::SUCCESS);
    }
    Library::write_export(&a.output, &bytes, a.force)?;
    if json {
        outln!(
            "{}",
            serde_json::json!({ "path": a.output, "bytes": bytes.len() })
        );
    } else {
        outln!("wrote {} ({} bytes)", a.output.display(), bytes.len());
    }
    Ok(ExitCode::SUCCESS)
}

/// The arguments of `gaoku export-settings`: what is not given stays as it is.
#[derive(Args)]
pub struct SettingsArgs {
    /// gb2312 (仿宋_GB2312, 楷体_GB2312, 方正小标宋_GBK) or common (仿宋, 楷体, 方正小标宋简体).
    #[arg(long)]
    font_set: Option<FontSet>,
    /// A font for digits and Latin letters, such as "Times New Roman".
    #[arg(long, conflicts_with = "no_latin_font")]
    latin_font: Option<String>,
    /// Digits and Latin letters in the Chinese font again.
    #[arg(long)]
    no_latin_font: bool,
    /// The 念稿版's body size in points (16 三号, 18 小二, 22 二号).
    #[arg(long)]
    reading_size: Option<u32>,
    /// Speaking pace for the 念稿版's times, 字 per minute.
    #[arg(long)]
    pace: Option<u32>,
}

/// Shows the library's export settings, changing those given.
pub fn settings(lib: &Library, a: &SettingsArgs, json: bool) -> Result<()> {
    let mut s: ExportSettings = lib.export_settings()?;
    let changed = a.font_set.is_some()
        || a.latin_font.is_some()
        || a.no_latin_font
        || a.reading_size.is_some()
        || a.pace.is_some();
    if let Some(f) = a.font_set {
        s.font_set = f;
    }
    if let Some(f) = &a.latin_font {
        s.latin_font = Some(f.clone());
    }
    if a.no_latin_font {
        s.latin_font = None;
    }
    if let Some(n) = a.reading_size {
        s.reading_size = n;
    }
    if let Some(n) = a.pace {
        s.pace = n;
    }
    if changed {
        s = lib.set_export_settings(&s)?;
    }
    if json {
        crate::output::print_json(&s);
    } else {
        let fonts = match s.font_set {
            FontSet::Gb2312 => "仿宋_GB2312、楷体_GB2312、方正小标宋_GBK",
            FontSet::Common => "仿宋、楷体、方正小标宋简体",
        };
        outln!("中文字体：{fonts}");
        outln!(
            "数字和西文：{}",
            s.latin_font.as_deref().unwrap_or("与中文相同")
        );
        outln!(
            "念稿版字号：{} 磅；语速：每分钟 {} 字",
            s.reading_size,
            s.pace
        );
    }
    Ok(())
}
