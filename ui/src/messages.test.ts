import { describe, expect, it } from "vitest";
import { localizeMessage } from "./messages";

describe("localizeMessage", () => {
  it("puts the core's import reasons and value errors into Chinese", () => {
    expect(localizeMessage("empty file")).toBe("空文件");
    expect(localizeMessage(".doc files are not supported yet: open it in Word or WPS and save as .docx (or .txt)")).toBe(
      "暂不支持 .doc 文件：请用 Word 或 WPS 打开，另存为 .docx（或 .txt）",
    );
    expect(localizeMessage("not a valid .docx (damaged or truncated zip archive: invalid Zip archive: Could not find EOCD)")).toBe(
      "不是有效的 .docx：文件已损坏或不完整",
    );
    expect(localizeMessage("invalid UTF-8 byte sequence at byte 12: the file is damaged or in an unknown encoding")).toBe(
      "第 12 字节处有无效的 UTF-8 编码：文件已损坏或编码无法识别",
    );
    expect(localizeMessage("file too large: 12.5 MB; text files over 10 MB are not imported (one speech is well under 1 MB)")).toBe(
      "文件过大（12.5 MB）：超过 10 MB 的文本文件不导入",
    );
    expect(localizeMessage("invalid value: the title cannot be empty")).toBe("标题不能为空");
    expect(localizeMessage('invalid value: "致辞" is built in; save a copy under another name to change it')).toBe(
      "“致辞”是内置模板，不能修改；请另存一份再改",
    );
    expect(localizeMessage("nothing to search for: the query has only punctuation or symbols")).toBe(
      "没有可检索的文字：检索词只有标点或符号",
    );
    expect(localizeMessage("no draft with id 7")).toBe("没有编号为 7 的草稿");
  });
  it("passes unknown messages through", () => {
    expect(localizeMessage("library database error: disk I/O error")).toBe("library database error: disk I/O error");
  });
});
