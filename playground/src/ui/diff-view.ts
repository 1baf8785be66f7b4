/**
 * Side-by-side comparison of any two versions (or a version and the current draft) in Monaco's
 * diff editor, with the reviewer diff beside it: the change list, the impact on the embedded
 * cases, the ranges where amounts differ and the budget, computed in the diff worker (left = 原版,
 * right = 新版). When the right side is the current draft it is the draft itself, editable: each
 * edit (debounced) compares again, the older run is abandoned, and the budget over 100,000
 * synthetic applications follows the text as the drafter types.
 */
import { DiffClient } from "../diff-client.js";
import type { Change, DiffResponse, Span } from "../diff-protocol.js";
import { monaco } from "../monaco.js";
import { LANGUAGE_ID, THEME } from "../language/register.js";
import { spanRange } from "../language/navigation.js";
import { SEED_SOURCE } from "../seed.js";
import { getVersion, listVersions } from "../store/drafts.js";
import { DiffReport } from "./diff-report.js";
import { byId, h, replaceChildren } from "./dom.js";

/** The id that stands for the current draft in the version selects. */
const CURRENT = "";
/** The id that stands for the seed policy (the original text) in the version selects. */
const SEED = "@seed";
/** Quiet time after the last keystroke in the diff view before comparing again. */
const DEBOUNCE_MS = 150;

/** The diff overlay. */
export class DiffView {
  private editor: monaco.editor.IStandaloneDiffEditor | null = null;
  /** The view's own models: the left side, and the right side when it is not the draft. */
  private models: monaco.editor.IDiffEditorModel | null = null;
  private pending: ReturnType<typeof setTimeout> | undefined;
  private readonly overlay = byId("diff-overlay");
  private readonly left = byId<HTMLSelectElement>("diff-left");
  private readonly right = byId<HTMLSelectElement>("diff-right");
  private readonly client = new DiffClient();
  private readonly report = new DiffReport(byId("diff-report"), (c) => this.revealChange(c));
  /** The answers for the last pair of sources compared, replayed when the same pair is shown. */
  private answered: { key: string; messages: DiffResponse[]; complete: boolean } | null = null;
  private decorations: monaco.editor.IEditorDecorationsCollection[] = [];

