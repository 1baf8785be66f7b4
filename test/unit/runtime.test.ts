/**
 * The runtime as a service sees it: validation field by field, batches in date order with the
 * ledger and quotas, approved amounts, parameter overrides, and exact rounding.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { evaluateBatch, loadPolicy, roundMoney, Dec } from "../../runtime/index.js";

const seed = loadPolicy(
  compile(readFileSync("policies/jiading-2021-industrial-internet.zc", "utf8")).js!,
);
const OK = { 注册地在本区: true, 法人企业: true, 经营状态正常: true, 信用记录良好: true };

describe("validation", () => {
  it("gives one Chinese message per problem, naming the field", () => {
    const ev = seed.evaluate(
      {
        注册地在本区: "yes",
        法人企业: true,
        经营状态正常: true,
        项目实际投资: -5,
        项目级别: "省级",
        专项审计确认费用: "abc",
        土建投入: Infinity,
        平台建设总投入: "200万",
        多余字段: 1,
        项目己投入金额: 1,
      },
      { date: "2023-01-01" },
    );
    expect(ev.ok).toBe(false);
    if (ev.ok) return;
    expect(ev.errors.map((e) => e.field)).toEqual([
      "注册地在本区",
      "信用记录良好",
      "项目实际投资",
      "项目级别",
      "土建投入",
      "专项审计确认费用",
      "多余字段",
      "项目己投入金额",
    ]);
    expect(ev.errors.find((e) => e.field === "项目己投入金额")!.message).toContain(
      "是否指“项目已投入金额”",
    );
    expect(ev.errors.find((e) => e.field === "信用记录良好")!.message).toBe(
      "缺少“信用记录良好”（是否）",
    );
    expect(ev.errors.find((e) => e.field === "项目实际投资")!.message).toContain("不能为负数");
    expect(ev.errors.find((e) => e.field === "项目级别")!.message).toContain(
      "可选：区级、市级、国家级",
    );
  });

  it("accepts amounts as the text writes them", () => {
    for (const v of ["500万", "500万元", "5,000,000元", "5000000", 5000000, "０.０５亿"]) {
      const ev = seed.evaluate(
        { ...OK, 获智能工厂授牌: true, 项目实际投资: v },
        { date: "2023-01-01" },
      );
      expect(ev.ok && ev.result.total, String(v)).toBe("1500000");
    }
  });

  it("rejects non-applications and bad dates", () => {
    expect(seed.evaluate([], {}).ok).toBe(false);
    expect(seed.evaluate(null, {}).ok).toBe(false);
    const ev = seed.evaluate(OK, { date: "2023-02-30" });
    expect(!ev.ok && ev.errors[0]!.field).toBe("date");
  });
});

describe("batch, ledger and quota", () => {
  it("applies applications in date order: 第9条 accumulates per calendar year", () => {
    const event = (date: string, fee: string) => ({
      ...OK,
      申报主体: "甲公司",
      申报日期: date,
      举办重大活动: true,
      活动级别: "国际性",
      已事前备案: true,
      专项审计确认费用: fee,
    });
    const { items, ledger } = evaluateBatch(seed, [
      event("2022-09-01", "80万"),
      event("2022-03-01", "150万"),
      event("2023-01-10", "150万"),
    ]);
    const amount = (i: number) => {
      const ev = items[i]!.evaluation;
      return ev.ok ? ev.result.clauses.find((c) => c.number === 9)!.amount : "invalid";
    };
    expect([amount(0), amount(1), amount(2)]).toEqual(["250000", "750000", "750000"]);
    expect(ledger.map((e) => e.date)).toEqual(["2022-03-01", "2022-09-01", "2023-01-10"]);
  });

  it("第5条: at most 20 recognitions a year, in date order", () => {
    const apps = Array.from({ length: 22 }, (_, i) => ({
      ...OK,
      申报主体: `企业${i}`,
      申报日期: `2022-05-${String(i + 1).padStart(2, "0")}`,
      认定为标杆示范项目: true,
      项目已投入金额: "100万",
    }));
    const { items } = evaluateBatch(seed, apps);
    const statuses = items.map((it) =>
      it.evaluation.ok
        ? it.evaluation.result.clauses.find((c) => c.number === 5)!.status
        : "invalid",
    );
    expect(statuses.filter((s) => s === "awarded")).toHaveLength(20);
    const last = items[21]!.evaluation;
    expect(last.ok && last.result.clauses.find((c) => c.number === 5)!.reasons).toEqual([
      "本年度名额已满（每年20个）",
    ]);
  });

  it("一次性 holds across a batch for the same applicant only", () => {
    const app = (who: string, date: string) => ({
      ...OK,
      申报主体: who,
      申报日期: date,
      通过两化融合贯标认证: true,
    });
    const { items } = evaluateBatch(seed, [
      app("甲", "2022-01-05"),
      app("甲", "2022-06-05"),
      app("乙", "2022-06-05"),
    ]);
    expect(items.map((i) => (i.evaluation.ok ? i.evaluation.result.total : "x"))).toEqual([
      "200000",
      "0",
      "200000",
    ]);
  });
});

describe("options", () => {
  it("parameters can be set per evaluation (as a guideline would)", () => {
    const app = { ...OK, 工业互联网服务商: true, 服务区内企业数量: 12, 实际发生服务金额: "200万" };
    const unset = seed.evaluate(app, { date: "2023-01-01" });
    expect(unset.ok && unset.result.clauses[6]!.status).toBe("error");
    const set = seed.evaluate(app, { date: "2023-01-01", params: { 服务企业数量要求: 10 } });
    expect(set.ok && set.result.clauses[6]!.amount).toBe("600000");
    const bad = seed.evaluate(app, { date: "2023-01-01", params: { 服务企业数量要求: "很多" } });
    expect(!bad.ok && bad.errors[0]!.field).toBe("参数.服务企业数量要求");
  });

  it("explanations off gives the same amounts", () => {
    const app = {
      ...OK,
      认定为标杆示范项目: true,
      项目级别: "市级",
      项目已投入金额: "1800万",
      已获上级补助金额: "100万",
    };
    const on = seed.evaluate(app, { date: "2023-01-01" });
    const off = seed.evaluate(app, { date: "2023-01-01", explain: false });
    expect(on.ok && off.ok && on.result.total === off.result.total).toBe(true);
    expect(off.ok && off.result.clauses.every((c) => c.steps.length === 0)).toBe(true);
  });

  it("rounds half up to the 分 by default, exactly", () => {
    expect(roundMoney(new Dec("0.005")).toFixed(2)).toBe("0.01");
    expect(roundMoney(new Dec("2.675")).toFixed(2)).toBe("2.68");
    expect(roundMoney(new Dec("1234.5"), "yuan", "down").toFixed(0)).toBe("1234");
  });
});
