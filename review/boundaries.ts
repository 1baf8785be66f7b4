/**
 * Boundaries of a change: for each changed clause, the ranges of each of its inputs where its
 * amount differs between versions, every range with a witness application that was evaluated by
 * both compiled versions (with explanations) to confirm it. Ranges are slices: one input varies,
 * the rest is held at a background (a case of the policy, varied over the clause's categories).
 */
import { Dec } from "../runtime/money.js";
import { showMoney } from "../runtime/money-text.js";
import type { CompiledPolicy, EvaluateOptions, Evaluation } from "../runtime/types.js";
import { project, type Sample } from "./applications.js";
import {
  breakpoints,
  dateAxis,
  figures,
  inputAxis,
  reachable,
  type Axis,
} from "./boundary-axes.js";
import { contextsFor, type Context } from "./boundary-contexts.js";
import {
  explanation,
  outcomesDiffer,
  pairResult,
  sideOutcome,
  type ExplainedOutcome,
} from "./outcome.js";
import {
  candidatePoints,
  joinSegments,
  nicePoint,
  scanLine,
  type Direction,
  type Probe,
  type Segment,
} from "./scan.js";
import type { ScanTarget } from "./targets.js";
import type { Version } from "./version.js";

export interface Witness {
  readonly application: Readonly<Record<string, unknown>>;
  readonly options: EvaluateOptions;
  /** The scanned input's value at the witness, in Chinese. */
  readonly value: string;
  readonly before: ExplainedOutcome;
  readonly after: ExplainedOutcome;
  /** Re-evaluated with explanations on, the witness differs the way the range says. */
  readonly verified: boolean;
}

export interface Range {
  /** Integer positions on the axis (分, units or days from the axis start); `hi` null: no upper end. */
  readonly lo: number;
  readonly hi: number | null;
  readonly from: string;
  readonly to: string | null;
  readonly direction: Exclude<Direction, "same">;
  /** Runs joined across amounts so small that rounding to 分 makes both versions agree. */
  readonly joined?: boolean;
  /** `项目已投入金额 16666666.69元 及以上：新版更高`. */
  readonly text: string;
  readonly witness: Witness;
}

export interface Slice {
  /** The background, in Chinese. */
  readonly context: string;
  /** The input that varies; empty when the whole background differs (a clause with no amounts to vary). */
  readonly variable: string;
  /** Values of the target's other amounts in this background. */
  readonly fixed: string;
  readonly ranges: readonly Range[];
}

export interface ClauseBoundaries {
  readonly clause: string;
  readonly slices: readonly Slice[];
}

const DIRECTION: Record<Exclude<Direction, "same">, string> = {
  up: "新版更高",
  down: "新版更低",
  changed: "结果不同",
};

/** The sample with one input (or the date) set to an axis position. */
export function atPosition(s: Sample, axis: Axis, x: number): Sample {
  if (axis.kind === "date")
    return { ...s, options: { ...s.options, date: axis.value(x) as string } };
  return { ...s, application: { ...s.application, [axis.name]: axis.value(x) } };
}

function run(p: CompiledPolicy, s: Sample, explain: boolean): Evaluation {
  const x = project(p, s);
  return p.evaluate(x.application, { ...x.options, explain });
}

function totalOutcome(ev: Evaluation, byEligibility: boolean): ExplainedOutcome {
  if (!ev.ok)
    return {
      status: "invalid",
      amount: "0",
      text: "申报信息有误",
      explanation: ev.errors.map((e) => e.message),
    };
  const r = ev.result;
  return {
    status: r.eligible ? "awarded" : "ineligible",
    // Judged on eligibility, an eligible application counts 1 and an ineligible one 0.
    amount: byEligibility ? (r.eligible ? "1" : "0") : r.total,
    text: r.eligible ? `合计 ${showMoney(r.total)}` : "不符合支持对象",
    explanation: [...r.steps.map((x) => x.text), ...r.reasons.map((x) => `✗ ${x}`)],
  };
}

