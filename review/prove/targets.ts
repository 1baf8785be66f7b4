/**
 * What a proof says about one target (a clause or the total), as a {@link ProvedTarget}: proven,
 * the regions where amounts differ, the total's largest gain and loss, or why nothing was proven
 * (not translated, out of time, the translation disagreeing with the compiled policy).
 */
import type { ClauseKey } from "../../grammar/index.js";
import { MONEY, type Outcome } from "./clause-to-term.js";
import { totalExtremes, type Extreme } from "./extremes.js";
import type { VersionTerms } from "./policy-to-term.js";
import { money, type Ctx, type ProvedTarget } from "./prove-diff.js";
import { findRegions } from "./regions.js";
import type { ZBool } from "./z3.js";

const LATE = "未在总时限内证明，只做了抽样";

/** The whole proof's time is up. */
export const late = (cx: Ctx): boolean =>
  cx.deadline !== undefined && performance.now() >= cx.deadline;

export function same(o: Outcome, n: Outcome): boolean {
  return (
    o.status.eqIdentity(n.status) &&
    o.amount.den === n.amount.den &&
    o.amount.t.eqIdentity(n.amount.t)
  );
}

export function untranslatedTarget(label: string, why: string): ProvedTarget {
  return {
    target: label,
    status: "untranslated",
    text: `未作证明：${why}尚未翻译为求解器约束，只做了抽样`,
    regions: [],
    complete: false,
    reason: why,
  };
}

export async function totalTarget(
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
  if (same(o, n)) return { ...provenTarget("合计"), noGain: true, noLoss: true };
  const t0 = performance.now();
  const r = await totalExtremes(cx, o, n, lemmas);
  void described;
  const seconds = (performance.now() - t0) / 1000;
  switch (r.kind) {
    case "proven":
      return { ...provenTarget("合计"), noGain: true, noLoss: true, seconds };
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
        noGain: !r.gain && !r.unknown.includes("gain"),
        noLoss: !r.loss && !r.unknown.includes("loss"),
        seconds,
      };
    }
  }
}

export function lateTarget(label: string): ProvedTarget {
  return {
    target: label,
    status: "timeout",
    text: LATE,
    regions: [],
    complete: false,
  };
}

export function provenTarget(label: string): ProvedTarget {
  return {
    target: label,
    status: "proven",
    text: "已证明：任何申报金额不变",
    regions: [],
    complete: true,
  };
}

export async function proveTarget(
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

export function explain(
  cx: Ctx,
  label: string,
  r: Awaited<ReturnType<typeof findRegions>>,
): ProvedTarget {
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
      text: late(cx)
        ? LATE
        : `未能在时限内证明（每次求解限 ${(cx.limit / 1000).toFixed(1)} 秒），只做了抽样`,
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
