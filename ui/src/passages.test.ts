import { describe, expect, it } from "vitest";
import { paragraphAt, sentenceAt, snippetText } from "./passages";
import { decodeEntities } from "./dom";

const paras = ["同志们：", "今年以来，成绩很大。我们要狠抓落实！“撸起袖子加油干。”大家要努力"];

describe("passages", () => {
  it("finds the paragraph of an offset in the joined text", () => {
    const offset = paras[0].length + 1 + paras[1].indexOf("狠抓落实");
    const p = paragraphAt(paras, offset)!;
    expect(p.index).toBe(1);
    expect(sentenceAt(p.text, offset - p.start)).toBe("我们要狠抓落实！");
    expect(paragraphAt(paras, 1)!.index).toBe(0);
    expect(paragraphAt(paras, 9999)).toBeNull();
  });
  it("keeps the closing quote with a sentence and takes an unfinished last one", () => {
    const p = paras[1];
    expect(sentenceAt(p, p.indexOf("加油"))).toBe("“撸起袖子加油干。”");
    expect(sentenceAt(p, p.indexOf("努力"))).toBe("大家要努力");
  });
  it("turns a snippet into text", () => {
    expect(snippetText("…要<mark>狠抓落实</mark> &lt;b&gt;…", decodeEntities)).toBe("要狠抓落实 <b>");
  });
});

describe("spansByParagraph", () => {
  it("splits speech-wide spans into paragraph-local ones", async () => {
    const { spansByParagraph } = await import("./passages");
    // "同志们：" is 4 characters, then "\n": the second paragraph starts at 5.
    const m = spansByParagraph(paras, [
      { start: 0, end: 3 },
      { start: 5 + paras[1].indexOf("狠抓"), end: 5 + paras[1].indexOf("狠抓") + 4 },
    ]);
    expect(m.get(0)).toEqual([[0, 3]]);
    expect(m.get(1)).toEqual([[paras[1].indexOf("狠抓"), paras[1].indexOf("狠抓") + 4]]);
  });
});
