//! `gaoku lint` and `gaoku rules`: draft checks and 提法 rule packs.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use gaoku_core::check::{Layer, Severity};
use gaoku_core::library::CheckReport;
use gaoku_core::{Error, Library, Result};
use serde_json::json;

/// `gaoku lint`.
#[derive(Args)]
pub struct LintArgs {
    /// A file: .md as a draft, .txt by its lines, other documents as an import reads them.
    #[arg(value_name = "FILE", required_unless_present_any = ["draft", "speech"])]
    file: Option<PathBuf>,
    /// Check a saved draft instead.
    #[arg(long, value_name = "ID", conflicts_with_all = ["file", "speech"])]
    draft: Option<i64>,
    /// Check a library speech instead.
    #[arg(long, value_name = "ID", conflicts_with = "file")]
    speech: Option<i64>,
    /// Judge 提法 as of this day (default: a date line in the draft, the speech's date, today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
}

/// Runs the checks and prints the findings; exit 1 when one is an error.
pub fn lint(lib: &Library, args: &LintArgs, json: bool) -> Result<ExitCode> {
    let date = args.date.as_deref();
    let (report, text, name) = if let Some(id) = args.draft {
        let d = lib.draft(id)?;
        (
            lib.check_markdown(&d.body, date)?,
            d.body,
            format!("draft:{id}"),
        )
    } else if let Some(id) = args.speech {
        let s = lib.speech(id)?;
        (
            lib.check_loaded_speech(&s, date)?,
            s.paragraphs.join("\n"),
            format!("speech:{id}"),
        )
    } else {
        let path = args.file.as_ref().expect("clap requires a target");
        let (text, markdown) = Library::checked_text_of(path)?;
        let report = lib.check_file_text(&text, markdown, date)?;
        // Columns are given for a draft's lines, as in the editor.
        let text = if markdown { text } else { String::new() };
        (report, text, path.display().to_string())
    };
    print(&report, &text, &name, json);
    Ok(if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn print(report: &CheckReport, text: &str, name: &str, json: bool) {
    if json {
        crate::output::print_json(&json!({
            "date": report.date,
            "date_source": report.date_source,
            "findings": report.findings,
        }));
        return;
    }
    // Where each line starts (in characters): a finding's column is a search away, so a
    // one-line draft of megabytes with thousands of findings prints in linear time.
    let mut line_starts = vec![0usize];
    let mut total = 0usize;
    for (i, c) in text.chars().enumerate() {
        if c == '\n' {
            line_starts.push(i + 1);
        }
        total = i + 1;
    }
    for f in &report.findings {
        // Column: characters since the line's start, when the checked text is at hand.
        let col = if f.start <= total && total > 0 {
            let line = line_starts.partition_point(|&s| s <= f.start) - 1;
            format!(":{}", f.start - line_starts[line] + 1)
        } else {
            String::new()
        };
        let severity = match f.severity {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Hint => "提示",
        };
        outln!(
            "{name}:{}{col}: {severity} [{}] {}",
            f.line,
            f.rule,
            f.message
        );
    }
    let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
    outln!(
        "按 {} 检查：{} 个错误，{} 个警告，{} 个提示",
        report.date,
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Hint)
    );
}

/// `gaoku rules …`.
#[derive(Subcommand)]
pub enum RulesAction {
    /// List every check and 提法 rule with its layer and state.
    List,
    /// Print a pack as TOML (or write it with -o).
    Export {
        /// builtin, unit or personal.
        #[arg(long, default_value = "personal")]
        layer: String,
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Merge a pack file into the unit or personal pack (rules by id).
    Import {
        file: PathBuf,
        /// unit or personal.
        #[arg(long, default_value = "personal")]
        layer: String,
    },
    /// Turn a check or 提法 rule off (in the personal pack).
    Disable { id: String },
    /// Turn it on again.
    Enable { id: String },
}

fn layer(s: &str) -> Result<Layer> {
    Layer::parse(s).ok_or_else(|| {
        gaoku_core::error::Invalid::BadRules {
            why: format!("layer {s:?}: use builtin, unit or personal"),
        }
        .into()
    })
}

/// Runs one rules action.
pub fn rules(lib: &Library, action: &RulesAction, json: bool) -> Result<()> {
    match action {
        RulesAction::List => {
            let view = lib.rules()?;
            if json {
                crate::output::print_json(&view);
                return Ok(());
            }
            for c in &view.checks {
                let on = if c.enabled { "开" } else { "关" };
                outln!("{on} {:<18} {}", c.info.id, c.info.title);
            }
            for t in &view.terms {
                let on = if t.enabled { "开" } else { "关" };
                let dates = format!(
                    "{}—{}",
                    t.rule.valid_from.as_deref().unwrap_or(""),
                    t.rule.valid_until.as_deref().unwrap_or("")
                );
                outln!(
                    "{on} {:<18} [{}] {dates} {}",
                    t.rule.id,
                    t.layer.as_str(),
                    t.rule.reason
                );
            }
        }
        RulesAction::Export { layer: l, output } => {
            let text = lib.export_rules(layer(l)?)?;
            match output {
                Some(path) => {
                    std::fs::write(path, &text).map_err(|e| Error::io(path, e))?;
                    if json {
                        outln!("{}", json!({ "written": path }));
                    }
                }
                None => out!("{text}"),
            }
        }
        RulesAction::Import { file, layer: l } => {
            // The one readable-file check: a regular file of a sensible size, any encoding.
            let text = Library::read_text_file(file)?;
            let r = lib.import_rules(layer(l)?, &text)?;
            if json {
                crate::output::print_json(&r);
            } else {
                outln!(
                    "已导入到{}提法规则：新增 {}，替换 {}，停用 {}",
                    if r.layer == Layer::Unit {
                        "单位"
                    } else {
                        "个人"
                    },
                    r.added,
                    r.replaced,
                    r.disabled
                );
            }
        }
        RulesAction::Disable { id } | RulesAction::Enable { id } => {
            let on = matches!(action, RulesAction::Enable { .. });
            lib.set_rule_enabled(id, on)?;
            if json {
                outln!("{}", json!({ "id": id, "enabled": on }));
            } else {
                outln!("{} {id}", if on { "已启用" } else { "已停用" });
            }
        }
    }
    Ok(())
}
