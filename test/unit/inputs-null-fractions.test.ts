/**
 * Issue 11 §1, the rest: an approved (核定) amount for a clause that grants no money is refused with
 * its field; `null` means "not given" (documented in docs/service.md): a required field is then
 * reported missing, a defaulted one takes its default, never a silent 0; a count of a unit that
 * cannot be fractional (12.5家) is refused.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { loadPolicy, type Evaluation } from "../../runtime/index.js";

const seed = loadPolicy(
  compile(readFileSync("policies/jiading-2021-industrial-internet.zc", "utf8")).js!,
);
const OK = { 注册地在本区: true, 法人企业: true, 经营状态正常: true, 信用记录良好: true };
const errs = (ev: Evaluation) => (ev.ok ? [] : ev.errors);

describe("approved amounts only where there is an amount to approve", () => {
  it("第11条 (绿色通道, 权益 only) refuses an approved amount, naming the field", () => {
    for (const key of ["11", "第11条", 11]) {
      const ev = seed.evaluate({ ...OK, 工业互联网企业: true }, { approved: { [key]: "80万" } });
      const e = errs(ev);
      expect(e.map((x) => x.field)).toEqual([`approved.${key}`]);
      expect(e[0]!.message).toContain("第11条");
      expect(e[0]!.message).toContain("没有可核定的金额");
      expect(e[0]!.message).toMatch(/可核定的条款：第1条、/);
    }
  });

  it("the meta says which clauses grant no money", () => {
    expect(seed.meta.clauses.filter((c) => c.noMoney).map((c) => c.number)).toEqual([11]);
  });

  it("an approved amount for a money clause is still accepted", () => {
    const ev = seed.evaluate({ ...OK, 举办重大活动: false }, { approved: { 第10条: "80万" } });
    expect(ev.ok, JSON.stringify(errs(ev))).toBe(true);
  });
});

describe("null is 'not given'", () => {
  it("null for a required field is reported missing, never 0", () => {
    const ev = seed.evaluate({ ...OK, 注册地在本区: null });
    expect(errs(ev).map((e) => e.field)).toEqual(["注册地在本区"]);
    expect(errs(ev)[0]!.message).toContain("缺少");
  });

  it("null for a defaulted field takes the default, same as omitting it", () => {
    const a = seed.evaluate({
      ...OK,
      获智能工厂授牌: true,
      项目实际投资: "500万",
      服务区内企业数量: null,
    });
    const b = seed.evaluate({ ...OK, 获智能工厂授牌: true, 项目实际投资: "500万" });
    expect(a.ok && b.ok).toBe(true);
    expect(a.ok && a.result.total).toBe(b.ok && b.result.total);
  });

  it("null inside an itemised amount is refused with the item", () => {
    const r = compile(
      [
        "政策 明细",
        "分类 费用类别：设备购置、软件购置",
        "申报信息",
        "  费用明细 金额 按 费用类别",
        "第1条 合计",
        "  资助 比例 30% 基数 合计 费用明细",
      ].join("\n"),
    );
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const ev = loadPolicy(r.js!).evaluate({ 费用明细: { 设备购置: null } });
    expect(errs(ev).map((e) => e.field)).toEqual(["费用明细"]);
    expect(errs(ev)[0]!.message).toContain("设备购置");
  });
});

describe("whole units", () => {
  it("12.5家 is refused; 12家 is accepted", () => {
    for (const v of ["12.5家", "12.5", 12.5]) {
      const ev = seed.evaluate({ ...OK, 服务区内企业数量: v });
      expect(
        errs(ev).map((e) => e.field),
        String(v),
      ).toEqual(["服务区内企业数量"]);
      expect(errs(ev)[0]!.message).toContain("应为整数");
    }
    expect(seed.evaluate({ ...OK, 服务区内企业数量: "12家" }).ok).toBe(true);
  });
});
