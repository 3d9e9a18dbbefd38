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

/** `{name}` in `s` replaced from `vars`; unknown names stay as they are. */
export function fill(s: string, vars: Record<string, unknown>): string {
  return s.replace(/\{(\w+)\}/g, (m: string, k: string) => (vars[k] === undefined || vars[k] === null ? m : String(vars[k])));
}

/** The UI text for `zh` in the current language; `{name}` is replaced from `vars`. */
export function tr(zh: string, vars: Record<string, string | number> = {}): string {
  return fill(lang === "en" ? (EN[zh] ?? zh) : zh, vars);
}

/** Switches the language and reloads the window so every screen is rebuilt in it. */
export function setLang(next: Lang): void {
  localStorage.setItem(KEY, next);
  location.reload();
}
