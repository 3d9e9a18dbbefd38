// A windowed list: of thousands of rows only those in view (and a few around them) are in the
// DOM, so showing, filtering or sorting a 10,000-speech library costs what one screen costs.
// Rows have one height (measured from the first row drawn); two spacers stand in for the rows
// above and below the window (not padding: a flex item cannot shrink below its padding, so the
// list would grow to the whole height and stop scrolling itself). Rows that stay in the window are kept as they are, so
// focus and hover survive scrolling.

/** Rows drawn beyond the visible ones, above and below. */
const OVERSCAN = 8;
/** Height assumed while the list is hidden (nothing to measure yet). */
const FALLBACK_VIEW = 900;

export interface VirtualList<T> {
  /** Replaces the rows (and scrolls back to the top unless `keepScroll`). */
  set(items: T[], keepScroll?: boolean): void;
  /** The rows as last set. */
  items(): T[];
  /** Draws what is in view now (after the list was shown or resized). */
  refresh(): void;
  /** Scrolls row `index` into view and returns its element. */
  reveal(index: number): HTMLElement | null;
}

/**
 * Makes `list` (a scrolling element) show `items` through `row`, which builds one row's
 * element. Arrow keys move between rows, drawing them as they come into view.
 */
export function virtualList<T>(list: HTMLElement, row: (item: T, index: number) => HTMLElement): VirtualList<T> {
  let items: T[] = [];
  let rowHeight = 0;
  // The rows drawn, in order: rows[k] is item first + k.
  let first = 0;
  let drawn: HTMLElement[] = [];
  const spacer = () => {
    const s = document.createElement("div");
    s.className = "spacer";
    s.setAttribute("aria-hidden", "true");
    return s;
  };
  const above = spacer();
  const below = spacer();

  const clear = () => {
    drawn = [];
    first = 0;
    list.replaceChildren();
  };

  const draw = () => {
    if (items.length === 0) return clear();
    // Measure the row height once the list can be measured (not while hidden).
    if (rowHeight === 0 && (drawn.length === 0 || list.clientHeight > 0)) {
      const probe = row(items[0], 0);
      list.replaceChildren(probe);
      rowHeight = probe.getBoundingClientRect().height;
      list.replaceChildren();
      drawn = [];
      // Still 0 while hidden: measured on a later draw.
    }
    const height = rowHeight || 60;
    // Never more than a window's height: a list laid out taller than the screen (its padding
    // counted) must not draw every row.
    const view = Math.min(list.clientHeight || FALLBACK_VIEW, window.innerHeight || FALLBACK_VIEW);
    const start = Math.max(0, Math.floor(list.scrollTop / height) - OVERSCAN);
    const end = Math.min(items.length, Math.ceil((list.scrollTop + view) / height) + OVERSCAN);
    const last = first + drawn.length;
    if (start >= last || end <= first || drawn.length === 0) {
      // No overlap with what is drawn: draw afresh.
      drawn = items.slice(start, end).map((it, k) => row(it, start + k));
      list.replaceChildren(above, ...drawn, below);
    } else {
      // Drop rows that left the window, add the ones that entered it, keep the rest.
      while (first < start) {
        drawn.shift()?.remove();
        first++;
      }
      while (first + drawn.length > end) drawn.pop()?.remove();
      const before = items.slice(start, first).map((it, k) => row(it, start + k));
      above.after(...before);
      const from = first + drawn.length;
      const after = items.slice(from, end).map((it, k) => row(it, from + k));
      below.before(...after);
      drawn = [...before, ...drawn, ...after];
    }
    first = start;
    above.style.height = `${start * height}px`;
    below.style.height = `${(items.length - end) * height}px`;
  };

  let pending = false;
  list.addEventListener("scroll", () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      draw();
    });
  });
  if (typeof ResizeObserver !== "undefined") new ResizeObserver(() => draw()).observe(list);

  const api: VirtualList<T> = {
    set(next, keepScroll = false) {
      items = next;
      clear();
      if (!keepScroll) list.scrollTop = 0;
      draw();
    },
    items: () => items,
    refresh: draw,
    reveal(index) {
      if (index < 0 || index >= items.length) return null;
      const height = rowHeight || 60;
      const top = index * height;
      if (top < list.scrollTop) list.scrollTop = top;
      else if (top + height > list.scrollTop + list.clientHeight) list.scrollTop = top + height - list.clientHeight;
      draw();
      return drawn[index - first] ?? null;
    },
  };

  list.addEventListener("keydown", (ev) => {
    if (ev.key !== "ArrowDown" && ev.key !== "ArrowUp") return;
    const at = drawn.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    ev.preventDefault();
    api.reveal(first + at + (ev.key === "ArrowDown" ? 1 : -1))?.focus();
  });
  return api;
}
