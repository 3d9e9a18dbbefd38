// The core explains failures in English (the CLI and logs read them as they are); in the Chinese
// UI the messages a writer meets — import reasons, query problems, invalid values — are shown in
// Chinese. Unknown messages pass through unchanged.
import { lang } from "./i18n";

type Rule = [RegExp, string];

/** Ordered: the first pattern that matches rewrites the message ($1… are its groups). */
const RULES: Rule[] = [
  [/^empty file$/, "空文件"],
  [/^binary file, not text$/, "二进制文件，不是文本"],
  [/^invalid (\S+) byte sequence at byte (\d+).*$/, "第 $2 字节处有无效的 $1 编码：文件已损坏或编码无法识别"],
  [/^could not decode the file.*$/, "无法解码这个文件"],
  [/^the \.docx contains no text$/, "这个 .docx 里没有文字"],
  [/^not a valid \.docx.*$/, "不是有效的 .docx：文件已损坏或不完整"],
  [/^refused: the document inflates.*$/, "已拒绝：文档解压后过大（可能是压缩炸弹）"],
  [/^\.(\w+) files are not supported yet.*$/, "暂不支持 .$1 文件：请用 Word 或 WPS 打开，另存为 .docx（或 .txt）"],
  [/^unsupported file type \(no extension\).*$/, "不支持的文件类型（没有扩展名）：请用 .txt、.md 或 .docx"],
  [/^unsupported file type \.(\w+).*$/, "不支持的文件类型 .$1：请用 .txt、.md 或 .docx"],
  [/^cannot read: (.*)$/, "无法读取：$1"],
  [/^symbolic link loop.*$/, "符号链接形成循环，未跟随"],
  [/^not a \.txt, \.md or \.docx file$/, "不是 .txt、.md 或 .docx 文件"],
  [/^not a regular file.*$/, "不是普通文件（设备、管道或套接字）"],
  [/^file too large: ([\d.]+) MB; text files over (\d+) MB.*$/, "文件过大（$1 MB）：超过 $2 MB 的文本文件不导入"],
  [/^file too large: ([\d.]+) MB; \.docx files over (\d+) MB.*$/, "文件过大（$1 MB）：超过 $2 MB 的 .docx 不导入"],
  [/^no text left after cleaning.*$/, "清理后没有正文（文件里只有空行或广告）"],
  [/^library database error: database is locked$/, "素材库正被另一个程序写入（数据库已锁定）"],
  [/^empty query.*$/, "请输入要检索的内容：原词（狠抓落实）、关键词（乡村振兴 产业）或句式（一是…二是…）"],
  [/^query too long: (\d+) characters \(at most (\d+)\)$/, "检索词过长：$1 个字（最多 $2 个）"],
  [/^nothing to search for.*$/, "没有可检索的文字：检索词只有标点或符号"],
  [/^a pattern needs some text.*$/, "句式里除了 … 和 * 还要有文字，例如 一是…二是…三是"],
  [/^the title cannot be empty$/, "标题不能为空"],
  [/^a phrase cannot be empty$/, "句式不能为空"],
  [/^a template needs a name$/, "模板需要一个名称"],
  [/^the bank already has "(.*)"$/, "句式库里已经有“$1”"],
  [/^no template named "(.*)"$/, "没有名为“$1”的模板"],
  [/^a template named "(.*)" exists already$/, "已有名为“$1”的模板"],
  [/^"(.*)" is built in; .*$/, "“$1”是内置模板，不能修改；请另存一份再改"],
  [/^cannot rename to "(.*)": empty or taken$/, "不能改名为“$1”：名称为空或已被占用"],
  [/^no speech with id (\d+)$/, "没有编号为 $1 的讲话稿"],
  [/^no draft with id (\d+)$/, "没有编号为 $1 的草稿"],
  [/^no phrase with id (\d+)$/, "没有编号为 $1 的句式"],
  [/^draft (\d+) has no revision (\d+)$/, "草稿 $1 没有版本 $2"],
  [/^date "(.*)": use YYYY.*$/, "日期“$1”的格式不对：请写 2020、2020-07 或 2020-07-15"],
  [/^(.*) already exists; choose another name.*$/, "$1 已存在：请换一个文件名"],
  [/^could not write the \.docx: (.*)$/, "无法写出 .docx：$1"],
];

/** A core message in the UI's language. */
export function localizeMessage(message: string): string {
  if (lang !== "zh") return message;
  const m = message.replace(/^invalid value: /, "");
  for (const [re, zh] of RULES) if (re.test(m)) return m.replace(re, zh);
  return message;
}
