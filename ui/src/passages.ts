// Pieces of a speech around a search match: the sentence and the paragraph a writer would reuse,
// and where the matches fall paragraph by paragraph.
import type { Span } from "./api";
import { SENTENCE_ENDS } from "./generated/ipc";

/** The paragraph containing character `offset` of the speech text (paragraphs joined by "\n"). */
export function paragraphAt(paragraphs: string[], offset: number): { index: number; text: string; start: number } | null {
  let start = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const len = Array.from(paragraphs[i]).length;
    if (offset < start + len) return { index: i, text: paragraphs[i], start };
    start += len + 1;
  }
  return null;
}

const CLOSERS = "”’）)」』";

/** The sentence of `paragraph` containing character `offset`, with its closing punctuation. */
export function sentenceAt(paragraph: string, offset: number): string {
  const chars = Array.from(paragraph);
  let from = offset;
  while (from > 0 && !SENTENCE_ENDS.includes(chars[from - 1])) from--;
  while (from < offset && CLOSERS.includes(chars[from])) from++;
  let to = offset;
  while (to < chars.length && !SENTENCE_ENDS.includes(chars[to])) to++;
  // Keep the end mark and a closing quote or bracket right after it.
  if (to < chars.length) to++;
  while (to < chars.length && CLOSERS.includes(chars[to])) to++;
  return chars.slice(from, to).join("").trim();
}

/** A core snippet as plain text: marks removed, entities decoded, ellipses at the cut ends dropped. */
export function snippetText(snippet: string, decode: (s: string) => string): string {
  return decode(snippet.replace(/<\/?mark>/g, "")).replace(/^…|…$/g, "");
}

/** Splits speech-wide match spans into per-paragraph spans. */
export function spansByParagraph(paragraphs: string[], matches: Span[]): Map<number, Array<[number, number]>> {
  const out = new Map<number, Array<[number, number]>>();
  let offset = 0;
  let m = 0;
  paragraphs.forEach((p, i) => {
    const len = Array.from(p).length;
    while (m < matches.length && matches[m].start < offset + len) {
      const s = matches[m];
      const list = out.get(i) ?? [];
      list.push([s.start - offset, Math.min(s.end, offset + len) - offset]);
      out.set(i, list);
      m++;
    }
    offset += len + 1;
  });
  return out;
}
