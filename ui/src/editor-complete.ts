// 联想: as the writer types, entries of the phrase bank that continue the clause before the
// cursor (既要 → 既要…更要…), the writer's starred and own entries first, then the library's most
// used. Never asked for or shown while the input method is composing (the pinyin is not text
// yet); Tab or Enter takes one, Esc dismisses; off with the 联想 switch of the status bar.
import {
  acceptCompletion,
  autocompletion,
  startCompletion,
  type Completion,
  type CompletionContext,
  type CompletionResult,
} from "@codemirror/autocomplete";
import { Compartment, Prec, type Extension } from "@codemirror/state";
import { EditorView, keymap, tooltips } from "@codemirror/view";
import { api, type PhraseCompletion } from "./api";
import { KIND_NAMES } from "./bank";
import { tr } from "./i18n";

const SETTING = "gaoku.complete";
/** Entries offered at most. */
const OFFERED = 8;

/** Whether 联想 is on (the writer's last choice; on by default). */
export function completionOn(): boolean {
  return localStorage.getItem(SETTING) !== "off";
}

/** The clause ending at the cursor worth completing: two or more letters or Han characters. */
export function clauseBefore(textBefore: string): string | null {
  const m = /[\p{L}\p{N}…]{2,}$/u.exec(textBefore);
  return m ? m[0] : null;
}

/** The options for entries found: each replaces the characters before the cursor it begins with. */
export function options(found: PhraseCompletion[], pos: number): Completion[] {
  return found.map((c, i) => ({
    label: c.text,
    detail: `${KIND_NAMES[c.kind]}${c.starred ? " ★" : ""}${c.own ? tr(" · 自己的") : ""}`,
    boost: OFFERED - i,
    apply: (view: EditorView, _c: Completion, _from: number, to: number) => {
      view.dispatch({
        changes: { from: pos - c.typed, to, insert: c.text },
        selection: { anchor: pos - c.typed + c.text.length },
        userEvent: "input.complete",
      });
    },
  }));
}

async function fromBank(ctx: CompletionContext): Promise<CompletionResult | null> {
  // The input method's composition is not text yet: nothing to complete.
  if (ctx.view?.composing) return null;
  const line = ctx.state.doc.lineAt(ctx.pos);
  const before = line.text.slice(0, ctx.pos - line.from);
  const clause = clauseBefore(before);
  if (!clause) return null;
  const found = await api.phraseCompletions(clause.slice(-6), OFFERED).catch(() => []);
  if (ctx.aborted || found.length === 0 || ctx.view?.composing) return null;
  const longest = Math.max(...found.map((c) => c.typed));
  return { from: ctx.pos - longest, options: options(found, ctx.pos), filter: false };
}

/** The 联想 extension and its switch (`set(on)`). */
export function phraseCompletion() {
  const compartment = new Compartment();
  const on = (): Extension => [
    autocompletion({ override: [fromBank], activateOnTyping: true, icons: false, closeOnBlur: true }),
    Prec.high(keymap.of([{ key: "Tab", run: acceptCompletion }])),
    // Drawn in the page's body, so the list is not cut at the edge of the editor's column.
    tooltips({ parent: document.body }),
    // A word the input method commits arrives as the composition ends, when typing-activation
    // has already passed (it asks nothing while composing): ask then.
    EditorView.domEventHandlers({
      compositionend: (_ev, view) => {
        window.setTimeout(() => {
          if (!view.composing) startCompletion(view);
        }, 0);
        return false;
      },
    }),
  ];
  return {
    extension: compartment.of(completionOn() ? on() : []),
    set(view: EditorView, enabled: boolean) {
      localStorage.setItem(SETTING, enabled ? "on" : "off");
      view.dispatch({ effects: compartment.reconfigure(enabled ? on() : []) });
    },
  };
}
