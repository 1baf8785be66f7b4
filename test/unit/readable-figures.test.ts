/**
 * Explanations show figures a person can check (issue 11 §3): an intermediate 100 ÷ 3 reads
 * 33.333…元, never 40 digits; the final amount stays exact and rounded by the policy's rule.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { Dec, fmtMoney, fmtRatio, loadPolicy } from "../../runtime/index.js";

const SOURCE = `政策 可读数字测试政策

申报信息
  项目投资 金额 默认 0

第1条 三分之一
  资助 计算 项目投资 ÷ 3
`;

describe("readable figures in explanations", () => {
  it("cuts long intermediate values and keeps the amount exact", () => {
    const r = compile(SOURCE);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const ev = loadPolicy(r.js!).evaluate({ 项目投资: 100 }, { date: "2024-01-01" });
    expect(ev.ok).toBe(true);
    if (!ev.ok) return;
    const c = ev.result.clauses[0]!;
    expect(c.amount).toBe("33.33");
    const text = c.steps.map((s) => s.text).join("\n");
    expect(text).toContain("33.333…元");
    expect(text).toContain("→ 33.33元");
    expect(text).not.toMatch(/\d{8,}/);
  });
  it("short exact values are shown whole", () => {
    expect(fmtMoney(new Dec("1234.567"))).toBe("1234.567元");
    expect(fmtMoney(new Dec("0.125"))).toBe("0.125元");
    expect(fmtMoney(new Dec("2000000"))).toBe("200万元");
    expect(fmtRatio(new Dec(1).div(3))).toBe("33.333…%");
  });
});
