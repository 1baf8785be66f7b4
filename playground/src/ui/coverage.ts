/**
 * The 案例 tab's coverage report: per clause, how many cases name it, the outcomes they reach,
 * and each condition, cap, step, limit, table row and bracket row covered or not (the same report
 * as `zhengce test --coverage`, computed in the worker on request). Marks are spelt out for
 * screen readers; each line number moves the editor there; the report says when the text changed
 * after it was computed.
 */
import { STATUS_WORD } from "../../../runtime/index.js";
import type { CoverageClauseView, CoverageItemView, CoverageView, Span } from "../protocol.js";
import { byId, h, replaceChildren } from "./dom.js";

/** What the report needs from the page. */
export interface CoverageActions {
  /** The current source and the base a guideline uses. */
  request(): Promise<CoverageView>;
  currentSource(): string;
  reveal(span: Span): void;
}

const lineSpan = (line: number): Span => ({
  start: 0,
  end: 0,
  line,
  col: 1,
  endLine: line,
  endCol: 1,
});

function item(it: CoverageItemView, withLines: boolean, actions: CoverageActions): HTMLElement {
  return h(
    "li",
    { class: it.covered ? "covered" : "uncovered", attrs: { "data-covered": String(it.covered) } },
    h("span", { class: "mark", attrs: { "aria-hidden": "true" } }, it.covered ? "✓" : "✗"),
    h("span", { class: "sr-only" }, it.covered ? "已覆盖：" : "未覆盖："),
    `${it.what} `,
    h("code", {}, it.text),
    withLines
      ? h(
          "button",
          {
            class: "link",
            attrs: { type: "button", "aria-label": `在编辑器中查看第${it.line}行` },
            on: { click: () => actions.reveal(lineSpan(it.line)) },
          },
          `第${it.line}行`,
        )
      : null,
    it.covered ? null : h("span", { class: "why" }, `：${it.why}`),
  );
}

function clause(c: CoverageClauseView, withLines: boolean, actions: CoverageActions): HTMLElement {
  const reached = c.outcomes.map((s) => STATUS_WORD[s]).join("、") || "无";
  const open = c.items.filter((it) => !it.covered).length;
  return h(
    "section",
    {
      class: `coverage-clause${c.cases === 0 || open ? " open" : ""}`,
      attrs: { "data-clause": String(c.number), "data-open": String(open) },
    },
    h("h4", {}, `${c.label} ${c.title}`),
    h(
      "p",
      { class: "muted" },
      `${c.cases ? `${c.cases} 个案例` : "没有案例"}；案例达到的结果：${reached}`,
    ),
    c.items.length
      ? h(
          "ul",
          { attrs: { "aria-label": `${c.label}的规则` } },
          ...c.items.map((it) => item(it, withLines, actions)),
        )
      : null,
  );
}

/** The coverage button, its status line and the report. */
export class CoveragePanel {
  private readonly button = byId<HTMLButtonElement>("btn-coverage");
  private readonly status = byId("coverage-summary");
  private readonly list = byId("coverage-list");
  private shown: CoverageView | null = null;
  private running = false;

  constructor(private readonly actions: CoverageActions) {
    this.button.addEventListener("click", () => void this.run());
  }

  /** Compute the coverage of the current text and show it. */
  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.button.disabled = true;
    this.button.setAttribute("aria-busy", "true");
    this.status.textContent = "正在计算案例覆盖（每一项规则删去后重跑全部案例）…";
    try {
      this.render(await this.actions.request());
    } finally {
      this.running = false;
      this.button.disabled = false;
      this.button.removeAttribute("aria-busy");
    }
  }

  /** The text changed: say that the report shown is of an earlier text. */
  sourceChanged(): void {
    if (!this.shown) return;
    const stale = this.shown.source !== this.actions.currentSource();
    this.list.classList.toggle("stale", stale);
    document.body.dataset["coverageStale"] = String(stale);
    if (stale) this.status.textContent = `政策已修改，以下是修改前的覆盖情况；请重新计算。`;
    else this.status.textContent = this.summaryText(this.shown);
  }

  private summaryText(v: CoverageView): string {
    return v.clauses ? `覆盖：${v.summary}` : (v.note ?? "无法计算案例覆盖。");
  }

  private render(v: CoverageView): void {
    this.shown = v;
    const clauses = v.clauses ?? [];
    replaceChildren(
      this.list,
      v.clauses && v.note ? h("p", { class: "note" }, v.note) : null,
      ...clauses.map((c) => clause(c, v.withLines, this.actions)),
    );
    this.list.classList.remove("stale");
    this.status.textContent = this.summaryText(v);
    this.status.className = clauses.some((c) => c.cases === 0 || c.items.some((i) => !i.covered))
      ? "bad"
      : "";
    document.body.dataset["coverage"] = String(Date.now());
    document.body.dataset["coverageStale"] = "false";
    this.sourceChanged();
  }
}
