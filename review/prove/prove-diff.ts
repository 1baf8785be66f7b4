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
import { findRegions, type Region } from "./regions.js";
import { totalExtremes, type Extreme } from "./extremes.js";
import { solverContext, type Z, type ZBool } from "./z3.js";

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
}

export interface ProofReport {
  readonly ok: boolean;
  readonly targets: readonly ProvedTarget[];
  /** Clauses proven unchanged because both versions compute them identically. */
  readonly identical: readonly string[];
  /** Restrictions of the space searched, in Chinese. */
  readonly notes: readonly string[];
  readonly seconds: number;
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
  const z = await solverContext();
  const d = new Domain(z);
  const oldKeys = new Map<ClauseKey, string>();
  const newKeys = new Map<ClauseKey, string>();
  for (const pair of p.pairs) {
    const key = pair.new ? clauseKeyText(pair.new.number) : `原${clauseKeyText(pair.old!.number)}`;
    if (pair.old) oldKeys.set(pair.old.number, key);
    if (pair.new) newKeys.set(pair.new.number, key);
  }
  const keyA = (c: Clause) => oldKeys.get(c.number) ?? `原${clauseKeyText(c.number)}`;
  const keyB = (c: Clause) => newKeys.get(c.number) ?? clauseKeyText(c.number);
  const ta = versionTerms(d, a.checked, "old", keyA);
  const tb = versionTerms(d, b.checked, "new", keyB);
  const limit = options.timeoutMs ?? 4000;
  const solver = () => {
    const s = new z.Solver();
    s.set("timeout", limit);
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
    regions: options.regions ?? 4,
    optimumMs: options.optimumMs ?? 1500,
    search: solver(),
    cut: solver(),
  };
  const targets: ProvedTarget[] = [];
  const identical: string[] = [];
  const late = () => options.totalMs !== undefined && performance.now() - started > options.totalMs;
  for (const pair of p.pairs) {
    const key = pair.new ? clauseKeyText(pair.new.number) : `原${clauseKeyText(pair.old!.number)}`;
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
    if (late()) targets.push(lateTarget(label));
    else targets.push(await proveTarget(cx, label, o, n, numbers, "own", [key, "政策"]));
  }
  const changed = targets.map((t) => t.target);
  const changedKeys = p.pairs
    .map((pair) =>
      pair.new ? clauseKeyText(pair.new.number) : `原${clauseKeyText(pair.old!.number)}`,
    )
    .filter((k, i) => changed.includes(p.pairs[i]!.place.clause ?? k));
  // What the clause proofs established (the same status and amount for every valid application)
  // is handed to the total's queries as equalities: the solver need not prove it again.
  const lemmas: ZBool[] = [];
  for (const pair of p.pairs) {
    const key = pair.new ? clauseKeyText(pair.new.number) : `原${clauseKeyText(pair.old!.number)}`;
    const label = pair.place.clause ?? key;
    if (!targets.some((t) => t.target === label && t.status === "proven")) continue;
    const o = ta.own.get(key);
    const n = tb.own.get(key);
    if (o && n && o.amount.den === n.amount.den)
      lemmas.push(o.status.eq(n.status), o.amount.t.eq(n.amount.t));
  }
  targets.push(
    late()
      ? lateTarget("合计")
      : await totalTarget(cx, ta, tb, [...changedKeys, "政策", "叠加"], lemmas),
  );
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
    seconds: (performance.now() - started) / 1000,
  };
}

export interface Ctx {
  readonly z: Z;
  readonly d: Domain;
  readonly a: Side;
  readonly b: Side;
  readonly keyA: (c: Clause) => string;
  readonly keyB: (c: Clause) => string;
  readonly limit: number;
  readonly regions: number;
  readonly optimumMs: number;
  /** One solver for the searches and one for cutting regions, each target in a push/pop. */
  readonly search: InstanceType<Z["Solver"]>;
  readonly cut: InstanceType<Z["Solver"]>;
}

function outcome(d: Domain, m: ReadonlyMap<string, Outcome>, key: string): Outcome {
  return m.get(key) ?? { status: d.terms.int(MONEY), amount: d.terms.zero() };
}

function same(o: Outcome, n: Outcome): boolean {
  return (
    o.status.eqIdentity(n.status) &&
    o.amount.den === n.amount.den &&
    o.amount.t.eqIdentity(n.amount.t)
  );
}

