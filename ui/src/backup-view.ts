// The 备份 view (File → 备份…): the library's regular backup — the folder, how many are kept, a
// backup now — and the backups kept there, newest first.
import { open } from "@tauri-apps/plugin-dialog";
import { api, asAppError, type BackupInfo, type BackupPlan } from "./api";
import { confirmClick, el } from "./dom";
import { tr } from "./i18n";
import { showPage, ui, writer } from "./workspace";

/** `…/gaoku-backup-20261130-091200042` → `2026-11-30 09:12` (UTC, as the folder is named). */
export function backupTime(path: string): string {
  const m = /gaoku-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})/.exec(path);
  return m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}` : path;
}

export async function showBackup(): Promise<void> {
  showPage();
  const dir = el("code", { id: "backup-dir" }, "");
  const choose = el("button", { type: "button", id: "backup-choose" }, tr("选择文件夹…"));
  const off = el("button", { type: "button", id: "backup-off" }, tr("停用定期备份"));
  const keep = el("input", { type: "number", id: "backup-keep", min: "1", max: "365", "aria-label": tr("保留份数") });
  const now = el("button", { type: "button", id: "backup-now" }, tr("立即备份"));
  const status = el("span", { id: "backup-status", class: "meta", role: "status" });
  const list = el("ul", { id: "backup-list", class: "bank-list" });
  // The plan as last read or set: the keep field saves against its folder.
  let current: BackupPlan | null = null;
  const show = (plan: BackupPlan) => {
    current = plan;
    dir.textContent = plan.dir ?? tr("未设置");
    keep.value = String(plan.keep);
    now.disabled = plan.dir === null;
    off.hidden = plan.dir === null;
  };
  const reload = async () => {
    const kept: BackupInfo[] = await api.backups();
    list.replaceChildren(
      ...kept.map((b) => {
        const li = el("li", { "data-path": b.path });
        li.append(document.createTextNode(`${backupTime(b.path)} · ${tr("{n} 篇", { n: b.speeches })} · ${(b.bytes / 1e6).toFixed(1)} MB `));
        // Two clicks: the first asks 确认恢复？
        const restore = el("button", { type: "button", class: "backup-restore" }, tr("恢复"));
        const run = async () => {
          status.textContent = tr("正在恢复…");
          try {
            await writer.flush();
            const r = await api.restoreLibrary(b.path);
            status.textContent = tr("已恢复：{n} 篇讲话稿；恢复前的素材库保存在 {previous}", { n: r.speeches, previous: r.previous ?? "—" });
            // Everything shown came from the library as it was: start the page afresh.
            window.setTimeout(() => window.location.reload(), 1500);
          } catch (e) {
            status.textContent = asAppError(e).message;
          }
        };
        confirmClick(restore, run, undefined, tr("确认恢复？"));
        li.append(restore);
        return li;
      }),
    );
  };
  const save = async (folder: string | null) => {
    try {
      show(await api.setBackupPlan(folder, Number(keep.value) || 7));
      await reload();
    } catch (e) {
      status.textContent = asAppError(e).message;
    }
  };
  choose.addEventListener("click", async () => {
    const chosen = await open({ directory: true, multiple: false });
    if (typeof chosen === "string") await save(chosen);
  });
  off.addEventListener("click", () => void save(null));
  keep.addEventListener("change", () => void save(current?.dir ?? null));
  now.addEventListener("click", async () => {
    now.disabled = true;
    status.textContent = tr("正在备份…");
    try {
      const b = await api.backupNow();
      status.textContent = tr("已备份 {n} 篇讲话稿", { n: b.speeches });
      await reload();
    } catch (e) {
      status.textContent = asAppError(e).message;
    } finally {
      now.disabled = false;
    }
  });
  const row = (...parts: Node[]) => {
    const p = el("p", { class: "backup-row" });
    p.append(...parts);
    return p;
  };
  ui.reader.replaceChildren(
    el("h1", {}, tr("备份")),
    el("p", { class: "meta" }, tr("稿库每天把素材库（讲话稿、草稿及其历史版本、句式、模板、规则）备份一次到选定的文件夹，在应用运行时进行，不影响写作。")),
    row(document.createTextNode(tr("备份文件夹：")), dir, choose, off),
    row(document.createTextNode(tr("保留最近")), keep, document.createTextNode(tr("份")), now, status),
    el("h2", {}, tr("已有的备份")),
    list,
    el("p", { class: "meta" }, tr("恢复会用所选备份替换当前素材库；恢复前的素材库另存在素材库文件夹中（before-restore-…），不会丢失。每个备份文件夹也可以用 gaoku --library 备份文件夹 直接打开查看。")),
  );
  try {
    show(await api.backupPlan());
    await reload();
  } catch (e) {
    status.textContent = asAppError(e).message;
  }
}
