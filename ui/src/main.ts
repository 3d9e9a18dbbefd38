// The Gaoku window: library list and search on the left, the speech in the middle, its outline on
// the right. This file lays the window out and wires tabs, search-as-you-type, shortcuts and the
// menu; the parts are workspace.ts (shared elements), reader.ts, and the sidebar panes (pane.ts:
// library-list.ts, bank.ts, drafts.ts), with search-pane.ts showing hits in the library pane.
// Imported text is untrusted: it only ever goes into textContent (see dom.ts).
import "./style.css";
import { installActions } from "./actions";
import { api } from "./api";
import { el, later } from "./dom";
import { setupImport } from "./importer";
import { phrasePane, templatePane } from "./bank";
import { installQuickSwitch } from "./quickswitch";
import { lang, setLang, tr } from "./i18n";
import { drafts, notify, palette, ui, writer } from "./workspace";
import { showBackup } from "./backup-view";
import { showBundle } from "./bundle-view";
import { openFile } from "./opened";
import { openSpeech, showTemplate } from "./reader";
import { libraryPane, libraryRows, refreshLibrary } from "./library-list";
import type { Pane } from "./pane";
import { rulesPane } from "./rules-pane";
import { runSearch } from "./search-pane";

/** Pause after typing in the year boxes before their search runs. */
const SEARCH_DELAY_MS = 150;

async function main() {
  document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  const app = document.getElementById("app")!;
  const header = el("header");
  const actions = el("span", { class: "actions" });
  // 中文 by default; English for colleagues who read it more easily. Switching reloads the window.
  const langButton = el("button", { type: "button", id: "lang-toggle", class: "lang" }, lang === "en" ? "中文" : "English");
  langButton.addEventListener("click", async () => {
    if (!(await writer.flush())) return;
    setLang(lang === "en" ? "zh" : "en");
  });
  header.append(el("strong", {}, tr("稿库")), el("span", { class: "sub" }, tr("素材库")), actions, ui.notice, ui.status, langButton);
  const importPanel = setupImport(actions, () => void refreshLibrary());
  const side = el("nav", { class: "side" });
  const hooks = {
    openAt: (speech: number, start: number, end: number) => void openSpeech(speech, [{ start, end }]),
    showTemplate,
  };
  const panes: Pane[] = [libraryPane(), phrasePane(hooks), templatePane(hooks), drafts, rulesPane()];
  const tabs = el("div", { class: "tabs", role: "tablist" });
  for (const pane of panes) {
    const tab = el("button", { type: "button", id: pane.tab, role: "tab" }, pane.name);
    tab.addEventListener("click", () => {
      for (const other of panes) {
        other.element.hidden = other !== pane;
        document.getElementById(other.tab)?.classList.toggle("active", other === pane);
      }
      pane.shown();
    });
    tabs.append(tab);
    pane.element.hidden = pane !== panes[0];
  }
  tabs.firstElementChild?.classList.add("active");
  side.append(tabs, ...panes.map((pane) => pane.element));
  const main = el("div", { class: "panes" });
  ui.reader.append(el("p", { class: "hint" }, tr("在左侧选择一篇讲话稿。")));
  writer.element.hidden = true;
  main.append(side, ui.reader, writer.element, ui.outline);
  const quick = installQuickSwitch(
    () => libraryRows,
    (id) => void openSpeech(id),
  );
  app.append(header, main, importPanel, quick, palette.element);
  const showDrafts = () => document.getElementById("tab-drafts")?.click();

  // Results as you type: a search runs at once; keystrokes during it coalesce into one more.
  let running = false;
  let again = false;
  const searchNow = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await runSearch();
    } finally {
      running = false;
      if (again) {
        again = false;
        void searchNow();
      }
    }
  };
  const searchSoon = later(() => void searchNow(), SEARCH_DELAY_MS).run;
  for (const input of [ui.search, ui.speaker, ui.tag]) {
    // Mid-composition text (pinyin) is not what the writer means: search when the IME commits.
    input.addEventListener("input", (ev) => !(ev as InputEvent).isComposing && void searchNow());
    input.addEventListener("compositionend", () => void searchNow());
  }
  for (const input of [ui.yearFrom, ui.yearTo]) input.addEventListener("input", searchSoon);
  for (const select of [ui.kind, ui.sort]) select.addEventListener("change", () => void searchNow());
  // Shortcuts and the menu bar read one table: an action behaves the same from either.
  const click = (id: string) => document.getElementById(id)?.click();
  const draftOpen = () => writer.current() !== null;
  const commands = installActions([
    { id: "import-files", run: () => click("import-files") },
    { id: "import-folder", run: () => click("import-folder") },
    {
      id: "new-draft",
      keys: { key: "n" },
      run: () => {
        showDrafts();
        void drafts.create(null);
      },
    },
    { id: "save-draft", keys: { key: "s" }, when: draftOpen, run: () => void writer.save() },
    { id: "insert-phrase", keys: { key: "k" }, when: draftOpen, run: () => palette.open() },
    {
      id: "search",
      keys: { key: "f", shift: true },
      run: () => {
        click("tab-library");
        ui.search.focus();
        ui.search.select();
      },
    },
    { id: "quick-switch", run: () => quick.dispatchEvent(new Event("gaoku-open")) },
    { id: "tab-library", run: () => click("tab-library") },
    { id: "tab-phrases", run: () => click("tab-phrases") },
    { id: "tab-templates", run: () => click("tab-templates") },
    { id: "tab-drafts", run: () => click("tab-drafts") },
    { id: "backup", run: () => void showBackup() },
    { id: "bundle", run: () => showBundle() },
    { id: "language", run: () => langButton.click() },
  ]);
  void api.onMenu((id) => commands.run(id));
  if (lang === "en") void api.menuLanguage(true);
  // A draft is never lost: the last edits are saved before the window closes.
  // When that save fails (disk full, library locked) the window stays open unless the writer
  // chooses to close anyway: the text is still in the editor to copy out.
  void api.beforeClose(
    async () => (await writer.flush()) || window.confirm(tr("草稿的最新修改未能保存。仍要关闭吗？未保存的文字将丢失。")),
  );
  // Launched again on this library: this window is the one (a second would write the same files).
  void api.onSecondLaunch((file) => {
    if (file) void openFile(file);
    else notify(tr("稿库已在运行：素材库在这个窗口中"));
  });
  void api.onBackupDone((b) => notify(tr("已自动备份 {n} 篇讲话稿", { n: b.speeches })));
  // Stopped by the system (logout, kill): save what is being written, then end.
  void api.onTerminating(() => writer.flush());
  await refreshLibrary();
  // Launched to open a file (a double-click on a draft or a 素材包): open it; else the first
  // speech of the list. (Not both: the speech, read a moment later, would cover the file's page.)
  const opened = await api.openedFile().catch(() => null);
  if (opened) await openFile(opened);
  else ui.list.querySelector<HTMLElement>("li")?.click();
}

void main();
