/**
 * Guidelines in the page: keeps the worker's bases current, passes the drafter's choice of base
 * with each analysis, shows the 申报指南 panel, and starts a new guideline from the current policy.
 */
import type { AnalysisStore } from "./analysis-store.js";
import { GuidelineBases } from "./guideline-bases.js";
import { looksLikeGuideline } from "../../language/index.js";
import type { Analysis } from "./protocol.js";
import { SEED_FILE, SEED_SOURCE } from "./seed.js";
import { listVersions, saveVersion, storageProblem } from "./store/drafts.js";
import { toast } from "./ui/dom.js";
import { GuidelinePanel } from "./ui/guideline-panel.js";
import type { CompilerClient } from "./worker-client.js";

/** What the controller needs from the page. */
export interface GuidelineHost {
  source(): string;
  replaceSource(text: string): void;
  requestAnalysis(): void;
  setDate(iso: string): void;
  revealLine(line: number): void;
  versionsChanged(): void;
}

const stamp = () => {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
};

/** The page's guideline features. */
export class GuidelineController {
  private readonly bases: GuidelineBases;
  private readonly panel: GuidelinePanel;

  constructor(
    private readonly host: GuidelineHost,
    private readonly store: AnalysisStore,
    private readonly client: CompilerClient,
  ) {
    this.bases = new GuidelineBases(client);
    this.panel = new GuidelinePanel({
      chooseBase: (id) => {
        this.bases.choice = id;
        host.requestAnalysis();
      },
      setDate: (iso) => host.setDate(iso),
      revealLine: (line) => host.revealLine(line),
    });
  }

  /** What an analysis request adds for a guideline: the chosen base (bases sent first). */
  request(): { baseId?: string } {
    // Cheap when nothing changed: one storage read and a string comparison.
    this.bases.sync();
    return this.bases.choice ? { baseId: this.bases.choice } : {};
  }

  render(a: Analysis): void {
    this.panel.render(a);
  }

  /** 新建申报指南: a guideline draft built on the current policy (kept as a version). */
  async create(): Promise<void> {
    const a = this.store.current;
    const text = this.host.source();
    let policySource = text;
    let ref: string;
    let kept = "";
    if (a?.guideline) {
      const base = a.guideline.base ? this.bases.source(a.guideline.base.id) : undefined;
      if (!a.guideline.base || base === undefined)
        return toast("请先在“申报指南”中选择所依据的政策。");
      policySource = base;
      ref = a.guideline.basedOn || a.guideline.base.label;
    } else if (looksLikeGuideline(text)) {
      return toast("当前内容是申报指南，但还没有分析完成，请稍候再试。");
    } else if (text === SEED_SOURCE) {
      ref = SEED_FILE;
    } else {
      const same = listVersions().find((v) => v.source === text);
      if (same) ref = same.name;
      else {
        const title = a?.meta?.title ?? "政策";
        const v = saveVersion(`${title} 指南依据 ${stamp()}`, text);
        if (!v) return toast(storageProblem ?? "当前政策未能保存为版本，未新建申报指南。");
        ref = v.name;
        kept = `；当前政策已保存为版本“${v.name}”`;
        this.host.versionsChanged();
      }
    }
    const r = await this.client.newGuideline(policySource, ref);
    if (r.text === null) return toast(`无法新建申报指南：${r.error ?? "未知原因"}`);
    this.bases.choice = "";
    this.host.replaceSource(r.text);
    toast(`已新建申报指南草稿，基于“${ref}”${kept}（可用 Ctrl+Z 撤销）`);
  }
}
