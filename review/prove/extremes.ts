/**
 * The total of two versions: proven equal, or, in each direction, an application whose total
 * rises (falls) and the largest gain (loss) any one application sees, each witness evaluated by
 * both compiled versions. The optimum gets its own short time limit; when it is not reached the
 * report gives the example found and says the largest value is unknown.
 */
import { Dec } from "../../runtime/index.js";
import type { Outcome } from "./clause-to-term.js";
import type { Ctx } from "./prove-diff.js";
import { witnessAt, type Witness } from "./regions.js";
import { Reader } from "./witness.js";

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

const OPTIMUM_MS = 1500;

function extremeAt(
  cx: Ctx,
  r: Reader,
  o: Outcome,
  n: Outcome,
  largest: boolean,
): Extreme | { mismatch: string } {
  const w = witnessAt(cx, r, o, n, {}, "total");
  if ("mismatch" in w) return w;
  return { delta: new Dec(w.after.amount).minus(w.before.amount).toString(), witness: w, largest };
}

async function direction(
  cx: Ctx,
  o: Outcome,
  n: Outcome,
  sense: "gain" | "loss",
): Promise<Extreme | { mismatch: string } | "none" | "unknown"> {
  const { z, d } = cx;
  const t = d.terms;
  const dir = t.cmp(n.amount, o.amount, sense === "gain" ? "gt" : "lt");
  const s = cx.search;
  s.push();
  s.add(...d.constraints());
  try {
    const res = await s.check(dir);
    if (res === "unsat") return "none";
    if (res === "unknown") return "unknown";
    const example = extremeAt(cx, new Reader(z, s.model()), o, n, false);
    if ("mismatch" in example) return example;
    const opt = new z.Optimize();
    opt.set("timeout", Math.min(cx.limit, OPTIMUM_MS));
    opt.add(...d.constraints(), dir);
    const diff = t.sub(n.amount, o.amount).t;
    if (sense === "gain") opt.maximize(diff);
    else opt.minimize(diff);
    if ((await opt.check()) !== "sat") return example;
    const best = extremeAt(cx, new Reader(z, opt.model()), o, n, true);
    return "mismatch" in best ? best : best;
  } finally {
    s.pop();
  }
}

/** Prove the totals equal, or give the largest gain and loss. */
export async function totalExtremes(cx: Ctx, o: Outcome, n: Outcome): Promise<TotalResult> {
  const out: { gain?: Extreme; loss?: Extreme; unknown: ("gain" | "loss")[] } = { unknown: [] };
  for (const sense of ["gain", "loss"] as const) {
    const e = await direction(cx, o, n, sense);
    if (e === "none") continue;
    if (e === "unknown") out.unknown.push(sense);
    else if ("mismatch" in e) return { kind: "mismatch", detail: e.mismatch };
    else out[sense] = e;
  }
  if (!out.gain && !out.loss) return out.unknown.length ? { kind: "timeout" } : { kind: "proven" };
  return { kind: "differs", ...out };
}
