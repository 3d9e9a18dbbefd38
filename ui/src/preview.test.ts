import { describe, expect, it } from "vitest";
import { patchPreview, resetPreview } from "./preview";

const b = (line: number, html: string) => ({ line, html });

describe("patchPreview", () => {
  it("replaces only changed blocks and renumbers the rest", () => {
    const root = document.createElement("article");
    patchPreview(root, [b(0, "<h1>标题</h1>"), b(2, "<p>一</p>"), b(4, "<p>二</p>"), b(6, "<p>三</p>")]);
    const [h1, p1, , p3] = Array.from(root.children);
    // A paragraph edited and a line added before the last block.
    patchPreview(root, [b(0, "<h1>标题</h1>"), b(2, "<p>一</p>"), b(4, "<p>二改</p>"), b(7, "<p>三</p>")]);
    const now = Array.from(root.children) as HTMLElement[];
    expect(now.map((e) => e.textContent)).toEqual(["标题", "一", "二改", "三"]);
    expect(now[0]).toBe(h1);
    expect(now[1]).toBe(p1);
    expect(now[3]).toBe(p3);
    expect(now.map((e) => e.dataset.line)).toEqual(["0", "2", "4", "7"]);
    // Blocks removed and added in the middle.
    patchPreview(root, [b(0, "<h1>标题</h1>"), b(2, "<p>新</p>"), b(4, "<p>新二</p>"), b(6, "<p>新三</p>"), b(8, "<p>三</p>")]);
    expect(Array.from(root.children).map((e) => e.textContent)).toEqual(["标题", "新", "新二", "新三", "三"]);
    patchPreview(root, []);
    expect(root.children.length).toBe(0);
    patchPreview(root, [b(0, "<p>x</p>")]);
    resetPreview(root);
    expect(root.children.length).toBe(0);
  });
});
