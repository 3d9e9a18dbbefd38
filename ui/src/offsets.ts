// The core counts characters (Unicode scalar values); the editor counts UTF-16 code units. Han
// characters outside the Basic Multilingual Plane (CJK Extension B…) take two units, so offsets
// from the core are converted before they mark text.

/** A function from character offsets in `text` to UTF-16 offsets. */
export function utf16Offsets(text: string): (chars: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (n) => Math.min(n, text.length);
  const at: number[] = [];
  let unit = 0;
  for (const ch of text) {
    at.push(unit);
    unit += ch.length;
  }
  at.push(unit);
  return (n) => at[Math.min(n, at.length - 1)];
}
