/**
 * Regions where two outcomes differ. The solver finds an application where they differ; both
 * compiled versions evaluate it (it must reproduce the predicted amounts); the conditions that
 * hold there are cut down to the few that matter (an unsat core, then one by one): within them
 * every valid application differs. That region is excluded and the search repeats, so when the
 * solver finally answers "none left" the regions listed are all there are.
 */
import { Dec } from "../../runtime/index.js";
import type { ClauseKey, EvaluateOptions } from "../../runtime/index.js";
import type { Outcome } from "./clause-to-term.js";
import type { Ctx } from "./prove-diff.js";
import { money } from "./prove-diff.js";
import { observe, Reader, witnessInput, type Observed } from "./witness.js";
import type { ZBool } from "./z3.js";
import { ask } from "./query.js";

export interface Witness {
  /** The application as the old version receives it (and the new one, when they differ). */
  readonly application: Record<string, unknown>;
  readonly applicationNew?: Record<string, unknown>;
  readonly options: EvaluateOptions;
  readonly optionsNew?: EvaluateOptions;
  readonly before: Observed;
  readonly after: Observed;
  /** Both compiled evaluators reproduced the solver's amounts. */
  readonly verified: boolean;
}

export interface Region {
  /** The conditions that define it, in words. */
  readonly conditions: readonly string[];
  /** True when only some applications in it differ (the conditions could not be made sufficient). */
  readonly partial: boolean;
  readonly witness: Witness;
}

export type RegionResult =
  | { kind: "proven" }
  | { kind: "mismatch"; detail: string }
  | { kind: "regions"; regions: Region[]; complete: boolean; timedOut: boolean };

const MAX_DROPS = 24;

/** Build the witness for a model and check it against both compiled versions. */
export function witnessAt(
  cx: Ctx,
  r: Reader,
  o: Outcome,
  n: Outcome,
  numbers: { old?: ClauseKey; new?: ClauseKey },
  what: "own" | "total",
): Witness | { mismatch: string } {
  const { d } = cx;
  const wa = witnessInput(d, r, cx.a.checked, "old", cx.keyA);
  const wb = witnessInput(d, r, cx.b.checked, "new", cx.keyB);
  const target = (k: "old" | "new") => (what === "total" ? "total" : numbers[k]);
  const pa = what === "own" ? cx.a.own : cx.a.full;
  const pb = what === "own" ? cx.b.own : cx.b.full;
  const before = observe(pa, wa, target("old"), money);
  const after = observe(pb, wb, target("new"), money);
  if ("errors" in before || "errors" in after)
    return {
      mismatch: `示例申报未通过校验：${[...("errors" in before ? before.errors : []), ...("errors" in after ? after.errors : [])].join("；")}`,
    };
  const expect = (x: Outcome) => ({ status: Number(r.int(x.status)), amount: r.num(x.amount) });
  const eo = expect(o);
  const en = expect(n);
  const agrees = (seen: Observed, e: { status: number; amount: Dec }) =>
    seen.status === e.status && new Dec(seen.amount).eq(e.amount);
  if (!agrees(before, eo) || !agrees(after, en))
    return {
      mismatch: `求解器预计 ${eo.amount.toString()} → ${en.amount.toString()}，计算得到 ${before.amount} → ${after.amount}`,
    };
  const same = JSON.stringify(wa.application) === JSON.stringify(wb.application);
  const sameOpt = JSON.stringify(wa.options) === JSON.stringify(wb.options);
  return {
    application: wa.application,
    ...(same ? {} : { applicationNew: wb.application }),
    options: wa.options,
    ...(sameOpt ? {} : { optionsNew: wb.options }),
    before,
    after,
    verified: true,
  };
}

