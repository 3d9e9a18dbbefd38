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

/**
 * A stored time (RFC 3339, UTC) in the writer's own time zone: `YYYY-MM-DD HH:MM`, with seconds
 * when `seconds`. Unreadable text is shown as it is.
 */
export function localTime(stored: string, seconds = false): string {
  const t = new Date(stored);
  if (Number.isNaN(t.getTime())) return stored;
  const p = (n: number) => String(n).padStart(2, "0");
  const day = `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())}`;
  return `${day} ${p(t.getHours())}:${p(t.getMinutes())}` + (seconds ? `:${p(t.getSeconds())}` : "");
}
