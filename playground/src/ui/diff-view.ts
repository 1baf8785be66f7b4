/**
 * Side-by-side comparison of any two versions (or a version and the current draft) in Monaco's
 * diff editor. The semantic change list comes with the reviewer-diff issue.
 */
import { monaco } from "../monaco.js";
import { LANGUAGE_ID, THEME } from "../language/register.js";
import { getVersion, listVersions } from "../store/drafts.js";
import { byId, h, replaceChildren } from "./dom.js";

/** The id that stands for the current draft in the version selects. */
const CURRENT = "";

/** The diff overlay. */
export class DiffView {
  private editor: monaco.editor.IStandaloneDiffEditor | null = null;
  private readonly overlay = byId("diff-overlay");
  private readonly left = byId<HTMLSelectElement>("diff-left");
  private readonly right = byId<HTMLSelectElement>("diff-right");

  constructor(private readonly currentSource: () => string) {
    byId("btn-diff-close").addEventListener("click", () => this.close());
    this.left.addEventListener("change", () => this.show());
    this.right.addEventListener("change", () => this.show());
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !this.overlay.hidden) this.close();
    });
  }

  /** Open the comparison of two versions (CURRENT = the draft). */
  open(leftId: string, rightId: string = CURRENT): void {
    const options = () => [
      h("option", { attrs: { value: CURRENT } }, "当前草稿"),
      ...listVersions().map((v) => h("option", { attrs: { value: v.id } }, v.name)),
    ];
    replaceChildren(this.left, ...options());
    replaceChildren(this.right, ...options());
    this.left.value = leftId;
    this.right.value = rightId;
    this.overlay.hidden = false;
    this.show();
  }

  private text(id: string): string {
    return id === CURRENT ? this.currentSource() : (getVersion(id)?.source ?? "");
  }

  private show(): void {
    if (!this.editor) {
      this.editor = monaco.editor.createDiffEditor(byId("diff-editor"), {
        theme: THEME,
        readOnly: true,
        originalEditable: false,
        renderSideBySide: true,
        automaticLayout: true,
        fontSize: 14,
      });
    }
    const old = this.editor.getModel();
    this.editor.setModel({
      original: monaco.editor.createModel(this.text(this.left.value), LANGUAGE_ID),
      modified: monaco.editor.createModel(this.text(this.right.value), LANGUAGE_ID),
    });
    old?.original.dispose();
    old?.modified.dispose();
  }

  /** Close the overlay and free the models. */
  close(): void {
    this.overlay.hidden = true;
    const old = this.editor?.getModel();
    this.editor?.setModel(null);
    old?.original.dispose();
    old?.modified.dispose();
  }
}
