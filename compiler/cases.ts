/**
 * Embedded cases (案例) run through the compiled evaluator: the same code the CLI, the service
 * and the playground run. A case may build on another (基于) and override its inputs.
 */
import { Dec } from "../runtime/money.js";
import { fmtMoney } from "../runtime/format.js";
import type { CompiledPolicy, Evaluation, EvaluateOptions, LedgerEntry } from "../runtime/types.js";
import type { CaseDecl, Expect, Expr, Policy, Span } from "../grammar/ast.js";
import { assertNever, itemsOf } from "../grammar/ast.js";
import { clauseKeyText } from "../grammar/clause-ids.js";

export interface CaseOutcome {
  readonly title: string;
  readonly passed: boolean;
  /** One Chinese line per unmet expectation. */
  readonly failures: readonly string[];
  readonly application: Record<string, unknown>;
  readonly options: EvaluateOptions;
  readonly evaluation?: Evaluation;
  readonly span: Span;
}

/** A constant expression as the JSON an application would carry. */
export function exprToJson(e: Expr): unknown {
  switch (e.kind) {
    case "Money":
      return e.value;
    case "Number":
      // with its unit as written (3000㎡, 第3名): the application data the evaluator validates
      return e.unit ? e.text : e.value;
    case "Percent":
      return e.text;
    case "Bool":
      return e.value;
    case "DateLit":
    case "Str":
      return e.value;
    case "Name":
      return e.name;
    case "Neg": {
      const inner = exprToJson(e.operand);
      return typeof inner === "string" ? `-${inner}` : inner;
    }
    case "Record":
      return Object.fromEntries(e.entries.map((x) => [x.key, exprToJson(x.value)]));
    // not a constant an application could carry
    case "Rate":
    case "ClauseAmount":
    case "AppDate":
    case "Binary":
    case "Compare":
    case "InSet":
    case "Logic":
    case "Not":
    case "If":
    case "Call":
    case "Sum":
    case "Table":
    case "Brackets":
    case "History":
      return undefined;
    default:
      return assertNever(e);
  }
}

/** The case with everything it inherits through 基于 (a cycle stops the chain). */
function chain(c: CaseDecl, byTitle: ReadonlyMap<string, CaseDecl>): CaseDecl[] {
  const out: CaseDecl[] = [c];
  const seen = new Set([c.title]);
  let cur = c;
  while (cur.basedOn && byTitle.has(cur.basedOn) && !seen.has(cur.basedOn)) {
    cur = byTitle.get(cur.basedOn)!;
    seen.add(cur.title);
    out.unshift(cur);
  }
  return out;
}

/** The application and options a case describes. */
export function caseInput(
  c: CaseDecl,
  policy: Policy,
): { application: Record<string, unknown>; options: EvaluateOptions } {
  const byTitle = new Map(itemsOf(policy, "Case").map((x) => [x.title, x]));
  const application: Record<string, unknown> = {};
  const ledger: LedgerEntry[] = [];
  const approved: Record<string, string> = {};
  const params: Record<string, unknown> = {};
  let date: string | undefined;
  for (const link of chain(c, byTitle)) {
    if (link.date) date = link.date;
    for (const i of link.inputs) application[i.name.name] = exprToJson(i.value);
    for (const p of link.prior)
      ledger.push({
        applicant: "申报主体",
        clause: p.clause,
        amount: String(exprToJson(p.amount)),
        date: p.date,
        ...(p.project !== undefined ? { project: p.project } : {}),
        ...(p.base ? { base: String(exprToJson(p.base)) } : {}),
      });
    for (const a of link.approved) approved[a.clause] = String(exprToJson(a.amount));
    for (const p of link.params) params[p.name.name] = exprToJson(p.value);
  }
  // A case's prior awards are its applicant's: the one it names, else the default 申报主体.
  const named = typeof application["申报主体"] === "string";
  const who = named ? (application["申报主体"] as string) : "申报主体";
  const options: EvaluateOptions = {
    ...(date ? { date } : {}),
    ledger: ledger.map((e) => ({ ...e, applicant: who })),
    approved,
    params,
    ...(ledger.length && !named ? { applicant: who } : {}),
  };
  return { application, options };
}

const money = (s: string | null | undefined) =>
  s === null || s === undefined ? "无" : fmtMoney(new Dec(s));

