/**
 * Named versions: save the current draft under a name; open, rename, delete, compare.
 */
import {
  deleteVersion,
  listVersions,
  renameVersion,
  saveVersion,
  storageProblem,
  type Version,
} from "../store/drafts.js";
import { byId, h, replaceChildren, toast } from "./dom.js";

/** What the panel needs from the page. */
export interface VersionActions {
  currentSource(): string;
  open(v: Version): void;
  compare(leftId: string, rightId: string): void;
}

const when = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : d.toLocaleString("zh-CN", { hour12: false });
};

/** Renders #versions-list and wires the save form. */
export class VersionsPanel {
  private readonly list = byId("versions-list");

  constructor(private readonly actions: VersionActions) {
    const name = byId<HTMLInputElement>("version-name");
    byId("btn-save-version").addEventListener("click", () => {
      const v = saveVersion(
        name.value || `版本 ${when(new Date().toISOString())}`,
        actions.currentSource(),
      );
      if (!v) return toast(storageProblem ?? "保存失败。");
      name.value = "";
      toast(`已保存版本“${v.name}”`);
      this.render();
    });
    this.render();
  }

  /** Re-read the versions from storage and show them. */
  render(): void {
    const versions = listVersions();
    if (!versions.length) {
      replaceChildren(this.list, h("li", { class: "muted" }, "还没有保存的版本。"));
      return;
    }
    replaceChildren(this.list, ...versions.map((v) => this.row(v)));
  }

  private row(v: Version): HTMLElement {
    const title = h("span", { class: "version-name" }, v.name);
    const li = h("li", { class: "version", attrs: { "data-version": v.name } });
    const rename = () => {
      const input = h("input", { attrs: { type: "text", "aria-label": "新名称" } });
      input.value = v.name;
      const done = () => {
        renameVersion(v.id, input.value);
        this.render();
      };
      input.addEventListener("keydown", (e) => {
        if (e.key === "Enter") done();
        if (e.key === "Escape") this.render();
      });
      input.addEventListener("blur", done);
      title.replaceWith(input);
      input.focus();
      input.select();
    };
    const del = h("button", { attrs: { type: "button" } }, "删除");
    del.addEventListener("click", () => {
      // Two clicks, not a dialog: a confirmation that never blocks the page.
      if (del.dataset["armed"]) {
        deleteVersion(v.id);
        toast(`已删除版本“${v.name}”`);
        this.render();
      } else {
        del.dataset["armed"] = "1";
        del.textContent = "确认删除";
        setTimeout(() => {
          delete del.dataset["armed"];
          del.textContent = "删除";
        }, 3000);
      }
    });
    const btn = (label: string, fn: () => void) =>
      h("button", { attrs: { type: "button" }, on: { click: fn } }, label);
    replaceChildren(
      li,
      title,
      h("span", { class: "muted version-time" }, when(v.savedAt)),
      h(
        "div",
        { class: "version-actions" },
        btn("打开", () => this.actions.open(v)),
        btn("重命名", rename),
        btn("与当前对比", () => this.actions.compare(v.id, "")),
        del,
      ),
    );
    return li;
  }
}
