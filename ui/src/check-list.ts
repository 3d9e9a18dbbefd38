// The 检查 panel's list: findings grouped by kind (结构, 写作, 提法) with counts, each a button
// that jumps to the text. The writer's panel (editor-checks.ts) and the reader share it.
import { api, type CheckReport, type Finding, type RuleKind } from "./api";
import { el } from "./dom";
import { tr } from "./i18n";

const KIND_NAMES: Record<RuleKind, string> = { structure: "结构", writing: "写作", term: "提法" };
const SEVERITY_NAMES = { error: "错误", warning: "警告", hint: "提示" } as const;
const DATE_SOURCES = { given: "指定日期", text: "稿中日期", metadata: "讲话日期", today: "今天" } as const;

let kinds: Promise<Map<string, RuleKind>> | null = null;

/** The kind of each rule id, from the core's list (asked once). */
function ruleKinds(): Promise<Map<string, RuleKind>> {
  kinds ??= api
    .rules()
    .then((v) => new Map(v.checks.map((c) => [c.id, c.kind] as const)))
    .catch(() => {
      kinds = null;
      return new Map();
    });
  return kinds;
}

/** The rule list changed (a rule was turned off): ask again next time. */
export function rulesChanged() {
  kinds = null;
}

/** Renders `report` into `host`: a summary line, then the findings by kind; `jump` on click. */
export async function renderFindings(
  host: HTMLElement,
  report: CheckReport,
  jump: (f: Finding) => void,
): Promise<void> {
  const byKind = await ruleKinds();
  const count = (s: Finding["severity"]) => report.findings.filter((f) => f.severity === s).length;
  const summary = el(
    "p",
    { class: "check-summary" },
    tr("按 {date}（{source}）检查：{e} 个错误，{w} 个警告，{h} 个提示", {
      date: report.date,
      source: tr(DATE_SOURCES[report.date_source]),
      e: count("error"),
      w: count("warning"),
      h: count("hint"),
    }),
  );
  const groups: HTMLElement[] = [];
  for (const kind of ["structure", "writing", "term"] as RuleKind[]) {
    const list = report.findings.filter((f) => (byKind.get(f.rule) ?? "writing") === kind);
    if (!list.length) continue;
    const ul = el("ul", { class: "check-list" });
    for (const f of list) {
      const b = el("button", { type: "button", class: `finding ${f.severity}`, "data-rule": f.rule, title: f.basis ?? "" });
      b.append(
        el("span", { class: "where" }, tr("第 {line} 行", { line: f.line })),
        el("span", { class: "severity" }, tr(SEVERITY_NAMES[f.severity])),
        el("span", { class: "message" }, f.message),
      );
      b.addEventListener("click", () => jump(f));
      const li = el("li");
      li.append(b);
      ul.append(li);
    }
    groups.push(
      el("h3", { "data-kind": kind }, `${tr(KIND_NAMES[kind])} ${list.length}`),
      ul,
    );
  }
  if (!report.findings.length) groups.push(el("p", { class: "hint" }, tr("没有发现问题。")));
  host.replaceChildren(summary, ...groups);
}
