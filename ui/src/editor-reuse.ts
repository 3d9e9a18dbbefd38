// 查重 in the editor: the draft checked against the whole library on request. The stretches found
// in library speeches are marked in the text, one colour per source (hover names the source);
// the panel gives the reuse ratio, the sources by share with date and occasion, and the source's
// passage beside the report for a stretch clicked (Ctrl+click in the text, or a row).
import { type Extension, StateEffect, StateField } from "@codemirror/state";
import { Decoration, type DecorationSet, EditorView } from "@codemirror/view";
import { api, asAppError, type ReuseReport, type ReuseSpan } from "./api";
import { el, highlighted } from "./dom";
import { tr } from "./i18n";
import { utf16Offsets } from "./offsets";

/** Source colours (CSS classes reuse-0 … reuse-5; later sources share the last). */
const COLOURS = 6;

const setMarks = StateEffect.define<DecorationSet>();
const marks = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    value = value.map(tr.changes);
    for (const e of tr.effects) if (e.is(setMarks)) value = e.value;
    return value;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** The 查重 panel (`element`) and its extension for the editor `view()`. */
export function draftReuse(view: () => EditorView, openSource: (id: number, start: number, end: number) => void) {
  const element = el("section", { class: "check-panel reuse-panel", id: "reuse-panel", hidden: "" });
  const again = el("button", { type: "button", id: "reuse-run" }, tr("重新查重"));
  const clear = el("button", { type: "button" }, tr("清除标记"));
  const close = el("button", { type: "button", class: "close" }, tr("关闭"));
  const head = el("div", { class: "check-head" });
  head.append(el("h2", {}, tr("查重")), again, clear, close);
  const body = el("div", { class: "reuse-body", id: "reuse-body" });
  const passage = el("div", { class: "reuse-passage", id: "reuse-passage" });
  const columns = el("div", { class: "reuse-columns" });
  columns.append(body, passage);
  element.append(head, columns);

  let report: ReuseReport | null = null;
  const sourceIndex = (id: number) => Math.min(report?.sources.findIndex((s) => s.id === id) ?? 0, COLOURS - 1);

  /** Shows the source's passage of a stretch beside the report. */
  const showPassage = async (span: ReuseSpan) => {
    try {
      const s = await api.speech(span.source_id);
      const all = Array.from(s.paragraphs.join("\n"));
      const from = Math.max(0, span.source_start - 80);
      const to = Math.min(all.length, span.source_end + 80);
      const p = el("p", { class: "speech-text" });
      p.append(...highlighted(all.slice(from, to).join(""), [[span.source_start - from, span.source_end - from]]));
      const open = el("button", { type: "button", id: "reuse-open" }, tr("在阅读区打开"));
      open.addEventListener("click", () => openSource(span.source_id, span.source_start, span.source_end));
      passage.replaceChildren(
        el("h3", {}, `${s.title}${s.date ? `（${s.date}）` : ""}`),
        el("div", { class: "meta" }, span.kind === "exact" ? tr("原文照搬") : span.kind === "near" ? tr("稍有改动") : tr("常用表述")),
        p,
        open,
      );
    } catch (e) {
      passage.replaceChildren(el("p", { class: "error" }, asAppError(e).message));
    }
  };

  const render = (r: ReuseReport) => {
    const reused = r.sources.reduce((n, s) => n + s.chars, 0);
    const common = r.spans.filter((s) => s.kind === "common").length;
    const summary = el(
      "p",
      { class: "check-summary", id: "reuse-summary" },
      tr("重复率 {ratio}%：{total} 字中 {reused} 字见于素材库", {
        ratio: (r.ratio * 100).toFixed(1),
        total: r.total_chars,
        reused,
      }),
    );
    const parts: HTMLElement[] = [summary];
    if (r.sources.length) {
      const top = r.sources[0];
      parts.push(
        el("p", { class: "meta" }, tr("最大单一来源：{title}（{share}%）", {
          title: top.title,
          share: ((top.chars / Math.max(1, r.total_chars)) * 100).toFixed(1),
        })),
      );
      const ul = el("ul", { class: "check-list", id: "reuse-sources" });
      r.sources.forEach((s, i) => {
        const b = el("button", { type: "button", class: "finding", "data-id": String(s.id) });
        b.append(
          el("span", { class: `swatch reuse-${Math.min(i, COLOURS - 1)}` }, " "),
          el("span", { class: "message" }, `${s.title}`),
          el("span", { class: "where" }, [s.date, s.occasion].filter(Boolean).join(" · ")),
          el("span", { class: "where" }, tr("{n} 字", { n: s.chars })),
        );
        b.addEventListener("click", () => {
          const first = r.spans.find((x) => x.source_id === s.id && x.kind !== "common");
          if (first) void showPassage(first);
        });
        const li = el("li");
        li.append(b);
        ul.append(li);
      });
      parts.push(ul);
    } else {
      parts.push(el("p", { class: "hint" }, tr("素材库中没有找到重复的语句。")));
    }
    if (common) parts.push(el("p", { class: "meta" }, tr("另有常用表述 {n} 处，不计入重复（虚线标出）", { n: common })));
    parts.push(el("p", { class: "hint" }, tr("悬停标记处可见来源，Ctrl+点击查看原文。")));
    body.replaceChildren(...parts);
  };

  const run = async () => {
    const v = view();
    const text = v.state.doc.toString();
    body.replaceChildren(el("p", { class: "hint" }, tr("查重中…")));
    passage.replaceChildren();
    try {
      const r = await api.reuse(text);
      report = r;
      const at = utf16Offsets(text);
      const current = v.state.doc.toString() === text;
      if (current) {
        const ranges = r.spans
          .filter((s) => s.end > s.start)
          .map((s) => {
            const source = r.sources.find((x) => x.id === s.source_id);
            const cls = s.kind === "common" ? "reuse-common" : `reuse-mark reuse-${sourceIndex(s.source_id)}`;
            const title =
              s.kind === "common"
                ? tr("常用表述（多篇讲话都有）")
                : `${source?.title ?? ""}${source?.date ? `（${source.date}）` : ""} · ${s.kind === "exact" ? tr("原文照搬") : tr("稍有改动")}`;
            return Decoration.mark({ class: cls, attributes: { title, "data-source": String(s.source_id) } }).range(at(s.start), at(s.end));
          });
        v.dispatch({ effects: setMarks.of(Decoration.set(ranges, true)) });
      }
      render(r);
    } catch (e) {
      body.replaceChildren(el("p", { class: "error" }, asAppError(e).message));
    }
  };

  again.addEventListener("click", () => void run());
  clear.addEventListener("click", () => view().dispatch({ effects: setMarks.of(Decoration.none) }));
  close.addEventListener("click", () => {
    element.hidden = true;
  });

  const extension: Extension = [
    marks,
    EditorView.domEventHandlers({
      mousedown(e, v) {
        if (!(e.ctrlKey || e.metaKey) || !report) return false;
        const pos = v.posAtCoords({ x: e.clientX, y: e.clientY });
        if (pos === null) return false;
        const at = utf16Offsets(v.state.doc.toString());
        const span = report.spans.find((s) => at(s.start) <= pos && pos <= at(s.end));
        if (!span) return false;
        element.hidden = false;
        void showPassage(span);
        return true;
      },
    }),
  ];
  return {
    element,
    extension,
    /** Opens the panel and checks the draft as it is now. */
    run: () => {
      element.hidden = false;
      void run();
    },
    /** A new draft was loaded: nothing marked. */
    reset: () => {
      report = null;
      element.hidden = true;
      body.replaceChildren();
      passage.replaceChildren();
    },
  };
}
