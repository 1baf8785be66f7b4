/**
 * The exact diff: both versions as solver terms over one space of applications; for each clause
 * whose computation differs, and for the total, either a proof that no valid application gets a
 * different amount, or the regions where amounts differ, each described by the conditions that
 * matter and shown with a witness both compiled versions evaluate. Every query has a time limit;
 * running out of time is said, never taken for a proof.
 */
import { compile, withoutStackingJs, type Checked } from "../../compiler/index.js";
import type { Clause, ClauseKey } from "../../grammar/index.js";
import { clauseKeyText, itemsOf } from "../../grammar/index.js";
import { Dec, fmtMoney, loadPolicy } from "../../runtime/index.js";
import type { CompiledPolicy } from "../../runtime/index.js";
import type { Prepared } from "../index.js";
import { MONEY, type Outcome } from "./clause-to-term.js";
import { Domain } from "./domain.js";
import { versionTerms, type VersionTerms } from "./policy-to-term.js";
import type { Region } from "./regions.js";
import type { Extreme } from "./extremes.js";
import { late, lateTarget, proveTarget, same, totalTarget, untranslatedTarget } from "./targets.js";
import { solverContext, type Z, type ZBool } from "./z3.js";
import { checkProperties, type PropertyResult, type ReviewProperty } from "./properties.js";
import { Profile, type Phase, type PhaseFigures } from "./profile.js";

export interface ProveOptions {
  /** Time limit per solver query, in milliseconds (default 4000). */
  readonly timeoutMs?: number;
  /** At most this many regions per clause (default 4). */
  readonly regions?: number;
  /** Time for searching the total's largest gain and loss, each, in milliseconds (default 1500). */
  readonly optimumMs?: number;
  /**
   * Time for the whole proof, in milliseconds (no limit by default): what is not reached by then
   * is reported as not proven within the time ("未在总时限内证明"), never as proven.
   */
  readonly totalMs?: number;
  /** A reviewer's properties across the versions (无人减少, 只影响 第5条 …), each proven or refuted. */
  readonly properties?: readonly ReviewProperty[];
}

export type ProofStatus = "proven" | "differs" | "timeout" | "untranslated" | "mismatch";

export interface ProvedTarget {
  /** 第5条, 第8条（原第7条）, or 合计. */
  readonly target: string;
  readonly status: ProofStatus;
  /** One line in Chinese: 已证明：任何申报金额不变 … */
  readonly text: string;
  readonly regions: readonly Region[];
  /** True when the regions are all there are (the solver proved nothing differs outside them). */
  readonly complete: boolean;
  readonly reason?: string;
  /** Solver time for this target. */
  readonly seconds?: number;
  /** For the total: the largest gain and the largest loss of one application, with witnesses. */
  readonly gain?: Extreme;
  readonly loss?: Extreme;
  /** For the total: proven that no application's total rises (falls). */
  readonly noGain?: boolean;
  readonly noLoss?: boolean;
}

export interface ProofReport {
  readonly ok: boolean;
  readonly targets: readonly ProvedTarget[];
  /** Clauses proven unchanged because both versions compute them identically. */
  readonly identical: readonly string[];
  /** Restrictions of the space searched, in Chinese. */
  readonly notes: readonly string[];
  readonly seconds: number;
  /** The reviewer's properties, when asked for. */
  readonly properties?: readonly PropertyResult[];
  /** Where the time went, phase by phase (wall-clock milliseconds and counts). */
  readonly profile?: Partial<Record<Phase, PhaseFigures>>;
}

const money = (s: string) => fmtMoney(new Dec(s));

/** One version as the prover needs it. */
interface Side {
  readonly checked: Checked;
  readonly full: CompiledPolicy;
  /** The same policy without its 叠加规则: each clause's own amount. */
  readonly own: CompiledPolicy;
}

function side(v: Prepared["old"]): Side | undefined {
  if (!v.policy) return undefined;
  let checked = v.checked;
  if (!checked) {
    const r = compile(v.source, { emit: [] });
    if (!r.ok || !r.checked) return undefined;
    checked = r.checked;
  }
  const stacking = itemsOf(checked.policy, "Stacking");
  const own = stacking.length ? loadPolicy(withoutStackingJs(checked)) : v.policy;
  return { checked, full: v.policy, own };
}

