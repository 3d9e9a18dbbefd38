// Draft checks in the editor: the core's findings as CodeMirror diagnostics (underline, gutter
// mark, hover with the explanation and the quick fix), following the typing after a pause, and
// the 检查 panel: the date the 提法 are judged by, the findings by kind, "fix all punctuation".
import type { Extension } from "@codemirror/state";
import { EditorSelection } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { type Diagnostic, forceLinting, lintGutter, linter } from "@codemirror/lint";
import { api, asAppError, type CheckReport, type Finding } from "./api";
import { renderFindings } from "./check-list";
import { el } from "./dom";
import { tr } from "./i18n";
import { utf16Offsets } from "./offsets";

/** Checks run this long after the last keystroke. */
const CHECK_MS = 500;

function diagnostic(f: Finding, at: (n: number) => number): Diagnostic {
  const fix = f.fix;
  return {
    from: at(f.start),
    to: at(f.end),
    severity: f.severity,
    source: f.rule,
    message: f.basis ? `${f.message}\n${tr("依据：")}${f.basis}` : f.message,
    actions: fix
      ? [
          {
            name: tr("改为“{text}”", { text: fix.replacement }),
            apply: (view, from, to) => view.dispatch({ changes: { from, to, insert: fix.replacement } }),
          },
        ]
      : [],
  };
}

/** The 检查 panel (`element`) and the lint extension of the editor `view()`. */
export function draftChecks(view: () => EditorView) {
  const element = el("section", { class: "check-panel", id: "check-panel", hidden: "" });
  const date = el("input", { type: "date", id: "check-date", "aria-label": tr("按此日期核对提法") });
  const fixAll = el("button", { type: "button", id: "check-fix-all" }, tr("修正全部标点"));
  const close = el("button", { type: "button", class: "close" }, tr("关闭"));
  const body = el("div", { class: "check-body", id: "check-body" });
  const dateLabel = el("label", {}, tr("提法核对日期 "));
  dateLabel.append(date);
  const head = el("div", { class: "check-head" });
  head.append(el("h2", {}, tr("检查")), dateLabel, fixAll, close);
  element.append(head, body);

  let last: { text: string; report: CheckReport } | null = null;

  const run = async (text: string): Promise<CheckReport> => {
    const report = await api.checkMarkdown(text, date.value || null);
    last = { text, report };
    if (!element.hidden) void show(report);
    return report;
  };

  const jump = (f: Finding) => {
    const v = view();
    const at = utf16Offsets(v.state.doc.toString());
    v.dispatch({
      selection: EditorSelection.range(at(f.start), at(f.end)),
      effects: EditorView.scrollIntoView(at(f.start), { y: "center" }),
    });
    v.focus();
  };

  const show = (report: CheckReport) => renderFindings(body, report, jump);

  const source = async (v: EditorView): Promise<readonly Diagnostic[]> => {
    const text = v.state.doc.toString();
    try {
      const report = await run(text);
      const at = utf16Offsets(text);
      return report.findings.map((f) => diagnostic(f, at));
    } catch (e) {
      body.replaceChildren(el("p", { class: "error" }, asAppError(e).message));
      return [];
    }
  };

  /** Applies every safe fix (punctuation) of a fresh check in one change. */
  const fixSafe = async () => {
    const v = view();
    const text = v.state.doc.toString();
    const report = last?.text === text ? last.report : await run(text);
    if (v.state.doc.toString() !== text) return;
    const at = utf16Offsets(text);
    const changes = report.findings
      .filter((f) => f.fix?.safe)
      .map((f) => ({ from: at(f.fix!.start), to: at(f.fix!.end), insert: f.fix!.replacement }));
    if (changes.length) v.dispatch({ changes });
    forceLinting(v);
  };

  fixAll.addEventListener("click", () => void fixSafe());
  date.addEventListener("change", () => forceLinting(view()));
  close.addEventListener("click", () => {
    element.hidden = true;
  });

  const extension: Extension = [linter(source, { delay: CHECK_MS }), lintGutter()];
  return {
    element,
    extension,
    /** Shows or hides the panel; shown, it checks the draft now. */
    toggle: () => {
      element.hidden = !element.hidden;
      if (!element.hidden) {
        if (last && last.text === view().state.doc.toString()) void show(last.report);
        forceLinting(view());
      }
    },
    /** A new draft was loaded: its own date line (or today) until the writer picks one. */
    reset: () => {
      date.value = "";
      last = null;
    },
  };
}