export async function findRegions(
  cx: Ctx,
  o: Outcome,
  n: Outcome,
  numbers: { old?: ClauseKey; new?: ClauseKey },
  what: "own" | "total",
  scopes?: readonly string[],
): Promise<RegionResult> {
  const { z, d } = cx;
  const t = d.terms;
  const domain = d.constraints(scopes);
  // Searched one direction at a time (higher, lower, another outcome): a disequality is much
  // slower for the solver than an inequality.
  const directions = [
    t.cmp(o.amount, n.amount, "lt"),
    t.cmp(o.amount, n.amount, "gt"),
    z.Not(o.status.eq(n.status)),
  ];
  const s = cx.search;
  const s2 = cx.cut;
  // Regions are cut on exact amounts: rounding to the 分 may still make amounts a fen apart equal.
  const ex = (x: Outcome) => x.exact ?? x.amount;
  cx.prof.time("assert", () => {
    s.push();
    s.add(...domain);
    s2.push();
    s2.add(...domain, o.status.eq(n.status), t.cmp(ex(o), ex(n), "eq"));
  });
  try {
    const regions: Region[] = [];
    const atoms = d.atomsOf(scopes ?? [...d.atoms.keys()]);
    let dir = 0;
    let timedOut = false;
    while (dir < directions.length && regions.length < cx.regions) {
      const res = await ask(cx, s, "search", [directions[dir]!]);
      if (res === "unknown") timedOut = true;
      if (res !== "sat") {
        dir++;
        continue;
      }
      const r = new Reader(z, s.model());
      const w = cx.prof.time("witness", () => witnessAt(cx, r, o, n, numbers, what));
      if ("mismatch" in w) return { kind: "mismatch", detail: w.mismatch };
      const lits = atoms.map((a) => {
        if (a.cmp) {
          const x = r.num(a.cmp.x);
          const y = r.num(a.cmp.y);
          const op = x.gt(y) ? "gt" : x.lt(y) ? "lt" : "eq";
          return { b: t.cmp(a.cmp.x, a.cmp.y, op), text: a.cmp[op] };
        }
        const yes = r.bool(a.b);
        return { b: yes ? a.b : z.Not(a.b), text: yes ? a.yes : a.no };
      });
      const kept = await sufficient(cx, s2, lits, regions.length);
      const conds = kept ?? lits;
      regions.push({
        conditions: conds.map((l) => l.text),
        partial: kept === undefined,
        witness: w,
      });
      s.add(z.Not(conds.length ? z.And(...conds.map((l) => l.b)) : z.Bool.val(true)));
    }
    if (!regions.length && !timedOut) return { kind: "proven" };
    let complete = dir >= directions.length && !timedOut;
    if (!complete && !timedOut) {
      const more = await ask(cx, s, "search", [z.Or(...directions)]);
      complete = more === "unsat";
      timedOut = more === "unknown";
    }
    return { kind: "regions", regions, complete, timedOut };
  } finally {
    s.pop();
    s2.pop();
  }
}

/**
 * The fewest conditions (of those holding at the witness) under which no valid application has
 * equal outcomes; undefined when even all of them together are not enough.
 */
async function sufficient(
  cx: Ctx,
  s2: Ctx["cut"],
  lits: readonly { b: ZBool; text: string }[],
  round: number,
): Promise<{ b: ZBool; text: string }[] | undefined> {
  const z = cx.z;
  const track = lits.map((l, i) => {
    const p = z.Bool.const(`选${round}_${i}`);
    s2.add(z.Implies(p, l.b));
    return p;
  });
  if ((await ask(cx, s2, "cut", track)) !== "unsat") return undefined;
  // Each unsat answer's core is a sufficient subset: keep only it, then try dropping the rest
  // one by one (a drop that stays unsat shrinks the set to that query's core).
  const coreOf = () => {
    const core = s2.unsatCore();
    const names = new Set<string>();
    for (let i = 0; i < core.length(); i++) names.add(core.get(i).sexpr());
    return names;
  };
  const all = track.map((p, i) => ({ p, i, name: p.sexpr() }));
  let names = coreOf();
  let keep = all.filter((x) => names.has(x.name));
  const tried = new Set<number>();
  for (let drops = 0; drops < MAX_DROPS; drops++) {
    const x = keep.find((y) => !tried.has(y.i));
    if (!x) break;
    tried.add(x.i);
    const rest = keep.filter((y) => y !== x);
    if (
      (await ask(
        cx,
        s2,
        "cut",
        rest.map((y) => y.p),
      )) !== "unsat"
    )
      continue;
    names = coreOf();
    keep = rest.filter((y) => names.has(y.name));
  }
  return keep.map((x) => lits[x.i]!);
}
