/**
 * Issue 12, "wrong amounts": a batch keeps 名额 and 一次性 whether or not applications carry a date
 * or a 申报主体; numbers keep their cents however many digits they have; one rounding to 分.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import {
  evaluateBatch,
  jsonErrorText,
  loadPolicy,
  parseJsonText,
  type Evaluation,
} from "../../runtime/index.js";

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

describe("JSON numbers keep their cents", () => {
  it.each([
    "100000000000000.01",
    "999999999999999.99",
    "-12345678901234567",
    "1.0000000000000001e3",
  ])("%s is refused with the advice to send text", (n) => {
    const r = parseJsonText(`{"项目投资": ${n}}`);
    expect(r.ok).toBe(false);
    const msg = r.ok ? "" : jsonErrorText(r.error);
    expect(msg).toContain("第 1 行第 10 列");
    expect(msg).toContain(`请写成文字，如 "${n}"`);
  });

  it.each(["123456789012345", "0.000000000000001", "1e300", "100000000000000000000", "1.50"])(
    "%s is read as is",
    (n) =>
      expect(parseJsonText(`[${n}, "12345678901234567890"]`)).toEqual({
        ok: true,
        value: [Number(n), "12345678901234567890"],
      }),
  );

  it("text keeps every digit through evaluation", () => {
    const money = loadPolicy(
      compile(`政策 金额测试\n\n申报信息\n  投资 金额\n\n第1条 资助\n  资助 比例 100% 基数 投资\n`)
        .js!,
    );
    const e = money.evaluate(
      (parseJsonText('{"投资": "100000000000000.01"}') as { value: unknown }).value,
      { date: "2024-01-01" },
    );
    expect(e.ok && e.result.total).toBe("100000000000000.01");
  });
});

describe("one rounding to the 分", () => {
  const ratio = `0.00${"4".repeat(1)}${"9".repeat(40)}5`;
  it("a ratio with more digits than a product keeps is refused in a policy", () => {
    const r = compile(
      `政策 比例测试\n\n申报信息\n  投资 金额\n\n第1条 资助\n  资助 比例 ${ratio}% 基数 投资\n`,
    );
    const d = r.diagnostics.find((x) => x.code === "E006");
    expect(d?.message).toContain("有效数字超过17位");
    expect(r.js).toBeUndefined();
  });

  it("…and as an application's ratio", () => {
    const p = loadPolicy(
      compile(
        `政策 比例测试\n\n申报信息\n  投资 金额\n  费率 比例\n\n第1条 资助\n  资助 计算 投资 × 费率\n`,
      ).js!,
    );
    const e = p.evaluate({ 投资: "1", 费率: `${ratio}%` }, { date: "2024-01-01" });
    expect(e.ok).toBe(false);
    expect(!e.ok && e.errors[0]!.message).toContain("有效数字不能超过17位");
    const fine = p.evaluate({ 投资: "100", 费率: "0.004999%" }, { date: "2024-01-01" });
    expect(fine.ok && fine.result.total).toBe("0");
  });
});
