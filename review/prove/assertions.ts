/**
 * 断言 proven or refuted: each assertion of a policy, negated, is handed to the solver over the
 * space of valid applications (and evaluation options). Unsatisfiable: proven for every valid
 * application. Satisfiable: the model becomes an application that the compiled policy (and the
 * compiled probe of the assertion's own amounts, see compiler/assertion-probe.ts) evaluates; the
 * refutation is only reported when that evaluation breaks the assertion too.
 */
import { assertionProbe, compile, type Checked } from "../../compiler/index.js";
import type { AssertDecl, AssertOperand, Clause, ClauseKey, Span } from "../../grammar/index.js";
import { diag, type Diagnostic } from "../../grammar/index.js";
import {
  assertNever,
  assertOperandText,
  assertStatementText,
  clauseKeyText,
  itemsOf,
} from "../../grammar/index.js";
import { Dec, loadPolicy } from "../../runtime/index.js";
import type { ClauseResult, CompiledPolicy, Evaluation } from "../../runtime/index.js";
import { BENEFIT, DECISION, MONEY, type Outcome } from "./clause-to-term.js";
import { Domain } from "./domain.js";
import { ExprTr, Untranslated } from "./expr-to-term.js";
import { versionTerms, type VersionTerms } from "./policy-to-term.js";
import type { Num } from "./terms.js";
import { Reader, witnessInput, type WitnessInput } from "./witness.js";
import { solverContext, type Z, type ZBool } from "./z3.js";
import { money } from "./prove-diff.js";
import { optionsText, witnessFields } from "./proof-to-text.js";

export type AssertionStatus = "proven" | "refuted" | "timeout" | "untranslated" | "mismatch";

export interface AssertionWitness extends WitnessInput {
  /** What the compiled policy computed for the two sides (or the clauses that applied together). */
  readonly observed: string;
  /** The clauses involved, as the evaluator explains them. */
  readonly trace: readonly string[];
}

export interface AssertionResult {
  /** 1-based, in source order. */
  readonly index: number;
  /** `总额 不超过 1000万`. */
  readonly statement: string;
  readonly description?: string;
  /** Where the assertion is written. */
  readonly span: Span;
  readonly status: AssertionStatus;
  /** One line in Chinese: 已证明：任何有效申报都满足 … */
  readonly text: string;
  readonly witness?: AssertionWitness;
  readonly seconds: number;
}

export interface AssertionReport {
  readonly results: readonly AssertionResult[];
  readonly notes: readonly string[];
  readonly seconds: number;
}

export interface AssertOptions {
  /** Time limit per assertion, in milliseconds (default 4000). */
  readonly timeoutMs?: number;
}

const DEFAULT_ROUNDING = { unit: "fen", mode: "halfUp" } as const;
const UNIT = { fen: 1n, jiao: 10n, yuan: 100n } as const;

/** Prove every 断言 of a compiled policy (its source is compiled again for the prover). */
export async function proveAssertions(
  source: string,
  options: AssertOptions = {},
): Promise<AssertionReport> {
  const started = performance.now();
  const r = compile(source, { emit: ["js"] });
  const done = (results: AssertionResult[], notes: string[]): AssertionReport => ({
    results,
    notes,
    seconds: (performance.now() - started) / 1000,
  });
  if (!r.ok || !r.checked || !r.js) return done([], ["政策无法编译，未作证明"]);
  return proveChecked(r.checked, loadPolicy(r.js), options, started);
}