/** Both versions' outcomes for a target on one sample. */
export function outcomes(
  oldP: CompiledPolicy,
  newP: CompiledPolicy,
  t: ScanTarget,
  s: Sample,
  explain: boolean,
): [ExplainedOutcome, ExplainedOutcome] {
  const a = run(oldP, s, explain);
  const b = run(newP, s, explain);
  if (!t.pair) return [totalOutcome(a, t.byEligibility), totalOutcome(b, t.byEligibility)];
  const pair = t.pair;
  return [
    {
      ...sideOutcome(a, pair, "old"),
      explanation: explain ? explanation(pairResult(a, pair, "old"), a) : [],
    },
    {
      ...sideOutcome(b, pair, "new"),
      explanation: explain ? explanation(pairResult(b, pair, "new"), b) : [],
    },
  ];
}

const OPAQUE = new Set(["needs-decision", "error", "invalid"]);

/**
 * How the new amount compares with the old one. Only amounts count here (不符合 and an award of
 * 0元 are the same amount), except that a pending decision, an error or invalid input hides the
 * amount and so differs from anything else.
 */
export function direction(a: ExplainedOutcome, b: ExplainedOutcome): Direction {
  const x = new Dec(a.amount);
  const y = new Dec(b.amount);
  if (y.gt(x)) return "up";
  if (y.lt(x)) return "down";
  const hidden = OPAQUE.has(a.status) || OPAQUE.has(b.status);
  return hidden && outcomesDiffer(a, b) ? "changed" : "same";
}

/** The runs of one axis where a target differs, on one background. */
export function scanSlice(
  oldP: CompiledPolicy,
  newP: CompiledPolicy,
  t: ScanTarget,
  ctx: Sample,
  axis: Axis,
  hints: readonly number[],
): Segment[] {
  const classify = (x: number): Probe => {
    const [a, b] = outcomes(oldP, newP, t, atPosition(ctx, axis, x), false);
    const d = direction(a, b);
    // The difference in 分 (new − old), for judging where rounding decides.
    return [d, new Dec(b.amount).minus(a.amount).mul(100).toNumber()];
  };
  return scanLine(classify, candidatePoints(hints, axis.max), axis.max);
}

function rangeText(axis: Axis, s: Segment & { joined?: boolean }): string {
  const where =
    s.hi === null
      ? `${axis.label(s.lo)} 及以${axis.kind === "date" ? "后" : "上"}`
      : s.hi === s.lo
        ? `恰为 ${axis.label(s.lo)}`
        : `${axis.label(s.lo)} 至 ${axis.label(s.hi)}`;
  const note = s.joined ? "（其间个别金额因舍入到分两版相同）" : "";
  return `${axis.name} ${where}：${DIRECTION[s.direction]}${note}`;
}

function witness(
  oldP: CompiledPolicy,
  newP: CompiledPolicy,
  t: ScanTarget,
  ctx: Sample,
  axis: Axis,
  s: Segment,
): Witness {
  const x = nicePoint(s.lo, s.hi);
  const at = atPosition(ctx, axis, x);
  const [before, after] = outcomes(oldP, newP, t, at, true);
  return {
    application: at.application,
    options: at.options,
    value: `${axis.name} ${axis.label(x)}`,
    before,
    after,
    verified: direction(before, after) === s.direction,
  };
}

/** Axes of a target with the figures both versions use, plus the dates of both headers. */
export function axesOf(
  a: Version,
  b: Version,
  t: ScanTarget,
): { axes: Axis[]; figs: ReturnType<typeof figures>; dates: string[] } {
  const exprs = [
    ...reachable(t.pair?.old?.items ?? [], a.ast),
    ...reachable(t.pair?.new?.items ?? [], b.ast),
  ];
  const figs = figures(exprs);
  const largest = [...figs.amounts, ...figs.counts].reduce((m, x) => Dec.max(m, x), new Dec(0));
  const metas = new Map(
    [...(a.policy?.meta.inputs ?? []), ...(b.policy?.meta.inputs ?? [])].map((i) => [i.name, i]),
  );
  const axes: Axis[] = t.amounts.flatMap((n) => {
    const ax = metas.get(n) && inputAxis(metas.get(n)!, largest);
    return ax ? [ax] : [];
  });
  const dates = [a, b]
    .flatMap((v) => [
      // 有效期 适用于 立项日期 bounds that input, not the application date
      ...(v.ast?.header?.validFor ? [] : [v.ast?.header?.validFrom, v.ast?.header?.validTo]),
      v.ast?.header?.repeal?.date,
      v.ast?.header?.window?.from,
      v.ast?.header?.window?.to,
    ])
    .filter((d): d is string => !!d);
  if (t.byDate && dates.length) axes.push(dateAxis(dates));
  return { axes, figs, dates };
}

