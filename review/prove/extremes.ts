/**
 * The total of two versions: proven equal, or, in each direction, an application whose total
 * rises (falls) and the largest gain (loss) any one application sees, each witness evaluated by
 * both compiled versions. The optimum is searched on the same incremental solver (galloping, then
 * halving) within its own short time limit; when it is not reached the report gives the largest
 * example found and says the largest value is unknown.
 */
import { Dec } from "../../runtime/index.js";
import type { Outcome } from "./clause-to-term.js";
import type { Ctx } from "./prove-diff.js";
import { witnessAt, type Witness } from "./regions.js";
import { Reader } from "./witness.js";
import type { ZArith, ZBool } from "./z3.js";
import { ask } from "./query.js";

export interface Extreme {
  /** New total minus old total, in 元. */
  readonly delta: string;
  readonly witness: Witness;
  /** True when the solver proved no application gains (loses) more. */
  readonly largest: boolean;
}

export type TotalResult =
  | { kind: "proven" }
  | { kind: "mismatch"; detail: string }
  | { kind: "timeout" }
  | { kind: "differs"; gain?: Extreme; loss?: Extreme; unknown: ("gain" | "loss")[] };

/** At most this many solver queries for one optimum (enough for any amount to the 分). */
const MAX_STEPS = 140;

function extremeAt(
  cx: Ctx,
  r: Reader,
  o: Outcome,
  n: Outcome,
  largest: boolean,
): Extreme | { mismatch: string } {
  const w = cx.prof.time("witness", () => witnessAt(cx, r, o, n, {}, "total"));
  if ("mismatch" in w) return w;
  return { delta: new Dec(w.after.amount).minus(w.before.amount).toString(), witness: w, largest };
}

/**
 * An application whose total moves in the direction asked by more than `bound` (元, default 0):
 * "none" when the solver shows there is none; with `optimize`, the largest such move.
 */
export async function direction(
  cx: Ctx,
  o: Outcome,
  n: Outcome,
  sense: "gain" | "loss",
  lemmas: readonly ZBool[],
  optimize = true,
  bound = "0",
): Promise<Extreme | { mismatch: string } | "none" | "unknown"> {
  const { z, d } = cx;
  const t = d.terms;
  // the gap in the direction asked (positive where it exists), as an integer over gap.den
  const raw = sense === "gain" ? t.sub(n.amount, o.amount) : t.sub(o.amount, n.amount);
  const gap = t.sub(raw, t.constant(bound));
  const s = cx.search;
  cx.prof.time("assert", () => {
    s.push();
    s.add(...d.constraints(), ...lemmas);
  });
  try {
    const res = await ask(cx, s, "search", [gap.t.gt(0)]);
    if (res === "unsat") return "none";
    if (res === "unknown") return "unknown";
    if (!optimize) return extremeAt(cx, new Reader(z, s.model()), o, n, false);
    const found = await largestGap(cx, gap.t, s.model());
    const best = extremeAt(cx, new Reader(z, found.model), o, n, found.largest);
    return best;
  } finally {
    s.pop();
  }
}

type Model = ReturnType<Ctx["search"]["model"]>;

/**
 * The largest value of `gap` on the search solver (whose assertions hold the space), by galloping
 * from a model where it is positive: ask for a gap of at least best + step, the step growing
 * ever faster while the solver finds one, then bisecting between the best found and the least
 * shown impossible (their ratio first, then their difference). Every query is incremental on the same solver; the whole search has
 * `optimumMs`. `largest` is true only when no larger gap is possible (proven unsat).
 */
async function largestGap(
  cx: Ctx,
  gap: ZArith,
  first: Model,
): Promise<{ model: Model; largest: boolean }> {
  const s = cx.search;
  const deadline = performance.now() + cx.optimumMs;
  let model = first;
  let best = new Reader(cx.z, first).int(gap);
  // the first step is one 分 (the first model is often at the optimum, or a few 分 from it: a cap
  // reached up to rounding), then the step grows ever faster (×2, ×4, ×8 …): a gap of millions
  // of 元 is reached from one 分 in a few queries, not thirty
  let step = 1n;
  let growth = 2n;
  let impossible: bigint | undefined;
  const next = (): bigint => {
    if (impossible === undefined) return best + step;
    const low = best > 0n ? best : 1n;
    // far apart: halve the ratio first (bisect the number of digits), then the difference
    if (impossible > low * 8n) return low << BigInt((impossible / low).toString(2).length >> 1);
    return best + (impossible - best) / 2n;
  };
  for (let i = 0; i < MAX_STEPS; i++) {
    if (impossible !== undefined && impossible - best <= 1n) return { model, largest: true };
    const target = next();
    const res = await ask(
      cx,
      s,
      "optimum",
      [gap.ge(cx.d.terms.int(target))],
      deadline - performance.now(),
    );
    if (res === "sat") {
      model = s.model();
      best = new Reader(cx.z, model).int(gap);
      step *= growth;
      growth *= 2n;
    } else if (res === "unsat") impossible = target;
    else break;
  }
  return { model, largest: impossible !== undefined && impossible - best <= 1n };
}

/** Prove the totals equal, or give the largest gain and loss. */
export async function totalExtremes(
  cx: Ctx,
  o: Outcome,
  n: Outcome,
  lemmas: readonly ZBool[] = [],
): Promise<TotalResult> {
  const out: { gain?: Extreme; loss?: Extreme; unknown: ("gain" | "loss")[] } = { unknown: [] };
  for (const sense of ["gain", "loss"] as const) {
    const e = await direction(cx, o, n, sense, lemmas);
    if (e === "none") continue;
    if (e === "unknown") out.unknown.push(sense);
    else if ("mismatch" in e) return { kind: "mismatch", detail: e.mismatch };
    else out[sense] = e;
  }
  if (!out.gain && !out.loss) return out.unknown.length ? { kind: "timeout" } : { kind: "proven" };
  return { kind: "differs", ...out };
}
