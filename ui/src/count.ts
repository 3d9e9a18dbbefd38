import { tr } from "./i18n";
// 字数 and speaking time, as Chinese writers count them (same rule as gaoku_core::zh::word_count).

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007\u{20000}-\u{3134f}]/u;
const WORD = /[\p{L}\p{N}]/u;

/** Each Han character, plus each run of Latin letters or digits (with inner . % ' - _, half- or full-width) as one word. */
export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (const c of text) {
    if (HAN.test(c)) {
      n++;
      inWord = false;
    } else if (WORD.test(c)) {
      if (!inWord) n++;
      inWord = true;
    } else if (!(inWord && ".%'-_．％－＿".includes(c))) {
      inWord = false;
    }
  }
  return n;
}

/** Default speaking pace, 字 per minute. */
export const DEFAULT_PACE = 180;

/** "约 3 分 20 秒" for a count at a pace. */
export function speakingTime(count: number, pace: number): string {
  const secs = Math.round((count / Math.max(pace, 1)) * 60);
  const m = Math.floor(secs / 60);
  const s = secs % 60;
  if (m === 0) return tr("约 {s} 秒", { s });
  return s === 0 ? tr("约 {m} 分钟", { m }) : tr("约 {m} 分 {s} 秒", { m, s });
}
