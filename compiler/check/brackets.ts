/**
 * Graded brackets (分档): bounds follow the text (以上/不低于/（含） include the number, 超过/不满
 * exclude it). The checker reports overlapping rows, gaps between rows and unreachable rows.
 */
import { fmtMoney } from "../../runtime/format.js";
import { Dec } from "../../runtime/money.js";
import type { BracketRow, Expr } from "../../grammar/ast.js";
import { bracketLabel } from "../../grammar/expr-to-text.js";
import type { CheckContext } from "./context.js";
import { assignable, ERROR, sameTy, tyName, type Ty } from "./types.js";

interface Interval {
  readonly row: BracketRow;
  readonly lo?: Dec;
  readonly loInc: boolean;
  readonly hi?: Dec;
  readonly hiInc: boolean;
}

/** Constant values by node: the checker and the generator (twice per form) ask for the same bounds. */
const CONSTANTS = new WeakMap<Expr, Dec | null>();

/** The constant value of a literal bound, if it is one. */
export function constValue(e: Expr): Dec | undefined {
  let d = CONSTANTS.get(e);
  if (d === undefined) {
    if (e.kind === "Money" || e.kind === "Number" || e.kind === "Percent") d = new Dec(e.value);
    else if (e.kind === "Neg") d = constValue(e.operand)?.neg() ?? null;
    else d = null;
    CONSTANTS.set(e, d);
  }
  return d ?? undefined;
}

/** A bound as the text writes it (5亿元) when it is money-sized, else plain. */
const show = (d: Dec): string => (d.abs().gte(10000) ? fmtMoney(d) : d.toFixed());

/** Check a 分档 expression; returns the type of its values. */
export function checkBrackets(
  cx: CheckContext,
  e: Extract<Expr, { kind: "Brackets" }>,
  infer: (cx: CheckContext, e: Expr) => Ty,
): Ty {
  const subject = infer(cx, e.subject);
  const numeric = subject.k === "money" || subject.k === "count" || subject.k === "ratio";
  if (!numeric && subject.k !== "error") {
    cx.error(
      "E205",
      `分档 的依据应为数值，却是${tyName(subject)}`,
      e.subject.span,
      "例如 分档 营业收入：…",
    );
  }
  let valueTy: Ty | undefined;
  const intervals: Interval[] = [];
  let constant = true;
  let otherwiseSeen = false;
  for (const row of e.rows) {
    if (otherwiseSeen)
      cx.error("E211", "“其他”之后的分档永远不会被用到", row.span, "把“其他”放在最后一行。");
    for (const b of [row.lower, row.upper]) {
      if (!b) continue;
      const bt = infer(cx, b.value);
      if (numeric && !assignable(subject, bt))
        cx.error(
          "E205",
          `分档界限应为${tyName(subject)}，却是${tyName(bt)}`,
          b.value.span,
          "界限与分档依据应是同一类数值。",
        );
      else if (numeric && bt.k === "count" && !bt.unit) cx.types.set(b.value, subject);
    }
    const t = infer(cx, row.value);
    if (!valueTy || (valueTy.k === "count" && !valueTy.unit)) valueTy = t;
    else if (!sameTy(valueTy, t) && !(t.k === "count" && !t.unit))
      cx.error(
        "E205",
        `分档取值类型不一致：${tyName(valueTy)} 与 ${tyName(t)}`,
        row.value.span,
        "各档取值应同类。",
      );
    if (row.otherwise) {
      otherwiseSeen = true;
      continue;
    }
    const lo = row.lower ? constValue(row.lower.value) : undefined;
    const hi = row.upper ? constValue(row.upper.value) : undefined;
    if ((row.lower && !lo) || (row.upper && !hi)) constant = false;
    intervals.push({
      row,
      lo,
      loInc: row.lower?.inclusive ?? false,
      hi,
      hiInc: row.upper?.inclusive ?? false,
    });
  }
  if (constant) geometry(cx, intervals, otherwiseSeen);
  return valueTy ?? ERROR;
}

function empty(i: Interval): boolean {
  if (!i.lo || !i.hi) return false;
  return i.lo.gt(i.hi) || (i.lo.eq(i.hi) && !(i.loInc && i.hiInc));
}

