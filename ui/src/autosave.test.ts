import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { SaveClock, committedDoc, committedText } from "./autosave";

const WAIT = 1000;

/**
 * A clock whose saves are recorded (at fake time); `save` decides each save's outcome (it may
 * throw or wait), and succeeds at once by default.
 */
function clock(save: (n: number) => Promise<boolean> | boolean = () => true, maxRetryMs = 8000) {
  const saves: number[] = [];
  const c = new SaveClock({
    waitMs: WAIT,
    retryMs: 2000,
    maxRetryMs,
    now: () => Date.now(),
    save: async () => {
      saves.push(Date.now());
      return save(saves.length);
    },
  });
  return { c, saves };
}

describe("SaveClock", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  it("saves at least every second while changes never pause", async () => {
    const { c, saves } = clock();
    // A keystroke every 120 ms for ten seconds: a debounce would never save.
    for (let t = 0; t < 10_000; t += 120) {
      c.changed();
      await vi.advanceTimersByTimeAsync(120);
    }
    expect(saves.length).toBeGreaterThanOrEqual(9);
    const gaps = saves.map((t, i) => t - (i ? saves[i - 1] : 0));
    for (const g of gaps) expect(g).toBeLessThanOrEqual(WAIT + 120);
    // Every change is saved within WAIT of being made: the last one too (trailing save).
    await vi.advanceTimersByTimeAsync(WAIT);
    expect(saves.at(-1)!).toBeGreaterThanOrEqual(9960);
    expect(saves.at(-1)! - 9960).toBeLessThanOrEqual(WAIT);
    expect(c.pending).toBe(false);
  });

  it("does not save when nothing changed, and once for a burst", async () => {
    const { c, saves } = clock();
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves).toEqual([]);
    c.changed();
    c.changed();
    c.changed();
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves).toEqual([5000 + WAIT]);
  });

  it("counts the wait from the oldest unsaved change, not the newest", async () => {
    const { c, saves } = clock();
    c.changed();
    await vi.advanceTimersByTimeAsync(900);
    c.changed();
    await vi.advanceTimersByTimeAsync(100);
    expect(saves).toEqual([1000]);
  });

  it("retries a failed save with growing waits, then returns to the normal rhythm", async () => {
    // The first three saves fail (disk full), the rest succeed.
    const { c, saves } = clock((n) => n > 3);
    c.changed();
    await vi.advanceTimersByTimeAsync(1000 + 2000 + 4000 + 8000);
    expect(saves).toEqual([1000, 3000, 7000, 15000]);
    expect(c.failed).toBe(0);
    expect(c.pending).toBe(false);
    c.changed();
    await vi.advanceTimersByTimeAsync(WAIT);
    expect(saves.at(-1)).toBe(15000 + WAIT);
  });

  it("keeps retrying without a new change, and a flush saves at once", async () => {
    let broken = true;
    const { c, saves } = clock(() => {
      if (broken) throw new Error("library locked");
      return true;
    }, 2000);
    c.changed();
    await vi.advanceTimersByTimeAsync(1000 + 2000 + 2000);
    expect(saves).toEqual([1000, 3000, 5000]);
    expect(c.failed).toBe(3);
    broken = false;
    expect(await c.flush()).toBe(true);
    expect(saves.at(-1)).toBe(5000);
    expect(saves.length).toBe(4);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(saves.length).toBe(4);
  });

  it("never runs two saves at once; a change during a save is saved after it", async () => {
    let active = 0;
    let most = 0;
    const { c, saves } = clock(async () => {
      active++;
      most = Math.max(most, active);
      await new Promise((r) => setTimeout(r, 300));
      active--;
      return true;
    });
    c.changed();
    await vi.advanceTimersByTimeAsync(1100); // the save started at 1000 and runs until 1300
    c.changed();
    const flushed = c.flush(); // waits for the running save, then saves the new change
    await vi.advanceTimersByTimeAsync(1000);
    expect(await flushed).toBe(true);
    expect(saves).toEqual([1000, 1300]);
    expect(most).toBe(1);
  });

  it("forgets unsaved changes when cancelled", async () => {
    const { c, saves } = clock();
    c.changed();
    c.cancel();
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves).toEqual([]);
    expect(await c.flush()).toBe(true);
    expect(saves).toEqual([]);
  });
});

describe("committedDoc", () => {
  it("is the text before the composition while composing, the whole text otherwise", () => {
    const parent = document.createElement("div");
    document.body.append(parent);
    const view = new EditorView({ parent, state: EditorState.create({ doc: "改革", extensions: [committedText()] }) });
    view.contentDOM.dispatchEvent(new CompositionEvent("compositionstart", { data: "" }));
    // The input method's preedit (pinyin) as it shows inline in the editor.
    view.dispatch({ changes: { from: 2, insert: "fa zhan" } });
    expect(view.state.doc.toString()).toBe("改革fa zhan");
    expect(committedDoc(view)).toBe("改革");
    view.dispatch({ changes: { from: 2, to: 9, insert: "发展" } });
    view.contentDOM.dispatchEvent(new CompositionEvent("compositionend", { data: "发展" }));
    expect(committedDoc(view)).toBe("改革发展");
    view.destroy();
  });
});
