/**
 * Impact on a set of applications: each is evaluated by both compiled versions, and every
 * application whose outcome changes is listed clause by clause, from what to what, with the
 * explanation of each side.
 */
import { Dec, toPlain } from "../runtime/money.js";
import type { CompiledPolicy, Evaluation } from "../runtime/types.js";
import { project, type Sample } from "./applications.js";
import type { ClausePair } from "./match-clauses.js";
import {
  explanation,
  outcomesDiffer,
  pairResult,
  sideOutcome,
  totalOf,
  type ExplainedOutcome,
} from "./outcome.js";

export interface ClauseImpact {
  /** 第5条, 第8条（原第7条）. */
  readonly clause: string;
  readonly before: ExplainedOutcome;
  readonly after: ExplainedOutcome;
}

export interface SampleImpact {
  readonly label: string;
  readonly application: Readonly<Record<string, unknown>>;
  readonly clauses: readonly ClauseImpact[];
  /** Totals in 元 under each version, and new minus old. */
  readonly totalBefore: string;
  readonly totalAfter: string;
  readonly delta: string;
  /** Input errors in one version only (e.g. a new required field), in Chinese. */
  readonly errors: readonly string[];
}

export interface Impact {
  /** How many applications were evaluated, and how many changed. */
  readonly evaluated: number;
  readonly changed: readonly SampleImpact[];
}

function evaluate(policy: CompiledPolicy, s: Sample, explain: boolean): Evaluation {
  const p = project(policy, s);
  return policy.evaluate(p.application, { ...p.options, explain });
}

function explained(ev: Evaluation, pair: ClausePair, side: "old" | "new"): ExplainedOutcome {
  return {
    ...sideOutcome(ev, pair, side),
    explanation: explanation(pairResult(ev, pair, side), ev),
  };
}

/** Compare one application under both versions; undefined when nothing changes. */
export function sampleImpact(
  oldPolicy: CompiledPolicy,
  newPolicy: CompiledPolicy,
  pairs: readonly ClausePair[],
  s: Sample,
): SampleImpact | undefined {
  const quick = [evaluate(oldPolicy, s, false), evaluate(newPolicy, s, false)] as const;
  const moved = pairs.some((p) =>
    outcomesDiffer(sideOutcome(quick[0], p, "old"), sideOutcome(quick[1], p, "new")),
  );
  const ta = new Dec(totalOf(quick[0]));
  const tb = new Dec(totalOf(quick[1]));
  if (!moved && ta.eq(tb) && quick[0].ok === quick[1].ok) return undefined;
  const a = evaluate(oldPolicy, s, true);
  const b = evaluate(newPolicy, s, true);
  const clauses: ClauseImpact[] = [];
  for (const p of pairs) {
    const before = explained(a, p, "old");
    const after = explained(b, p, "new");
    if (outcomesDiffer(before, after))
      clauses.push({ clause: p.place.clause ?? "", before, after });
  }
  const errors = [
    ...(a.ok ? [] : a.errors.map((e) => `原版：${e.message}`)),
    ...(b.ok ? [] : b.errors.map((e) => `新版：${e.message}`)),
  ];
  return {
    label: s.label,
    application: s.application,
    clauses,
    totalBefore: toPlain(ta),
    totalAfter: toPlain(tb),
    delta: toPlain(tb.minus(ta)),
    errors,
  };
}

/** The applications whose outcome changes between two versions. */
export function impactOn(
  oldPolicy: CompiledPolicy,
  newPolicy: CompiledPolicy,
  pairs: readonly ClausePair[],
  samples: readonly Sample[],
): Impact {
  const changed: SampleImpact[] = [];
  for (const s of samples) {
    const d = sampleImpact(oldPolicy, newPolicy, pairs, s);
    if (d) changed.push(d);
  }
  return { evaluated: samples.length, changed };
}
