/**
 * The page controller: sends the source and the form to the worker, and spreads each analysis
 * over the editor (markers, highlighting) and the panels (outline, problems, form, results, cases).
 * Also wires the toolbar: import, export, share, diff, format, seed.
 */
import { compileTimeoutDiagnostic, durationText } from "../../grammar/index.js";
import type { AnalysisStore } from "./analysis-store.js";
import { backupBeforeReplace } from "./backup.js";
import { GuidelineController } from "./guideline-controller.js";
import { MARKER_OWNER, toMarkers } from "./language/markers.js";
import { spanRange } from "./language/navigation.js";
import { updateHighlighting } from "./language/register.js";
import { monaco } from "./monaco.js";
import type { Analysis, CaseContext, Span } from "./protocol.js";
import { SEED_SOURCE } from "./seed.js";
import { loadForm, saveForm } from "./store/drafts.js";
import { exportFile, importFile } from "./store/files.js";
import { encodeShare } from "./store/share.js";
import { caseText, caseToForm } from "./ui/case-text.js";
import { CasesPanel } from "./ui/cases.js";
import { CoveragePanel } from "./ui/coverage.js";
import { DiffView } from "./ui/diff-view.js";
import { byId, toast } from "./ui/dom.js";
import { InputForm } from "./ui/form.js";
import { toApplication, toParams, type FormState } from "./ui/form-values.js";
import { renderOutline, renderProblems } from "./ui/outline.js";
import { renderReference } from "./ui/reference.js";
import { renderResults } from "./ui/results.js";
import { renderDock } from "./ui/results-dock.js";
import { showStatus } from "./ui/status.js";
import { TabList } from "./ui/tablist.js";
import { autoDate, showAutoDate } from "./trial-date.js";
import { VersionsPanel } from "./ui/versions.js";
import type { CompilerClient } from "./worker-client.js";

/** Connects the editor, the worker and the panels. */
export class Playground {
  private readonly form: InputForm;
  private readonly cases: CasesPanel;
  private readonly coverage: CoveragePanel;
  private readonly versions: VersionsPanel;
  private readonly diff: DiffView;
  private readonly guideline: GuidelineController;
  private readonly tabs = new TabList(byId("side"), byId("side"), (t) => this.tabShown(t));
  private lastGood: Analysis | null = null;
  private sentRequest = "";

  constructor(
    private readonly editor: monaco.editor.IStandaloneCodeEditor,
    private readonly model: monaco.editor.ITextModel,
    private readonly store: AnalysisStore,
    private readonly client: CompilerClient,
  ) {
    this.guideline = new GuidelineController(
      {
        source: () => model.getValue(),
        replaceSource: (t) => this.replaceSource(t),
        requestAnalysis: () => this.requestAnalysis(),
        setDate: (date) => this.form.setState({ ...this.form.state, date }),
        revealLine: (line) =>
          this.reveal({ start: 0, end: 0, line, col: 1, endLine: line, endCol: 1 }),
        versionsChanged: () => this.versions.render(),
      },
      store,
      client,
    );
    client.onAnalysis = (a) => this.apply(a);
    client.onWatchdog = (source, limitMs) => this.stalled(source, limitMs);
    client.onCases = (m) => {
      if (m.source === this.model.getValue() && this.store.setCases(m.source, m.cases)) {
        this.showCases(m.cases, this.store.current?.evaluationNote);
      }
    };
    this.form = new InputForm(byId("app-form"), loadForm() ?? { date: "", values: {} }, (s) => {
      saveForm(s);
      this.requestAnalysis();
    });
    this.cases = new CasesPanel({
      loadCase: (c) => {
        this.form.setState(caseToForm(c, this.form.fields));
        this.showTab("try");
        toast(`已载入案例“${c.title}”`);
      },
      reveal: (s) => this.reveal(s),
      addCase: (title) => this.addCase(title),
    });
    this.coverage = new CoveragePanel({
      request: () => client.coverage(model.getValue(), this.guideline.request().baseId),
      currentSource: () => model.getValue(),
      reveal: (s) => this.reveal(s),
    });
    this.diff = new DiffView(() => model.getValue(), model);
    this.versions = new VersionsPanel({
      currentSource: () => model.getValue(),
      open: (v) => this.replaceWithBackup(v.source, "打开版本", `已打开版本“${v.name}”`),
      compare: (left, right) => this.diff.open(left, right),
    });
    this.wireToolbar();
  }

