import { describe, expect, it } from "vitest";
import { caseSamples, fileSamples, parseCsv } from "../../review/applications.js";
import { prepare } from "../../review/diff-policies.js";
import { impactOn } from "../../review/impact.js";
import { draftSource, seedSource } from "./variants.js";

const p = prepare(seedSource(), draftSource());
const oldP = p.old.policy!;
const newP = p.new.policy!;
const base = { 注册地在本区: "是", 法人企业: "是", 经营状态正常: "是", 信用记录良好: "是" };

describe("impact on cases", () => {
  it("lists the embedded cases whose outcome changes, from what to what, with both explanations", () => {
    const cases = caseSamples(p.old, p.new);
    const impact = impactOn(oldP, newP, p.pairs, cases);
    expect(impact.evaluated).toBe(cases.length);
    expect(impact.changed.map((c) => c.label)).toEqual(
      expect.arrayContaining([
        "案例“第1条 未达上限”",
        "案例“第1条 恰达上限（四舍五入到分）”",
        "案例“第13条 同一项目符合两条：从高不重复”",
        "案例“第13条 已获区镇扶持：补足差额”",
        "案例“有效期届满后申报”",
        "案例“有效期最后一天”",
      ]),
    );
    const first = impact.changed[0]!;
    expect(first).toMatchObject({
      totalBefore: "1500000",
      totalAfter: "1250000",
      delta: "-250000",
    });
    expect(first.clauses).toHaveLength(1);
    const c = first.clauses[0]!;
    expect([c.clause, c.before.text, c.after.text]).toEqual(["第1条", "150万元", "125万元"]);
    expect(c.before.explanation[0]).toBe("项目实际投资 500万元 × 30% = 150万元");
    expect(c.after.explanation[0]).toBe("项目实际投资 500万元 × 25% = 125万元");
    const expired = impact.changed.find((x) => x.label === "案例“有效期届满后申报”")!;
    expect(expired.clauses[0]!.before.explanation.join("")).toContain("政策已失效");
  });

  it("judges applications from a CSV file, including a field only the new version declares", () => {
    const csv = [
      "申报主体,申报日期,注册地在本区,法人企业,经营状态正常,信用记录良好,认定为标杆示范项目,项目级别,项目已投入金额,通过安全评估",
      "甲公司,2022-03-01,是,是,是,是,是,市级,2000万,否",
      "乙公司,2022-03-01,是,是,是,是,是,区级,2000万,否",
      '"丙公司, 有限",2022-03-01,是,是,是,是,否,,,是',
    ].join("\n");
    const apps = parseCsv(csv);
    expect(apps[2]).toMatchObject({ 申报主体: "丙公司, 有限", 通过安全评估: "是" });
    expect(apps[2]).not.toHaveProperty("项目级别");
    const impact = impactOn(oldP, newP, p.pairs, fileSamples(apps));
    expect(
      impact.changed.map((c) => [
        c.label,
        c.clauses.map((x) => `${x.clause} ${x.before.text} → ${x.after.text}`),
      ]),
    ).toEqual([
      ["申报 1（甲公司）", ["第5条 500万元 → 600万元"]],
      ["申报 3（丙公司, 有限）", ["第13条 （无此条） → 50万元"]],
    ]);
  });

  it("reports input errors of one version as such", () => {
    const impact = impactOn(oldP, newP, p.pairs, fileSamples([{ ...base, 项目级别: "省级" }]));
    expect(impact.changed).toEqual([]);
    const bad = impactOn(oldP, newP, p.pairs, fileSamples([{ ...base, 项目实际投资: "-5" }]));
    expect(bad.changed).toEqual([]);
  });
});
