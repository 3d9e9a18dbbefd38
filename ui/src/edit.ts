// Editing a speech's metadata and removing a speech, from the reader.
import { api, asAppError, type Speech } from "./api";
import { confirmClick, el } from "./dom";
import { tr } from "./i18n";

/** The reader's toolbar for one speech; `changed` refreshes the window afterwards. */
export function speechToolbar(
  s: Speech,
  changed: (removed: boolean) => void,
  openDraft: (id: number) => void,
): HTMLElement {
  const bar = el("div", { class: "toolbar" });
  const edit = el("button", { type: "button", id: "edit-speech" }, tr("编辑信息"));
  const remove = el("button", { type: "button", id: "remove-speech" }, tr("删除"));
  const asTemplate = el("button", { type: "button", id: "use-as-template", title: tr("把这篇讲话的结构存为模板，引号里的词留空") }, tr("存为模板"));
  const asDraft = el("button", { type: "button", id: "draft-from-speech" }, tr("以此稿新建草稿"));
  const message = el("span", { class: "toolbar-message", role: "status" });
  bar.append(asDraft, asTemplate, edit, remove, message);

  asDraft.addEventListener("click", async () => {
    try {
      openDraft((await api.draftFromSpeech(s.id)).id);
    } catch (e) {
      message.textContent = asAppError(e).message;
    }
  });

  asTemplate.addEventListener("click", async () => {
    const name = `${s.title}（结构）`;
    try {
      const t = await api.templateFromSpeech(s.id, name, true);
      message.textContent = tr("已存为模板：{name}", { name: t.name });
    } catch (e) {
      message.textContent = asAppError(e).message;
    }
  });

  confirmClick(remove, async () => {
    try {
      await api.removeSpeech(s.id);
      changed(true);
    } catch (e) {
      message.textContent = asAppError(e).message;
    }
  });

  edit.addEventListener("click", () => {
    const form = el("form", { class: "edit-form", id: "edit-form" });
    const field = (name: string, label: string, value: string) => {
      const input = el("input", { name, value, "aria-label": label });
      const row = el("label");
      row.append(el("span", {}, label), input);
      form.append(row);
      return input;
    };
    const title = field("title", tr("标题"), s.title);
    const date = field("date", tr("日期"), s.date ?? "");
    const speaker = field("speaker", tr("讲话人"), s.speaker ?? "");
    const kind = field("kind", tr("类别"), s.kind ?? "");
    const tags = field("tags", tr("标签（用逗号分隔）"), s.tags.join("，"));
    const save = el("button", { type: "submit" }, tr("保存"));
    const cancel = el("button", { type: "button" }, tr("取消"));
    form.append(save, cancel);
    cancel.addEventListener("click", () => form.remove());
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      try {
        await api.editSpeech(s.id, {
          title: title.value,
          date: date.value,
          speaker: speaker.value,
          kind: kind.value,
          tags: tags.value.split(/[,，、\s]+/).filter(Boolean),
        });
        changed(false);
      } catch (e) {
        message.textContent = asAppError(e).message;
      }
    });
    bar.after(form);
    title.focus();
  });
  return bar;
}
