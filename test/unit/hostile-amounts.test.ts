/**
 * Issue 12, "wrong amounts": a batch keeps 名额 and 一次性 whether or not applications carry a date
 * or a 申报主体; numbers keep their cents however many digits they have; one rounding to 分.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { evaluateBatch, loadPolicy, type Evaluation } from "../../runtime/index.js";

const QUOTA = `政策 名额测试政策
  有效期 2020年1月1日 至 2099年12月31日

申报信息
  认定 是否 默认 否

第1条 认定奖励
  条件 认定
  名额 每年 2
  资助 定额 10万

第2条 一次性奖励
  一次性
  资助 定额 5万
`;

const policy = loadPolicy(compile(QUOTA).js!);
const status = (e: Evaluation, n: number) =>
  e.ok ? e.result.clauses.find((c) => c.number === n)!.status : "invalid";
const awarded = (items: { evaluation: Evaluation }[], n: number) =>
  items.filter((i) => status(i.evaluation, n) === "awarded").length;

describe("batch: one date rule for 名额", () => {
  it("five dateless applications get two awards, not five", () => {
    const apps = Array.from({ length: 5 }, (_, i) => ({ 认定: true, 申报主体: `企业${i}` }));
    expect(awarded(evaluateBatch(policy, apps).items, 1)).toBe(2);
    expect(awarded(evaluateBatch(policy, apps, { date: "2024-05-01" }).items, 1)).toBe(2);
  });

  it("dated and dateless applications of the same year share the quota", () => {
    const year = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 4);
    const apps = Array.from({ length: 5 }, (_, i) => ({
      认定: true,
      申报主体: `企业${i}`,
      ...(i < 2 ? { 申报日期: `${year}-01-0${i + 1}` } : {}),
    }));
    const { items } = evaluateBatch(policy, apps);
    expect(awarded(items, 1)).toBe(2);
    // The dated ones (early this year) come first; the dateless ones are judged at today, after them.
    expect(items.map((i) => status(i.evaluation, 1))).toEqual([
      "awarded",
      "awarded",
      "ineligible",
      "ineligible",
      "ineligible",
    ]);
  });

  it("a dateless application is ordered at its batch date, after earlier dated ones", () => {
    const apps = [
      { 认定: true, 申报主体: "甲" },
      { 认定: true, 申报主体: "乙", 申报日期: "2024-03-01" },
      { 认定: true, 申报主体: "丙", 申报日期: "2024-04-01" },
    ];
    const { items } = evaluateBatch(policy, apps, { today: "2024-06-01" });
    expect(items.map((i) => status(i.evaluation, 1))).toEqual(["ineligible", "awarded", "awarded"]);
  });
});

describe("batch: applications without 申报主体", () => {
  it("are distinct applicants, and the explanation says so", () => {
    const { items, ledger } = evaluateBatch(policy, [{}, {}, {}], { date: "2024-05-01" });
    expect(awarded(items, 2)).toBe(3);
    expect(new Set(ledger.map((e) => e.applicant)).size).toBe(3);
    const first = items[1]!.evaluation;
    expect(first.ok && first.result.steps[0]!.text).toContain("第2份申报材料未写“申报主体”");
  });

  it("still merge when they name the same applicant", () => {
    const { items } = evaluateBatch(policy, [{ 申报主体: "甲" }, { 申报主体: "甲" }], {
      date: "2024-05-01",
    });
    expect(awarded(items, 2)).toBe(1);
  });
});
