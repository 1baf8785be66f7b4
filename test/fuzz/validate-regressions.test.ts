/**
 * Regressions found by evaluator fuzzing: "12 34" was read as 1234 (every space was removed before
 * parsing), and a huge array in a field was serialised whole just to quote 40 characters of it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile.js";
import { loadPolicy } from "../../runtime/define.js";

const policy = loadPolicy(
  compile(readFileSync("policies/jiading-2021-industrial-internet.zc", "utf8")).js!,
);
const BASE = {
  注册地在本区: true,
  法人企业: true,
  经营状态正常: true,
  信用记录良好: true,
  获智能工厂授牌: true,
  申报日期: "2022-03-01",
};
const clause1 = (v: unknown) => {
  const ev = policy.evaluate({ ...BASE, 项目实际投资: v });
  return ev.ok ? ev.result.clauses[0]!.amount : ev.errors.map((e) => e.field);
};

describe("number spellings", () => {
  it("digits separated by spaces are refused, naming the field", () => {
    for (const v of ["12 34", "1 000 000", "5 0万", "1. 5万"])
      expect(clause1(v), v).toEqual(["项目实际投资"]);
  });
  it("spaces around the unit are still accepted", () => {
    expect(clause1("100 万")).toBe("300000");
    expect(clause1(" 100万 元 ")).toBe("300000");
    expect(clause1("1,000,000 元")).toBe("300000");
    const ev = policy.evaluate(
      { ...BASE, 工业互联网服务商: true, 服务区内企业数量: "12 家", 实际发生服务金额: "10万" },
      { params: { 服务企业数量要求: 10 } },
    );
    expect(ev.ok && ev.result.clauses[6]!.amount).toBe("30000");
  });

  it("huge or odd values are quoted briefly and cheaply", () => {
    const t0 = performance.now();
    const ev = policy.evaluate({
      ...BASE,
      获智能工厂授牌: new Array(300000).fill({}),
      项目实际投资: NaN,
    });
    expect(performance.now() - t0).toBeLessThan(50);
    expect(ev.ok).toBe(false);
    if (ev.ok) return;
    expect(ev.errors.find((e) => e.field === "获智能工厂授牌")!.message).toContain(
      "[数组，300000 项]",
    );
    expect(ev.errors.find((e) => e.field === "项目实际投资")!.message).toContain("收到 null");
  });
});
