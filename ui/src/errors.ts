// What the writer reads when something fails. The core and the shell send errors as a stable
// code with named parameters (see src/generated/error-codes.json, generated from the Rust types);
// this catalog turns them into Chinese or English. errors.test.ts checks that every code has both
// languages and that they use the same parameters, which the code provides.
import { fill, lang } from "./i18n";

type Entry = { zh: string; en: string };

/** One entry per code the app can receive. `{name}` is a parameter. */
export const CATALOG: Record<string, Entry> = {
  // Import: why a file was not taken in.
  empty: { zh: "空文件", en: "Empty file" },
  binary: { zh: "二进制文件，不是文本", en: "A binary file, not text" },
  bad_bytes: {
    zh: "第 {at} 字节处有无效的 {encoding} 编码：文件已损坏或编码无法识别",
    en: "Invalid {encoding} bytes at byte {at}: the file is damaged or in an unknown encoding",
  },
  undecodable: { zh: "无法解码这个文件", en: "The file could not be decoded" },
  too_large: {
    zh: "文件过大（{mb} MB）：超过 {limit} MB 的文本文件不导入",
    en: "File too large ({mb} MB): text files over {limit} MB are not imported",
  },
  text_too_long: {
    zh: "文档中的文字有 {mb} MB，超过 {limit} MB 的不导入（一篇讲话远小于 1 MB）",
    en: "The document holds {mb} MB of text; more than {limit} MB is not imported (one speech is well under 1 MB)",
  },
  document_too_large: {
    zh: "文件过大（{mb} MB）：超过 {limit} MB 的文档不导入",
    en: "File too large ({mb} MB): documents over {limit} MB are not imported",
  },
  not_yet: {
    zh: "暂不支持 .{ext} 文件：请用 Word 或 WPS 打开，另存为 .docx（或 .txt）",
    en: ".{ext} files are not supported yet: open it in Word or WPS and save as .docx (or .txt)",
  },
  no_extension: {
    zh: "不支持的文件类型（没有扩展名）：请用 .docx、.doc、.wps、.pdf、.txt 等文档",
    en: "Unsupported file type (no extension): use a document such as .docx, .doc, .pdf or .txt",
  },
  unsupported: {
    zh: "不支持的文件类型 .{ext}：请用 .docx、.doc、.wps、.pdf、.txt 等文档",
    en: "Unsupported file type .{ext}: use a document such as .docx, .doc, .pdf or .txt",
  },
  // The technical detail ({why}) stays in the CLI's English text; the writer reads what to do.
  damaged: {
    zh: "不是有效的 .{format} 文件：文件已损坏或不完整，请用原程序打开后重新保存",
    en: "Not a valid .{format} file: it is damaged or incomplete; open it in its program and save it again",
  },
  encrypted: {
    zh: "文档设有密码：请在制作它的程序（Word、WPS 等）中打开，取消密码后重新保存",
    en: "The document is password-protected: open it in the program that made it, remove the password and save it again",
  },
  old_format: {
    zh: "旧版 Word（6.0/95）或 WPS（2005 年以前）格式，或不是文字文档：请在 Word 或 WPS 中打开，另存为 .docx",
    en: "An old Word (6.0/95) or WPS (before 2005) format, or not a text document: open it in Word or WPS and save as .docx",
  },
  no_text_layer: {
    zh: "这个 PDF 没有文字层（扫描件）：暂不支持文字识别，请导入原始文档或带文字的 PDF",
    en: "The PDF has no text layer (a scan): OCR is not supported; import the original document or a PDF with text",
  },
  not_text: {
    zh: "不是可读的文字（二进制文件或无法识别的编码）",
    en: "Not readable text (a binary file or an unknown encoding)",
  },
  zip_bomb: {
    zh: "已拒绝：文档解压后达 {mb} MB，超过 {limit} MB（可能是压缩炸弹）",
    en: "Refused: the document inflates to {mb} MB, over {limit} MB (a zip bomb?)",
  },
  empty_document: { zh: "文档里没有文字", en: "The document contains no text" },
  no_text: {
    zh: "清理后没有正文（文件里只有空行或广告）",
    en: "No text left after cleaning (the file holds only blank lines or adverts)",
  },
  too_short: {
    zh: "文件里几乎没有文字（{chars} 个字），不是一篇讲话稿",
    en: "The file holds {chars} letters of text: too little for a speech",
  },
  unreadable: { zh: "无法读取：{why}", en: "Cannot read: {why}" },
  link_loop: { zh: "符号链接形成循环（指回 {target}），未跟随", en: "A symbolic link loop (back to {target}), not followed" },
  is_folder: { zh: "这是文件夹，不是文件", en: "A folder, not a file" },
  not_regular: { zh: "不是普通文件（设备、管道或套接字）", en: "Not a regular file (a device, pipe or socket)" },
  store: { zh: "无法存入素材库：{why}", en: "Could not store it in the library: {why}" },
  lock_file: { zh: "Office 临时锁文件", en: "An Office lock file" },
  not_a_document: { zh: "不是稿库能读取的文档", en: "Not a document Gaoku reads" },
  link_outside: {
    zh: "指向所选文件夹之外的链接（如需导入，请直接选择那个位置）",
    en: "A link to a place outside the chosen folder (import that place itself to take it in)",
  },
  // Search.
  empty_query: {
    zh: "请输入要检索的内容：原词（狠抓落实）、关键词（乡村振兴 产业）或句式（一是…二是…）",
    en: "Type a phrase (狠抓落实), keywords (乡村振兴 产业) or a pattern (一是…二是…)",
  },
  too_long: { zh: "检索词过长：{chars} 个字（最多 {max} 个）", en: "Query too long: {chars} characters (at most {max})" },
  nothing_to_search: {
    zh: "没有可检索的文字：检索词只有标点或符号",
    en: "Nothing to search for: the query has only punctuation or symbols",
  },
  pattern_needs_text: {
    zh: "句式里除了 … 和 * 还要有文字，例如 一是…二是…三是",
    en: "A pattern needs some text besides … and *, e.g. 一是…二是…三是",
  },
  too_many_parts: {
    zh: "句式分成了 {parts} 段（文字、… 和 *），最多 {max} 段：请搜索短一些的片段",
    en: "The pattern has {parts} parts (texts, … and *); at most {max}: search for a shorter stretch",
  },
  // Values the writer gave.
  empty_title: { zh: "标题不能为空", en: "The title cannot be empty" },
  empty_phrase: { zh: "句式不能为空", en: "A phrase cannot be empty" },
  empty_template_name: { zh: "模板需要一个名称", en: "A template needs a name" },
  rename_taken: { zh: "不能改名为“{name}”：名称为空或已被占用", en: "Cannot rename to “{name}”: empty or taken" },
  bad_date: {
    zh: "日期“{value}”的格式不对：请写 2020、2020-07 或 2020-07-15",
    en: "Date “{value}”: use 2020, 2020-07 or 2020-07-15",
  },
  file_exists: { zh: "{path} 已存在：请换一个文件名", en: "{path} already exists: choose another name" },
  not_a_file_name: { zh: "{path} 不是文件名", en: "{path} is not a file name" },
  no_backup_folder: { zh: "还没有选定定期备份的文件夹", en: "No folder is chosen for regular backups" },
  docx_to_stdout: { zh: ".docx 不能输出到标准输出：请指定文件名", en: "A .docx cannot go to standard output: give a file name" },
  too_big: { zh: "{what} 不能超过 {max}", en: "{what} must be at most {max}" },
  not_a_regular_file: {
    zh: "{path} 不是普通文件（是文件夹、设备或链接），请换一个文件名",
    en: "{path} is not a regular file (a folder, a device or a link); choose another name",
  },
  bad_rules: { zh: "提法规则包有误：{why}", en: "Rule pack: {why}" },
  unknown_rule: { zh: "没有规则“{id}”", en: "No rule “{id}”" },
  out_of_range: { zh: "{what}应在 {min} 到 {max} 之间", en: "{what} must be from {min} to {max}" },
  not_a_speech_id: {
    zh: "“{value}”不是讲话稿编号（应为数字或 all）",
    en: "“{value}” is not a speech id (a number, or all)",
  },
  // Things in the library.
  not_found: { zh: "找不到{what}（{id}）", en: "No {what} {id}" },
  no_revision: { zh: "草稿 {draft} 没有版本 {rev}", en: "Draft {draft} has no revision {rev}" },
  exists: { zh: "已有{what}“{name}”", en: "There is a {what} “{name}” already" },
  built_in: { zh: "“{name}”是内置模板，不能修改；请另存一份再改", en: "“{name}” is built in: save a copy under another name to change it" },
  // The library itself.
  busy: {
    zh: "素材库正被另一个程序写入（数据库已锁定）",
    en: "Another program is writing to the library (the database is locked)",
  },
  db: { zh: "素材库数据库出错：{detail}", en: "Library database error: {detail}" },
  io: { zh: "{path}：{detail}", en: "{path}: {detail}" },
  index: { zh: "检索索引出错：{detail}", en: "Search index error: {detail}" },
  no_home: { zh: "找不到存放素材库的主目录：请设置 GAOKU_LIBRARY", en: "No home folder for the library: set GAOKU_LIBRARY" },
  not_a_folder: {
    zh: "{path} 是文件，不是素材库文件夹：请指定存放 library.sqlite3 的文件夹",
    en: "{path} is a file, not a library folder: give the folder that holds library.sqlite3",
  },
  newer_schema: {
    zh: "这个素材库由更新版本的稿库写入（格式 {found}，本版本只认识 {known}）：请升级稿库",
    en: "The library was written by a newer Gaoku (schema {found}, this one knows {known}): update Gaoku",
  },
  database_damaged: {
    zh: "素材库数据库已损坏（{why}）：请运行 gaoku check，或从备份恢复素材库",
    en: "The library database is damaged ({why}): run gaoku check, or restore the library from a backup",
  },
  read_only: {
    zh: "这个素材库是只读的（只读文件夹或光盘、备份盘）：可以查看和搜索，不能修改；要修改，请把整个文件夹复制到可写的位置",
    en: "The library is read-only (a read-only folder or medium, such as a backup disc): it can be read and searched, not changed; copy the folder somewhere writable to change it",
  },
  read_only_old_schema: {
    zh: "这个素材库是只读的，且格式较旧（格式 {found}，本版本读取格式 {known}）：请把文件夹复制到可写的位置，在那里打开一次以升级",
    en: "The library is read-only and of an older version (schema {found}; this build reads {known}): copy the folder somewhere writable and open it there once to update it",
  },
  index_build: {
    zh: "无法建立搜索索引（{why}），仍使用原来的索引；请腾出磁盘空间后重试",
    en: "The search index could not be built ({why}); the previous index stays in use",
  },
  migration_failed: {
    zh: "无法把素材库升级到格式 {version}：{why}；素材库未改动（可运行 gaoku check，或从备份恢复）",
    en: "Could not bring the library to schema {version}: {why}; the library is unchanged (see gaoku check, or a backup)",
  },
  in_use: {
    zh: "这个素材库正在别处的稿库中打开：{holder}；请先在那里关闭（两个稿库同时写入共享盘上的同一素材库可能损坏它）",
    en: "The library is open in Gaoku elsewhere: {holder}; close it there first (two apps writing one library on a shared drive could damage it)",
  },
  not_a_backup: {
    zh: "{path} 不是本版本能恢复的稿库备份（{why}）",
    en: "{path} is not a Gaoku backup this build can restore ({why})",
  },
  not_a_bundle: {
    zh: "{path} 不是稿库素材包，请选择稿库导出的 .gaoku 文件",
    en: "{path} is not a Gaoku bundle; choose a .gaoku file exported by Gaoku",
  },
  bundle_damaged: {
    zh: "素材包 {path} 已损坏（{why}），没有导入任何内容；请对方重新发送",
    en: "The bundle {path} is damaged ({why}); nothing was imported; ask for the file again",
  },
  bundle_newer: {
    zh: "素材包 {path} 由更新版本的稿库导出（格式 {found}，本版本可读 {known}），没有导入任何内容；请更新稿库",
    en: "The bundle {path} was made by a newer Gaoku (format {found}, this build reads {known}); nothing was imported; update Gaoku",
  },
  template_unreadable: { zh: "一个已存的模板无法读取：{why}", en: "A saved template is unreadable: {why}" },
  docx_write: { zh: "无法写出 .docx：{why}", en: "Could not write the .docx: {why}" },
  // The shell.
  window: { zh: "窗口菜单出错", en: "The window menu failed" },
  import_stopped: { zh: "导入意外中止", en: "The import stopped unexpectedly" },
  importing: { zh: "正在导入：请在导入完成后再恢复", en: "An import is running: restore once it has finished" },
  backup_stopped: { zh: "备份意外中止", en: "The backup stopped unexpectedly" },
  bundle_stopped: { zh: "素材包的导出或导入意外中止", en: "The bundle export or import stopped unexpectedly" },
  library_poisoned: { zh: "素材库在一次错误后不可用：请重启稿库", en: "The library is unavailable after an earlier failure: restart Gaoku" },
};

