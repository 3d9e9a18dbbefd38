import { describe, expect, it } from "vitest";
import { virtualList } from "./virtual-list";

function setup(n: number) {
  const list = document.createElement("ul");
  document.body.append(list);
  let built = 0;
  const v = virtualList(list, (i: number) => {
    built++;
    const li = document.createElement("li");
    li.dataset.i = String(i);
    li.tabIndex = 0;
    return li;
  });
  v.set(Array.from({ length: n }, (_, i) => i));
  return { list, v, built: () => built };
}

const rowsOf = (list: HTMLElement) => Array.from(list.querySelectorAll("li"));
const drawnIndexes = (list: HTMLElement) => rowsOf(list).map((c) => Number(c.dataset.i));

describe("virtualList", () => {
  it("draws a window of a 10,000-row list, not all of it", () => {
    const { list } = setup(10_000);
    const shown = drawnIndexes(list);
    expect(shown[0]).toBe(0);
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length).toBeLessThan(60);
    // A spacer stands in for the rows below.
    expect(parseFloat((list.lastElementChild as HTMLElement).style.height)).toBeGreaterThan(0);
  });

  it("follows the scroll position and keeps the rows that stay in view", () => {
    const { list, v, built } = setup(10_000);
    const kept = rowsOf(list)[20];
    list.scrollTop = 5 * 60;
    v.refresh();
    const shown = drawnIndexes(list);
    expect(shown).toEqual(Array.from({ length: shown.length }, (_, k) => shown[0] + k));
    expect(shown).toContain(20);
    expect(list.querySelector('[data-i="20"]')).toBe(kept);
    const before = built();
    list.scrollTop = 9_000 * 60;
    v.refresh();
    expect(drawnIndexes(list)).toContain(9_000);
    expect(built() - before).toBeLessThan(60);
  });

  it("moves between rows with the arrow keys, drawing the next one", () => {
    const { list } = setup(100);
    const rows = rowsOf(list);
    const last = rows[rows.length - 1];
    last.focus();
    last.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
    expect((document.activeElement as HTMLElement).dataset.i).toBe(String(Number(last.dataset.i) + 1));
  });

  it("an empty list draws nothing", () => {
    const { list, v } = setup(3);
    v.set([]);
    expect(list.children.length).toBe(0);
  });
});