/** Candidate breakpoints of an axis on a background (the other amounts shift them). */
export function hintsFor(
  axis: Axis,
  others: readonly Axis[],
  ctx: Sample,
  figs: ReturnType<typeof figures>,
  dates: readonly string[],
): number[] {
  if (axis.kind === "date") return dates.map((d) => axis.position(d) ?? 0);
  const values = others.map((o) => new Dec(o.position(ctx.application[o.name] ?? 0) ?? 0).div(100));
  return breakpoints(axis, figs, values);
}

/** Boundaries of one target over its backgrounds; slices with identical ranges are shown once. */
export function targetBoundaries(
  a: Version,
  b: Version,
  t: ScanTarget,
  samples: readonly Sample[],
  limit = 8,
): ClauseBoundaries {
  const oldP = a.policy!;
  const newP = b.policy!;
  const { axes, figs, dates } = axesOf(a, b, t);
  const slices: Slice[] = [];
  const seen = new Set<string>();
  for (const ctx of contextsFor(oldP, newP, t, samples, limit)) {
    if (!axes.length) {
      const whole = wholeSlice(oldP, newP, t, ctx);
      const key = whole && `|${whole.ranges[0]!.direction}`;
      if (whole && !seen.has(key!)) {
        seen.add(key!);
        slices.push(whole);
      }
      if (slices.length >= limit) break;
      continue;
    }
    for (const axis of axes) {
      const others = axes.filter((o) => o !== axis && o.kind === "money");
      const hints = hintsFor(axis, others, ctx, figs, dates);
      const segs = joinSegments(
        scanSlice(oldP, newP, t, ctx, axis, hints),
        axis.kind === "money" ? 100 : 0,
      );
      if (!segs.length) continue;
      const key = `${axis.name}|${JSON.stringify(segs)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      slices.push(sliceOf(oldP, newP, t, ctx, axis, segs, others));
      if (slices.length >= limit) return { clause: t.clause, slices };
    }
  }
  return { clause: t.clause, slices };
}

/** A background that differs as a whole, when the target has no amount to vary. */
function wholeSlice(
  oldP: CompiledPolicy,
  newP: CompiledPolicy,
  t: ScanTarget,
  ctx: Context,
): Slice | undefined {
  const [before, after] = outcomes(oldP, newP, t, ctx, true);
  const d = direction(before, after);
  if (d === "same") return undefined;
  const w = { application: ctx.application, options: ctx.options, value: "", before, after };
  return {
    context: ctx.origin,
    variable: "",
    fixed: "",
    ranges: [
      {
        lo: 0,
        hi: null,
        from: "",
        to: null,
        direction: d,
        text: `此背景下：${DIRECTION[d]}`,
        witness: { ...w, verified: true },
      },
    ],
  };
}

function sliceOf(
  oldP: CompiledPolicy,
  newP: CompiledPolicy,
  t: ScanTarget,
  ctx: Context,
  axis: Axis,
  segs: readonly (Segment & { joined?: boolean })[],
  others: readonly Axis[],
): Slice {
  const fixed = others
    .map((o) => `${o.name} ${o.label(o.position(ctx.application[o.name] ?? 0) ?? 0)}`)
    .join("，");
  return {
    context: ctx.origin,
    variable: axis.name,
    fixed,
    ranges: segs.map((s) => ({
      lo: s.lo,
      hi: s.hi,
      from: axis.label(s.lo),
      to: s.hi === null ? null : axis.label(s.hi),
      direction: s.direction,
      ...(s.joined ? { joined: true } : {}),
      text: rangeText(axis, s),
      witness: witness(oldP, newP, t, ctx, axis, s),
    })),
  };
}
