/**
 * The reviewer diff's results worded for the page, with the figures of the CLI's report
 * (review/report-figures.ts). Runs in the diff worker, where decimal.js already is.
 */
import type { ClauseBoundaries } from "../../../review/index.js";
import type { Budget } from "../../../review/index.js";
import type { Impact } from "../../../review/index.js";
import type { ExplainedOutcome } from "../../../review/index.js";
import { reportMoney, signedMoney } from "../../../review/index.js";
import { fmtDate, moneyText, showSignedMoney } from "../../../runtime/index.js";
import { Dec } from "../../../runtime/index.js";
import type { BoundaryView, BudgetView, ImpactView, SideView } from "../diff-protocol.js";

const money = reportMoney;
const signed = signedMoney;
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
      before: moneyText(c.before),
      after: moneyText(c.after),
      awardsBefore: c.awardsBefore,
      awardsAfter: c.awardsAfter,
      ...(c.delta === "0" ? {} : { delta: showSignedMoney(c.delta) }),
      direction: direction(c.delta),
    })),
    totalBefore: moneyText(b.totalBefore),
    totalAfter: moneyText(b.totalAfter),
    delta: showSignedMoney(b.delta),
    direction: direction(b.delta),
    better: b.better,
    worse: b.worse,
    same: b.same,
    ...(b.largestGain
      ? { largestGain: `${b.largestGain.name} ${signed(b.largestGain.delta)}` }
      : {}),
    ...(b.largestLoss
      ? { largestLoss: `${b.largestLoss.name} ${signed(b.largestLoss.delta)}` }
      : {}),
    ...(invalid ? { invalid } : {}),
    notes: b.notes,
  };
}
