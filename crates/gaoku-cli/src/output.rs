//! What the CLI prints: JSON (the stable contract) or lines for a person.

use gaoku_core::search::Mode;
use gaoku_core::{ImportReport, SearchResults, Speech, SpeechSummary};
use serde::Serialize;
use serde_json::json;

/// Ends the program on a failed write to standard output: quietly with status 0 on a closed pipe
/// (`gaoku list | head -1`), as `rg` does; with a message and status 1 otherwise (a full disk,
/// `> /dev/full`).
fn end_on_failure(result: std::io::Result<()>) {
    if let Err(e) = result {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("gaoku: error: cannot write the output: {e}");
        std::process::exit(1);
    }
}

/// Writes to standard output: the CLI's one output path (see [`end_on_failure`] for failures).
pub fn write(args: std::fmt::Arguments) {
    use std::io::Write;
    end_on_failure(std::io::stdout().lock().write_fmt(args));
}

/// Writes bytes (an exported text) through the same path as [`write`].
pub fn write_bytes(bytes: &[u8]) {
    use std::io::Write;
    end_on_failure(std::io::stdout().lock().write_all(bytes));
}

/// Flushes standard output at the end of a command.
pub fn finish() {
    use std::io::Write;
    end_on_failure(std::io::stdout().flush());
}

/// Pretty JSON, the stable contract.
pub fn print_json<T: Serialize + ?Sized>(value: &T) {
    outln!(
        "{}",
        serde_json::to_string_pretty(value).expect("plain data serialises")
    );
}

/// `{"imported":[…],"duplicates":[…],"failed":[…],"skipped":[…]}` or a summary with one line per problem.
pub fn import_report(r: &ImportReport, json: bool) {
    if json {
        return print_json(r);
    }
    for i in &r.imported {
        outln!("导入  #{:<5} {}  ({})", i.id, i.title, i.path);
    }
    for d in &r.duplicates {
        outln!("重复  与 #{:<5} 相同  {}", d.id, d.path);
    }
    for s in &r.skipped {
        outln!("跳过  {}: {}", s.path, s.reason);
    }
    for f in &r.failed {
        eprintln!("FAILED    {}: {}", f.path, f.error);
    }
    outln!(
        "导入 {} 篇，重复 {} 篇，失败 {} 个，跳过 {} 个",
        r.imported.len(),
        r.duplicates.len(),
        r.failed.len(),
        r.skipped.len()
    );
}

/// The library list.
pub fn list(rows: &[SpeechSummary], json: bool) {
    if json {
        return print_json(rows);
    }
    for s in rows {
        outln!(
            "{:>5}  {:<10}  {:<4}  {:>7}  {}",
            s.id,
            s.meta.date.as_deref().unwrap_or("—"),
            s.meta.kind.as_deref().unwrap_or("—"),
            s.chars,
            s.meta.title
        );
    }
}

/// One list row (after an edit).
pub fn summary(s: &SpeechSummary, json: bool) {
    if json {
        return print_json(s);
    }
    list(std::slice::from_ref(s), false);
}

/// A speech: metadata plus `"text"`, the paragraphs joined by `\n`.
pub fn speech(s: &Speech, json: bool) {
    if json {
        let mut v = serde_json::to_value(s).expect("plain data serialises");
        v["text"] = json!(s.text());
        return print_json(&v);
    }
    outln!("{}", s.meta.title);
    let meta: Vec<String> = [
        s.meta.date.clone(),
        s.meta.speaker.clone(),
        s.meta.occasion.clone(),
        s.meta.kind.clone(),
        (!s.meta.tags.is_empty()).then(|| s.meta.tags.join("、")),
        Some(format!("{}字", s.chars)),
    ]
    .into_iter()
    .flatten()
    .collect();
    outln!("{}\n", meta.join(" · "));
    outln!("{}", s.text());
}

/// Confirmation of a removal.
pub fn removed(id: i64, json: bool) {
    if json {
        print_json(&json!({ "removed": id }));
    } else {
        outln!("removed #{id}");
    }
}

/// Result of the integrity check.
pub fn check(problems: &[String], json: bool) {
    if json {
        print_json(&json!({ "ok": problems.is_empty(), "problems": problems }));
    } else if problems.is_empty() {
        outln!("ok");
    } else {
        for p in problems {
            outln!("{p}");
        }
    }
}