/** Do two intervals share a point? Returns a witness when they do. */
function overlap(a: Interval, b: Interval): Dec | undefined {
  // the larger lower bound, and whether it is included in both
  let lo = a.lo;
  let loInc = a.loInc;
  if (b.lo && (!lo || b.lo.gt(lo) || (b.lo.eq(lo) && !b.loInc))) {
    lo = b.lo;
    loInc = b.loInc && (!a.lo || !a.lo.eq(b.lo) || a.loInc);
  }
  let hi = a.hi;
  let hiInc = a.hiInc;
  if (b.hi && (!hi || b.hi.lt(hi) || (b.hi.eq(hi) && !b.hiInc))) {
    hi = b.hi;
    hiInc = b.hiInc && (!a.hi || !a.hi.eq(b.hi) || a.hiInc);
  }
  if (lo && hi) {
    if (lo.gt(hi)) return undefined;
    if (lo.eq(hi)) return loInc && hiInc ? lo : undefined;
    return loInc ? lo : hiInc ? hi : lo.plus(hi).div(2);
  }
  if (lo) return loInc ? lo : lo.plus(1);
  if (hi) return hiInc ? hi : hi.minus(1);
  return new Dec(0);
}

/** Lower bounds ascending, none (−∞) first; at the same bound the one that includes it first. */
function byLower(a: Interval, b: Interval): number {
  if (!a.lo || !b.lo) return a.lo ? 1 : b.lo ? -1 : 0;
  return a.lo.cmp(b.lo) || (a.loInc === b.loInc ? 0 : a.loInc ? -1 : 1);
}

/** Whether `a` reaches further up than `b` (no upper bound is +∞; at the same bound, inclusive). */
function reachesFurther(a: Interval, b: Interval): boolean {
  if (!a.hi || !b.hi) return !a.hi && !!b.hi;
  const c = a.hi.cmp(b.hi);
  return c > 0 || (c === 0 && a.hiInc && !b.hiInc);
}

/**
 * E209 for each row that shares a point with an earlier one, in one sweep over the rows sorted
 * by lower bound: a row overlaps some row before it exactly when it overlaps the one that reaches
 * furthest up. The pair is named in the order the text writes it, at the later row.
 */
function overlaps(cx: CheckContext, sorted: readonly Interval[], order: Map<Interval, number>) {
  let reach: Interval | undefined;
  for (const b of sorted) {
    const w = reach && overlap(reach, b);
    if (reach && w !== undefined) {
      const [first, second] = order.get(reach)! < order.get(b)! ? [reach, b] : [b, reach];
      cx.error(
        "E209",
        `分档重叠：${show(w)} 同时属于“${bracketLabel(first.row)}”和“${bracketLabel(second.row)}”`,
        second.row.span,
        "“以上”“以下”“不低于”“不超过”都含本数，相邻两档应一档含、一档不含，如 1亿以上 不满5亿；5亿以上。",
      );
    }
    if (!reach || reachesFurther(b, reach)) reach = b;
  }
}

function geometry(cx: CheckContext, rows: Interval[], hasOtherwise: boolean): void {
  const live = rows.filter((i) => {
    if (!empty(i)) return true;
    cx.error(
      "E211",
      `分档“${bracketLabel(i.row)}”的区间为空，永远不会被用到`,
      i.row.span,
      "检查上下界是否写反，或“以上/以下、超过/不满”是否用对。",
    );
    return false;
  });
  // Sorted once by lower bound (issue 12: the pairwise check took 100 s for 20,000 rows).
  const order = new Map(live.map((iv, k) => [iv, k]));
  const sorted = [...live].sort((a, b) => byLower(a, b) || order.get(a)! - order.get(b)!);
  overlaps(cx, sorted, order);
  if (hasOtherwise) return;
  for (let k = 1; k < sorted.length; k++) {
    const a = sorted[k - 1]!;
    const b = sorted[k]!;
    if (!a.hi || !b.lo) continue;
    const point = a.hi.eq(b.lo) && !a.hiInc && !b.loInc;
    if (point) {
      cx.error(
        "E210",
        `分档有空缺：${show(a.hi)} 本身不属于任何一档（前一档不含、后一档也不含）`,
        b.row.span,
        "“以上”“不低于”含本数，“超过”“不满”不含；让其中一档含本数。",
      );
    } else if (a.hi.lt(b.lo)) {
      cx.error(
        "E210",
        `分档有空缺：${show(a.hi)}${a.hiInc ? "（不含）" : "（含）"}至 ${show(b.lo)}${b.loInc ? "（不含）" : "（含）"}之间不属于任何一档`,
        b.row.span,
        "让相邻两档首尾相接（一档含本数、另一档不含），或加一行 其他：… 。",
      );
    }
  }
}
