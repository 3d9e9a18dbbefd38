// Autosave for the editor: when to save (a throttle with a trailing save, so steady typing is
// saved every second instead of only when the writer pauses), what to save during an input-method
// composition (the text as last committed, never half-typed pinyin), and retries after a failure.
import type { Extension, Text } from "@codemirror/state";
import { EditorView, ViewPlugin } from "@codemirror/view";

export interface SaveClockOptions {
  /** A change is saved at most this long after it was made, however steadily typing goes on. */
  waitMs: number;
  /** After a failed save, the first retry waits this long; each further failure doubles it. */
  retryMs: number;
  /** The longest wait between retries. */
  maxRetryMs: number;
  /** Saves what is unsaved; resolves false when the save failed (it is then retried). */
  save: () => Promise<boolean>;
  /** Milliseconds on a monotonic clock (injectable for tests). */
  now?: () => number;
}

/**
 * Decides when the editor saves. `changed()` after every edit: the first unsaved change starts
 * the clock and later ones do not restart it, so a save runs `waitMs` after the oldest unsaved
 * change even while changes keep coming (unlike a debounce, which waits for a pause). Saves never
 * overlap; a change made while a save runs is saved by the next one, again within `waitMs`.
 */
export class SaveClock {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** When the oldest unsaved change was made, or null when everything is saved. */
  private since: number | null = null;
  private running: Promise<boolean> | null = null;
  private failures = 0;
  private readonly now: () => number;

  constructor(private readonly opts: SaveClockOptions) {
    this.now = opts.now ?? (() => performance.now());
  }

  /** Something changed that is not saved yet. */
  changed(): void {
    if (this.since === null) this.since = this.now();
    if (!this.running && this.failures === 0) this.armForChanges();
  }

  /** True while a change waits to be saved (or is being saved). */
  get pending(): boolean {
    return this.since !== null || this.running !== null;
  }

  /** Consecutive failed saves since the last good one. */
  get failed(): number {
    return this.failures;
  }

  /** Saves now, whatever the clock says (before close, export, switching drafts, on blur). */
  async flush(): Promise<boolean> {
    if (this.running) await this.running;
    this.disarm();
    if (this.since === null) return true;
    return this.run();
  }

  /** Forgets unsaved changes (the draft was deleted or replaced). */
  cancel(): void {
    this.disarm();
    this.since = null;
    this.failures = 0;
  }

  /** Saves `waitMs` after the oldest unsaved change. */
  private armForChanges(): void {
    this.arm((this.since ?? this.now()) + this.opts.waitMs - this.now());
  }

  private arm(ms: number): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, Math.max(0, ms));
  }

  private disarm(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private run(): Promise<boolean> {
    if (this.running) return this.running;
    // Changes from now on belong to the next save.
    this.since = null;
    const attempt = (async () => {
      let ok: boolean;
      try {
        ok = await this.opts.save();
      } catch {
        ok = false;
      }
      this.running = null;
      if (ok) {
        this.failures = 0;
        if (this.since !== null) this.armForChanges();
      } else {
        this.failures++;
        if (this.since === null) this.since = this.now();
        this.arm(Math.min(this.opts.retryMs * 2 ** (this.failures - 1), this.opts.maxRetryMs));
      }
      return ok;
    })();
    this.running = attempt;
    return attempt;
  }
}

class CommittedTracker {
  /** The document when the current composition started; null when not composing. */
  atStart: Text | null = null;
}

const committedPlugin = ViewPlugin.fromClass(CommittedTracker, {
  eventHandlers: {
    compositionstart(_e, view) {
      this.atStart = view.state.doc;
    },
    compositionend() {
      this.atStart = null;
    },
  },
});

/**
 * Remembers the document as it was when an input-method composition started, so that a save
 * during the composition stores the committed text and not the pinyin being typed.
 */
export function committedText(): Extension {
  return committedPlugin;
}

/** The editor's text without any composition in progress (see `committedText`). */
export function committedDoc(view: EditorView): string {
  const tracker = view.plugin(committedPlugin);
  return (tracker?.atStart ?? view.state.doc).toString();
}
