/**
 * The semantic side of the version-diff view: the change list (click one to see it in both sides
 * of the diff editor), the embedded cases whose outcome changes, the input ranges where amounts
 * differ with their witnesses, and the budget over a synthetic population with its assumptions.
 * Everything from a policy goes into the DOM as text (see dom.ts).
 */
import type {
  BoundaryView,
  BudgetView,
  Change,
  DiffResponse,
  ImpactView,
  SideView,
} from "../diff-protocol.js";
import type { MoneyText } from "../../../runtime/index.js";
import { h, replaceChildren } from "./dom.js";
import "./diff-report.css";

type ChangesMessage = Extract<DiffResponse, { kind: "changes" }>;

const GROUPS: readonly [Change["effect"], string][] = [
  ["rule", "规则变更"],
  ["text", "文字变更（不影响计算）"],
  ["case", "案例变更"],
  ["format", "注释与排版（不影响规则）"],
];

/** A headed section of the panel, found by `data-section`. */
function section(name: string, title: string): HTMLElement {
  return h(
    "section",
    { class: "diff-section", attrs: { "data-section": name } },
    h("h3", {}, title),
  );
}

/** One side's outcome with its explanation lines. */
function sideLines(label: string, s: SideView): HTMLElement | null {
  if (!s.explanation.length) return null;
  return h(
    "div",
    { class: "diff-explain" },
    h("span", { class: "diff-side" }, label),
    h("ul", {}, ...s.explanation.map((line) => h("li", {}, line))),
  );
}

const arrow = (before: string, after: string) =>
  h(
    "span",
    { class: "diff-arrow" },
    h("span", { class: "diff-before" }, before),
    " → ",
    h("span", { class: "diff-after" }, after),
  );

