// Small display helpers for Chinese UI text.
import { lang } from "./i18n";

/** 2020-07-15 → 2020年7月15日; 2020-07 → 2020年7月; 2020 → 2020年. */
export function formatDate(date: string | null): string {
  if (!date) return "—";
  if (lang === "en") return date;
  const [y, m, d] = date.split("-");
  return `${y}年` + (m ? `${Number(m)}月` : "") + (d ? `${Number(d)}日` : "");
}

/** 10919 → 1.1万字; 850 → 850字. */
export function formatChars(n: number): string {
  if (lang === "en") return `${n.toLocaleString("en")} chars`;
  return n >= 10000 ? `${(n / 10000).toFixed(1)}万字` : `${n}字`;
}
