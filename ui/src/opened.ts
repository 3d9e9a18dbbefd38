// Files the app is asked to open — on its command line, by a double-click in the file manager
// (the desktop entry passes the file), or handed over by a second launch: a .gaoku 素材包 opens
// the 素材包 view ready to import it; anything else becomes a new draft, opened in the editor.
import { api, asAppError } from "./api";
import { showBundle } from "./bundle-view";
import { tr } from "./i18n";
import { drafts, notify, openDraft } from "./workspace";

/** Whether a path names a 素材包. */
export function isBundle(path: string): boolean {
  return /\.gaoku$/i.test(path);
}

export async function openFile(path: string): Promise<void> {
  if (isBundle(path)) {
    showBundle(path);
    return;
  }
  try {
    const d = await api.draftFromFile(path);
    document.getElementById("tab-drafts")?.click();
    await drafts.refresh();
    await openDraft(d.id);
    notify(tr("已把 {path} 打开为新草稿", { path }));
  } catch (e) {
    notify(asAppError(e).message);
  }
}
