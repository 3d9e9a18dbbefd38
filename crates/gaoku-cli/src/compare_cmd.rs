//! `gaoku compare A B`: two texts side by side, paragraphs paired by content.

use clap::Args;
use gaoku_core::compare::Comparison;
use gaoku_core::drafts::diff::DiffOp;
use gaoku_core::library::CompareWith;
use gaoku_core::{Library, Result};

use crate::output;

/// The arguments of `gaoku compare`.
#[derive(Args)]
pub struct CompareArgs {
    /// The older text: a speech ID, `draft:ID`, `draft:ID@REV` (a revision) or a file.
    left: String,
    /// The newer text, the same way.
    right: String,
}

/// Compares two texts.
pub fn compare(lib: &Library, a: &CompareArgs, json: bool) -> Result<()> {
    let c = lib.compare(&CompareWith::parse(&a.left), &CompareWith::parse(&a.right))?;
    if json {
        output::print_json(&c);
    } else {
        print_text(&c);
    }
    Ok(())
}

/// The summary, then every row: `=` the same, `~` rewritten (with its wording: [-dropped-]
/// {+added+}), `+` new, `-` dropped; `↕` marks a paragraph that moved.
fn print_text(c: &Comparison) {
    let s = &c.summary;
    outln!("《{}》 → 《{}》", c.left.title, c.right.title);
    outln!(
        "相同 {} 段，改写 {} 段（其中调整位置 {} 段），新增 {} 段，删去 {} 段",
        s.same_paragraphs,
        s.changed_paragraphs,
        s.moved_paragraphs,
        s.new_paragraphs,
        s.dropped_paragraphs
    );
    outln!(
        "按字数：未改 {}，新增 {}，删去 {}（前稿 {} 字，后稿 {} 字）",
        s.unchanged,
        s.added,
        s.dropped,
        s.left_chars,
        s.right_chars
    );
    outln!();
    for row in &c.rows {
        match (row.left, row.right, row.pair) {
            (_, Some(_), Some(k)) => {
                let p = &c.pairs[k];
                let moved = if p.moved { "↕" } else { " " };
                if p.diff.is_empty() {
                    outln!("={moved} {}", c.right.paragraphs[p.right]);
                } else {
                    let mut line = String::new();
                    for d in &p.diff {
                        match d.op {
                            DiffOp::Same => line.push_str(&d.text),
                            DiffOp::Removed => line.push_str(&format!("[-{}-]", d.text)),
                            DiffOp::Added => line.push_str(&format!("{{+{}+}}", d.text)),
                        }
                    }
                    outln!("~{moved} {line}");
                }
            }
            (None, Some(j), None) => outln!("+  {}", c.right.paragraphs[j]),
            (Some(i), None, None) => outln!("-  {}", c.left.paragraphs[i]),
            _ => {}
        }
    }
}
