/**
 * Every solver query of a diff goes through here: its time limit is the per-query limit, cut to
 * what is left of the whole proof's time, so that a proof stops on time inside a clause as well
 * as between clauses; a query with no time left is not asked ("unknown", never taken as proven).
 * The time each phase takes is recorded for the bench.
 */
import type { Phase, Profile } from "./profile.js";
import type { Z, ZBool } from "./z3.js";

type Solver = InstanceType<Z["Solver"]>;
export type Answer = Awaited<ReturnType<Solver["check"]>>;

export interface Limits {
  /** Per query, in milliseconds. */
  readonly limit: number;
  /** performance.now() after which nothing more is asked (the whole proof's time). */
  readonly deadline?: number;
  readonly prof: Profile;
}

/** Milliseconds a query may take now: the per-query limit, cut to `cap` and to the deadline. */
export function budget(l: Limits, cap = l.limit): number {
  const left = l.deadline === undefined ? Infinity : l.deadline - performance.now();
  return Math.floor(Math.min(l.limit, cap, left));
}

/** Check `s` under the assumptions within the time left; "unknown" when none is. */
export async function ask(
  l: Limits,
  s: Solver,
  phase: Phase,
  assumptions: readonly ZBool[],
  cap?: number,
): Promise<Answer> {
  const ms = budget(l, cap);
  if (ms < 1) return "unknown";
  s.set("timeout", ms);
  return l.prof.timeAsync(phase, () => s.check(...assumptions));
}