function untranslatedTarget(label: string, why: string): ProvedTarget {
  return {
    target: label,
    status: "untranslated",
    text: `未作证明：${why}尚未翻译为求解器约束，只做了抽样`,
    regions: [],
    complete: false,
    reason: why,
  };
}

async function totalTarget(
  cx: Ctx,
  ta: VersionTerms,
  tb: VersionTerms,
  described: readonly string[],
  lemmas: readonly ZBool[],
): Promise<ProvedTarget> {
  const why =
    ta.policyUntranslated ??
    tb.policyUntranslated ??
    [...ta.untranslated.values(), ...tb.untranslated.values()][0];
  if (why || !ta.total || !tb.total) return untranslatedTarget("合计", why ?? "政策层面的规则");
  const t = cx.d.terms;
  const o: Outcome = { status: t.int(MONEY), amount: ta.total };
  const n: Outcome = { status: t.int(MONEY), amount: tb.total };
  if (same(o, n)) return provenTarget("合计");
  const t0 = performance.now();
  const r = await totalExtremes(cx, o, n, lemmas);
  void described;
  const seconds = (performance.now() - t0) / 1000;
  switch (r.kind) {
    case "proven":
      return { ...provenTarget("合计"), seconds };
    case "timeout":
      return {
        ...explain(cx, "合计", { kind: "regions", regions: [], complete: false, timedOut: true }),
        seconds,
      };
    case "mismatch":
      return { ...explain(cx, "合计", r), seconds };
    case "differs": {
      const side = (e: Extreme | undefined, up: boolean) => {
        const word = up ? "增加" : "减少";
        if (!e)
          return r.unknown.includes(up ? "gain" : "loss")
            ? `是否有申报${word}未能在时限内证明`
            : `已证明没有申报${word}`;
        const amount = money(e.delta.replace(/^-/, ""));
        return e.largest
          ? `单份申报最多${word} ${amount}`
          : `有申报${word}（例中${word} ${amount}；最大${word}未能在时限内求出）`;
      };
      const parts = [side(r.gain, true), side(r.loss, false)];
      return {
        target: "合计",
        status: "differs",
        text: `合计会变：${parts.join("，")}`,
        regions: [],
        complete: false,
        ...(r.gain ? { gain: r.gain } : {}),
        ...(r.loss ? { loss: r.loss } : {}),
        seconds,
      };
    }
  }
}

function lateTarget(label: string): ProvedTarget {
  return {
    target: label,
    status: "timeout",
    text: "未在总时限内证明，只做了抽样",
    regions: [],
    complete: false,
  };
}

function provenTarget(label: string): ProvedTarget {
  return {
    target: label,
    status: "proven",
    text: "已证明：任何申报金额不变",
    regions: [],
    complete: true,
  };
}

async function proveTarget(
  cx: Ctx,
  label: string,
  o: Outcome,
  n: Outcome,
  numbers: { old?: ClauseKey; new?: ClauseKey },
  what: "own" | "total",
  scopes?: readonly string[],
): Promise<ProvedTarget> {
  const t0 = performance.now();
  const r0 = await findRegions(cx, o, n, numbers, what, scopes);
  const seconds = (performance.now() - t0) / 1000;
  const done = (x: ProvedTarget): ProvedTarget => ({ ...x, seconds });
  return done(explain(cx, label, r0));
}

function explain(cx: Ctx, label: string, r: Awaited<ReturnType<typeof findRegions>>): ProvedTarget {
  if (r.kind === "proven") return provenTarget(label);
  if (r.kind === "mismatch")
    return {
      target: label,
      status: "mismatch",
      text: `未作证明：求解器的翻译与编译后的计算不一致（${r.detail}），只做了抽样`,
      regions: [],
      complete: false,
      reason: r.detail,
    };
  if (!r.regions.length)
    return {
      target: label,
      status: "timeout",
      text: `未能在时限内证明（每次求解限 ${(cx.limit / 1000).toFixed(1)} 秒），只做了抽样`,
      regions: [],
      complete: false,
    };
  return {
    target: label,
    status: "differs",
    text: r.complete
      ? `金额不同的申报恰在以下 ${r.regions.length} 个区域（已证明其外金额不变）`
      : r.timedOut
        ? `金额不同的区域：列出 ${r.regions.length} 个，其外是否还有未能在时限内证明`
        : `金额不同的区域：列出前 ${r.regions.length} 个，可能还有其他区域`,
    regions: r.regions,
    complete: r.complete,
  };
}

export { money };
