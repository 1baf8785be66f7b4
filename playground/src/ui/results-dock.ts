/**
 * The results summary that stays in view (sticky at the bottom of the side panel, or of the
 * screen on a phone) while the drafter fills the form: the total, each clause's amount, and what
 * stops the calculation (input errors, policy errors). The full results stay below the form.
 */
import type { ClauseResult } from "../../../runtime/index.js";
import type { Analysis } from "../protocol.js";
import { zhDate } from "./form-values.js";
import { h, replaceChildren } from "./dom.js";
import { moneyEl } from "./money-el.js";

function clauseAmount(c: ClauseResult): (HTMLElement | string)[] | null {
  if (c.status === "awarded") return [moneyEl(c.amount ?? "0")];
  if (c.status === "needs-decision") return c.maximum ? ["最高 ", moneyEl(c.maximum)] : ["需决定"];
  if (c.status === "benefit") return ["享受权益"];
  if (c.status === "error") return ["无法计算"];
  if (c.status === "not-paid") return ["未支付（应得 ", moneyEl(c.entitled ?? "0"), "）"];
  return null;
}

/** The summary's lines for an analysis (`shown` is the result displayed, maybe an older one). */
function lines(a: Analysis, shown: Analysis, stale: boolean): (HTMLElement | null)[] {
  const errors = a.diagnostics.filter((d) => d.severity === "error").length;
  const policyErrors = errors
    ? h("div", { class: "bad", attrs: { "data-dock": "policy-errors" } }, `政策有 ${errors} 个错误`)
    : null;
  const ev = shown.evaluation;
  if (!ev) return [h("div", { class: "muted" }, a.evaluationNote ?? "暂无结果。"), policyErrors];
  if (!ev.ok)
    return [
      h(
        "div",
        { class: "bad", attrs: { "data-dock": "input-errors" } },
        `申报信息有 ${ev.errors.length} 处问题，无法计算`,
      ),
      policyErrors,
    ];
  const r = ev.result;
  const paid = r.clauses
    .map((c) => [c, clauseAmount(c)] as const)
    .filter((x): x is readonly [ClauseResult, (HTMLElement | string)[]] => x[1] !== null);
  return [
    h(
      "div",
      { class: "dock-total" },
      "资助合计：",
      moneyEl(r.total, { "data-total": r.total }, "strong"),
      h("span", { class: "muted" }, `（按 ${zhDate(r.date)}${stale ? "，上一次成功的结果" : ""}）`),
    ),
    paid.length
      ? h(
          "ul",
          { class: "dock-clauses" },
          ...paid.map(([c, amount]) =>
            h("li", { attrs: { "data-clause": String(c.number) } }, `${c.clause} `, ...amount),
          ),
        )
      : h("div", { class: "muted" }, r.eligible ? "暂无符合的条款" : "不符合支持对象"),
    policyErrors,
  ];
}

/** Render the summary into `el`; its button scrolls to the full results. */
export function renderDock(el: HTMLElement, a: Analysis, shown: Analysis, stale: boolean): void {
  const more = h("button", { attrs: { type: "button", class: "dock-more" } }, "查看明细");
  more.addEventListener("click", () => {
    const results = document.getElementById("results");
    results?.scrollIntoView({ block: "start" });
    results?.focus();
  });
  replaceChildren(el, h("div", { class: "dock-body" }, ...lines(a, shown, stale)), more);
}
