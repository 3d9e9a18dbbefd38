// The live preview beside the editor: the draft rendered (and sanitized) by the core, patched
// block by block as the writer types, and scrolled to follow the editor.
import type { Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { committedDoc } from "./autosave";
import { api, asAppError } from "./api";
import { el, later } from "./dom";
import { patchPreview, resetPreview } from "./preview";

const PREVIEW_MS = 60;

/** A preview in `preview` of the editor `view()`: the extension, `reset` and `render`. */
export function livePreview(preview: HTMLElement, view: () => EditorView) {
  const render = later(async () => {
    try {
      const start = performance.now();
      // Sanitized in the core (ammonia): raw HTML in a draft arrives as text.
      // The committed text: pinyin being composed is not shown as if it were written.
      patchPreview(preview, await api.preview(committedDoc(view())));
      // Request to patched DOM, readable by tests/e2e/measure.mjs.
      performance.measure("gaoku-preview", { start, end: performance.now() });
    } catch (e) {
      resetPreview(preview);
      preview.append(el("p", { class: "error" }, asAppError(e).message));
    }
  }, PREVIEW_MS);

  let syncing = false;
  /** Scrolls the preview to the block of the editor's top line (once per frame). */
  const sync = () => {
    if (syncing) return;
    syncing = true;
    requestAnimationFrame(() => {
      syncing = false;
      const v = view();
      const top = v.lineBlockAtHeight(v.scrollDOM.scrollTop);
      const line = v.state.doc.lineAt(top.from).number - 1;
      let target: HTMLElement | null = null;
      for (const b of preview.querySelectorAll<HTMLElement>("[data-line]")) {
        if (Number(b.dataset.line) > line) break;
        target = b;
      }
      // The preview is positioned, so a block's offsetTop is measured from its top.
      preview.scrollTop = target ? target.offsetTop : 0;
    });
  };

  const extension: Extension = EditorView.updateListener.of((u) => {
    if (u.docChanged) render.run();
  });
  return {
    extension,
    /** Follows the editor's scrolling (the scroller survives `setState`: call once). */
    attach: (v: EditorView) => v.scrollDOM.addEventListener("scroll", sync),
    /** A new draft: clears the preview and renders it afresh. */
    reset: () => {
      resetPreview(preview);
      render.run();
    },
  };
}
