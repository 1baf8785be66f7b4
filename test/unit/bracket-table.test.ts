/**
 * A large 分档 is emitted as a data table searched by binary search (issue 12), on the decimal.js
 * path and on the fast path. Random brackets — bounds in any order, 含/不含 on either side, open
 * ends, 其他, gaps that 其他 covers, constant and computed values — give the same evaluation, step
 * for step, as the if-chain, on every bound, a 分 either side of it and random values; the fast
 * path agrees with the decimal.js path; the good policies' own cases pass in the table form; and
 * the generated code no longer grows by a branch per row.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile, runCases } from "../../compiler/index.js";
import { loadPolicy, type CompiledPolicy } from "../../runtime/index.js";
import { useFastPath } from "../../runtime/run.js";
import { bracketRow, intCmp } from "../../runtime/bracket-rows.js";
import { int, pick, rng } from "../support/random.js";
import { largeTable } from "../fuzz/large-inputs.js";

type R = () => number;

interface Gen {
  readonly src: string;
  /** Points to evaluate: every bound, a step either side of it, and random values (JSON numbers, as the fast path takes them). */
  readonly points: number[];
  readonly subject: string;
}

/** A bound's figure: 元 to the 分 for money, a percentage to two places for a ratio. */
function figure(ratio: boolean, units: number): { text: string; value: string } {
  const fixed = (units / 100).toFixed(2);
  return ratio ? { text: `${fixed}%`, value: `${fixed}%` } : { text: `${fixed}元`, value: fixed };
}

const LOWER_INC = [
  (x: string) => `${x}以上`,
  (x: string) => `${x}（含）以上`,
  (x: string) => `不低于 ${x}`,
];
const LOWER_EXC = [(x: string) => `超过 ${x}`, (x: string) => `${x}（不含）以上`];
const UPPER_INC = [(x: string) => `不超过 ${x}`, (x: string) => `${x}以下`];
const UPPER_EXC = [(x: string) => `不满 ${x}`, (x: string) => `${x}（不含）以下`];

/** A random 分档 policy on a money or a ratio subject, its rows valid (no overlap; gaps only with 其他). */
function randomBrackets(r: R, rows: number): Gen {
  const ratio = r() < 0.3;
  const subject = ratio ? "增长率" : "营业收入";
  const otherwise = r() < 0.35;
  // cut points ascending, in 分 (or 0.01 percentage points)
  const cuts: number[] = [];
  let at = int(r, 0, 5000);
  for (let k = 0; k <= rows; k++) {
    cuts.push(at);
    at += pick(r, [1, 2, 100, 10000, int(r, 1, 5_000_000)]);
  }
  const openBelow = r() < 0.5;
  const openAbove = r() < 0.5;
  const lines: string[] = [];
  // whether the row before includes its upper bound (at cut k)
  let prevHiInc = r() < 0.5;
  for (let k = 0; k < rows; k++) {
    const lo = figure(ratio, cuts[k]!).text;
    const hi = figure(ratio, cuts[k + 1]!).text;
    // a gap between this row and the one before, or a point neither holds: only with 其他
    const gap = otherwise && k > 0 && r() < 0.25;
    const loInc = gap ? false : !prevHiInc;
    const hiInc = r() < 0.5;
    const lower = k === 0 && openBelow ? undefined : pick(r, loInc ? LOWER_INC : LOWER_EXC)(lo);
    const upper =
      k === rows - 1 && openAbove ? undefined : pick(r, hiInc ? UPPER_INC : UPPER_EXC)(hi);
    let label = [lower, upper].filter(Boolean).join(" ");
    if (!label) label = `${lo}以上`;
    if (loInc && hiInc && lower && upper && r() < 0.3) label = `${lo} 至 ${hi}`;
    const value =
      r() < 0.8
        ? figure(false, int(r, 0, 100) * 1_000_000).text
        : ratio
          ? `${int(r, 1, 9)}万 + ${int(r, 0, 50)}万 × ${subject}`
          : `${subject} × ${int(r, 1, 30)}%`;
    lines.push(`${label}：${value}`);
    prevHiInc = hiInc;
  }
  if (r() < 0.5) lines.reverse();
  else if (r() < 0.5) lines.sort(() => r() - 0.5);
  if (otherwise) lines.push(`其他：${figure(false, int(r, 1, 9) * 100).text}`);
  const decl = ratio ? `  ${subject} 比例` : `  ${subject} 金额`;
  const src = [
    "政策 分档数据表测试",
    "申报信息",
    decl,
    "",
    "第1条 分档奖励",
    `  奖励 定额 分档 ${subject}：`,
    ...lines.map((l) => `    ${l}`),
    "",
  ].join("\n");
  const points: number[] = [];
  const show = (units: number) =>
    Number(ratio ? (units / 10000).toFixed(4) : (units / 100).toFixed(2));
  for (const c of cuts) for (const d of [-1, 0, 1]) if (c + d >= 0) points.push(show(c + d));
  for (let k = 0; k < 20; k++) points.push(show(int(r, 0, cuts[cuts.length - 1]! + 10000)));
  return { src, points, subject };
}