function checkExpect(ev: Evaluation, ex: Expect): string | undefined {
  if (!ev.ok) return `申报信息有误：${ev.errors.map((e) => e.message).join("；")}`;
  const r = ev.result;
  const o = ex.outcome;
  if (ex.payer !== undefined) {
    if (o.kind !== "amount") return "期望 资金来源 只能写金额";
    const want = String(exprToJson(o.value));
    const got = r.byPayer?.[ex.payer];
    if (got === undefined) return `结果中没有资金来源“${ex.payer}”`;
    return new Dec(got).eq(want)
      ? undefined
      : `期望 资金来源 ${ex.payer} ${money(want)}，实际 ${money(got)}`;
  }
  if (ex.target === "total") {
    if (o.kind !== "amount") return "期望 总额 只能写金额";
    const want = String(exprToJson(o.value));
    return new Dec(r.total).eq(want)
      ? undefined
      : `期望 总额 ${money(want)}，实际 ${money(r.total)}`;
  }
  if (ex.target === "policy") {
    if (o.kind !== "ineligible") return "期望 支持对象 只能写 不符合";
    if (r.eligible) return "期望 不符合支持对象，实际符合";
    if (o.reason && !r.reasons.some((x) => x.includes(o.reason!)))
      return `期望原因包含“${o.reason}”，实际原因：${r.reasons.join("；")}`;
    return undefined;
  }
  const c = r.clauses.find((x) => x.number === ex.target);
  if (!c) return `结果中没有${clauseKeyText(ex.target)}`;
  const actual =
    c.status === "needs-decision"
      ? "需决定"
      : c.status === "ineligible" || c.status === "error"
        ? `不符合（${c.reasons.join("；")}）`
        : c.status === "not-paid"
          ? `符合条件但未支付（应得 ${money(c.entitled)}；${c.reasons.at(-1) ?? ""}）`
          : money(c.amount);
  if (o.kind === "needsDecision")
    return c.status === "needs-decision" ? undefined : `期望 ${c.clause} 需决定，实际 ${actual}`;
  if (o.kind === "notPaid") {
    if (c.status !== "not-paid") return `期望 ${c.clause} 未支付，实际 ${actual}`;
    if (o.reason && !c.reasons.some((x) => x.includes(o.reason!)))
      return `期望 ${c.clause} 未支付的原因包含“${o.reason}”，实际原因：${c.reasons.join("；")}`;
    return undefined;
  }
  if (o.kind === "ineligible") {
    if (c.status === "not-paid")
      return `期望 ${c.clause} 不符合，实际${actual}：写作 期望 ${c.clause} 未支付`;
    if (c.eligible) return `期望 ${c.clause} 不符合，实际 ${actual}`;
    if (o.reason && !c.reasons.some((x) => x.includes(o.reason!)))
      return `期望 ${c.clause} 的原因包含“${o.reason}”，实际原因：${c.reasons.join("；")}`;
    return undefined;
  }
  // A clause that could not be computed reports amount "0": that is no match for an expected 0.
  if (c.status === "error")
    return `期望 ${c.clause} ${o.kind === "amount" ? money(String(exprToJson(o.value))) : "拨付"}，实际无法计算（${c.reasons.join("；")}）`;
  if (o.kind === "payable") {
    const wantPay = String(exprToJson(o.value));
    if (c.payable === undefined)
      return `期望 ${c.clause} 拨付 ${money(wantPay)}，实际没有分期拨付（${actual}）`;
    return new Dec(c.payable).eq(wantPay)
      ? undefined
      : `期望 ${c.clause} 本次拨付 ${money(wantPay)}，实际 ${money(c.payable)}`;
  }
  const want = String(exprToJson(o.value));
  // A clause that qualifies but is not paid (从高不重复) pays 0元.
  const ok =
    (c.status === "awarded" || c.status === "benefit" || c.status === "not-paid") &&
    new Dec(c.amount ?? "0").eq(want);
  return ok ? undefined : `期望 ${c.clause} ${money(want)}，实际 ${actual}`;
}

/** Run every case of a policy through its compiled evaluator. */
export function runCases(policy: Policy, compiled: CompiledPolicy): CaseOutcome[] {
  return itemsOf(policy, "Case").map((c) => {
    const { application, options } = caseInput(c, policy);
    const evaluation = compiled.evaluate(application, options);
    const failures = c.expects
      .map((ex) => checkExpect(evaluation, ex))
      .filter((x): x is string => !!x);
    return {
      title: c.title,
      passed: failures.length === 0,
      failures,
      application,
      options,
      evaluation,
      span: c.span,
    };
  });
}
