/**
 * Properties of the compiled seed evaluator on random applications: amounts are never negative,
 * never above their caps, monotone in their base, exact to the 分, and equal to the policy text's
 * formula computed independently with decimal.js.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { Dec } from "../../runtime/money.js";
import { loadPolicy } from "../../runtime/index.js";
import { int, moneyString, pick, rng } from "../support/random.js";

const seed = loadPolicy(
  compile(readFileSync("policies/jiading-2021-industrial-internet.zc", "utf8")).js!,
);
const BASE = { 注册地在本区: true, 法人企业: true, 经营状态正常: true, 信用记录良好: true };

/** Ratio clauses of the seed: the flag that makes them apply, their base field, ratio and cap. */
const RATIO_CLAUSES = [
  {
    n: 1,
    on: { 获智能工厂授牌: true },
    base: "项目实际投资",
    ratio: "0.3",
    cap: (_: Record<string, unknown>) => "2000000",
  },
  {
    n: 5,
    on: { 认定为标杆示范项目: true },
    base: "项目已投入金额",
    ratio: "0.3",
    cap: (a: Record<string, unknown>) =>
      ({ 区级: "2000000", 市级: "5000000", 国家级: "10000000" })[a["项目级别"] as string]!,
  },
  { n: 8, on: { 平台条件达标: true }, base: "平台建设总投入", ratio: "0.3", cap: () => "5000000" },
  {
    n: 9,
    on: { 举办重大活动: true, 活动级别: "国际性", 已事前备案: true },
    base: "专项审计确认费用",
    ratio: "0.5",
    cap: () => "1000000",
  },
] as const;

function amountOf(app: Record<string, unknown>, n: number): Dec {
  const ev = seed.evaluate(app, { date: "2023-05-01" });
  if (!ev.ok) throw new Error(JSON.stringify(ev.errors));
  const c = ev.result.clauses.find((x) => x.number === n)!;
  return new Dec(c.amount ?? "0");
}

describe("seed evaluator properties", () => {
  for (const clause of RATIO_CLAUSES) {
    it(`第${clause.n}条: 0 ≤ amount ≤ cap, = min(base × ratio, cap) rounded to 分, monotone in the base`, () => {
      const r = rng(clause.n * 7919);
      for (let i = 0; i < 400; i++) {
        const app: Record<string, unknown> = {
          ...BASE,
          ...clause.on,
          项目级别: pick(r, ["区级", "市级", "国家级"]),
        };
        const base = moneyString(r, pick(r, [1000, 1_000_000, 100_000_000]));
        app[clause.base] = base;
        const amount = amountOf(app, clause.n);
        const cap = new Dec(clause.cap(app));
        expect(amount.gte(0)).toBe(true);
        expect(amount.lte(cap)).toBe(true);
        expect(amount.decimalPlaces()).toBeLessThanOrEqual(2);
        const expected = Dec.min(new Dec(base).mul(clause.ratio), cap).toDecimalPlaces(
          2,
          Dec.ROUND_HALF_UP,
        );
        expect(amount.toFixed(2)).toBe(expected.toFixed(2));
        const bigger = new Dec(base).plus(moneyString(r, 10_000)).toFixed(2);
        expect(amountOf({ ...app, [clause.base]: bigger }, clause.n).gte(amount)).toBe(true);
      }
    });
  }

  it("第5条 with 上级补助: district + 上级 never exceeds the level's cap when no matching is required", () => {
    const r = rng(42);
    for (let i = 0; i < 300; i++) {
      const level = pick(r, ["区级", "市级", "国家级"] as const);
      const app = {
        ...BASE,
        认定为标杆示范项目: true,
        项目级别: level,
        项目已投入金额: moneyString(r, 100_000_000),
        已获上级补助金额: moneyString(r, int(r, 0, 1) ? 3_000_000 : 20_000_000),
      };
      const amount = amountOf(app, 5);
      const cap = new Dec(RATIO_CLAUSES[1].cap(app));
      expect(amount.gte(0)).toBe(true);
      expect(amount.plus(app.已获上级补助金额).lte(Dec.max(cap, app.已获上级补助金额))).toBe(true);
    }
  });

  it("totals are exact sums of clause amounts", () => {
    const r = rng(7);
    for (let i = 0; i < 200; i++) {
      const app = {
        ...BASE,
        获智能工厂授牌: true,
        项目实际投资: moneyString(r, 5_000_000),
        工业互联网企业: true,
        实现股改上市挂牌: int(r, 0, 1) === 1,
      };
      const ev = seed.evaluate(app, { date: "2023-05-01" });
      if (!ev.ok) throw new Error("invalid");
      const sum = ev.result.clauses.reduce(
        (s, c) => (c.status === "awarded" ? s.plus(c.amount!) : s),
        new Dec(0),
      );
      expect(new Dec(ev.result.total).eq(sum)).toBe(true);
    }
  });
});
