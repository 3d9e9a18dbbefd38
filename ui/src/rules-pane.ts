// The 规则 pane: the built-in checks and the 提法 rules in force, each with an on/off switch;
// the writer's own rules added here; packs imported and exported as TOML files to share with
// the office (单位) or keep (个人).
import { open, save } from "@tauri-apps/plugin-dialog";
import { api, asAppError, type Layer, type RulesView, type TermRule } from "./api";
import { rulesChanged } from "./check-list";
import { confirmClick, el } from "./dom";
import { tr } from "./i18n";
import type { Pane } from "./pane";

const LAYER_NAMES: Record<Layer, string> = { builtin: "内置", unit: "单位", personal: "个人" };

function layerSelect(id: string, withBuiltin: boolean): HTMLSelectElement {
  const s = el("select", { id, "aria-label": tr("规则包") });
  for (const l of (withBuiltin ? ["personal", "unit", "builtin"] : ["personal", "unit"]) as Layer[]) {
    s.append(el("option", { value: l }, tr(LAYER_NAMES[l])));
  }
  return s;
}

function toggle(id: string, enabled: boolean, status: HTMLElement, redraw: (v: RulesView) => void) {
  const box = el("input", { type: "checkbox", "data-rule": id, "aria-label": tr("启用 {id}", { id }) });
  box.checked = enabled;
  box.addEventListener("change", async () => {
    try {
      redraw(await api.enableRule(id, box.checked));
      rulesChanged();
      status.textContent = box.checked ? tr("已启用 {id}", { id }) : tr("已停用 {id}", { id });
    } catch (e) {
      status.textContent = asAppError(e).message;
    }
  });
  return box;
}

/** The form that adds a rule to the unit or personal pack. */
function addForm(status: HTMLElement, redraw: (v: RulesView) => void): HTMLElement {
  const details = el("details", { id: "rule-add" });
  details.append(el("summary", {}, tr("新增提法规则")));
  const form = el("form", { class: "rule-form" });
  const layer = layerSelect("rule-add-layer", false);
  const field = (name: string, label: string, placeholder = "") => {
    const input = el("input", { type: "text", name, placeholder, "aria-label": tr(label) });
    const l = el("label", {}, tr(label));
    l.append(input);
    form.append(l);
    return input;
  };
  form.append(layer);
  const id = field("id", "编号", "my-rule");
  const pattern = field("pattern", "查找（正则）", "决胜全面建成小康社会");
  const reason = field("reason", "原因");
  const suggest = field("suggest", "建议写法");
  const basis = field("basis", "依据");
  const from = field("valid_from", "起用日期", "2021-01-01");
  const until = field("valid_until", "停用日期", "2025-12-31");
  const exceptions = field("exceptions", "例外语境（用、分隔）", "以来、期间");
  form.append(el("button", { type: "submit" }, tr("保存规则")));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const opt = (s: string) => (s.trim() ? s.trim() : undefined);
    const rule: TermRule = {
      id: id.value.trim(),
      pattern: pattern.value,
      reason: reason.value.trim(),
      suggest: opt(suggest.value),
      basis: basis.value.trim(),
      valid_from: opt(from.value),
      valid_until: opt(until.value),
      exceptions: exceptions.value.split(/[、,，]/).map((x) => x.trim()).filter(Boolean),
    };
    try {
      redraw(await api.saveTermRule(layer.value as Layer, rule));
      status.textContent = tr("已保存规则 {id}", { id: rule.id });
      form.reset();
    } catch (e) {
      status.textContent = asAppError(e).message;
    }
  });
  details.append(form);
  return details;
}

export function rulesPane(): Pane {
  const element = el("div", { id: "rules-pane", class: "bank-pane" });
  const status = el("div", { class: "search-status", id: "rules-status" });
  const lists = el("div", { id: "rules-lists" });

  const importLayer = layerSelect("rules-import-layer", false);
  const importButton = el("button", { type: "button", id: "rules-import" }, tr("导入规则包"));
  const exportLayer = layerSelect("rules-export-layer", true);
  const exportButton = el("button", { type: "button", id: "rules-export" }, tr("导出规则包"));
  const packs = el("div", { class: "bank-filters" });
  packs.append(importLayer, importButton, exportLayer, exportButton);

  const redraw = (v: RulesView) => {
    const checks = el("ul", { class: "bank-list rule-list", id: "check-rules" });
    for (const c of v.checks) {
      const li = el("li", { title: c.explanation });
      li.append(toggle(c.id, c.enabled, status, redraw), el("strong", {}, c.title), el("span", { class: "meta" }, ` ${c.id}`));
      checks.append(li);
    }
    const terms = el("ul", { class: "bank-list rule-list", id: "term-rules" });
    for (const t of v.terms) {
      const r = t.rule;
      const li = el("li", { "data-id": r.id, title: `${tr("依据：")}${r.basis}` });
      const dates = `${r.valid_from ?? ""}—${r.valid_until ?? ""}`;
      li.append(
        toggle(r.id, t.enabled, status, redraw),
        el("span", { class: "rule-reason" }, r.reason),
        el("div", { class: "meta" }, `${tr(LAYER_NAMES[t.layer])} · ${dates} · ${r.id}`),
      );
      if (t.layer !== "builtin") {
        const del = el("button", { type: "button", class: "delete" }, tr("删除"));
        confirmClick(del, async () => {
          try {
            redraw(await api.deleteTermRule(t.layer, r.id));
          } catch (e) {
            status.textContent = asAppError(e).message;
          }
        });
        li.append(del);
      }
      terms.append(li);
    }
    const counts = v.packs.map((p) => `${tr(LAYER_NAMES[p.layer])} ${p.rules}`).join(" · ");
    lists.replaceChildren(
      el("h3", {}, tr("检查项")),
      checks,
      el("h3", {}, tr("提法规则（{counts}）", { counts })),
      terms,
    );
  };

  const load = async () => {
    try {
      redraw(await api.rules());
    } catch (e) {
      status.textContent = asAppError(e).message;
    }
  };

  importButton.addEventListener("click", async () => {
    const path = await open({ multiple: false, filters: [{ name: tr("提法规则包"), extensions: ["toml"] }] });
    if (typeof path !== "string") return;
    try {
      const r = await api.importRules(importLayer.value as Layer, path);
      status.textContent = tr("已导入：新增 {a}，替换 {r}，停用 {d}", { a: r.added, r: r.replaced, d: r.disabled });
      rulesChanged();
      await load();
    } catch (e) {
      status.textContent = asAppError(e).message;
    }
  });
  exportButton.addEventListener("click", async () => {
    const layer = exportLayer.value as Layer;
    const path = await save({
      defaultPath: `${tr("提法规则")}-${tr(LAYER_NAMES[layer])}.toml`,
      filters: [{ name: tr("提法规则包"), extensions: ["toml"] }],
    });
    if (!path) return;
    try {
      await api.exportRules(layer, path);
      status.textContent = tr("已导出到 {path}", { path });
    } catch (e) {
      status.textContent = asAppError(e).message;
    }
  });

  element.append(packs, status, addForm(status, redraw), lists);
  return { tab: "tab-rules", name: tr("规则"), element, shown: () => void load() };
}
