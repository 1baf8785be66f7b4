/**
 * The result of the form's application: per clause, eligible or not, the amount, the explanation
 * step by step and the failed conditions. All text goes in as text nodes.
 */
import { fmtMoney, Dec, notPaidReason, STATUS_WORD } from "../../../runtime/index.js";
import type { ClauseResult, EvaluationResult, ExplainStep } from "../../../runtime/index.js";
import type { Analysis } from "../protocol.js";
import { h, replaceChildren } from "./dom.js";
import { moneyEl } from "./money-el.js";
import { dateNote, incompleteNote } from "./result-notes.js";

function steps(list: readonly ExplainStep[]): HTMLElement | null {
  if (!list.length) return null;
  return h(
    "ol",
    { class: "steps" },
    ...list.map((s) => {
      // Most steps already end with their result; repeat it only when the text does not. Steps
      // are exact (checkable by hand), so the amount is written as the step writes it.
      const amount = s.amount !== undefined ? fmtMoney(new Dec(s.amount)) : null;
      const tail =
        amount && !s.text.endsWith(amount)
          ? h("span", { class: "step-amount" }, ` → ${amount}`)
          : null;
      return h("li", {}, s.text, tail);
    }),
  );
}

function reasons(list: readonly string[]): HTMLElement | null {
  if (!list.length) return null;
  return h("ul", { class: "reasons" }, ...list.map((r) => h("li", {}, r)));
}

function clauseCard(c: ClauseResult, closed = false): HTMLElement {
  const amount =
    c.status === "awarded"
      ? [moneyEl(c.amount ?? "0")]
      : c.status === "needs-decision" && c.maximum
        ? ["最高 ", moneyEl(c.maximum)]
        : c.status === "not-paid"
          ? ["0元（应得 ", moneyEl(c.entitled ?? "0"), "）"]
          : [];
  // A not-paid clause qualifies: its reason is the not-paid line, not a failed condition.
  const notPaid = c.status === "not-paid";
  return h(
    "article",
    {
      class: `clause status-${c.status}${closed ? " closed" : ""}`,
      attrs: {
        "data-clause": String(c.number),
        "data-status": c.status,
        ...(closed ? { "data-closed": "true" } : {}),
      },
    },
    h(
      "header",
      {},
      h("span", { class: "clause-label" }, c.clause),
      h("span", { class: "clause-title" }, c.title),
      h("span", { class: "badge" }, closed ? "本年度不受理" : STATUS_WORD[c.status]),
      h("span", { class: "amount", attrs: { "data-amount": c.amount ?? "" } }, ...amount),
    ),
    c.maximum && c.status === "awarded" && c.maximum !== c.amount
      ? h("div", { class: "muted" }, "政策上限所允许的最高额：", moneyEl(c.maximum))
      : null,
    c.payable !== undefined ? h("div", {}, "本次应拨付：", moneyEl(c.payable)) : null,
    c.benefit ? h("div", {}, `权益：${c.benefit}`) : null,
    c.beneficiary ? h("div", {}, `受益人：${c.beneficiary}`) : null,
    c.payer ? h("div", {}, `资金来源：${c.payer}`) : null,
    c.stacksWith ? h("div", {}, `可叠加：${c.stacksWith}`) : null,
    notPaid
      ? h(
          "div",
          { class: "not-paid", attrs: { "data-not-paid": "true" } },
          "符合条件，应得 ",
          moneyEl(c.entitled ?? "0"),
          `；未支付：${notPaidReason(c)}`,
        )
      : null,
    reasons(notPaid ? c.reasons.slice(0, -1) : c.reasons),
    steps(c.steps),
  );
}

function summary(r: EvaluationResult): HTMLElement {
  const incomplete = incompleteNote(r);
  return h(
    "section",
    { class: "summary" },
    h("h3", {}, r.policy, r.docNo ? h("span", { class: "muted" }, `（${r.docNo}）`) : null),
    h(
      "div",
      { attrs: { "data-date-from": r.dateFrom } },
      dateNote(r),
      r.inForce ? "" : h("strong", { class: "bad" }, "  不在政策有效期内"),
    ),
    // Without a date the evaluator judges at today, which for past policies is out of force.
    r.inForce
      ? null
      : h("div", { class: "muted" }, "可在上方“申报日期”中填写有效期内的日期后再试算。"),
    h(
      "div",
      { attrs: { "data-eligible": String(r.eligible) } },
      r.eligible ? "符合支持对象" : h("strong", { class: "bad" }, "不符合支持对象"),
    ),
    reasons(r.reasons),
    incomplete
      ? h("div", { class: "incomplete bad", attrs: { role: "status" } }, incomplete)
      : null,
    h(
      "div",
      { class: "total" },
      "资助合计：",
      moneyEl(r.total, { "data-total": r.total }, "strong"),
    ),
    r.byPayer
      ? h(
          "div",
          { class: "by-payer" },
          "按资金来源：",
          ...Object.entries(r.byPayer).flatMap(([who, sum], i) => [
            i ? "；" : "",
            `${who} `,
            moneyEl(sum),
          ]),
        )
      : null,
    r.benefits.length ? h("div", {}, `其他权益：${r.benefits.join("；")}`) : null,
    steps(r.steps),
  );
}

/** Render the analysis' evaluation (or why there is none) into `el`. */
export function renderResults(el: HTMLElement, a: Analysis): void {
  const out: (HTMLElement | null)[] = [];
  const ev = a.evaluation;
  if (!ev) {
    out.push(h("p", { class: "note" }, a.evaluationNote ?? "暂无结果。"));
  } else if (!ev.ok) {
    out.push(
      h(
        "div",
        { class: "input-errors" },
        h("strong", {}, "申报信息有误，无法计算："),
        reasons(ev.errors.map((e) => `${e.field}：${e.message}`)),
      ),
    );
  } else {
    if (a.evaluationNote) out.push(h("p", { class: "note" }, a.evaluationNote));
    // Clauses that apply come first; the ones the applicant does not meet are folded away, with
    // their failed conditions one click away.
    const applies = ev.result.clauses.filter((c) => c.status !== "ineligible");
    const others = ev.result.clauses.filter((c) => c.status === "ineligible");
    // A guideline's closed clauses say so, with the reason the evaluator gives.
    const closed = new Set(a.guideline?.closed ?? []);
    const card = (c: ClauseResult) => clauseCard(c, closed.has(c.number));
    out.push(summary(ev.result), ...applies.map(card));
    if (others.length) {
      const list = others.map((c) => `${c.clause}`).join("、");
      const shut = others.filter((c) => closed.has(c.number)).map((c) => c.clause);
      const note = shut.length ? `（其中本年度不受理：${shut.join("、")}）` : "";
      out.push(
        h(
          "details",
          { class: "ineligible-clauses" },
          h("summary", {}, `不符合的条款（${others.length}）：${list}${note}`),
          ...others.map(card),
        ),
      );
    }
  }
  replaceChildren(el, ...out);
}
