//! `gaoku export`: a speech or a draft as Markdown, .docx or text, written safely.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use gaoku_core::export::{Format, Style};
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
    /// Layout of a .docx: gbt9704 (the GB/T 9704 公文 layout) or plain (an everyday style).
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
