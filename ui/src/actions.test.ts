import { describe, expect, it } from "vitest";
import { actionForKey, installActions, type Action } from "./actions";

function table(log: string[], writerOpen = true): Action[] {
  return [
    { id: "new-draft", keys: { key: "n" }, run: () => log.push("new") },
    { id: "save-draft", keys: { key: "s" }, when: () => writerOpen, run: () => log.push("save") },
    { id: "search", keys: { key: "f", shift: true }, run: () => log.push("search") },
    { id: "tab-drafts", run: () => log.push("drafts") },
  ];
}

const key = (k: string, init: KeyboardEventInit = {}) => new KeyboardEvent("keydown", { key: k, ctrlKey: true, cancelable: true, ...init });

describe("the action table", () => {
  it("runs the same action for the shortcut and the menu item", () => {
    const log: string[] = [];
    const target = document.createElement("div");
    const { run } = installActions(table(log), target);
    const ev = key("S");
    target.dispatchEvent(ev);
    run("save-draft");
    expect(log).toEqual(["save", "save"]);
    expect(ev.defaultPrevented).toBe(true);
  });

  it("tells Shift chords apart and ignores keys without Ctrl", () => {
    const log: string[] = [];
    expect(actionForKey(table(log), key("f"))).toBeUndefined();
    expect(actionForKey(table(log), key("F", { shiftKey: true }))?.id).toBe("search");
    expect(actionForKey(table(log), new KeyboardEvent("keydown", { key: "n" }))).toBeUndefined();
  });

  it("leaves keys of an input method composition alone", () => {
    const log: string[] = [];
    expect(actionForKey(table(log), key("s", { isComposing: true }))).toBeUndefined();
    expect(actionForKey(table(log), key("Process", { keyCode: 229 } as KeyboardEventInit))).toBeUndefined();
  });

  it("skips an action that does not apply, by key and by menu", () => {
    const log: string[] = [];
    const target = document.createElement("div");
    const { run } = installActions(table(log, false), target);
    const ev = key("s");
    target.dispatchEvent(ev);
    run("save-draft");
    run("tab-drafts");
    expect(log).toEqual(["drafts"]);
    expect(ev.defaultPrevented).toBe(false);
  });
});