/** Prove the diff of two prepared versions. */
export async function proveDiff(p: Prepared, options: ProveOptions = {}): Promise<ProofReport> {
  const started = performance.now();
  const none = (why: string): ProofReport => ({
    ok: false,
    targets: [],
    identical: [],
    notes: [why],
    seconds: (performance.now() - started) / 1000,
  });
  if (!p.old.policy || !p.new.policy) return none("有版本无法编译，未作证明");
  const a = side(p.old);
  const b = side(p.new);
  if (!a || !b) return none("有版本无法编译，未作证明");
  const prof = new Profile();
  const z = await prof.timeAsync("load", solverContext);
  const d = new Domain(z);
  const oldKeys = new Map<ClauseKey, string>();
  const newKeys = new Map<ClauseKey, string>();
  for (const pair of p.pairs) {
    const key = pairKey(pair);
    if (pair.old) oldKeys.set(pair.old.number, key);
    if (pair.new) newKeys.set(pair.new.number, key);
  }
  const keyA = (c: Clause) => oldKeys.get(c.number) ?? `原${clauseKeyText(c.number)}`;
  const keyB = (c: Clause) => newKeys.get(c.number) ?? clauseKeyText(c.number);
  const ta = prof.time("terms", () => versionTerms(d, a.checked, "old", keyA));
  const tb = prof.time("terms", () => versionTerms(d, b.checked, "new", keyB));
  const limit = options.timeoutMs ?? 4000;
  const solver = () => {
    const s = new z.Solver();
    s.set("arith.solver", 2);
    return s;
  };
  const cx: Ctx = {
    z,
    d,
    a,
    b,
    keyA,
    keyB,
    limit,
    ...(options.totalMs !== undefined ? { deadline: started + options.totalMs } : {}),
    regions: options.regions ?? 4,
    optimumMs: options.optimumMs ?? 1500,
    search: solver(),
    cut: solver(),
    prof,
  };
  const { targets, identical } = await clauseTargets(cx, p, ta, tb);
  const changed = targets.map((t) => t.target);
  const changedKeys = p.pairs
    .map(pairKey)
    .filter((k, i) => changed.includes(p.pairs[i]!.place.clause ?? k));
  const facts = lemmas(p, targets, ta, tb);
  targets.push(
    late(cx)
      ? lateTarget("合计")
      : await totalTarget(cx, ta, tb, [...changedKeys, "政策", "叠加"], facts),
  );
  const properties = options.properties?.length
    ? await checkProperties(cx, options.properties, {
        targets,
        identical,
        clauses: p.pairs.map((pair) => ({
          key: pairKey(pair),
          label: pair.place.clause ?? pairKey(pair),
        })),
        ta,
        tb,
        lemmas: facts,
      })
    : undefined;
  const notes = [
    "申报信息按各自类型与校验范围取值（金额为 0 至 1000万亿元、精确到分；日期自 1900 年起），两版都接受的申报才比较",
    "每条的金额指本条按自身规则计算的结果（叠加规则之前）；合计为叠加规则之后的实际合计",
    "核定金额、台账中已获资助与名额占用也作为输入（核定金额精确到分）",
    ...d.notes,
  ];
  return {
    ok: true,
    targets,
    identical,
    notes,
    ...(properties ? { properties } : {}),
    seconds: (performance.now() - started) / 1000,
    profile: prof.snapshot(),
  };
}

type Pair = Prepared["pairs"][number];
const pairKey = (pair: Pair): string =>
  pair.new ? clauseKeyText(pair.new.number) : `原${clauseKeyText(pair.old!.number)}`;

/** Each clause pair: identical terms, not translated, proven, or the regions where it differs. */
async function clauseTargets(
  cx: Ctx,
  p: Prepared,
  ta: VersionTerms,
  tb: VersionTerms,
): Promise<{ targets: ProvedTarget[]; identical: string[] }> {
  const d = cx.d;
  const targets: ProvedTarget[] = [];
  const identical: string[] = [];
  for (const pair of p.pairs) {
    const key = pairKey(pair);
    const label = pair.place.clause ?? key;
    const why =
      ta.untranslated.get(key) ??
      tb.untranslated.get(key) ??
      ta.policyUntranslated ??
      tb.policyUntranslated;
    if (why) {
      targets.push(untranslatedTarget(label, why));
      continue;
    }
    const o = outcome(d, ta.own, key);
    const n = outcome(d, tb.own, key);
    if (same(outcome(d, ta.raw ?? ta.own, key), outcome(d, tb.raw ?? tb.own, key))) {
      identical.push(label);
      continue;
    }
    const numbers = { old: pair.old?.number, new: pair.new?.number };
    if (late(cx)) targets.push(lateTarget(label));
    else targets.push(await proveTarget(cx, label, o, n, numbers, "own", [key, "政策"]));
  }
  return { targets, identical };
}

/**
 * What the clause proofs established (the same status and amount for every valid application),
 * as equalities for the total's queries: the solver need not prove it again.
 */
function lemmas(
  p: Prepared,
  targets: readonly ProvedTarget[],
  ta: VersionTerms,
  tb: VersionTerms,
): ZBool[] {
  const out: ZBool[] = [];
  for (const pair of p.pairs) {
    const key = pairKey(pair);
    const label = pair.place.clause ?? key;
    if (!targets.some((t) => t.target === label && t.status === "proven")) continue;
    const o = ta.own.get(key);
    const n = tb.own.get(key);
    if (o && n && o.amount.den === n.amount.den)
      out.push(o.status.eq(n.status), o.amount.t.eq(n.amount.t));
  }
  return out;
}

export interface Ctx {
  readonly z: Z;
  readonly d: Domain;
  readonly a: Side;
  readonly b: Side;
  readonly keyA: (c: Clause) => string;
  readonly keyB: (c: Clause) => string;
  readonly limit: number;
  /** performance.now() after which no query is asked (options.totalMs). */
  readonly deadline?: number;
  readonly regions: number;
  readonly optimumMs: number;
  /** One solver for the searches and one for cutting regions, each target in a push/pop. */
  readonly search: InstanceType<Z["Solver"]>;
  readonly cut: InstanceType<Z["Solver"]>;
  readonly prof: Profile;
}

function outcome(d: Domain, m: ReadonlyMap<string, Outcome>, key: string): Outcome {
  return m.get(key) ?? { status: d.terms.int(MONEY), amount: d.terms.zero() };
}

export { money };
