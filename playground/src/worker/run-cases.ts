/**
 * Runs a policy's embedded cases (案例) against its compiled evaluator and says, per expectation,
 * what was expected and what came out, so that the cases panel can show pass or fail.
 */
import { itemsOf } from "../../../compiler/ast.js";
import type { CaseDecl, Expect, Expr, Policy } from "../../../compiler/ast.js";
import type { ClauseResult, CompiledPolicy, EvaluationResult } from "../../../runtime/types.js";
import type { CaseCheck, CaseInput, CaseOutcome } from "../protocol.js";
import { formatYuan, sameAmount } from "../money.js";

/** The JSON value an application carries for a literal written in a case. */
export function literalValue(e: Expr): unknown {
  switch (e.kind) {
    case "Money":
    case "Percent":
    case "Number":
    case "Rate":
    case "DateLit":
    case "Bool":
    case "Str":
      return e.value;
    case "Name":
      return e.name;
    case "Record":
      return Object.fromEntries(e.entries.map((x) => [x.key, literalValue(x.value)]));
    default:
      return undefined;
  }
}

const STATUS_ZH: Record<ClauseResult["status"], string> = {
  awarded: "予以资助",
  ineligible: "不符合",
  "needs-decision": "需决定",
  benefit: "享受权益",
  error: "无法计算",
};

function actualText(c: ClauseResult): string {
  if (c.status === "awarded") return formatYuan(c.amount ?? "0");
  const why = c.reasons.length ? `（${c.reasons.join("；")}）` : "";
  return STATUS_ZH[c.status] + why;
}

function check(x: Expect, result: EvaluationResult, source: string): CaseCheck {
  // The expectation as written, without the leading 期望 and its target (第1条, 总额).
  const expected = source.slice(x.span.start, x.span.end).replace(/^\S+\s+\S+\s*/, "");
  if (x.target === "policy") {
    const pass = x.outcome.kind === "ineligible" ? !result.eligible : result.eligible;
    const actual = result.eligible ? "符合支持对象" : `不符合（${result.reasons.join("；")}）`;
    return { target: "支持对象", expected, actual, pass };
  }
  if (x.target === "total") {
    const want = x.outcome.kind === "amount" ? literalValue(x.outcome.value) : undefined;
    const pass = typeof want === "string" && sameAmount(want, result.total);
    return { target: "总额", expected, actual: formatYuan(result.total), pass };
  }
  const clause = result.clauses.find((c) => c.number === x.target);
  const target = `第${x.target}条`;
  if (!clause) return { target, expected, actual: "没有这一条", pass: false };
  const actual = actualText(clause);
  switch (x.outcome.kind) {
    case "amount": {
      const want = literalValue(x.outcome.value);
      const got = clause.amount ?? "";
      const pass = clause.status === "awarded" && typeof want === "string" && sameAmount(want, got);
      return { target, expected, actual, pass };
    }
    case "ineligible": {
      const reason = x.outcome.reason;
      const pass =
        clause.status === "ineligible" &&
        (!reason || clause.reasons.some((r) => r.includes(reason)));
      return { target, expected, actual, pass };
    }
    case "needsDecision":
      return { target, expected, actual, pass: clause.status === "needs-decision" };
  }
}

function runOne(c: CaseDecl, policy: CompiledPolicy, source: string): CaseOutcome {
  const inputs: CaseInput[] = c.inputs.map((i) => ({
    name: i.name.name,
    text: source.slice(i.value.span.start, i.value.span.end),
    value: literalValue(i.value),
  }));
  const application = Object.fromEntries(inputs.map((i) => [i.name, i.value]));
  const base = { title: c.title, span: c.span, inputs, ...(c.date ? { date: c.date } : {}) };
  const ledger = c.prior.map((p) => ({
    applicant: "申报主体",
    clause: p.clause,
    amount: String(literalValue(p.amount)),
    date: p.date,
  }));
  const approved = Object.fromEntries(
    c.approved.map((a) => [a.clause, String(literalValue(a.amount))]),
  );
  try {
    const ev = policy.evaluate(application, {
      ...(c.date ? { date: c.date } : {}),
      ledger,
      approved,
    });
    if (!ev.ok) {
      const problems = ev.errors.map((e) => `${e.field}：${e.message}`);
      return { ...base, pass: false, checks: [], problems };
    }
    const checks = c.expects.map((x) => check(x, ev.result, source));
    return { ...base, pass: checks.every((k) => k.pass), checks, problems: [] };
  } catch (err) {
    return { ...base, pass: false, checks: [], problems: [`计算出错：${String(err)}`] };
  }
}

/** Evaluate every case of the policy. */
export function runCases(ast: Policy, policy: CompiledPolicy, source: string): CaseOutcome[] {
  return itemsOf(ast, "Case").map((c) => runOne(c, policy, source));
}
