// Ctrl+K: the phrase palette. Type to filter the phrase bank, Enter inserts the phrase at the cursor.
import { api, asAppError, type Phrase } from "./api";
import { el } from "./dom";
import { KIND_NAMES } from "./bank";
import { tr } from "./i18n";
import { latest, STALE } from "./latest";

export function createPalette(insert: (text: string) => void) {
  const overlay = el("div", { class: "quick-switch palette", id: "palette", hidden: "" });
  const input = el("input", { id: "palette-input", type: "search", placeholder: tr("插入句式：输入以筛选，回车插入"), "aria-label": tr("插入句式") });
  const list = el("ul", { id: "palette-list" });
  overlay.append(input, list);
  let rows: Phrase[] = [];
  let selected = 0;
  const newest = latest();

  const paint = () => {
    list.replaceChildren(
      ...rows.map((p, i) => {
        const li = el("li", { class: i === selected ? "selected" : "", "data-id": String(p.id) });
        li.append(el("span", {}, p.text), el("span", { class: "meta" }, ` ${KIND_NAMES[p.kind]}${p.starred ? " ★" : ""}`));
        li.addEventListener("mousedown", (ev) => {
          ev.preventDefault();
          choose(i);
        });
        return li;
      }),
    );
    list.querySelector("li.selected")?.scrollIntoView({ block: "nearest" });
  };
  const load = async () => {
    try {
      const found = await newest(api.phrases({ contains: input.value.trim() || null, limit: 60 }));
      if (found === STALE) return;
      // Starred entries first, then the most used.
      rows = found.sort((a, b) => Number(b.starred) - Number(a.starred) || b.count - a.count);
      selected = 0;
      paint();
    } catch (e) {
      list.replaceChildren(el("li", { class: "error" }, asAppError(e).message));
    }
  };
  const close = () => {
    overlay.hidden = true;
  };
  const choose = (i: number) => {
    const p = rows[i];
    close();
    if (p) insert(p.text);
  };
  // Mid-composition text (pinyin shown inline) is not what the writer filters by: load when the
  // input method commits.
  input.addEventListener("input", (ev) => !(ev as InputEvent).isComposing && void load());
  input.addEventListener("compositionend", () => void load());
  input.addEventListener("keydown", (ev) => {
    if (ev.isComposing || ev.keyCode === 229) return; // the IME owns these keys
    if (ev.key === "Escape") close();
    else if (ev.key === "ArrowDown") selected = Math.min(selected + 1, rows.length - 1);
    else if (ev.key === "ArrowUp") selected = Math.max(selected - 1, 0);
    else if (ev.key === "Enter") return choose(selected);
    else return;
    ev.preventDefault();
    paint();
  });
  input.addEventListener("blur", () => close());
  return {
    element: overlay,
    open: () => {
      overlay.hidden = false;
      input.value = "";
      void load();
      input.focus();
    },
  };
}
