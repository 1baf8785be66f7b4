/**
 * The generated fast path (exact integer money, explanations off) and the decimal.js path give the
 * same evaluation, key for key, on random applications to the seed and to every good test policy;
 * the fast path really answers most of them, and hands over to decimal.js where it cannot stay
 * exact (overflow) or where the full path words something (invalid input, 从高不重复 between two
 * paid clauses, a deduction, an out-of-force date).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { loadPolicy, type CompiledPolicy, type InputMeta } from "../../runtime/index.js";
import { useFastPath } from "../../runtime/run.js";
import { seedSource } from "../../bench/seed-applications.js";
import { int, pick, rng } from "../support/random.js";

type R = () => number;

/** An amount in 元 as a JSON number: edges, round figures, 分, and now and then a huge one. */
function amount(r: R): unknown {
  const k = r();
  if (k < 0.15)
    return pick(r, [0, 0.01, 200000, 1000000, 2000000, 5000000, 6666666.67, 3333333.33]);
  if (k < 0.4) return int(r, 0, 2000) * 10000;
  if (k < 0.9) return int(r, 0, 99_999_999) + int(r, 0, 99) / 100;
  if (k < 0.97) return int(r, 0, 9_999_999) * 1e6 + int(r, 0, 99) / 100; // beyond 1e13: full path
  return pick(r, [-1, 1.234, "200万", "abc", 1e16]); // invalid or only the full parser's
}

function value(r: R, m: InputMeta): unknown {
  switch (m.type) {
    case "bool":
      return pick(r, [true, false, true, "是", "否", "true"]);
    case "money":
      return amount(r);
    case "ratio":
      return pick(r, [0, 0.1, 0.3, 0.25, 0.125, 0.33333, 1.5, "30%", 2000]);
    case "count":
      return r() < 0.9 ? int(r, 0, 40) : pick(r, [2.5, -1, "12家"]);
    case "enum":
      return r() < 0.95 ? pick(r, m.values ?? []) : "不存在的类别";
    case "date":
      return `${int(r, 2019, 2027)}-${String(int(r, 1, 12)).padStart(2, "0")}-${String(int(r, 1, 28)).padStart(2, "0")}`;
    case "text":
      return pick(r, ["甲", "乙公司", ""]);
    default:
      return undefined;
  }
}

/** A random application: the required fields mostly true, some others, now and then a wrong key. */
function application(r: R, inputs: readonly InputMeta[]): Record<string, unknown> {
  const app: Record<string, unknown> = {};
  for (const m of inputs) {
    if (m.required)
      app[m.name] = m.type === "bool" ? r() < 0.92 || pick(r, [false, "否"]) : value(r, m);
    else if (r() < 0.35) app[m.name] = value(r, m);
  }
  if (r() < 0.5) app["申报日期"] = value(r, { name: "", type: "date", required: false });
  if (r() < 0.2) app["申报主体"] = "甲公司";
  if (r() < 0.02) app["不认识的字段"] = 1;
  return app;
}

/** Evaluate every application on both paths; return how many differ and how many the fast path took. */
function compareBoth(
  policy: CompiledPolicy,
  apps: readonly Record<string, unknown>[],
  options: (i: number) => Record<string, unknown>,
): { differ: string[]; fast: number } {
  const before = useFastPath(true);
  const fast = apps.map((a, i) => JSON.stringify(policy.evaluate(a, options(i))));
  const fastHits = useFastPath(false) - before;
  const differ: string[] = [];
  try {
    apps.forEach((a, i) => {
      const full = JSON.stringify(policy.evaluate(a, options(i)));
      if (full !== fast[i]) differ.push(`${JSON.stringify(a)}\n  full ${full}\n  fast ${fast[i]}`);
    });
  } finally {
    useFastPath(true);
  }
  return { differ, fast: fastHits };
}

/** Options per application: explanations off, a date option on two of three. */
function dateOption(r: R, n: number): (i: number) => Record<string, unknown> {
  const all = Array.from({ length: n }, (_, i) =>
    i % 3 === 0
      ? { explain: false }
      : { explain: false, date: `${int(r, 2020, 2026)}-0${int(r, 1, 9)}-1${int(r, 0, 9)}` },
  );
  return (i) => all[i]!;
}

