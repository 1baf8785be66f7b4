/**
 * A number with its unit in application data (issue 10 §5): `3000㎡` for a field declared in
 * 平方米 is read in any spelling of that unit, 万 scales it, and a different unit is refused with
 * the unit to write, never read as a bare number.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile.js";
import { UNITS as GRAMMAR_UNITS } from "../../grammar/keywords.js";
import { loadPolicy } from "../../runtime/index.js";
import { UNITS } from "../../runtime/units.js";

const policy = loadPolicy(compile(readFileSync("test/cases/good/units-in-data.zc", "utf8")).js!);
const award = (area: unknown) => {
  const e = policy.evaluate({ 租赁面积: area, 申报日期: "2024-05-01" });
  return e.ok ? e.result.clauses[0]!.amount : e.errors.map((x) => x.message).join("；");
};

describe("numbers with their unit in application data", () => {
  it("reads 3000㎡, 3000平方米, 3000 m², ３０００㎡ and 0.3万平方米 as 3000 平方米", () => {
    for (const v of [
      "3000㎡",
      "3000平方米",
      "3000 m²",
      "３０００㎡",
      "0.3万平方米",
      "3,000㎡",
      3000,
      "3000",
    ])
      expect(award(v), String(v)).toBe("600000");
  });

  it("refuses another unit in Chinese, naming the unit to write and its other spellings", () => {
    expect(award("3000亩")).toBe("“租赁面积”单位应为“平方米”（也可写 ㎡、m²）：收到 “3000亩”");
    expect(award("3000千瓦时")).toMatch(/^“租赁面积”单位应为“平方米”/);
    expect(award("3000m³")).toMatch(/^“租赁面积”单位应为“平方米”/);
  });

  it("a field without a declared unit still takes a plain count; 3万 is 30000, never 3", () => {
    const p = loadPolicy(
      compile(`政策 甲

申报信息
  服务企业数量 数量 默认 0

第1条 服务奖励
  奖励 计算 服务企业数量 × 1000元

案例 “十家”
  输入 服务企业数量 10
  期望 第1条 1万
`).js!,
    );
    const amount = (n: unknown) => {
      const e = p.evaluate({ 服务企业数量: n, 申报日期: "2024-05-01" });
      return e.ok ? e.result.clauses[0]!.amount : "refused";
    };
    expect(amount("3万")).toBe("30000000");
    expect(amount("12")).toBe("12000");
  });

  it("the unit table has one source: the grammar re-exports the runtime's", () => {
    expect(GRAMMAR_UNITS).toBe(UNITS);
  });
});
