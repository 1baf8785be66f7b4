import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCases } from "../../compiler/cases.js";
import { compile } from "../../compiler/compile.js";
import { compileGuideline } from "../../compiler/guideline/compile-guideline.js";
import { provenanceText } from "../../compiler/guideline/provenance.js";
import { loadPolicy } from "../../runtime/define.js";

const POLICY = readFileSync("policies/jiading-2021-industrial-internet.zc", "utf8");
const GUIDE = readFileSync("policies/jiading-2024-guideline.zc", "utf8");

/** A small guideline on the seed with the given body. */
const guide = (body: string, header = "  申报期 2024年3月15日 至 2024年4月30日\n") =>
  `申报指南 测试指南\n  基于 “jiading-2021-industrial-internet.zc”\n  年度 2024\n${header}\n${body}`;

const errors = (src: string) =>
  compileGuideline(src, POLICY, { emit: [] }).diagnostics.filter((d) => d.severity === "error");

describe("the 2024 guideline for 嘉经〔2021〕12号", () => {
  const r = compileGuideline(GUIDE, POLICY);
  it("compiles without diagnostics", () => {
    expect(r.diagnostics).toEqual([]);
    expect(r.ok).toBe(true);
  });
  const compiled = loadPolicy(r.js!);
  for (const o of runCases(r.ast!, compiled))
    it(`案例：${o.title}`, () => expect(o.failures).toEqual([]));
  it("opens only the listed clauses", () => {
    expect(r.open).toEqual([1, 2, 5, 7, 9, 10, 12]);
    expect(r.closed).toEqual([3, 4, 6, 8, 11]);
  });
  it("says where each effective value comes from", () => {
    const lines = r.provenance.map(provenanceText);
    expect(lines).toContain(
      "参数 服务企业数量要求 10家，自2024年7月1日 12家（申报指南第17行；政策原为 待定）",
    );
    expect(lines).toContain(
      "第7条 资助 比例 25% 基数 实际发生服务金额（申报指南第30行；政策原为 比例 30% 基数 实际发生服务金额）",
    );
    expect(lines).toContain("第7条 上限 80万（申报指南第31行；政策原为 100万）");
    expect(lines.some((l) => l.startsWith("第1条 资助 比例 30% 基数 项目实际投资（政策第"))).toBe(
      true,
    );
    expect(
      lines.some((l) => l.startsWith("第5条 条件 项目已投入金额 不低于 100万（申报指南第")),
    ).toBe(true);
  });
  it("honours its window and year with a clear reason", () => {
    const app = { 注册地在本区: true, 法人企业: true, 经营状态正常: true, 信用记录良好: true };
    const late = compiled.evaluate(app, { date: "2024-05-06" });
    expect(late.ok && late.result.reasons.join()).toContain(
      "不在申报期内：申报期为2024年3月15日至2024年4月30日，申报日期为2024年5月6日",
    );
    const inWindow = compiled.evaluate(app, { date: "2024-04-30" });
    expect(inWindow.ok && inWindow.result.eligible).toBe(true);
  });
  it("a closed clause says the guideline did not open it", () => {
    const app = {
      注册地在本区: true,
      法人企业: true,
      经营状态正常: true,
      信用记录良好: true,
      工业互联网企业: true,
      实现股改上市挂牌: true,
    };
    const ev = compiled.evaluate(app, { date: "2024-04-01" });
    const c3 = ev.ok ? ev.result.clauses.find((c) => c.number === 3) : undefined;
    expect(c3?.status).toBe("ineligible");
    expect(c3?.reasons.join()).toContain(
      "2024年度嘉定区工业互联网创新发展专项资金申报指南未开放本条申报",
    );
  });
});

