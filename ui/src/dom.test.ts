import { describe, expect, it } from "vitest";
import { highlighted, snippetNodes } from "./dom";

describe("snippetNodes", () => {
  it("marks matches and never parses HTML", () => {
    const nodes = snippetNodes("…&lt;img src=x onerror=alert(1)&gt;<mark>狠抓落实</mark>&amp;…");
    const box = document.createElement("div");
    box.append(...nodes);
    expect(box.querySelectorAll("img").length).toBe(0);
    expect(box.querySelector("mark")?.textContent).toBe("狠抓落实");
    expect(box.textContent).toBe("…<img src=x onerror=alert(1)>狠抓落实&…");
  });
});

describe("highlighted", () => {
  it("wraps character ranges, counting Chinese characters as one", () => {
    const box = document.createElement("p");
    box.append(...highlighted("要狠抓落实，狠抓落实。", [[1, 5], [6, 10]]));
    expect(Array.from(box.querySelectorAll("mark")).map((m) => m.textContent)).toEqual(["狠抓落实", "狠抓落实"]);
    expect(box.textContent).toBe("要狠抓落实，狠抓落实。");
  });
});
