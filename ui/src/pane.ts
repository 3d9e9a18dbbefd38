// The one shape of a sidebar pane (素材库, 句式, 模板, 草稿): main.ts makes a tab of each and
// tells it when it is shown; a new pane is one new factory returning this.

/** A tab of the sidebar. */
export interface Pane {
  /** The tab button's id (`tab-drafts`), which the menu and the shortcuts click. */
  tab: string;
  /** The tab's label, already translated. */
  name: string;
  /** The pane itself. */
  element: HTMLElement;
  /** Called each time the tab is shown: load what may have changed meanwhile. */
  shown(): void;
}