  /** Saved versions changed (here or in another tab): show them. */
  versionsChanged(): void {
    this.versions.render();
  }

  /** Ask the worker for a fresh analysis of the current source and form. */
  requestAnalysis(): void {
    const state = this.form.state;
    const application = toApplication(this.form.fields, state);
    const source = this.model.getValue();
    const context = this.context(state);
    const date = this.trialDate(state);
    this.sentRequest = JSON.stringify([source.length, application, date, context]);
    this.client.analyze({
      source,
      application,
      ...(date ? { date } : {}),
      context,
      ...this.guideline.request(),
    });
  }

  /** The date a trial uses: the one entered, else one inside the validity when today is not. */
  private trialDate(state: FormState): string {
    return state.date || (autoDate(this.store.current?.meta ?? this.lastGood?.meta)?.date ?? "");
  }

  /** A loaded case's ledger, approvals and parameters, with parameters the drafter is trying. */
  private context(state: FormState): CaseContext {
    const options = state.context?.options ?? {};
    const tried = toParams(this.form.paramFields, state);
    return Object.keys(tried).length
      ? { ...options, params: { ...options.params, ...tried } }
      : options;
  }

  /** The watchdog stopped the compiler worker on `source`: say so in the editor and status line. */
  private stalled(source: string, limitMs: number): void {
    const n = Number(document.body.dataset["watchdog"] ?? 0) + 1;
    document.body.dataset["watchdog"] = String(n);
    if (source !== this.model.getValue()) return; // a newer text is being compiled
    const at = { start: 0, end: 0, line: 1, col: 1, endLine: 1, endCol: 1 };
    const d = compileTimeoutDiagnostic(
      limitMs,
      at,
      "编译线程已重新启动；结果仍是上一次的，改动文本后再编译",
    );
    monaco.editor.setModelMarkers(this.model, MARKER_OWNER, toMarkers([d]));
    renderProblems([d], (s) => this.reveal(s));
    byId("results").classList.add("stale");
    byId("status").textContent = `编译超时（超过 ${durationText(limitMs)}），编译线程已重新启动`;
    toast(d.message);
  }

  private apply(a: Analysis): void {
    // An answer for an older text would put markers in the wrong places; a newer one is queued.
    if (a.source !== this.model.getValue()) return;
    this.store.set(a);
    monaco.editor.setModelMarkers(this.model, MARKER_OWNER, toMarkers(a.diagnostics));
    updateHighlighting([...this.store.nameIndex.keys()]);
    if (a.evaluation) this.lastGood = a;
    const reveal = (s: Span) => this.reveal(s);
    renderOutline(a.clauses.length ? a.clauses : (this.lastGood?.clauses ?? []), reveal);
    renderProblems(a.diagnostics, reveal);
    if (a.meta) this.form.update(a.meta.inputs, a.meta.params);
    const state = this.form.state;
    const application = toApplication(this.form.fields, state);
    showAutoDate(
      byId<HTMLInputElement>("app-date"),
      byId("app-date-desc"),
      state.date,
      autoDate(a.meta ?? this.lastGood?.meta),
    );
    const date = this.trialDate(state);
    if (
      JSON.stringify([a.source.length, application, date, this.context(state)]) !== this.sentRequest
    ) {
      // The form gained fields (first analysis, new declarations): evaluate with their values.
      this.requestAnalysis();
    }
    const runtimeErrors = a.evaluation && !a.evaluation.ok ? a.evaluation.errors : [];
    this.form.showErrors(runtimeErrors);
    const results = byId("results");
    const stale = !a.evaluation && this.lastGood !== null && a.compilerAvailable;
    results.classList.toggle("stale", stale);
    const shown =
      stale && this.lastGood
        ? {
            ...this.lastGood,
            evaluationNote: `${a.evaluationNote ?? ""}以下是上一次成功计算的结果。`,
          }
        : a;
    renderResults(results, shown);
    renderDock(byId("results-dock"), a, shown, stale);
    this.guideline.render(a);
    this.coverage.sourceChanged();
    // While the cases of a new text run, the panel keeps the previous outcomes.
    if (!a.casesPending) this.showCases(a.cases, a.evaluationNote);
    byId("policy-title").textContent = a.meta?.title ?? this.lastGood?.meta?.title ?? "";
    showStatus(byId("status"), a);
    document.body.dataset["analysis"] = String(a.id);
    // For the figures script: when the page first became usable (editor, markers, results).
    if (!performance.getEntriesByName("zhengce:first-analysis").length) {
      performance.mark("zhengce:first-analysis");
    }
  }

