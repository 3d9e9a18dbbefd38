// Templates as Markdown to insert into a draft: the whole template, or one part with its sub-parts.
import type { Template } from "./api";

/** Escapes what Markdown would read as markup in a line (the core's escape_inline set). */
export function escapeInline(text: string): string {
  return text.replace(/[\\*_<>[\]`#|~$^@&"']/g, (c) => `\\${c}`);
}

/**
 * The parts of `t` from part `from` as Markdown: headings as `##`…`#####` with their numbering,
 * a prompt line under each part with a note; with `whole` false only that part and its sub-parts.
 */
export function templateMarkdown(t: Template, from = 0, whole = true): string {
  const start = t.parts[from];
  const out: string[] = [];
  for (let i = from; i < t.parts.length; i++) {
    const p = t.parts[i];
    if (!whole && i > from && p.level !== 0 && p.level <= start.level) break;
    out.push(p.level === 0 ? escapeInline(p.title) : `${"#".repeat(p.level + 1)} ${escapeInline(p.marker + p.title)}`);
    if (p.note) out.push(`＿＿（${escapeInline(p.note)}）`);
  }
  return `\n${out.join("\n\n")}\n`;
}
