/**
 * The reviewer diff's results worded for the page, in the words of the CLI's report
 * (review/report-to-text.ts): amounts through the runtime's `fmtMoney`, budget totals from
 * 1亿元 up rounded to 0.01亿元 and marked 约. Runs in the diff worker, where decimal.js already is.
 */
import type { ClauseBoundaries } from "../../../review/index.js";
import type { Budget } from "../../../review/index.js";
import type { Impact } from "../../../review/index.js";
import type { ExplainedOutcome } from "../../../review/index.js";
import { fmtDate, fmtMoney } from "../../../runtime/index.js";
import { Dec } from "../../../runtime/index.js";
import type { BoundaryView, BudgetView, ImpactView, SideView } from "../diff-protocol.js";

const money = (s: string) => fmtMoney(new Dec(s));
const signed = (s: string) => (new Dec(s).gt(0) ? `+${money(s)}` : money(s));
const YI = new Dec(1e8);
const big = (s: string) => {
  const x = new Dec(s);
  if (x.abs().lt(YI)) return money(s);
  return `约${x.div(YI).toDecimalPlaces(2).toFixed(2)}亿元`;
};
const bigSigned = (s: string) => (new Dec(s).gt(0) ? `+${big(s)}` : big(s));
const direction = (delta: string): "up" | "down" | "same" => {
  const d = new Dec(delta);
  return d.gt(0) ? "up" : d.lt(0) ? "down" : "same";
};

const side = (o: ExplainedOutcome): SideView => ({ text: o.text, explanation: o.explanation });

/** The applications whose outcome changes. */
export function impactView(impact: Impact): ImpactView {
  return {
    evaluated: impact.evaluated,
    changed: impact.changed.map((s) => ({
      label: s.label,
      totalBefore: money(s.totalBefore),
      totalAfter: money(s.totalAfter),
      delta: signed(s.delta),
      direction: direction(s.delta),
      errors: s.errors,
      clauses: s.clauses.map((c) => ({
        clause: c.clause,
        before: side(c.before),
        after: side(c.after),
      })),
    })),
  };
}

/** The ranges of one changed clause, each with its witness. */
export function boundaryView(b: ClauseBoundaries): BoundaryView {
  return {
    clause: b.clause,
    slices: b.slices.map((s) => ({
      context: s.context,
      fixed: s.fixed,
      ranges: s.ranges.map((r) => ({
        text: r.text,
        direction: r.direction === "changed" ? "other" : r.direction,
        value: r.witness.value,
        before: side(r.witness.before),
        after: side(r.witness.after),
        verified: r.witness.verified,
      })),
    })),
  };
}

/** Outlay per clause and overall, who is better or worse off, and the assumptions. */
export function budgetView(b: Budget): BudgetView {
  const invalid =
    b.invalidBefore || b.invalidAfter
      ? `申报信息有误：原版 ${b.invalidBefore} 份，新版 ${b.invalidAfter} 份`
      : undefined;
  return {
    size: b.size,
    seed: b.seed,
    date: fmtDate(b.date),
    clauses: b.clauses.map((c) => ({
      clause: c.clause,
      before: big(c.before),
      after: big(c.after),
      awardsBefore: c.awardsBefore,
      awardsAfter: c.awardsAfter,
      delta: c.delta === "0" ? "" : bigSigned(c.delta),
      direction: direction(c.delta),
    })),
    totalBefore: big(b.totalBefore),
    totalAfter: big(b.totalAfter),
    delta: bigSigned(b.delta),
    direction: direction(b.delta),
    better: b.better,
    worse: b.worse,
    same: b.same,
    ...(b.largestGain
      ? { largestGain: `第 ${b.largestGain.index + 1} 份申报 ${signed(b.largestGain.delta)}` }
      : {}),
    ...(b.largestLoss
      ? { largestLoss: `第 ${b.largestLoss.index + 1} 份申报 ${signed(b.largestLoss.delta)}` }
      : {}),
    ...(invalid ? { invalid } : {}),
    notes: b.notes,
  };
}
