/**
 * Regressions found by compiler fuzzing.
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile.js";
import { loadPolicy } from "../../runtime/define.js";

describe("compiler regressions", () => {
  it("a repeated 一次性 is one check and a warning, not a module that fails to load", () => {
    const src = [
      "政策 重复一次性",
      "申报信息",
      "  通过认证 是否",
      "第1条 奖励",
      "  条件 通过认证",
      "  一次性",
      "  一次性",
      "  奖励 定额 20万",
      "",
    ].join("\n");
    const r = compile(src);
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["W303"]);
    const policy = loadPolicy(r.js!);
    const ledger = [{ applicant: "甲", clause: 1, amount: "200000", date: "2023-01-01" }];
    const ev = policy.evaluate({ 通过认证: true, 申报主体: "甲" }, { date: "2024-01-01", ledger });
    expect(ev.ok && ev.result.clauses[0]!.reasons.length).toBe(1);
  });
});

describe("runtime regressions", () => {
  it("a negative cap or ratio gives a clause error, never a negative amount", () => {
    for (const line of ["  上限 -1", "  上限 -200万"]) {
      const src = [
        "政策 负数上限",
        "申报信息",
        "  投资 金额",
        "第1条 资助",
        "  资助 比例 30% 基数 投资",
        line,
        "",
      ].join("\n");
      const r = compile(src);
      expect(r.ok).toBe(true);
      const ev = loadPolicy(r.js!).evaluate({ 投资: "100万" }, { date: "2024-01-01" });
      expect(ev.ok).toBe(true);
      if (!ev.ok) return;
      expect(ev.result.clauses[0]).toMatchObject({ status: "error", amount: "0" });
      expect(ev.result.clauses[0]!.reasons[0]).toMatch(/负数金额/);
      expect(ev.result.total).toBe("0");
    }
  });
});
