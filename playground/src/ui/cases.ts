/**
 * The embedded cases panel: each case with pass or fail and its checks; load a case into the form;
 * turn the current form into a new case.
 */
import type { CaseOutcome, Span } from "../protocol.js";
import { byId, h, replaceChildren } from "./dom.js";

/** What the panel needs from the page. */
export interface CasesActions {
  loadCase(c: CaseOutcome): void;
  reveal(span: Span): void;
  addCase(title: string): void;
}

function checks(c: CaseOutcome): HTMLElement | null {
  if (!c.checks.length && !c.failures.length) return null;
  const rows = c.checks.map((k) =>
    h("tr", {}, h("td", {}, k.target), h("td", {}, k.expected), h("td", {}, k.actual)),
  );
  const head = h("tr", {}, h("th", {}, "项目"), h("th", {}, "期望"), h("th", {}, "实际"));
  return h(
    "div",
    { class: "case-detail" },
    c.checks.length ? h("table", {}, h("thead", {}, head), h("tbody", {}, ...rows)) : null,
    c.failures.length
      ? h("ul", { class: "reasons" }, ...c.failures.map((p) => h("li", {}, p)))
      : null,
  );
}

/** Renders the cases list into #cases-list and wires the "new case" form. */
export class CasesPanel {
  private readonly list = byId("cases-list");
  private readonly summary = byId("cases-summary");

  constructor(private readonly actions: CasesActions) {
    const name = byId<HTMLInputElement>("new-case-name");
    byId("btn-add-case").addEventListener("click", () => {
      actions.addCase(name.value.trim() || `案例 ${new Date().toLocaleString("zh-CN")}`);
      name.value = "";
    });
  }

  /** Show the cases of the latest analysis. */
  render(cases: readonly CaseOutcome[], note?: string): void {
    const passed = cases.filter((c) => c.pass).length;
    this.summary.textContent = cases.length
      ? `${passed} / ${cases.length} 个案例通过`
      : (note ?? "政策中还没有案例。");
    this.summary.className = cases.length && passed < cases.length ? "bad" : "";
    const items = cases.map((c) =>
      h(
        "li",
        {
          class: `case ${c.pass ? "pass" : "fail"}`,
          attrs: { "data-case": c.title, "data-pass": String(c.pass) },
        },
        h(
          "div",
          { class: "case-head" },
          h("span", { class: "badge" }, c.pass ? "通过" : "未通过"),
          h("span", { class: "case-title" }, c.title),
          h(
            "button",
            {
              attrs: { type: "button", "data-action": "load" },
              on: { click: () => this.actions.loadCase(c) },
            },
            "载入表单",
          ),
          h(
            "button",
            { attrs: { type: "button" }, on: { click: () => this.actions.reveal(c.span) } },
            "查看源码",
          ),
        ),
        checks(c),
      ),
    );
    replaceChildren(this.list, ...items);
  }
}
