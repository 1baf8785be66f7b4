/**
 * The evaluation driver every compiled policy shares: validation, validity dates, 支持对象, the
 * generated clause functions, stacking rules and totals. Generated code supplies a {@link Plan}.
 */
import { ClauseRun, type Ctx } from "./clause.js";
import { fmtDate } from "./format.js";
import type { Dec } from "./money.js";
import type {
  ClauseKey,
  ClauseResult,
  DateSource,
  EvaluateOptions,
  Evaluation,
  InputError,
  InputMeta,
  PolicyMeta,
} from "./types.js";
import { normalizeApplicant, normalizeProject } from "./ledger-entries.js";
import { checkOptions } from "./options.js";
import { failureText } from "./ops.js";
import { applyPolicyLimits, type PolicyLimit } from "./policy-limits.js";
import { groupByPayer } from "./payers.js";
import { totalOf } from "./totals.js";
import { applyStacking } from "./stacking.js";
import { parseValue, validate } from "./validate.js";
import { runFast, type FastPlan } from "./fast.js";

/** What a generated module hands to the runtime. */
export interface Plan {
  readonly meta: PolicyMeta;
  readonly inputs: readonly InputMeta[];
  readonly defaults: readonly unknown[];
  readonly params: readonly {
    readonly meta: InputMeta;
    readonly value: unknown;
    /** Values from a date on (ascending `from`): the application's date picks the last that applies. */
    readonly byDate?: readonly { readonly from: string; readonly value: unknown }[];
  }[];
  readonly validFrom?: string;
  readonly validTo?: string;
  /** 有效期 … 适用于 立项日期: the validity governs this date input, not the application date. */
  readonly validFor?: { readonly input: number; readonly name: string };
  readonly repeal?: { readonly date: string; readonly basis?: string };
  readonly window?: { readonly from: string; readonly to: string };
  /** Pushes the reasons 支持对象 fails, if any. */
  readonly eligibility: (ctx: Ctx, run: ClauseRun) => void;
  readonly clauses: readonly ((ctx: Ctx) => ClauseResult)[];
  /** The order to evaluate clauses in (indexes), when some clause uses another's amount. */
  readonly order?: readonly number[];
  /** 资金来源: every payer the policy names, in order (with 未指明资金来源 when a clause names none). */
  readonly payers?: readonly string[];
  readonly stacking: {
    readonly highestOnly: boolean;
    readonly deduct?: (ctx: Ctx) => Dec;
    readonly deductText?: string;
    /** Limits over all clauses (叠加规则: 单个企业 每年限 1 项 …). */
    readonly limits?: readonly PolicyLimit[];
  };
  /** The generated fast path (exact integer money), when the policy's constructs allow one. */
  readonly fast?: FastPlan;
}

