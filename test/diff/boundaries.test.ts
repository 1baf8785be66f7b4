import { describe, expect, it } from "vitest";
import { caseSamples, type Sample } from "../../review/applications.js";
import type { Axis } from "../../review/boundary-axes.js";
import {
  atPosition,
  axesOf,
  direction,
  hintsFor,
  outcomes,
  scanSlice,
  targetBoundaries,
} from "../../review/boundaries.js";
import { prepare } from "../../review/diff-policies.js";
import { intIn, streamFor, type Rng } from "../../review/prng.js";
import { inSegments, type Segment } from "../../review/scan.js";
import { scanTargets, type ScanTarget } from "../../review/targets.js";
import { draftSource, seedSource } from "./variants.js";

const p = prepare(seedSource(), draftSource());
const oldP = p.old.policy!;
const newP = p.new.policy!;
const samples = caseSamples(p.old, p.new);
const targets = scanTargets(p.old, p.new, p.pairs, p.changes);
const target = (clause: string) => targets.find((t) => t.clause === clause)!;
/** Boundaries of every changed clause, computed once for the tests that read them. */
const reported = targets.map((t) => targetBoundaries(p.old, p.new, t, samples, 4));
const eligible = { 注册地在本区: true, 法人企业: true, 经营状态正常: true, 信用记录良好: true };

/** A position on an axis: mostly log-uniform, sometimes right at a breakpoint or beside it. */
function randomPosition(rng: Rng, axis: Axis, hints: readonly number[]): number {
  if (hints.length && rng() % 3 === 0) {
    const h = hints[rng() % hints.length]! + intIn(rng, -2, 2);
    return Math.min(axis.max, Math.max(0, h));
  }
  const digits = String(axis.max).length;
  return Math.min(axis.max, intIn(rng, 0, 10 ** intIn(rng, 1, digits - 1)));
}

/** A random background for a target: its yes/no inputs, categories and amounts drawn at random. */
function randomContext(rng: Rng, t: ScanTarget, axes: readonly Axis[]): Sample {
  const application: Record<string, unknown> = { ...eligible };
  for (const b of t.bools) application[b] = rng() % 4 !== 0;
  for (const e of t.enums) application[e.name] = e.values[rng() % e.values.length];
  for (const a of axes)
    if (a.kind !== "date") application[a.name] = a.value(randomPosition(rng, a, []));
  return {
    label: "随机背景",
    application,
    options: { date: "2022-03-01", params: { 服务企业数量要求: "10" } },
  };
}

function check(
  t: ScanTarget,
  ctx: Sample,
  axis: Axis,
  segs: readonly Segment[],
  xs: readonly number[],
  exact: boolean,
) {
  for (const x of xs) {
    const d = direction(...outcomes(oldP, newP, t, atPosition(ctx, axis, x), false));
    const seg = inSegments(segs, x);
    const where = `${t.clause} ${axis.name}=${axis.label(x)} ${JSON.stringify(ctx.application)}`;
    if (d !== "same") expect(seg?.direction, where).toBe(d);
    else if (exact) expect(seg, where).toBeUndefined();
  }
}

describe("boundaries", () => {
  it("finds the 市级 cap breakpoint of clause 5 exactly, with a verified witness", () => {
    const b = reported.find((x) => x.clause === "第5条")!;
    const range = b.slices
      .filter((s) => s.variable === "项目已投入金额" && s.context.endsWith("项目级别 改为 市级"))
      .flatMap((s) => s.ranges)[0]!;
    expect(range).toMatchObject({
      from: "约1666.67万元（16,666,666.69元）",
      to: null,
      direction: "up",
    });
    expect(range.witness.verified).toBe(true);
    expect([range.witness.before.text, range.witness.after.text]).toEqual(["500万元", "800万元"]);
    // One 分 below the range both versions give the same amount.
    const axis = axesOf(p.old, p.new, target("第5条")).axes.find(
      (a) => a.name === "项目已投入金额",
    )!;
    const ctx = {
      label: "",
      application: range.witness.application,
      options: range.witness.options,
    };
    const [a, c] = outcomes(
      oldP,
      newP,
      target("第5条"),
      atPosition(ctx, axis, range.lo - 1),
      false,
    );
    expect(a.amount).toBe(c.amount);
  });

  it("verifies every witness of every changed clause by evaluating both versions", () => {
    const all = reported;
    expect(all.map((b) => b.clause)).toEqual([
      "第1条",
      "第5条",
      "第7条",
      "第13条",
      "支持对象与有效期",
    ]);
    for (const b of all) {
      expect(b.slices.length, b.clause).toBeGreaterThan(0);
      for (const r of b.slices.flatMap((s) => s.ranges))
        expect(r.witness.verified, r.text).toBe(true);
    }
  });

  it("property: on random backgrounds, every input whose amount differs lies in a reported range", () => {
    const rng = streamFor(20240601, 0);
    for (const clause of ["第1条", "第5条", "第7条"]) {
      const t = target(clause);
      const { axes, figs, dates } = axesOf(p.old, p.new, t);
      for (let k = 0; k < 8; k++) {
        const ctx = randomContext(rng, t, axes);
        const axis = axes[rng() % axes.length]!;
        const hints = hintsFor(
          axis,
          axes.filter((o) => o !== axis && o.kind === "money"),
          ctx,
          figs,
          dates,
        );
        const segs = scanSlice(oldP, newP, t, ctx, axis, hints);
        const xs = Array.from({ length: 25 }, () => randomPosition(rng, axis, hints));
        check(t, ctx, axis, segs, xs, true);
      }
    }
  });

  it("property: the reported (joined) ranges of each background contain every differing input", () => {
    const rng = streamFor(7, 1);
    for (const t of targets.filter((x) => x.pair)) {
      const { axes } = axesOf(p.old, p.new, t);
      for (const s of reported.find((x) => x.clause === t.clause)!.slices) {
        const axis = axes.find((a) => a.name === s.variable);
        if (!axis) continue;
        const w = s.ranges[0]!.witness;
        const ctx = { label: "", application: w.application, options: w.options };
        const xs = Array.from({ length: 30 }, () =>
          randomPosition(
            rng,
            axis,
            s.ranges.map((r) => r.lo),
          ),
        );
        check(t, ctx, axis, s.ranges, xs, false);
      }
    }
  });
});
