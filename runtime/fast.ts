/**
 * The fast path of evaluation: a validator, 支持对象 and clause functions the compiler generated
 * for this policy on exact integer money (./fast-money.ts), for the common case only — explanations
 * off, no ledger, no approved amounts, no parameter overrides, well-formed inputs, the policy in
 * force, at most one clause to compare for 从高不重复 and nothing to deduct. Anything else returns
 * undefined and the application goes through the decimal.js path, which gives every message and
 * every rare case. The results are the same object, key for key, as that path builds.
 */
import { Dec } from "./money.js";
import { FALLBACK, isoDate, plain } from "./fast-money.js";
import { NO_STEPS, type Ctx } from "./clause.js";
import { applyStacking } from "./stacking.js";
import { groupByPayer } from "./payers.js";
import { totalOf } from "./totals.js";
import type {
  ClauseKey,
  ClauseResult,
  EvaluateOptions,
  Evaluation,
  EvaluationResult,
} from "./types.js";
import type { Plan } from "./run.js";

/** A clause's constant part of every result: label, number, title and its properties. */
export interface FastClauseMeta {
  readonly label: string;
  readonly number: ClauseKey;
  readonly title: string;
  readonly beneficiary?: string;
  readonly payer?: string;
  readonly stacksWith?: string;
}

/** Values as the fast validator gives them: scaled integers for amounts, ratios and counts. */
export type FastValues = readonly unknown[];

/** What the generated module adds to its plan for the fast path. */
export interface FastPlan {
  /** Parses a well-formed application, or undefined for anything the full validator must see. */
  readonly inputs: (app: Record<string, unknown>) => unknown[] | undefined;
  /** Parameter values (Dec or undefined) as scaled integers, or undefined when one does not fit. */
  readonly params: (p: readonly unknown[]) => unknown[] | undefined;
  /** Reasons 支持对象 fails, or null. */
  readonly eligibility: (v: FastValues, p: FastValues, date: string) => readonly string[] | null;
  readonly clauses: readonly ((v: FastValues, p: FastValues, date: string) => ClauseResult)[];
  /** The deduction (other support already received) as a plain decimal string. */
  readonly deduct?: (v: FastValues, p: FastValues) => string;
}

type Mutable<X> = { -readonly [P in keyof X]: X[P] };

/** One clause result, the same literal shape (key order included) as ClauseRun builds. */
export function result(
  m: FastClauseMeta,
  status: ClauseResult["status"],
  eligible: boolean,
  amount: string | null,
  reasons: readonly string[] | null,
): Mutable<ClauseResult> {
  const r: Mutable<ClauseResult> = {
    clause: m.label,
    number: m.number,
    title: m.title,
    status,
    eligible,
    amount,
    reasons: reasons ?? NO_STEPS,
    steps: NO_STEPS,
  };
  if (m.beneficiary) r.beneficiary = m.beneficiary;
  if (m.payer) r.payer = m.payer;
  if (m.stacksWith) r.stacksWith = m.stacksWith;
  return r;
}

/** An award of `a` at scale `s`; `base` (scale `bs`) when the amount is a share of it. */
export function awarded(
  m: FastClauseMeta,
  a: number,
  s: number,
  base?: number,
  bs = 0,
  payable?: number,
  ps = 0,
): ClauseResult {
  // A negative award is an error with a message built from decimals: the full path gives it.
  if (a < 0) throw FALLBACK;
  const r = result(m, "awarded", true, plain(a, s), null);
  if (base !== undefined) r.base = plain(base, bs);
  if (payable !== undefined) r.payable = plain(payable, ps);
  return r;
}

/** Needs a decision; `maximum` at scale `s` when the text sets one. */
export function decision(m: FastClauseMeta, maximum?: number, s = 0): ClauseResult {
  const r = result(m, "needs-decision", true, null, null);
  if (maximum !== undefined) r.maximum = plain(maximum, s);
  return r;
}

/** A non-monetary benefit. */
export function benefit(m: FastClauseMeta, text: string): ClauseResult {
  const r = result(m, "benefit", true, "0", null);
  r.benefit = text;
  return r;
}

/** Options the fast path takes: explain false, a date or today in ISO form, nothing else. */
function plainOptions(o: EvaluateOptions): { date?: string; today?: string } | undefined {
  if (o.explain !== false) return undefined;
  let date: string | undefined;
  let today: string | undefined;
  for (const key in o) {
    const v = (o as Record<string, unknown>)[key];
    if (v === undefined || key === "explain") continue;
    if (key === "date") date = isoDate(v) ?? "";
    else if (key === "today") today = isoDate(v) ?? "";
    else return undefined;
    if ((date ?? today) === "") return undefined;
  }
  return { date, today };
}

