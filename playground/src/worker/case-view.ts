/**
 * The cases panel's view of the compiler's case runner: pass or fail and the failures come from
 * the runner (the same one the CLI's `test` uses); this adds, per expectation, what it says and
 * what the evaluator gave, for display.
 */
import { clauseKeyText, itemsOf } from "../../../grammar/index.js";
import type { Expect, Policy } from "../../../grammar/index.js";
import { moneyPlain, STATUS_WORD } from "../../../runtime/index.js";
import type { Evaluation } from "../../../runtime/index.js";
import type { CaseCheck, CaseOutcome } from "../protocol.js";
import type { CompilerCaseOutcome } from "./compiler-bridge.js";

// A case compares exact amounts: a rounded figure comes with its exact value.
const formatYuan = moneyPlain;

function actual(x: Expect, ev: Evaluation | undefined): string {
  if (!ev) return "未计算";
  if (!ev.ok) return "申报信息有误";
  const r = ev.result;
  if (x.payer !== undefined) return formatYuan(r.byPayer?.[x.payer] ?? "0");
  if (x.target === "total") return formatYuan(r.total);
  if (x.target === "policy") return r.eligible ? "符合支持对象" : "不符合支持对象";
  const c = r.clauses.find((k) => k.number === x.target);
  if (!c) return "没有这一条";
  if (c.status === "not-paid") return `未支付（应得 ${formatYuan(c.entitled ?? "0")}）`;
  return c.status === "awarded" ? formatYuan(c.amount ?? "0") : STATUS_WORD[c.status];
}

function check(x: Expect, ev: Evaluation | undefined, source: string): CaseCheck {
  const target =
    x.payer !== undefined
      ? `资金来源 ${x.payer}`
      : x.target === "total"
        ? "总额"
        : x.target === "policy"
          ? "支持对象"
          : clauseKeyText(x.target);
  // The expectation as written, without the leading 期望 and its target.
  const head = x.payer !== undefined ? /^\S+\s+\S+\s+\S+\s*/ : /^\S+\s+\S+\s*/;
  const expected = source.slice(x.span.start, x.span.end).replace(head, "");
  return { target, expected, actual: actual(x, ev) };
}

/** Outcomes for the panel, in source order. */
export function caseOutcomes(
  ast: Policy,
  outcomes: readonly CompilerCaseOutcome[],
  source: string,
): CaseOutcome[] {
  const decls = itemsOf(ast, "Case");
  return outcomes.map((o) => {
    const decl = decls.find((d) => d.span.start === o.span.start);
    const { ledger, approved, params, date } = o.options;
    return {
      title: o.title,
      span: o.span,
      pass: o.passed,
      failures: o.failures,
      checks: (decl?.expects ?? []).map((x) => check(x, o.evaluation, source)),
      application: o.application,
      options: {
        ...(ledger?.length ? { ledger } : {}),
        ...(approved && Object.keys(approved).length ? { approved } : {}),
        ...(params && Object.keys(params).length ? { params } : {}),
      },
      ...(date ? { date } : {}),
    };
  });
}
