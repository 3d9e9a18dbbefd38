// The revision history of a draft: its snapshots, newest first, each with the difference to the
// draft as it is now (by sentence, then by character, long unchanged stretches folded) and one
// click to restore it.
import { api, type Draft, type RevisionReason } from "./api";
import { localTime } from "./format";
import { el } from "./dom";
import { tr } from "./i18n";

const REASONS: Record<RevisionReason, string> = {
  created: tr("新建"),
  manual: tr("手动保存"),
  timed: tr("定时快照"),
  "before-paste": tr("大段粘贴前"),
  "before-restore": tr("恢复前"),
  "before-insert": tr("插入模板前"),
  restored: tr("恢复后"),
};

export interface HistoryHooks {
  /** Saves unsaved edits first; false when that failed (nothing is restored then). */
  flush: () => Promise<boolean>;
  /** A revision was restored: the draft as it is now. */
  restored: (d: Draft) => void;
}

/** The history panel (`element`, hidden until `show(id)`). */
export function historyPanel(hooks: HistoryHooks) {
  const panel = el("div", { class: "history-panel", id: "history-panel", hidden: "" });
  const show = async (id: number) => {
    panel.replaceChildren(el("p", { class: "hint" }, tr("载入中…")));
    panel.hidden = false;
    await hooks.flush();
    const revs = await api.revisions(id);
    const list = el("ul", { class: "revision-list", id: "revision-list" });
    const diff = el("div", { class: "diff", id: "revision-diff" }, tr("选择一个版本，查看它与当前稿的差异。"));
    const close = el("button", { type: "button", class: "close" }, tr("关闭"));
    close.addEventListener("click", () => (panel.hidden = true));
    for (const r of revs) {
      const li = el("li", { tabindex: "0", "data-rev": String(r.id) });
      li.append(
        el("div", {}, localTime(r.created, true)),
        el("div", { class: "meta" }, tr("{reason} · {n} 字", { reason: REASONS[r.reason], n: r.chars })),
      );
      li.addEventListener("click", async () => {
        list.querySelectorAll("li.active").forEach((n) => n.classList.remove("active"));
        li.classList.add("active");
        const parts = await api.diff(id, r.id);
        const restore = el("button", { type: "button", id: "revision-restore" }, tr("恢复此版本"));
        restore.addEventListener("click", async () => {
          if (!(await hooks.flush())) return;
          hooks.restored(await api.restore(id, r.id));
          panel.hidden = true;
        });
        // The same two texts side by side, paragraph by paragraph (对比).
        const sideBySide = el("button", { type: "button", id: "revision-compare" }, tr("逐段对比"));
        sideBySide.addEventListener("click", () => {
          panel.hidden = true;
          void import("./compare-view").then((c) =>
            c.showCompare({ kind: "revision", draft: id, rev: r.id }, { kind: "draft", id }),
          );
        });
        const text = el("div", { class: "diff-text" });
        parts.forEach((p, i) => {
          if (p.op !== "same") {
            text.append(el(p.op === "added" ? "ins" : "del", {}, p.text));
            return;
          }
          // Long unchanged stretches are folded to their ends, so the changes stand out.
          const chars = Array.from(p.text);
          const keep = 40;
          const head = i === 0 ? 0 : keep;
          const tail = i === parts.length - 1 ? 0 : keep;
          if (chars.length <= head + tail + 20) {
            text.append(document.createTextNode(p.text));
            return;
          }
          const folded = chars.length - head - tail;
          text.append(
            document.createTextNode(chars.slice(0, head).join("")),
            el("span", { class: "elided" }, tr("……（{n} 字未改动）……", { n: folded })),
            document.createTextNode(chars.slice(chars.length - tail).join("")),
          );
        });
        const changed = parts.some((p) => p.op !== "same");
        diff.replaceChildren(
          el("p", { class: "meta" }, changed ? tr("删除线为此版本有、当前稿没有的文字；下划线为当前稿新增。") : tr("与当前稿相同。")),
          restore,
          sideBySide,
          text,
        );
      });
      list.append(li);
    }
    const head = el("div", { class: "history-head" });
    head.append(el("h2", {}, tr("历史版本")), close);
    const cols = el("div", { class: "history-cols" });
    cols.append(list, diff);
    panel.replaceChildren(head, cols);
    panel.hidden = false;
  };
  return { element: panel, show, hide: () => (panel.hidden = true) };
}
