// One table of the app's actions, read by both the keyboard and the menu bar, so a shortcut and
// its menu item can never drift apart (Ctrl+S and 文件 › 保存 run the same function).

/** A key chord: Ctrl plus `key` (lower case), with or without Shift. */
export interface Chord {
  key: string;
  shift?: boolean;
}

/** Something the writer can do, by shortcut and/or menu item (`id` is the menu item's id). */
export interface Action {
  id: string;
  keys?: Chord;
  /** When false the shortcut is left to the page (and the menu item does nothing). */
  when?: () => boolean;
  run: () => void;
}

/** The action a key event asks for, if any. Keys that belong to an input method never match. */
export function actionForKey(actions: Action[], ev: KeyboardEvent): Action | undefined {
  if (ev.isComposing || ev.keyCode === 229 || !ev.ctrlKey || ev.altKey) return undefined;
  const key = ev.key.toLowerCase();
  return actions.find((a) => a.keys && a.keys.key === key && !!a.keys.shift === ev.shiftKey && (a.when?.() ?? true));
}

/**
 * Installs the table: shortcuts on `target`'s keydown, and returns `run(id)` for the menu bar.
 */
export function installActions(actions: Action[], target: Document | HTMLElement = document) {
  target.addEventListener("keydown", (ev) => {
    const a = actionForKey(actions, ev as KeyboardEvent);
    if (!a) return;
    ev.preventDefault();
    a.run();
  });
  return {
    run(id: string) {
      const a = actions.find((x) => x.id === id);
      if (a && (a.when?.() ?? true)) a.run();
    },
  };
}
