/**
 * One meaning per code: problems that used to share a code with a different problem now have
 * their own (E224/E225, E216/E219, E212/E417, E404/E415, E412/E414); one problem that had two codes
 * has one (a clause id that is not accepted, E005; E301 is gone), and two that looked alike are
 * told apart (a reversed 有效期/申报期, E222; a reversed range in a condition or a sum, W432).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile.js";
import { compileGuideline } from "../../compiler/guideline/compile-guideline.js";
import { DIAGNOSTIC_CODES } from "../../grammar/diagnostic-codes.js";

const POLICY = readFileSync("policies/jiading-2021-industrial-internet.zc", "utf8");
const guide = (body: string) =>
  `申报指南 测试指南\n  基于 “jiading-2021-industrial-internet.zc”\n  年度 2024\n  申报期 2024年3月15日 至 2024年4月30日\n\n${body}`;
const guideCodes = (src: string) =>
  compileGuideline(src, POLICY, { emit: [] }).diagnostics.map((d) => [d.code, d.message]);
const policyCodes = (src: string) =>
  compile(src, { emit: [] }).diagnostics.map((d) => [d.code, d.message]);

describe("a code is not shared by two problems", () => {
  it("已拨付 without 拨付 is E225, not E224 (no award)", () => {
    const src =
      "政策 测试\n申报信息\n  项目投资 金额\n第1条 测试\n  资助 比例 30% 基数 项目投资\n  已拨付 10万\n";
    const ds = policyCodes(src);
    expect(ds).toContainEqual(["E225", "已拨付 需要与 拨付 一起使用"]);
    expect(ds.map((d) => d[0])).not.toContain("E224");
  });
  it("a case based on a missing case is E219, a missing clause stays E216", () => {
    const src =
      "政策 测试\n申报信息\n  项目投资 金额\n第1条 测试\n  资助 比例 30% 基数 项目投资\n" +
      "案例 “甲” 基于 “不存在”\n  输入 项目投资 100万\n  期望 第9条 30万\n";
    const codes = policyCodes(src).map((d) => d[0]);
    expect(codes).toContain("E219");
    expect(codes).toContain("E216");
  });
  it("a clause adjusted twice in a guideline is E417, not E212 (duplicate clause number)", () => {
    const ds = guideCodes(guide("第1条\n  上限 150万\n\n第1条\n  上限 140万\n"));
    expect(ds.map((d) => d[0])).toContain("E417");
    expect(ds.map((d) => d[0])).not.toContain("E212");
  });
  it("adjusting a clause that has no award is E415, not E404 (no such clause)", () => {
    const ds = guideCodes(guide("第11条\n  资助 定额 10万\n"));
    expect(ds.map((d) => d[0])).toContain("E415");
    expect(ds.map((d) => d[0])).not.toContain("E404");
  });
  it("a policy compiled as a guideline is E414, not E412 (guideline without 基于)", () => {
    const ds = guideCodes(POLICY);
    expect(ds).toEqual([["E414", "这不是申报指南"]]);
    expect(DIAGNOSTIC_CODES.E412.meaning).toBe("申报指南没有写所依据的政策");
  });
});

describe("one problem, one code", () => {
  const policy = (clauses: string) =>
    `政策 测试\n申报信息\n  项目投资 金额\n  开工日期 日期\n\n${clauses}`;
  it("every clause id that is not accepted is E005 (第3条第2款, 第三部分第2条, 第3.1条, A3, 4.1)", () => {
    for (const id of ["第3条第2款", "第三部分第2条", "第3.1条", "A3", "4.1", "第3-2条"]) {
      const codes = policyCodes(policy(`${id} 测试\n  资助 定额 10万\n`)).map((d) => d[0]);
      expect(codes, id).toEqual(["E005"]);
    }
  });
  it("a reversed 有效期 or 申报期 is E222; a reversed range in a condition or a sum is W432", () => {
    const reversedValidity =
      "政策 测试\n  有效期 2025年1月1日 至 2024年1月1日\n申报信息\n  项目投资 金额\n\n第1条 测试\n  资助 定额 10万\n";
    expect(policyCodes(reversedValidity).map((d) => d[0])).toEqual(["E222"]);
    const reversedWindow = policy(
      "第1条 测试\n  申报期 2025年1月1日 至 2024年1月1日\n  资助 定额 10万\n",
    );
    expect(policyCodes(reversedWindow).map((d) => d[0])).toEqual(["E222"]);
    const reversedCondition = policy(
      "第1条 测试\n  条件 开工日期 不早于 2025年1月1日 且 开工日期 不晚于 2024年1月1日\n  资助 定额 10万\n",
    );
    expect(policyCodes(reversedCondition).map((d) => d[0])).toEqual(["W432"]);
    expect(DIAGNOSTIC_CODES.E222.meaning).toMatch(/有效期或申报期/);
    expect(DIAGNOSTIC_CODES.W432.meaning).toMatch(/条件或合计/);
  });
});