/** Prove the assertions of a checked policy against its compiled evaluator. */
export async function proveChecked(
  checked: Checked,
  policy: CompiledPolicy,
  options: AssertOptions = {},
  started = performance.now(),
): Promise<AssertionReport> {
  const asserts = itemsOf(checked.policy, "Assert");
  if (!asserts.length) return { results: [], notes: [], seconds: 0 };
  const z = await solverContext();
  const d = new Domain(z);
  const keyOf = (c: Clause) => clauseKeyText(c.number);
  const vt = versionTerms(d, checked, "old", keyOf);
  const probe = assertionProbe(checked);
  const probed = probe.js ? loadPolicy(probe.js) : undefined;
  const limit = options.timeoutMs ?? 4000;
  const s = new z.Solver();
  s.set("timeout", limit);
  s.set("arith.solver", 2);
  s.add(...d.constraints());
  const results: AssertionResult[] = [];
  for (const [i, a] of asserts.entries()) {
    const t0 = performance.now();
    const base = {
      index: i + 1,
      statement: assertStatementText(a),
      ...(a.description !== undefined ? { description: a.description } : {}),
      span: a.span,
    };
    const r = await proveOne(
      { z, d, checked, vt, policy, probe: probed, parts: probe.parts[i] ?? {}, keyOf },
      a,
      s,
    );
    results.push({ ...base, ...r, seconds: (performance.now() - t0) / 1000 });
  }
  const notes = [
    "申报信息按各自类型与校验范围取值（金额为 0 至 1000万亿元、精确到分；日期自 1900 年起）；核定金额、台账中已获资助与名额占用也作为输入",
    "条款金额为叠加规则之后本条的资助金额（不予资助、需核定、无法计算时为 0）；右边的金额按政策的舍入规则取到分，为负或无法计算时断言不成立",
    ...d.notes,
  ];
  return { results, notes, seconds: (performance.now() - started) / 1000 };
}

interface Cx {
  readonly z: Z;
  readonly d: Domain;
  readonly checked: Checked;
  readonly vt: VersionTerms;
  readonly policy: CompiledPolicy;
  readonly probe: CompiledPolicy | undefined;
  readonly parts: { readonly value?: number; readonly when?: number };
  readonly keyOf: (c: Clause) => string;
}

type Verdict = Pick<AssertionResult, "status" | "text" | "witness">;

async function proveOne(cx: Cx, a: AssertDecl, s: InstanceType<Z["Solver"]>): Promise<Verdict> {
  const why =
    cx.vt.policyUntranslated ??
    (cx.vt.untranslated.size ? [...cx.vt.untranslated.values()][0] : undefined);
  if (why || !cx.vt.total)
    return {
      status: "untranslated",
      text: `未作证明：${why ?? "政策层面的规则"}尚未翻译为求解器约束`,
    };
  let broken: ZBool;
  try {
    cx.d.scope = `断言${a.span.start}`;
    broken = violation(cx, a);
  } catch (e) {
    if (!(e instanceof Untranslated)) throw e;
    return { status: "untranslated", text: `未作证明：${e.message}尚未翻译为求解器约束` };
  }
  s.push();
  try {
    // definitions made while translating this assertion (divisions, roundings)
    s.add(...cx.d.constraints([cx.d.scope]));
    const res = await s.check(broken);
    if (res === "unsat") return { status: "proven", text: "已证明：任何有效申报都满足" };
    if (res === "unknown") return { status: "timeout", text: "未能在时限内证明或否定" };
    const w = witnessInput(cx.d, new Reader(cx.z, s.model()), cx.checked, "old", cx.keyOf);
    return simplest(cx, a, w, confirm(cx, a, w));
  } finally {
    s.pop();
  }
}

/** The condition under which an application breaks the assertion. */
function violation(cx: Cx, a: AssertDecl): ZBool {
  const { z, d } = cx;
  const t = d.terms;
  const tr = new ExprTr(d, cx.checked, "old");
  const outcome = (n: ClauseKey): Outcome =>
    cx.vt.final.get(clauseKeyText(n)) ?? { status: t.int(MONEY), amount: t.zero() };
  const rounding = cx.checked.policy.header?.rounding ?? DEFAULT_ROUNDING;
  const operand = (o: AssertOperand): { n: Num; bad: ZBool | false } => {
    switch (o.kind) {
      case "ClauseAmount":
        return { n: outcome(o.clause.number).amount, bad: false };
      case "TotalAmount":
        return { n: cx.vt.total!, bad: false };
      case "Value": {
        const v = tr.num(o.expr);
        const r = t.round(v.n, UNIT[rounding.unit], rounding.mode);
        return { n: r, bad: tr.or(v.err, t.cmp(r, t.zero(), "lt")) };
      }
      default:
        return assertNever(o);
    }
  };
  let broken: ZBool;
  const b = a.body;
  switch (b.kind) {
    case "Compare": {
      const l = operand(b.left);
      const r = operand(b.right);
      const bad = tr.or(l.bad, r.bad);
      const fails = z.Not(t.cmp(l.n, r.n, b.op));
      broken = bad === false ? fails : z.Or(bad, fails);
      break;
    }
    case "Exclusive": {
      const applies = b.clauses.map((c) => {
        const o = outcome(c.number);
        return z.Or(
          z.And(o.status.eq(MONEY), t.cmp(o.amount, t.zero(), "gt")),
          o.status.eq(DECISION),
          o.status.eq(BENEFIT),
        );
      });
      const pairs: ZBool[] = [];
      applies.forEach((x, i) => applies.slice(i + 1).forEach((y) => pairs.push(z.And(x, y))));
      broken = z.Or(...pairs);
      break;
    }
    default:
      return assertNever(b);
  }
  if (!a.when) return broken;
  const g = tr.bool(a.when);
  return g.err === false ? z.And(g.b, broken) : z.Or(g.err, z.And(g.b, broken));
}