/** Names of the library's kinds of things, for the `what` parameter. */
const THINGS: Record<string, Entry> = {
  speech: { zh: "讲话稿", en: "speech" },
  draft: { zh: "草稿", en: "draft" },
  phrase: { zh: "句式", en: "phrase" },
  template: { zh: "模板", en: "template" },
};

export type Params = Record<string, unknown>;

/** A file the reading guard stopped: code `damaged` with one of these `why`s. */
const STOPPED: Record<string, Entry> = {
  too_large: {
    zh: ".{format} 文件读取时所需内存超出上限（内存炸弹或文件损坏），已跳过",
    en: "Reading the .{format} file needs more memory than a document may take (a memory bomb or a damaged file); skipped",
  },
  too_deep: {
    zh: ".{format} 文件的结构嵌套过深（文件内部有循环），已跳过",
    en: "The .{format} file is nested too deeply (a loop inside the file); skipped",
  },
  timeout: {
    zh: ".{format} 文件读取超时，已跳过",
    en: "Reading the .{format} file took too long; skipped",
  },
  crashed: {
    zh: "读取 .{format} 文件时出错，已跳过（文件可能已损坏）",
    en: "The reader failed on the .{format} file (it may be damaged); skipped",
  },
};

/**
 * The writer's words for an error: the catalog entry of `code` with its parameters filled in,
 * or `fallback` (the core's English text) for a code the catalog does not have.
 */
export function errorText(code: string, params: Params | undefined, fallback: string): string {
  const why = params?.why;
  const entry = (code === "damaged" && typeof why === "string" && STOPPED[why]) || CATALOG[code];
  if (!entry) return fallback;
  const what = params?.what;
  const thing = typeof what === "string" ? THINGS[what]?.[lang] : undefined;
  return fill(entry[lang], thing ? { ...params, what: thing } : (params ?? {}));
}
