/**
 * The reviewer diff as one pure function: two policy sources in, data out. The change list, the
 * impact on the embedded cases of both versions (and any given applications), the boundaries of
 * every changed clause with verified witnesses, and optionally a budget over a synthetic
 * population. The CLI prints it; the playground's version-diff view shows it.
 */
import type { Diagnostic } from "../grammar/diagnostics.js";
import { caseSamples, type Sample } from "./applications.js";
import { astToChanges } from "./ast-to-changes.js";
import { targetBoundaries, type ClauseBoundaries } from "./boundaries.js";
import { budgetInThread, planBudget, type BudgetOptions, type BudgetPlan } from "./budget-plan.js";
import type { Budget } from "./budget.js";
import type { Change, ChangeEffect } from "./change.js";
import { impactOn, type Impact } from "./impact.js";
import type { ClausePair } from "./match-clauses.js";
import { scanTargets } from "./targets.js";
import { loadVersion, type Version } from "./version.js";

export interface DiffOptions {
  /** Judge the change on the embedded cases of both versions (default true). */
  readonly cases?: boolean;
  /** Further applications (from a JSON or CSV file). */
  readonly applications?: readonly Sample[];
  /** Search the boundaries of changed clauses (default true). */
  readonly boundaries?: boolean;
  /** At most this many slices per clause (default 6). */
  readonly slicesPerClause?: number;
  /** Budget over a synthetic population of this size, in this thread (the CLI uses workers). */
  readonly population?: BudgetOptions;
}

export interface DiffReport {
  /** Both versions compiled; without that only the change list is available. */
  readonly ok: boolean;
  readonly diagnostics: {
    readonly old: readonly Diagnostic[];
    readonly new: readonly Diagnostic[];
  };
  readonly changes: readonly Change[];
  /** How many changes of each effect. */
  readonly counts: Readonly<Record<ChangeEffect, number>>;
  readonly impact?: Impact;
  readonly boundaries?: readonly ClauseBoundaries[];
  readonly budget?: Budget;
}

/** Two versions loaded and their clauses paired: the common start of every diff. */
export interface Prepared {
  readonly old: Version;
  readonly new: Version;
  readonly changes: readonly Change[];
  readonly pairs: readonly ClausePair[];
}

/** Compile both versions and compute the change list. */
export function prepare(oldSource: string, newSource: string): Prepared {
  const a = loadVersion(oldSource);
  const b = loadVersion(newSource);
  if (!a.ast || !b.ast) return { old: a, new: b, changes: [], pairs: [] };
  const { changes, pairs } = astToChanges(a.ast, b.ast, oldSource, newSource);
  return { old: a, new: b, changes, pairs };
}

/** Count changes by effect. */
export function countChanges(changes: readonly Change[]): Record<ChangeEffect, number> {
  const counts: Record<ChangeEffect, number> = { rule: 0, text: 0, case: 0, format: 0 };
  for (const c of changes) counts[c.effect]++;
  return counts;
}

/** The budget plan for prepared versions (for running it elsewhere, e.g. on worker threads). */
export function budgetPlan(p: Prepared, o: BudgetOptions): BudgetPlan {
  return planBudget(p.old, p.new, p.pairs, o);
}

/** Compare two versions of a policy: changes, impact, boundaries and (optionally) budget. */
export function diffPolicies(
  oldSource: string,
  newSource: string,
  options: DiffOptions = {},
): DiffReport {
  return diffPrepared(prepare(oldSource, newSource), options);
}

/** The diff of versions already loaded by {@link prepare}. */
export function diffPrepared(p: Prepared, options: DiffOptions = {}): DiffReport {
  const { old: a, new: b, changes, pairs } = p;
  const base = {
    diagnostics: { old: a.diagnostics, new: b.diagnostics },
    changes,
    counts: countChanges(changes),
  };
  if (!a.policy || !b.policy) return { ok: false, ...base };
  const cases = options.cases === false ? [] : caseSamples(a, b);
  const samples = [...cases, ...(options.applications ?? [])];
  const impact = impactOn(a.policy, b.policy, pairs, samples);
  const boundaries =
    options.boundaries === false
      ? undefined
      : scanTargets(a, b, pairs, changes).map((t) =>
          targetBoundaries(a, b, t, cases.length ? cases : samples, options.slicesPerClause ?? 6),
        );
  const budget = options.population
    ? budgetInThread(a, b, budgetPlan(p, options.population), options.population.size)
    : undefined;
  return {
    ok: true,
    ...base,
    impact,
    ...(boundaries ? { boundaries } : {}),
    ...(budget ? { budget } : {}),
  };
}