/** Today's date in China Standard Time (UTC+8), as YYYY-MM-DD. */
export function todayInChina(): string {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

let fastOn = true;
let fastHits = 0;

/**
 * Turn the generated fast path off or on (tests compare both paths; both give the same results).
 * Returns how many evaluations the fast path has answered so far.
 */
export function useFastPath(on: boolean): number {
  fastOn = on;
  return fastHits;
}

/** Evaluate one application against a plan. Never throws on bad input: errors come back as data. */
export function run(plan: Plan, app: unknown, options: EvaluateOptions = {}): Evaluation {
  try {
    if (plan.fast && options.explain === false && fastOn) {
      const quick = runFast(plan, app, options, todayInChina);
      if (quick) {
        fastHits++;
        return quick;
      }
    }
    return runChecked(plan, app, options);
  } catch (e) {
    // Last resort: whatever generated code or options throw becomes data on this evaluation.
    return { ok: false, errors: [{ field: "政策", message: `计算未能完成：${failureText(e)}` }] };
  }
}

function runChecked(plan: Plan, app: unknown, options: EvaluateOptions): Evaluation {
  const checked = validate(app, plan.inputs, plan.defaults);
  const errors: InputError[] = checked.ok ? [] : [...checked.errors];
  const o = checkOptions(options, plan.meta, errors);
  const p = plan.params.map((x) => x.value);
  let overridden: Set<number> | undefined;
  for (const [name, raw] of o.params ? Object.entries(o.params) : []) {
    const i = plan.params.findIndex((x) => x.meta.name === name);
    if (i < 0) {
      errors.push({ field: `参数.${name}`, message: `未知的参数“${name}”` });
      continue;
    }
    const parsed = parseValue(plan.params[i]!.meta, raw);
    (overridden ??= new Set()).add(i);
    if (parsed.ok) p[i] = parsed.value;
    else errors.push({ field: `参数.${name}`, message: parsed.message });
  }
  const own = checked.ok ? checked.value.date : undefined;
  if (o.date && own && o.date !== own)
    errors.push({
      field: "申报日期",
      message: `申报材料中的申报日期（${fmtDate(own)}）与指定的日期 date（${fmtDate(o.date)}）不一致：请只给出一个，或改为相同`,
    });
  const applicant =
    o.applicant ??
    (checked.ok && checked.value.applicant
      ? normalizeApplicant(checked.value.applicant)
      : undefined);
  if (checked.ok && o.ledger.length && !applicant)
    errors.push({
      field: "申报主体",
      message:
        "给出了台账（ledger），但没有申报主体：请在申报材料中写“申报主体”，或给出 applicant，以便对照台账",
    });
  if (!checked.ok || errors.length) return { ok: false, errors };
  const v = checked.value;
  const dateFrom: DateSource = o.date ? "option" : own ? "application" : "today";
  const date = o.date ?? own ?? o.today ?? todayInChina();
  for (let i = 0; i < plan.params.length; i++) {
    const byDate = plan.params[i]!.byDate;
    if (!byDate || overridden?.has(i)) continue;
    for (const d of byDate) if (d.from <= date) p[i] = d.value;
  }
  const explain = o.explain;
  const ctx: Ctx = {
    v: v.values,
    p,
    date,
    year: date.slice(0, 4),
    applicant: applicant ?? "申报主体",
    ...(v.project ? { project: normalizeProject(v.project) } : {}),
    ledger: o.ledger,
    approved: o.approved,
    quotaUsed: o.quotaUsed,
    explain,
    ...(plan.order ? { done: new Map<ClauseKey, ClauseResult>() } : {}),
  };
  const policy = new ClauseRun(0, "政策", plan.meta.title, explain);
  if (explain && dateFrom === "today")
    policy.step(`未给出申报日期，按今天（中国时间）${fmtDate(date)}计算`);
  if (explain && ctx.ledger.length && !ctx.ledger.some((e) => e.applicant === ctx.applicant))
    policy.step(
      `台账共 ${ctx.ledger.length} 笔，均不属于申报主体“${ctx.applicant}”：本次按该主体未获资助计算（如名称写法不同，请统一）`,
    );
  checkValidity(plan, ctx, policy, dateFrom === "today");
  const inForce = policy.reasons.length === 0;
  // 支持对象 that cannot be computed (a zero divisor, a 分档 out of range) is an error on this item.
  let undecided = false;
  if (inForce)
    try {
      plan.eligibility(ctx, policy);
    } catch (e) {
      undecided = true;
      policy.fail(`支持对象无法判断：${failureText(e)}`);
    }
  const eligible = policy.reasons.length === 0;
  let clauses: ClauseResult[];
  if (!eligible) {
    clauses = plan.meta.clauses.map((c) => ({
      clause: c.label,
      number: c.number,
      title: c.title,
      status: undecided ? ("error" as const) : ("ineligible" as const),
      eligible: false,
      amount: "0",
      reasons: policy.reasons,
      steps: [],
    }));
  } else {
    clauses = plan.order ? inOrder(plan, plan.order, ctx) : plan.clauses.map((f) => f(ctx));
    applyStacking(plan.stacking, ctx, clauses, policy.steps, () => plan.stacking.deduct?.(ctx));
    if (plan.stacking.limits) applyPolicyLimits(plan.stacking.limits, ctx, clauses, policy.steps);
  }
  const { total, benefits } = totalOf(clauses);
  return {
    ok: true,
    result: {
      policy: plan.meta.title,
      ...(plan.meta.docNo ? { docNo: plan.meta.docNo } : {}),
      date,
      dateFrom,
      inForce,
      eligible,
      reasons: policy.reasons,
      clauses,
      total,
      ...(plan.payers ? { byPayer: groupByPayer(plan.payers, clauses) } : {}),
      benefits,
      steps: policy.steps,
    },
  };
}

/** Evaluate clauses in dependency order (第2条金额 first), results back in document order. */
function inOrder(plan: Plan, order: readonly number[], ctx: Ctx): ClauseResult[] {
  const out: ClauseResult[] = new Array<ClauseResult>(plan.clauses.length);
  for (const i of order) {
    const r = plan.clauses[i]!(ctx);
    out[i] = r;
    ctx.done?.set(r.number, r);
  }
  return out;
}

function checkValidity(plan: Plan, ctx: Ctx, policy: ClauseRun, today: boolean): void {
  const d = ctx.date;
  const f = plan.validFor;
  // 有效期 适用于 立项日期: the validity governs that date; 申报期 and 废止 govern the application date.
  const governed = f ? (ctx.v[f.input] as string | undefined) : d;
  const outOfValidity =
    governed !== undefined &&
    ((plan.validFrom && governed < plan.validFrom) || (plan.validTo && governed > plan.validTo));
  // A result that is 0 only because no date was given says so before anything else.
  const out =
    (!f && outOfValidity) ||
    (plan.repeal && d >= plan.repeal.date) ||
    (plan.window && (d < plan.window.from || d > plan.window.to));
  if (out && today)
    policy.fail(
      `未给出申报日期，按今天（中国时间）${fmtDate(d)}计算：以下结果只因这一日期而不予资助；请用 --date 或申报材料中的“申报日期”给出实际申报日期`,
    );
  if (f) validityOf(plan, f.name, governed, policy);
  else {
    if (plan.validFrom && d < plan.validFrom)
      policy.fail(`政策尚未生效：自${fmtDate(plan.validFrom)}起施行，申报日期为${fmtDate(d)}`);
    if (plan.validTo && d > plan.validTo)
      policy.fail(`政策已失效：有效期至${fmtDate(plan.validTo)}，申报日期为${fmtDate(d)}`);
  }
  if (plan.repeal && d >= plan.repeal.date) {
    const basis = plan.repeal.basis ? `（依据${plan.repeal.basis}）` : "";
    policy.fail(`政策已于${fmtDate(plan.repeal.date)}废止${basis}`);
  }
  if (plan.window && (d < plan.window.from || d > plan.window.to)) {
    policy.fail(
      `不在申报期内：申报期为${fmtDate(plan.window.from)}至${fmtDate(plan.window.to)}，申报日期为${fmtDate(d)}`,
    );
  }
  if (ctx.explain && policy.reasons.length === 0 && (plan.validFrom || plan.validTo)) {
    const from = plan.validFrom ? fmtDate(plan.validFrom) : "发布之日";
    const to = plan.validTo ? fmtDate(plan.validTo) : "";
    policy.step(
      f
        ? `${f.name}${fmtDate(governed!)}在有效期内（${from}至${to}）；有效期适用于${f.name}，申报日期${fmtDate(d)}不受有效期截止的限制`
        : `申报日期${fmtDate(d)}在有效期内（${from}至${to}）`,
    );
  }
}

/** 有效期 适用于 立项日期: the project's admission date must fall inside the validity. */
function validityOf(plan: Plan, name: string, date: string | undefined, policy: ClauseRun): void {
  const range = `${plan.validFrom ? fmtDate(plan.validFrom) : "发布之日"}至${plan.validTo ? fmtDate(plan.validTo) : "长期"}`;
  if (date === undefined)
    policy.fail(`有效期（${range}）适用于${name}，但申报材料中没有${name}，无法判断是否在有效期内`);
  else if (plan.validFrom && date < plan.validFrom)
    policy.fail(
      `${name}早于政策生效日期：有效期（${range}）适用于${name}，${name}为${fmtDate(date)}`,
    );
  else if (plan.validTo && date > plan.validTo)
    policy.fail(
      `${name}晚于政策有效期：有效期（${range}）适用于${name}，${name}为${fmtDate(date)}`,
    );
}