/** Renders into the panel element it is given. */
export class DiffReport {
  private readonly status = h("div", { class: "diff-status", attrs: { "aria-live": "polite" } });
  private readonly body = h("div", { class: "diff-body-sections" });
  private readonly sections = new Map<string, HTMLElement>();
  private selected: HTMLElement | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly reveal: (c: Change) => void,
  ) {
    replaceChildren(root, this.status, this.body);
  }

  /** Start over for a new comparison. */
  reset(text: string): void {
    this.sections.clear();
    this.selected = null;
    replaceChildren(this.body);
    this.progress(text);
    this.root.dataset["state"] = "running";
  }

  /**
   * Start over for the same pair after an edit: the last answers stay, marked stale, until the
   * new ones replace them; whatever the new comparison does not answer goes when it is done.
   */
  refresh(text: string): void {
    for (const el of this.sections.values()) el.dataset["stale"] = "true";
    this.progress(text);
    this.root.dataset["state"] = "running";
  }

  /** Show what the worker is doing. */
  progress(text: string): void {
    this.status.className = "diff-status busy";
    this.status.textContent = text;
  }

  /** The comparison is complete. */
  done(text: string): void {
    for (const [name, el] of this.sections)
      if (el.dataset["stale"]) {
        el.remove();
        this.sections.delete(name);
      }
    this.status.className = "diff-status";
    this.status.textContent = text;
    this.root.dataset["state"] = "done";
  }

  /** The comparison could not be made. */
  failed(error: string): void {
    this.status.className = "diff-status bad";
    this.status.textContent = error;
    this.root.dataset["state"] = "failed";
  }

  private place(name: string, el: HTMLElement): void {
    const old = this.sections.get(name);
    if (old) old.replaceWith(el);
    else this.body.appendChild(el);
    this.sections.set(name, el);
  }

  /** The change list, grouped by effect. */
  changes(m: ChangesMessage): void {
    const s = section("changes", "变更内容");
    const problems = [
      m.problems.old ? `原版有错误（${m.problems.old}）` : "",
      m.problems.new ? `新版有错误（${m.problems.new}）` : "",
    ].filter(Boolean);
    if (problems.length)
      s.appendChild(
        h("p", { class: "bad" }, `${problems.join("；")}：只能列出变更，无法计算影响。`),
      );
    if (!m.changes.length) {
      const none = problems.length
        ? "无法逐条比较有错误的版本。"
        : "两个版本在规则、文字和排版上都相同。";
      s.appendChild(h("p", { class: "diff-summary" }, none));
      return this.place("changes", s);
    }
    const summary = GROUPS.filter(([e]) => m.counts[e])
      .map(([e, title]) => `${title.replace(/（.*）/, "")} ${m.counts[e]} 项`)
      .join(" · ");
    s.appendChild(h("p", { class: "diff-summary" }, summary));
    if (!m.counts.rule && m.ok)
      s.appendChild(
        h(
          "p",
          { class: "diff-note", attrs: { "data-note": "no-rule-change" } },
          m.counts.text || m.counts.case
            ? "规则没有变化：任何申报的金额都不受影响。"
            : "只有注释与排版变化，规则没有变化：任何申报的金额都不受影响。",
        ),
      );
    for (const [effect, title] of GROUPS) {
      const cs = m.changes.filter((c) => c.effect === effect);
      if (!cs.length) continue;
      s.appendChild(h("h4", {}, `${title}（${cs.length}项）`));
      const items = cs.map((c) => {
        const li = h(
          "li",
          {
            class: `diff-change ${effect}`,
            attrs: { "data-kind": c.kind, "data-effect": effect, tabindex: "0", role: "button" },
            title: "在两侧的对比中显示",
          },
          c.text,
        );
        const go = () => {
          this.selected?.classList.remove("selected");
          li.classList.add("selected");
          this.selected = li;
          this.reveal(c);
        };
        li.addEventListener("click", go);
        li.addEventListener("keydown", (e) => {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            go();
          }
        });
        return li;
      });
      s.appendChild(h("ul", { class: "diff-changes" }, ...items));
    }
    this.place("changes", s);
  }

  /** The embedded cases whose outcome changes, each expandable to both explanations. */
  impact(impact: ImpactView): void {
    const s = section("impact", "对内嵌案例的影响");
    s.appendChild(
      h(
        "p",
        { class: "diff-summary" },
        `评估 ${impact.evaluated} 个案例，结果变化 ${impact.changed.length} 个`,
      ),
    );
    const items = impact.changed.map((c) =>
      h(
        "li",
        { class: "diff-case", attrs: { "data-case": c.label } },
        h(
          "details",
          {},
          h(
            "summary",
            {},
            h("span", { class: "diff-case-title" }, c.label),
            "：合计 ",
            arrow(c.totalBefore, c.totalAfter),
            h("span", { class: `diff-delta ${c.direction}` }, `（${c.delta}）`),
          ),
          ...c.errors.map((e) => h("p", { class: "bad" }, `✗ ${e}`)),
          ...c.clauses.map((k) =>
            h(
              "div",
              { class: "diff-case-clause" },
              h("div", {}, `${k.clause}：`, arrow(k.before.text, k.after.text)),
              sideLines("原版", k.before),
              sideLines("新版", k.after),
            ),
          ),
        ),
      ),
    );
    if (items.length) s.appendChild(h("ul", { class: "diff-cases" }, ...items));
    this.place("impact", s);
  }

  /** Per changed clause, the input ranges where its amount differs, with verified witnesses. */
  boundaries(bs: readonly BoundaryView[]): void {
    const s = section("boundaries", "金额不同的输入范围");
    s.appendChild(h("p", { class: "muted" }, "每段附一个示例，已用两个版本实际计算验证。"));
    for (const b of bs) {
      const block = h("div", { class: "diff-bound", attrs: { "data-clause": b.clause } });
      block.appendChild(h("h4", {}, b.clause));
      if (!b.slices.length)
        block.appendChild(
          h(
            "p",
            { class: "muted" },
            "未找到金额不同的输入（变化只涉及资格或文字，或需要案例未覆盖的情形）。",
          ),
        );
      for (const sl of b.slices) {
        block.appendChild(
          h(
            "div",
            { class: "diff-context" },
            `背景：${sl.context}${sl.fixed ? `（${sl.fixed}）` : ""}`,
          ),
        );
        const ranges = sl.ranges.map((r) =>
          h(
            "li",
            { class: `diff-range ${r.direction}` },
            h("div", {}, r.text),
            h(
              "details",
              { class: "diff-witness" },
              h(
                "summary",
                {},
                `例：${r.value ? `${r.value}：` : ""}原版 ${r.before.text} → 新版 ${r.after.text}`,
                h(
                  "span",
                  { class: r.verified ? "ok" : "bad" },
                  r.verified ? "（已验证）" : "（验证不符！）",
                ),
              ),
              sideLines("原版", r.before),
              sideLines("新版", r.after),
            ),
          ),
        );
        block.appendChild(h("ul", { class: "diff-ranges" }, ...ranges));
      }
      s.appendChild(block);
    }
    this.place("boundaries", s);
  }

  /** Outlay per clause and overall under each version, who gains and who loses, assumptions. */
  budget(b: BudgetView): void {
    const s = section("budget", "预算影响");
    s.appendChild(
      h(
        "p",
        { class: "diff-summary" },
        `合成申报 ${b.size.toLocaleString("zh-CN")} 份（种子 ${b.seed}），申报日期 ${b.date}`,
      ),
    );
    const cell = (amount: MoneyText, awards?: number) =>
      h(
        "td",
        { title: `精确值：${amount.exact}`, attrs: { "data-exact": amount.exact } },
        amount.text,
        awards === undefined ? null : h("span", { class: "diff-awards" }, `${awards}份`),
      );
    const row = (
      label: string,
      cells: HTMLElement[],
      delta: MoneyText | undefined,
      dir: string,
      cls = "",
    ) =>
      h(
        "tr",
        { class: cls, attrs: { "data-clause": label } },
        h("th", { attrs: { scope: "row" } }, label),
        ...cells,
        h(
          "td",
          { class: `diff-delta ${dir}`, ...(delta ? { title: `精确值：${delta.exact}` } : {}) },
          delta?.text ?? "不变",
        ),
      );
    const rows = b.clauses.map((c) =>
      row(
        c.clause,
        [cell(c.before, c.awardsBefore), cell(c.after, c.awardsAfter)],
        c.delta,
        c.direction,
      ),
    );
    const head = h(
      "tr",
      {},
      h("th", {}, "条款"),
      h("th", {}, "原版"),
      h("th", {}, "新版"),
      h("th", {}, "变化"),
    );
    const total = row(
      "合计",
      [cell(b.totalBefore), cell(b.totalAfter)],
      b.delta,
      b.direction,
      "diff-total",
    );
    s.appendChild(
      h(
        "table",
        { class: "diff-budget" },
        h("thead", {}, head),
        h("tbody", {}, ...rows),
        h("tfoot", {}, total),
      ),
    );
    s.appendChild(
      h(
        "p",
        { class: "diff-counts" },
        `获得更多 ${b.better} 份，减少 ${b.worse} 份，不变 ${b.same} 份`,
      ),
    );
    const extremes = [
      b.largestGain ? `增加最多：${b.largestGain}` : "",
      b.largestLoss ? `减少最多：${b.largestLoss}` : "",
      b.invalid ?? "",
    ].filter(Boolean);
    for (const e of extremes) s.appendChild(h("p", { class: "muted" }, e));
    s.appendChild(h("h4", {}, "计算假设"));
    s.appendChild(h("ul", { class: "diff-notes" }, ...b.notes.map((n) => h("li", {}, n))));
    this.place("budget", s);
  }
}
