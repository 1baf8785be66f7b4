/**
 * The bench's baselines must compute what the compiled seed computes, or its ratios mean nothing:
 * the lean decimal.js evaluator agrees to the 分 on every application, and the float ceiling is
 * shown to be inexact on the same applications. The compiled figure is the generated fast path's.
 */
import { describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { compile } from "../../compiler/index.js";
import { loadPolicy } from "../../runtime/index.js";
import { useFastPath } from "../../runtime/run.js";
import { evaluateFloat, evaluateLean } from "../../bench/lean-seed.js";
import { applications, seedSource } from "../../bench/seed-applications.js";

const policy = loadPolicy(compile(seedSource()).js!);
const apps = applications(4000);
const date = "2023-05-01";

describe("bench baselines", () => {
  it("the lean hand-written decimal.js seed agrees with the compiled seed on every total and clause", () => {
    for (const app of apps) {
      const a = policy.evaluate(app, { date, explain: false });
      const lean = evaluateLean(app, date, 10);
      expect(a.ok && lean.ok).toBe(true);
      if (!a.ok) continue;
      expect(lean.total).toBe(a.result.total);
      const paid = Object.fromEntries(
        a.result.clauses
          .filter((c) => c.amount && c.amount !== "0")
          .map((c) => [c.number, c.amount]),
      );
      expect(lean.amounts).toEqual(paid);
    }
  });

  it("the bench's compiled figure is the fast path's, and the decimal.js path agrees with it", () => {
    // The bench times policy.evaluate with explanations off: every one of its applications must
    // take the generated fast path, or the figure would be of something else.
    const before = useFastPath(true);
    const fast = apps.map((app) => JSON.stringify(policy.evaluate(app, { date, explain: false })));
    expect(useFastPath(false) - before).toBe(apps.length);
    try {
      apps.forEach((app, i) =>
        expect(JSON.stringify(policy.evaluate(app, { date, explain: false }))).toBe(fast[i]),
      );
    } finally {
      useFastPath(true);
    }
  });

  it("validates like the compiled module: unknown fields, wrong types, negative and sub-分 amounts", () => {
    const ok = { 注册地在本区: true, 法人企业: true, 经营状态正常: true, 信用记录良好: true };
    for (const bad of [
      { ...ok, 未知字段: 1 },
      { ...ok, 获智能工厂授牌: "对" },
      { ...ok, 项目实际投资: -1 },
      { ...ok, 项目实际投资: 1.005 },
      { ...ok, 项目级别: "省级" },
      { ...ok, 服务区内企业数量: 2.5 },
      { 注册地在本区: true },
    ]) {
      expect(evaluateLean(bad, date).ok).toBe(false);
      expect(policy.evaluate(bad, { date }).ok).toBe(false);
    }
  });

  it("the float ceiling is inexact: some totals differ from the exact ones", () => {
    const wrong = apps.filter((app) => {
      const a = policy.evaluate(app, { date, explain: false });
      const f = evaluateFloat(app, date, 10);
      return a.ok && new Decimal(f.total!).cmp(a.result.total) !== 0;
    });
    expect(wrong.length).toBeGreaterThan(0);
  });
});