/** The reported amount of a clause (0 unless it awards money), or the total. */
function amountOf(ev: Evaluation & { ok: true }, n: ClauseKey | "total"): Dec {
  if (n === "total") return new Dec(ev.result.total);
  const c = ev.result.clauses.find((x) => x.number === n);
  return c && c.status === "awarded" && c.amount ? new Dec(c.amount) : new Dec(0);
}

const OPS = {
  gt: (x: Dec, y: Dec) => x.gt(y),
  ge: (x: Dec, y: Dec) => x.gte(y),
  lt: (x: Dec, y: Dec) => x.lt(y),
  le: (x: Dec, y: Dec) => x.lte(y),
  eq: (x: Dec, y: Dec) => x.eq(y),
  ne: (x: Dec, y: Dec) => !x.eq(y),
} as const;

/** Evaluate the witness with the compiled policy: a refutation only when it reproduces. */
function confirm(cx: Cx, a: AssertDecl, w: WitnessInput): Verdict {
  const ev = cx.policy.evaluate(w.application, { ...w.options, explain: true });
  if (!ev.ok) return mismatch(`示例申报未通过校验：${ev.errors.map((e) => e.message).join("；")}`);
  const probe = cx.probe?.evaluate(w.application, {
    ...(w.options.params ? { params: w.options.params } : {}),
  });
  const probeClause = (n: number | undefined) =>
    n === undefined || !probe?.ok ? undefined : probe.result.clauses.find((c) => c.number === n);
  const involved = new Set<ClauseKey>();
  const side = (o: AssertOperand): { v?: Dec; text: string } => {
    switch (o.kind) {
      case "ClauseAmount": {
        involved.add(o.clause.number);
        const v = amountOf(ev, o.clause.number);
        return { v, text: `${clauseKeyText(o.clause.number)} ${money(v.toString())}` };
      }
      case "TotalAmount": {
        const v = amountOf(ev, "total");
        return { v, text: `总额 ${money(v.toString())}` };
      }
      case "Value": {
        const c = probeClause(cx.parts.value);
        const shown = assertOperandText(o);
        if (!c) return { text: `${shown} 未能计算` };
        if (c.status !== "awarded" || c.amount === null)
          return { text: `${shown} 无法计算（${c.reasons.at(-1) ?? "为负"}）` };
        const v = new Dec(c.amount);
        return { v, text: `${shown} = ${money(v.toString())}` };
      }
      default:
        return assertNever(o);
    }
  };
  if (a.when) {
    const g = probeClause(cx.parts.when);
    if (!g) return mismatch("未能计算断言的适用条件");
    if (g.status === "ineligible") return mismatch("求解器给出的申报不满足断言的适用条件");
  }
  let observed: string;
  const b = a.body;
  switch (b.kind) {
    case "Compare": {
      const l = side(b.left);
      const r = side(b.right);
      observed = `${l.text}，${r.text}`;
      if (l.v && r.v && OPS[b.op](l.v, r.v))
        return mismatch(`求解器预计不成立，计算得到 ${observed}`);
      break;
    }
    case "Exclusive": {
      const on = b.clauses.filter((c) => {
        const r = ev.result.clauses.find((x) => x.number === c.number);
        return (
          r &&
          ((r.status === "awarded" && r.amount !== null && new Dec(r.amount).gt(0)) ||
            r.status === "needs-decision" ||
            r.status === "benefit")
        );
      });
      for (const c of on) involved.add(c.number);
      if (on.length < 2) return mismatch(`求解器预计同时适用，计算得到适用的只有 ${on.length} 条`);
      observed = `${on.map((c) => clauseKeyText(c.number)).join("、")}同时适用`;
      break;
    }
    default:
      return assertNever(b);
  }
  // the clauses the assertion names, or (for 总额) every clause that awarded money
  const trace = ev.result.clauses
    .filter((c) => involved.has(c.number) || (involved.size === 0 && c.status === "awarded"))
    .map(traceLine);
  return {
    status: "refuted",
    text: `不成立：${observed}`,
    witness: { ...w, observed, trace },
  };
}