/** Every evaluation of every point, explained and not, as JSON. */
function evaluations(policy: CompiledPolicy, g: Gen, explain: boolean): string[] {
  return g.points.map((p) =>
    JSON.stringify(policy.evaluate({ [g.subject]: p }, { explain, date: "2024-03-01" })),
  );
}

const load = (src: string, from: number) => {
  const out = compile(src, { bracketTableFrom: from });
  expect(
    out.diagnostics.filter((d) => d.severity === "error"),
    out.diagnostics.map((d) => d.message).join("；"),
  ).toEqual([]);
  return { out, policy: loadPolicy(out.js!) };
};

describe("分档 as a data table", () => {
  it("random brackets: the table gives the if-chain's evaluations, explained and not", () => {
    const r = rng(12);
    let awarded = 0;
    let outside = 0;
    for (let n = 0; n < 100; n++) {
      const g = randomBrackets(r, int(r, 1, 40));
      const table = load(g.src, 0);
      const chain = load(g.src, Infinity);
      expect(table.out.js).toContain("rt.bracketRow(");
      expect(chain.out.js).not.toContain("rt.bracketRow(");
      for (const explain of [true, false]) {
        const a = evaluations(table.policy, g, explain);
        const b = evaluations(chain.policy, g, explain);
        expect(a, g.src).toEqual(b);
        awarded += a.filter((x) => x.includes('"status":"awarded"')).length;
        outside += a.filter((x) => x.includes("不在任何分档范围内")).length;
      }
    }
    // the points reach both the rows and the places no row holds
    expect(awarded).toBeGreaterThan(1000);
    expect(outside).toBeGreaterThan(50);
  });

  it("random brackets: the table's fast path gives its decimal.js path's evaluations", () => {
    const r = rng(1212);
    let fastHits = 0;
    for (let n = 0; n < 100; n++) {
      const g = randomBrackets(r, int(r, 16, 60));
      const { out, policy } = load(g.src, 0);
      expect(out.js).toContain("rt.bracketRow(FT");
      const before = useFastPath(true);
      const fast = evaluations(policy, g, false);
      fastHits += useFastPath(false) - before;
      try {
        expect(evaluations(policy, g, false), g.src).toEqual(fast);
      } finally {
        useFastPath(true);
      }
    }
    expect(fastHits).toBeGreaterThan(1000);
  });

  it("the good policies' own cases pass with every 分档 as a data table", () => {
    let tables = 0;
    for (const f of readdirSync("test/cases/good").filter((x) => x.endsWith(".zc"))) {
      const src = readFileSync(join("test/cases/good", f), "utf8");
      const out = compile(src, { bracketTableFrom: 0 });
      if (!out.ok || !out.js) continue;
      if (out.js.includes("rt.bracketRow(")) tables++;
      const outcomes = runCases(out.ast!, loadPolicy(out.js));
      expect(outcomes.filter((o) => !o.passed).map((o) => [f, o.title, o.failures])).toEqual([]);
    }
    expect(tables).toBeGreaterThanOrEqual(2);
  });

  it("small tables keep the if-chain; a large one is data, not a branch per row", () => {
    const small = compile(largeTable(3)).js!;
    expect(small).not.toContain("rt.bracketRow(");
    const size = (rows: number) => {
      const js = compile(largeTable(rows)).js!;
      expect(js).toContain("rt.bracketRow(");
      return { bytes: js.length, ifs: js.split("if (").length - 1 };
    };
    const a = size(1000);
    const b = size(2000);
    // The if-chain added two branches (one per path) and ~230 bytes per row; the data ~100.
    expect(b.ifs).toBe(a.ifs);
    expect((b.bytes - a.bytes) / 1000).toBeLessThan(120);
  });

  it("the binary search finds the row holding a value, or none, with 含 and 不含 at each bound", () => {
    // rows [−∞, 10) [10, 20] (20, 30) [30, 30] and nothing above 30
    const t = { lo: [null, 10, 20, 30], hi: [10, 20, 30, 30], inc: "()[](][]" };
    const at = (s: number) => bracketRow(t, s, intCmp);
    expect([-5, 9, 10, 15, 20, 21, 29, 30, 31].map(at)).toEqual([0, 0, 1, 1, 1, 2, 2, 3, -1]);
    expect(at(NaN)).toBe(-1);
  });
});
