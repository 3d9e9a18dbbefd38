// The UI's language: zh-CN by default, English when the writer chooses it (kept in localStorage).
// Strings are written in Chinese in the code and looked up here: tr("保存") → "Save" in English.
import { EN } from "./i18n-en";

export type Lang = "zh" | "en";
const KEY = "gaoku.lang";

/** The language chosen at start-up (changing it reloads the window). */
export const lang: Lang = (() => {
  try {
    return localStorage.getItem(KEY) === "en" ? "en" : "zh";
  } catch {
    return "zh";
  }
})();

/** The UI text for `zh` in the current language; `{name}` is replaced from `vars`. */
export function tr(zh: string, vars: Record<string, string | number> = {}): string {
  const s = lang === "en" ? (EN[zh] ?? zh) : zh;
  return s.replace(/\{(\w+)\}/g, (m: string, k: string) => (k in vars ? String(vars[k]) : m));
}

/** Switches the language and reloads the window so every screen is rebuilt in it. */
export function setLang(next: Lang): void {
  localStorage.setItem(KEY, next);
  location.reload();
}
