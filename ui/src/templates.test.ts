import { describe, expect, it } from "vitest";
import { escapeInline, templateMarkdown } from "./templates";
import type { Template } from "./api";

const t: Template = {
  name: "半年总结",
  kind: "讲话",
  description: "",
  builtin: false,
  source_speech: null,
  parts: [
    { level: 0, marker: "", title: "同志们：", note: "" },
    { level: 1, marker: "一、", title: "看形势", note: "成绩与问题" },
    { level: 2, marker: "（一）", title: "成绩*很大*", note: "" },
    { level: 1, marker: "二、", title: "抓落实", note: "" },
    { level: 2, marker: "（一）", title: "抓项目", note: "" },
  ],
};

describe("templateMarkdown", () => {
  it("inserts a whole template with notes as prompts", () => {
    expect(templateMarkdown(t)).toBe(
      "\n同志们：\n\n## 一、看形势\n\n＿＿（成绩与问题）\n\n### （一）成绩\\*很大\\*\n\n## 二、抓落实\n\n### （一）抓项目\n",
    );
  });
  it("inserts one part with its sub-parts only", () => {
    expect(templateMarkdown(t, 1, false)).toBe("\n## 一、看形势\n\n＿＿（成绩与问题）\n\n### （一）成绩\\*很大\\*\n");
    expect(templateMarkdown(t, 4, false)).toBe("\n### （一）抓项目\n");
  });
  it("escapes markup characters", () => {
    expect(escapeInline('a*b_c<d>[e]`#|~$^@&"\'\\')).toBe('a\\*b\\_c\\<d\\>\\[e\\]\\`\\#\\|\\~\\$\\^\\@\\&\\"\\\'\\\\');
  });
});