describe("what a guideline may change", () => {
  it("may lower a ratio and a cap", () => {
    expect(errors(guide("第1条\n  资助 比例 20% 基数 项目实际投资\n  上限 150万\n"))).toEqual([]);
  });
  it("may not raise a ratio, a cap, an amount or a quota without 例外", () => {
    const src = guide(
      "第1条\n  资助 比例 40% 基数 项目实际投资\n  上限 300万\n\n第2条\n  奖励 定额 30万\n\n第5条\n  名额 每年 25\n  上限 按 项目级别：区级 200万，市级 600万，国家级 1000万\n",
    );
    const es = errors(src);
    expect(es.map((d) => d.code)).toEqual(["E402", "E402", "E402", "E402", "E402"]);
    expect(es[0]!.message).toBe("申报指南不得提高第1条的资助比例：政策为 30%，指南为 40%");
    expect(es[0]!.span.line).toBe(7);
    expect(es[0]!.help).toContain("例外 第1条");
  });
  it("may raise a clause's standards where 例外 says why, and records the reason", () => {
    const src = guide("例外 第1条 “经区政府常务会议批准”\n\n第1条\n  上限 300万\n");
    const r = compileGuideline(src, POLICY, { emit: [] });
    expect(r.diagnostics).toEqual([]);
    const cap = r.provenance.find((p) => p.subject === "第1条 上限");
    expect(cap).toMatchObject({
      value: "300万",
      origin: "guideline",
      replaced: "200万",
      exception: "经区政府常务会议批准",
    });
  });
  it("rejects what only a policy may change", () => {
    const code = (body: string, header?: string) => errors(guide(body, header)).map((d) => d.code);
    expect(code("第1条\n  资助 比例 20% 基数 项目已投入金额\n")).toEqual(["E403"]);
    expect(code("第5条\n  就高 上级要求配套金额\n")).toEqual(["E403"]);
    expect(code("第3条\n  可叠加 “其他政策”\n")).toEqual(["E403"]);
    expect(code("第20条\n  上限 10万\n")).toEqual(["E404"]);
    expect(code("开放 第1条、第30条\n")).toEqual(["E404"]);
    expect(code("参数\n  不存在的参数 数量（家） = 3家\n")).toEqual(["E406"]);
    expect(code("参数\n  服务企业数量要求 金额 = 3万\n")).toEqual(["E406"]);
    expect(code("叠加规则\n  从高不重复\n")).toEqual(["E411"]);
    expect(code("", "  申报期 2026年3月1日 至 2026年4月30日\n")).toEqual(["E407"]);
    expect(code("", "  有效期 2021年1月1日 至 2030年12月31日\n")).toEqual(["E408"]);
  });
  it("diagnostics carry the guideline's line and a Chinese help", () => {
    const [d] = errors(guide("第7条\n  上限 150万\n"));
    expect(d).toMatchObject({ code: "E402", span: { line: 7 } });
    expect(d!.help).toMatch(/申报指南只能降低标准/);
  });
  it("a guideline without 年度/申报期 window is checked against its year only when given", () => {
    const r = compileGuideline(guide("", ""), POLICY);
    const ev = loadPolicy(r.js!).evaluate(
      { 注册地在本区: true, 法人企业: true, 经营状态正常: true, 信用记录良好: true },
      { date: "2025-02-01" },
    );
    expect(ev.ok && ev.result.reasons.join()).toContain("申报期为2024年1月1日至2024年12月31日");
  });
});

describe("parameters keyed by date", () => {
  it("a policy answers with the value in force on the application's date", () => {
    const src = POLICY.replace(
      "服务企业数量要求 数量（家） 待定",
      "服务企业数量要求 数量（家） 待定 自 2022年1月1日 10家 自 2022年7月1日 20家",
    );
    const r = compile(src);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const p = loadPolicy(r.js!);
    const app = {
      注册地在本区: true,
      法人企业: true,
      经营状态正常: true,
      信用记录良好: true,
      工业互联网服务商: true,
      服务区内企业数量: 15,
      实际发生服务金额: "100万",
    };
    const at = (date: string) => {
      const ev = p.evaluate(app, { date });
      return ev.ok ? ev.result.clauses.find((c) => c.number === 7) : undefined;
    };
    expect(at("2021-12-31")?.reasons.join()).toContain("待定");
    expect(at("2022-03-01")?.amount).toBe("300000");
    expect(at("2022-07-01")?.status).toBe("ineligible");
    expect(at("2022-07-01")?.reasons.join()).toContain("服务企业数量要求");
    // An explicit value still wins over the dated ones.
    const ev = p.evaluate(app, { date: "2022-08-01", params: { 服务企业数量要求: "12家" } });
    expect(ev.ok && ev.result.clauses.find((c) => c.number === 7)?.amount).toBe("300000");
  });
  it("checks the type of each dated value", () => {
    const src = POLICY.replace(
      "服务企业数量要求 数量（家） 待定",
      "服务企业数量要求 数量（家） 待定 自 2022年1月1日 10万",
    );
    expect(compile(src, { emit: [] }).diagnostics.some((d) => d.severity === "error")).toBe(true);
  });
});

describe("the panel's facts about a guideline (issue 14)", () => {
  it("有效期 and 申报期 point at their own lines, not at the title lines", () => {
    const r = compileGuideline(GUIDE, POLICY);
    const line = (src: string, re: RegExp) => src.split("\n").findIndex((l) => re.test(l)) + 1;
    const of = (s: string) => r.provenance.find((p) => p.subject === s)!;
    expect([of("申报期").origin, of("申报期").line]).toEqual([
      "guideline",
      line(GUIDE, /^\s+申报期/),
    ]);
    expect([of("有效期").origin, of("有效期").line]).toEqual([
      "policy",
      line(POLICY, /^\s+有效期/),
    ]);
  });

  it("a guideline without 文号 or 发布日期 does not take the policy's as its own", () => {
    const bare = GUIDE.replace(/^ {2}(文号|发布日期) .*\n/gm, "");
    expect(bare).not.toContain("文号");
    const h = compileGuideline(bare, POLICY).ast?.header;
    expect(h?.title).toContain("申报指南");
    expect(h?.docNo).toBeUndefined();
    expect(h?.published).toBeUndefined();
    expect(compileGuideline(GUIDE, POLICY).ast?.header?.docNo).toBe("嘉经〔2024〕5号");
  });
});
