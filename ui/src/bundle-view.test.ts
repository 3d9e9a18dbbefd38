import { describe, expect, it } from "vitest";
import { bundleName, reportLines } from "./bundle-view";
import type { BundleReport } from "./api";

const report = (added: number): BundleReport => ({
  path: "/tmp/x.gaoku",
  speeches_added: Array.from({ length: added }, (_, i) => ({ id: i + 1, title: `讲话${i + 1}` })),
  speeches_known: 3,
  tags_added: 2,
  phrases_added: 1,
  phrases_merged: 4,
  templates_added: 0,
  templates_renamed: [{ from: "报告结构", to: "报告结构（2）" }],
  templates_known: 1,
  rules_added: 5,
  rules_replaced: 0,
  drafts_added: 0,
  drafts_known: 0,
});

describe("the 素材包 view", () => {
  it("names a new bundle by the day", () => {
    expect(bundleName(new Date(2026, 10, 3))).toBe("稿库素材包-20261103.gaoku");
  });

  it("reports counts, the first titles and every renamed template", () => {
    const lines = reportLines(report(12));
    expect(lines[0]).toBe("讲话稿：新增 12 篇，已有 3 篇（补充标签 2 个）");
    expect(lines[1].startsWith("《讲话1》、《讲话2》")).toBe(true);
    expect(lines[1]).not.toContain("讲话11");
    expect(lines[1].endsWith("等 12 篇")).toBe(true);
    expect(lines).toContain("“报告结构”改名为“报告结构（2）”（本库已有同名模板）");
    expect(lines).toContain("提法规则：新增 5 条，更新 0 条");
  });

  it("lists all titles when there are few, and none when nothing is new", () => {
    expect(reportLines(report(2))[1]).toBe("《讲话1》、《讲话2》");
    expect(reportLines(report(0))[1]).toBe("句式：新增 1 条，合并收藏和标签 4 条");
  });
});