function mismatch(detail: string): Verdict {
  return {
    status: "mismatch",
    text: `未作证明：求解器的翻译与编译后的计算不一致（${detail}）`,
  };
}

const STATUS_TEXT = {
  ineligible: "不符合",
  "not-paid": "未支付",
  "needs-decision": "需核定",
  error: "无法计算",
} as const;

function traceLine(c: ClauseResult): string {
  const what =
    c.status === "awarded"
      ? money(c.amount ?? "0")
      : c.status === "benefit"
        ? `权益 ${c.benefit ?? ""}`
        : STATUS_TEXT[c.status];
  const why = [...c.reasons, ...c.steps.map((x) => x.text)];
  return `${c.clause}：${what}${why.length ? `（${why.join("；")}）` : ""}`;
}

/**
 * The results as diagnostics at each assertion: E510 where it is refuted (with the verified
 * witness in the help), W510 where it is neither proven nor refuted.
 */
export function assertionDiagnostics(report: AssertionReport): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of report.results) {
    const name = `断言“${r.statement}”`;
    if (r.status === "refuted" && r.witness)
      out.push(
        diag(
          "error",
          "E510",
          `${name}不成立：${r.witness.observed}`,
          r.span,
          `例：${witnessFields(r.witness.application)}${optionsText(r.witness)}（编译后的政策实际计算已验证）`,
        ),
      );
    else if (r.status !== "proven")
      out.push(
        diag(
          "warning",
          "W510",
          `${name}：${r.text}`,
          r.span,
          "断言既未证明也未否定；可用 --prove-timeout 延长时限，或改写为求解器已翻译的写法。",
        ),
      );
  }
  return out;
}

/**
 * A refutation with fewer things set: each input set to true or to an amount is tried as 否 or 0,
 * and each approved amount, ledger and quota entry is tried without; a change is kept when the
 * compiled policy still breaks the assertion. Every step is an evaluation, so the witness shown
 * is verified as the solver's was.
 */
function simplest(cx: Cx, a: AssertDecl, w: WitnessInput, v: Verdict): Verdict {
  if (v.status !== "refuted") return v;
  let best = v;
  let cur = w;
  const attempt = (next: WitnessInput) => {
    const r = confirm(cx, a, next);
    if (r.status !== "refuted") return;
    best = r;
    cur = next;
  };
  for (const [k, val] of Object.entries(w.application)) {
    if (k === "申报日期" || k === "申报主体") continue;
    const plain =
      val === true ? false : typeof val === "string" && /^\d+(\.\d+)?$/.test(val) ? "0" : undefined;
    if (plain === undefined || val === plain || val === "0.00") continue;
    attempt({ ...cur, application: { ...cur.application, [k]: plain } });
  }
  for (const k of Object.keys(w.options.approved ?? {})) {
    const approved = { ...(cur.options.approved ?? {}) };
    delete approved[k];
    const { approved: _, ...rest } = cur.options;
    void _;
    attempt({
      ...cur,
      options: { ...rest, ...(Object.keys(approved).length ? { approved } : {}) },
    });
  }
  if (cur.options.ledger?.length) {
    const { ledger: _, ...rest } = cur.options;
    void _;
    attempt({ ...cur, options: rest });
  }
  if (cur.options.quotaUsed) {
    const { quotaUsed: _, ...rest } = cur.options;
    void _;
    attempt({ ...cur, options: rest });
  }
  return best;
}