  private showCases(cases: Analysis["cases"], note?: string): void {
    this.cases.render(cases, note);
    const failing = cases.filter((c) => !c.pass).length;
    byId("cases-badge").textContent = cases.length ? (failing ? `${failing}✘` : "✔") : "";
    document.body.dataset["cases"] = String(this.store.current?.id ?? 0);
  }

  /** Move the editor to a span and select it. */
  reveal(s: Span): void {
    const r = spanRange(s);
    this.editor.setSelection(
      new monaco.Range(r.startLineNumber, r.startColumn, r.startLineNumber, r.startColumn),
    );
    this.editor.revealLineInCenter(r.startLineNumber);
    this.editor.focus();
  }

  /** Replace the whole source as one undoable edit. */
  replaceSource(text: string): void {
    this.editor.pushUndoStop();
    this.editor.executeEdits("zhengce", [{ range: this.model.getFullModelRange(), text }]);
    this.editor.pushUndoStop();
  }

  /**
   * Replace the whole text after keeping the current one as a version; the toast says both what
   * happened (`done`) and where the previous text went. Refuses when the backup cannot be written.
   */
  private replaceWithBackup(text: string, action: string, done: string): void {
    const backup = backupBeforeReplace(this.model.getValue(), text, action);
    if (!backup.ok) return toast(backup.note);
    this.replaceSource(text);
    this.versions.render();
    toast(`${done}${backup.note ? `；${backup.note}` : ""}（也可用 Ctrl+Z 撤销）`);
  }

  private addCase(title: string): void {
    const result = this.store.current?.evaluation;
    const text = caseText(
      title,
      this.form.fields,
      this.form.state,
      result?.ok ? result.result : null,
    );
    const end = this.model.getFullModelRange().getEndPosition();
    const sep = this.model.getValue().endsWith("\n") ? "\n" : "\n\n";
    this.editor.pushUndoStop();
    this.editor.executeEdits("zhengce", [
      {
        range: new monaco.Range(end.lineNumber, end.column, end.lineNumber, end.column),
        text: `${sep}${text}\n`,
      },
    ]);
    this.editor.pushUndoStop();
    this.editor.revealLine(this.model.getLineCount());
    toast(`已在政策末尾加入案例“${title}”`);
  }

  private showTab(tab: string): void {
    this.tabs.select(tab);
  }

  private tabShown(tab: string): void {
    if (tab === "versions") this.versions?.render();
    if (tab === "reference" && !byId("reference").childElementCount) renderReference();
  }

  private wireToolbar(): void {
    const file = byId<HTMLInputElement>("file-input");
    byId("btn-import").addEventListener("click", () => file.click());
    file.addEventListener("change", async () => {
      const f = file.files?.[0];
      file.value = "";
      if (!f) return;
      const r = await importFile(f);
      if ("error" in r) return toast(r.error);
      this.replaceWithBackup(r.source, "导入文件", `已导入“${f.name}”`);
    });
    byId("btn-export").addEventListener("click", () => {
      exportFile(
        this.model.getValue(),
        this.store.current?.meta?.title ?? this.lastGood?.meta?.title ?? "政策",
      );
    });
    const shareBox = byId("share-box");
    const shareLink = byId<HTMLInputElement>("share-link");
    byId("btn-share").addEventListener("click", async () => {
      const hash = await encodeShare(this.model.getValue());
      shareLink.value = location.origin + location.pathname + location.search + hash;
      shareBox.hidden = false;
      shareLink.select();
    });
    byId("btn-copy-share").addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(shareLink.value);
        toast("链接已复制。");
      } catch {
        shareLink.select();
        toast("请按 Ctrl+C 复制已选中的链接。");
      }
    });
    byId("btn-close-share").addEventListener("click", () => (shareBox.hidden = true));
    byId("btn-diff").addEventListener("click", () => this.diff.openLatest());
    byId("btn-format").addEventListener("click", () => {
      void this.editor.getAction("editor.action.formatDocument")?.run();
    });
    byId("btn-new-guideline").addEventListener("click", () => void this.guideline.create());
    byId("btn-seed").addEventListener("click", () => {
      this.replaceWithBackup(SEED_SOURCE, "打开示例政策", "已打开示例政策");
    });
  }
}