/// Search results: the JSON contract, or hits with snippets (matches in 【】 or colour on a terminal).
pub fn search(r: &SearchResults, json: bool) {
    if json {
        return print_json(r);
    }
    let (open, close) = marks();
    let mode = match r.mode {
        Mode::Phrase => "原词",
        Mode::Keywords => "关键词",
        Mode::Pattern => "句式",
    };
    let shown = if r.hits.len() < r.total {
        format!("，显示前 {} 篇", r.hits.len())
    } else {
        String::new()
    };
    outln!("共 {} 篇（{mode}检索{shown}）", r.total);
    for h in &r.hits {
        outln!(
            "\n#{} {}  {}  ×{}",
            h.id,
            h.title,
            h.date.as_deref().unwrap_or("—"),
            h.match_count
        );
        for s in &h.snippets {
            outln!("    {}", plain_snippet(s, open, close));
        }
    }
}

/// How a match is marked: in colour on a terminal, in 【】 otherwise.
fn marks() -> (&'static str, &'static str) {
    if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        ("\x1b[1;31m", "\x1b[0m")
    } else {
        ("【", "】")
    }
}

/// A snippet as terminal text: its marks as `open`/`close`, its HTML escapes undone.
fn plain_snippet(s: &str, open: &str, close: &str) -> String {
    s.replace("<mark>", open)
        .replace("</mark>", close)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Where a phrase-bank entry is used: speech, date and the text around it.
pub fn phrase_uses(uses: &[gaoku_core::PhraseUse], json: bool) {
    if json {
        return print_json(uses);
    }
    let (open, close) = marks();
    for u in uses {
        outln!(
            "#{} {}  {}\n    {}",
            u.speech,
            u.title,
            u.date.as_deref().unwrap_or("—"),
            plain_snippet(&u.snippet, open, close)
        );
    }
}

/// Confirmation of a rebuilt index.
pub fn reindexed(n: usize, json: bool) {
    if json {
        print_json(&json!({ "indexed": n }));
    } else {
        outln!("已索引 {n} 篇");
    }
}

/// An outline: JSON, or an indented tree.
pub fn outline(o: &gaoku_core::outline::Outline, json: bool) {
    if json {
        return print_json(o);
    }
    outln!("{}", o.title);
    if let Some(s) = &o.salutation {
        outln!("  [称呼] {}", s.text);
    }
    fn walk(nodes: &[gaoku_core::outline::Node], depth: usize) {
        for n in nodes {
            outln!(
                "{}{}{}  (¶{})",
                "  ".repeat(depth),
                n.marker,
                n.title,
                n.para
            );
            walk(&n.children, depth + 1);
        }
    }
    walk(&o.nodes, 1);
    if let Some(c) = &o.closing {
        let head: String = c.text.chars().take(30).collect();
        outln!("  [结尾] {head}…");
    }
}

/// Phrase-bank entries: JSON, or one line each.
pub fn phrases(list: &[gaoku_core::Phrase], json: bool) {
    if json {
        return print_json(list);
    }
    for p in list {
        outln!(
            "{:>5} {}{:<11} ×{:<3} {}{}",
            p.id,
            if p.starred { "★" } else { " " },
            serde_json::to_value(p.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
            p.count,
            p.text,
            if p.tags.is_empty() {
                String::new()
            } else {
                format!("  [{}]", p.tags.join("、"))
            }
        );
    }
}

/// The template list.
pub fn templates(list: &[gaoku_core::templates::Template], json: bool) {
    if json {
        return print_json(list);
    }
    for t in list {
        outln!(
            "{}{}  ({} parts)  {}",
            if t.builtin { "[内置] " } else { "" },
            t.name,
            t.parts.len(),
            t.description
        );
    }
}

/// One template, its parts indented by level.
pub fn template(t: &gaoku_core::templates::Template, json: bool) {
    if json {
        return print_json(t);
    }
    outln!("{}  {}", t.name, t.description);
    for p in &t.parts {
        let note = if p.note.is_empty() {
            String::new()
        } else {
            format!("  — {}", p.note)
        };
        outln!(
            "{}{}{}{}",
            "  ".repeat(p.level.max(1) as usize),
            p.marker,
            p.title,
            note
        );
    }
}