describe("fast path (exact integer money) against the decimal.js path", () => {
  it("20,000 random applications to the seed: identical results, thousands on the fast path", () => {
    const policy = loadPolicy(compile(seedSource()).js!);
    const r = rng(16);
    const apps = Array.from({ length: 20_000 }, () => application(r, policy.meta.inputs));
    const { differ, fast } = compareBoth(policy, apps, dateOption(r, apps.length));
    expect(differ.slice(0, 3)).toEqual([]);
    // A third of them have a conflicting or out-of-force date or an invalid value: the full path's.
    expect(fast).toBeGreaterThan(apps.length * 0.15);
  });

  it("the seed as published (a parameter 待定) and every good test policy agree on both paths", () => {
    const sources = [
      readFileSync("policies/jiading-2021-industrial-internet.zc", "utf8"),
      ...readdirSync("test/cases/good")
        .filter((f) => f.endsWith(".zc"))
        .map((f) => readFileSync(join("test/cases/good", f), "utf8")),
    ];
    let withFastPath = 0;
    for (const [k, src] of sources.entries()) {
      const out = compile(src);
      if (!out.js) continue;
      if (out.js.includes("fast: {")) withFastPath++;
      const policy = loadPolicy(out.js);
      const r = rng(100 + k);
      const apps = Array.from({ length: 1500 }, () => application(r, policy.meta.inputs));
      const { differ } = compareBoth(policy, apps, dateOption(r, apps.length));
      expect(differ.slice(0, 2), `policy #${k}`).toEqual([]);
    }
    // Most of the test policies are within the fast path's constructs (the seed among them).
    expect(withFastPath).toBeGreaterThan(sources.length / 2);
  });

  it("a share that would leave the safe integers goes to decimal.js, to the same 分", () => {
    // 9,999,999,999,999.99 元 × 0.0001234 is 1.2 × 10^18 in its exact scale: beyond 2^53.
    const src = [
      "政策 溢出测试",
      "申报信息",
      "  投资 金额 默认 0",
      "第1条 小比例",
      "  资助 比例 0.01234% 基数 投资",
      "",
    ].join("\n");
    const out = compile(src);
    expect(out.js).toContain("fast: {");
    const policy = loadPolicy(out.js!);
    const apps = [{ 投资: 9999999999999.99 }, { 投资: 8888888888888.88 }, { 投资: 1000.01 }];
    const { differ, fast } = compareBoth(policy, apps, () => ({ explain: false }));
    expect(differ).toEqual([]);
    expect(fast).toBe(1); // only the small one stays on the fast path
    const ev = policy.evaluate(apps[0], { explain: false });
    // 9,999,999,999,999.99 × 0.0001234 = 1,233,999,999.9999987766 → 1,234,000,000.00
    expect(ev.ok && ev.result.total).toBe("1234000000");
  });

  it("a figure finer than the 分 in a money position leaves the policy on decimal.js (it made compile fail)", () => {
    // Fuzz input #1291 of 2026-12-03: `设备投资 金额 默认 0.001` was an internal compiler error.
    const src = [
      "政策 细于分的默认值",
      "申报信息",
      "  设备投资 金额 默认 0.001",
      "第1条 比例",
      "  资助 比例 30% 基数 设备投资",
      "第2条 上限",
      "  资助 比例 50% 基数 设备投资",
      "  上限 0.005",
      "",
    ].join("\n");
    const out = compile(src);
    expect(out.diagnostics.filter((d) => d.code === "E999")).toEqual([]);
    const policy = loadPolicy(out.js!);
    const apps = [{}, { 设备投资: 100 }, { 设备投资: 0.01 }];
    const { differ } = compareBoth(policy, apps, () => ({ explain: false }));
    expect(differ).toEqual([]);
    const ev = policy.evaluate({ 设备投资: 100 }, { explain: false });
    expect(ev.ok && ev.result.clauses.map((c) => c.amount)).toEqual(["30", "0.01"]);
  });

  it("an ordinary application takes the fast path and gives the decimal.js path's amounts", () => {
    const policy = loadPolicy(compile(seedSource()).js!);
    const app = {
      ...{ 注册地在本区: true, 法人企业: true, 经营状态正常: true, 信用记录良好: true },
      认定为标杆示范项目: true,
      项目级别: "市级",
      项目已投入金额: 12345678.91,
      已获上级补助金额: 1000000.5,
    };
    const { differ, fast } = compareBoth(policy, [app], () => ({
      explain: false,
      date: "2023-05-01",
    }));
    expect(differ).toEqual([]);
    expect(fast).toBe(1);
    const ev = policy.evaluate(app, { explain: false, date: "2023-05-01" });
    // min(12,345,678.91 × 30% = 3,703,703.673, 500万 − 1,000,000.50) → 3,703,703.67 (四舍五入到分)
    expect(ev.ok && ev.result.total).toBe("3703703.67");
  });
});