const PARAMS = new WeakMap<
  Plan,
  { plain?: unknown[] | null; byDate: Map<string, unknown[] | null> }
>();

/** The fast parameter values on `date`, converted once per policy (and date, when they vary). */
function fastParams(plan: Plan, fast: FastPlan, date: string): unknown[] | null {
  let cache = PARAMS.get(plan);
  if (!cache) PARAMS.set(plan, (cache = { byDate: new Map() }));
  const dated = plan.params.some((x) => x.byDate);
  if (!dated) {
    if (cache.plain === undefined)
      cache.plain = fast.params(plan.params.map((x) => x.value)) ?? null;
    return cache.plain;
  }
  let got = cache.byDate.get(date);
  if (got === undefined) {
    const p = plan.params.map((x) => {
      let value = x.value;
      for (const d of x.byDate ?? []) if (d.from <= date) value = d.value;
      return value;
    });
    got = fast.params(p) ?? null;
    if (cache.byDate.size < 1000) cache.byDate.set(date, got);
  }
  return got;
}

const NO_LEDGER: readonly never[] = [];

/**
 * What the stacking rules read on this path: no ledger (so nothing to compare per project), no
 * explanation. The values are not read by them.
 */
function stackingCtx(date: string): Ctx {
  return {
    v: NO_LEDGER,
    p: NO_LEDGER,
    date,
    year: date.slice(0, 4),
    applicant: "申报主体",
    ledger: NO_LEDGER,
    approved: {},
    quotaUsed: {},
    explain: false,
  };
}

function outOfForce(plan: Plan, d: string): boolean {
  return !!(
    (plan.validFrom && d < plan.validFrom) ||
    (plan.validTo && d > plan.validTo) ||
    (plan.repeal && d >= plan.repeal.date) ||
    (plan.window && (d < plan.window.from || d > plan.window.to))
  );
}

/** Evaluate on the fast path, or undefined when this application or these options need the full one. */
export function runFast(
  plan: Plan,
  app: unknown,
  options: EvaluateOptions,
  todayInChina: () => string,
): Evaluation | undefined {
  const fast = plan.fast;
  // Validity governed by a date input (有效期 适用于 立项日期) is worded by the full path.
  if (!fast || plan.stacking.limits || plan.validFor) return undefined;
  if (typeof app !== "object" || app === null || Array.isArray(app)) return undefined;
  const o = plainOptions(options);
  if (!o) return undefined;
  try {
    const v = fast.inputs(app as Record<string, unknown>);
    if (!v) return undefined;
    const own = v[plan.inputs.length] as string | undefined;
    if (o.date && own && o.date !== own) return undefined;
    const date = o.date ?? own ?? o.today ?? todayInChina();
    const dateFrom = o.date ? "option" : own ? "application" : "today";
    if (outOfForce(plan, date)) return undefined;
    const p = fastParams(plan, fast, date);
    if (!p) return undefined;
    const reasons = fast.eligibility(v, p, date);
    const clauses: ClauseResult[] = [];
    if (reasons) {
      for (const c of plan.meta.clauses)
        clauses.push({
          clause: c.label,
          number: c.number,
          title: c.title,
          status: "ineligible",
          eligible: false,
          amount: "0",
          reasons,
          steps: [],
        });
    } else {
      let stackable = 0;
      for (const f of fast.clauses) {
        const c = f(v, p, date);
        if (c.status === "awarded" && !c.stacksWith && c.amount !== "0") stackable++;
        clauses.push(c);
      }
      // 从高不重复 between paid clauses, or a deduction: the shared rules, with the same words.
      const deduct = stackable > 0 && fast.deduct ? fast.deduct(v, p) : "0";
      if ((plan.stacking.highestOnly && stackable > 1) || deduct !== "0") {
        const d = new Dec(deduct);
        applyStacking(plan.stacking, stackingCtx(date), clauses, [], () => d);
      }
    }
    return { ok: true, result: resultOf(plan, date, dateFrom, reasons, clauses) };
  } catch {
    // FALLBACK, or a failure the full path words (a table without the row, a 分档 out of range).
    return undefined;
  }
}

function resultOf(
  plan: Plan,
  date: string,
  dateFrom: "option" | "application" | "today",
  reasons: readonly string[] | null,
  clauses: ClauseResult[],
): EvaluationResult {
  const { total, benefits } = totalOf(clauses);
  const docNo = plan.meta.docNo;
  return {
    policy: plan.meta.title,
    ...(docNo ? { docNo } : {}),
    date,
    dateFrom,
    inForce: true,
    eligible: !reasons,
    reasons: reasons ?? [],
    clauses,
    total,
    ...(plan.payers ? { byPayer: groupByPayer(plan.payers, clauses) } : {}),
    benefits,
    steps: [],
  };
}