  constructor(
    private readonly currentSource: () => string,
    /** The draft's model: shown (and edited) on the right when the right side is the draft. */
    private readonly draft?: monaco.editor.ITextModel,
  ) {
    draft?.onDidChangeContent(() => {
      if (this.overlay.hidden || !this.live()) return;
      clearTimeout(this.pending);
      this.pending = setTimeout(() => this.recompare(), DEBOUNCE_MS);
    });
    this.client.onMessage = (m) => {
      this.answered?.messages.push(m);
      if (m.kind === "done" && this.answered) this.answered.complete = true;
      this.apply(m);
    };
    byId("btn-diff-close").addEventListener("click", () => this.close());
    this.left.addEventListener("change", () => this.show());
    this.right.addEventListener("change", () => this.show());
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !this.overlay.hidden) this.close();
    });
  }

  /**
   * 对比版本: the draft against the last saved version that differs from it, else against the
   * seed policy (the original), and say which.
   */
  openLatest(): void {
    const current = this.currentSource();
    const last = listVersions().find((v) => v.source !== current);
    if (last) {
      this.open(last.id);
      byId("diff-note").textContent = `左侧是最近保存的版本“${last.name}”，右侧是当前草稿。`;
    } else if (current !== SEED_SOURCE) {
      this.open(SEED);
      byId("diff-note").textContent =
        "还没有与当前草稿不同的版本：左侧是示例政策原文，右侧是当前草稿。";
    } else {
      this.open(CURRENT);
      byId("diff-note").textContent = "当前草稿就是示例政策，还没有可对比的版本；请先保存版本。";
    }
  }

  /** Open the comparison of two versions (CURRENT = the draft). */
  open(leftId: string, rightId: string = CURRENT): void {
    byId("diff-note").textContent = "";
    const options = () => [
      h("option", { attrs: { value: CURRENT } }, "当前草稿"),
      ...listVersions().map((v) => h("option", { attrs: { value: v.id } }, v.name)),
      h("option", { attrs: { value: SEED } }, "示例政策（原文）"),
    ];
    replaceChildren(this.left, ...options());
    replaceChildren(this.right, ...options());
    this.left.value = leftId;
    this.right.value = rightId;
    this.overlay.hidden = false;
    this.show();
  }

  private text(id: string): string {
    if (id === SEED) return SEED_SOURCE;
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
    // The two models live as long as the view and are only refilled: disposing them while Monaco's
    // worker still computes their diff makes it throw "no diff result available".
    this.models ??= {
      original: monaco.editor.createModel("", LANGUAGE_ID),
      modified: monaco.editor.createModel("", LANGUAGE_ID),
    };
    const live = this.live();
    this.models.original.setValue(this.text(this.left.value));
    if (!live) this.models.modified.setValue(this.text(this.right.value));
    const modified = live && this.draft ? this.draft : this.models.modified;
    const now = this.editor.getModel();
    if (now?.original !== this.models.original || now.modified !== modified)
      this.editor.setModel({ original: this.models.original, modified });
    this.editor.updateOptions({ readOnly: !live });
    byId("diff-live").hidden = !live;
    this.decorations = [];
    this.compare(this.text(this.left.value), this.text(this.right.value));
  }

  /** The right side is the draft itself (editable in the view). */
  private live(): boolean {
    return this.right.value === CURRENT && !!this.draft;
  }

  /** The draft changed in the view: compare again, keeping the last answers until new ones come. */
  private recompare(): void {
    if (this.overlay.hidden || !this.live()) return;
    this.compare(this.text(this.left.value), this.currentSource(), true);
  }

  /** Start the reviewer diff of two sources, or replay the answers for the same pair. */
  private compare(oldSource: string, newSource: string, keep = false): void {
    const key = JSON.stringify([oldSource, newSource]);
    if (oldSource === newSource) {
      this.client.cancel();
      this.answered = null;
      this.report.reset("");
      this.report.changes({
        kind: "changes",
        id: 0,
        ok: true,
        changes: [],
        counts: { rule: 0, text: 0, case: 0, format: 0 },
        problems: {},
      });
      return this.report.done("左右两侧是同一份文本。");
    }
    if (this.answered?.key === key && this.answered.complete) {
      this.report.reset("");
      for (const m of this.answered.messages) this.apply(m);
      return;
    }
    this.answered = { key, messages: [], complete: false };
    if (keep) this.report.refresh("草稿已修改，正在重新计算……");
    else this.report.reset("正在对比两个版本……");
    this.client.diff(oldSource, newSource);
  }

  private apply(m: DiffResponse): void {
    switch (m.kind) {
      case "changes":
        return this.report.changes(m);
      case "progress":
        return this.report.progress(m.text);
      case "impact":
        return this.report.impact(m.impact);
      case "boundaries":
        return this.report.boundaries(m.boundaries);
      case "budget":
        return this.report.budget(m.budget);
      case "done":
        return this.report.done(`对比完成，用时 ${(m.ms / 1000).toFixed(1)} 秒。`);
      case "failed":
        if (this.answered) this.answered.complete = false;
        return this.report.failed(m.error);
    }
  }

  /** Show a change in both sides of the diff editor, selected and highlighted. */
  private revealChange(c: Change): void {
    if (!this.editor) return;
    for (const d of this.decorations) d.clear();
    this.decorations = [];
    const sides: readonly [
      [monaco.editor.ICodeEditor, Span | undefined],
      [monaco.editor.ICodeEditor, Span | undefined],
    ] = [
      [this.editor.getOriginalEditor(), c.oldSpan],
      [this.editor.getModifiedEditor(), c.newSpan],
    ];
    for (const [ed, span] of sides) {
      if (!span) continue;
      const r = spanRange(span);
      ed.setSelection(r);
      ed.revealRangeInCenterIfOutsideViewport(r);
      this.decorations.push(
        ed.createDecorationsCollection([
          { range: r, options: { className: "diff-reveal", isWholeLine: false } },
        ]),
      );
    }
    (c.newSpan ? sides[1] : sides[0])[0].focus();
  }

  /** Close the overlay (the models stay for the next comparison). */
  close(): void {
    this.overlay.hidden = true;
    clearTimeout(this.pending);
    // A running comparison is abandoned; a finished one stays for reopening the same pair.
    if (this.answered && !this.answered.complete) {
      this.client.cancel();
      this.answered = null;
    }
  }
}
