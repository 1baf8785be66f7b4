/**
 * One quote style in input errors (issue 14): a received value is shown in “…”, strings inside
 * arrays and objects too — never JSON's "…" beside “…” in the same message. (JSON examples of
 * what to write, such as {"第10条": "80万"}, stay JSON.)
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { loadPolicy } from "../../runtime/index.js";

const SOURCE = `政策 引号测试政策

申报信息
  项目投资 金额
  投资比例 比例 默认 0
  员工人数 数量 默认 0
  项目级别 枚举 区级、市级 默认 区级
  已认定 是否 默认 否
  立项日期 日期 默认 2024年1月1日

第1条 投资补助
  资助 比例 30% 基数 项目投资
`;

const BAD: readonly unknown[] = [
  ["两百", "万"],
  { 金额: "200万", 单位: "元" },
  [{ a: "b" }],
  "不是数",
];

/** A message without its JSON examples of what to write ({"第10条": "80万"} is code). */
const prose = (m: string) => m.replace(/\{"[^}]*\}/g, "{…}");

describe("quote style of input errors", () => {
  it("every received value is quoted “…”", () => {
    const policy = loadPolicy(compile(SOURCE).js!);
    const messages: string[] = [];
    for (const field of ["项目投资", "投资比例", "员工人数", "项目级别", "已认定", "立项日期"])
      for (const v of BAD) {
        const ev = policy.evaluate({ 项目投资: "100万", [field]: v }, { date: "2024-06-01" });
        if (!ev.ok) messages.push(...ev.errors.map((e) => e.message));
      }
    for (const ledger of BAD) {
      const ev = policy.evaluate({ 项目投资: "100万" }, { date: "2024-06-01", ledger } as never);
      if (!ev.ok) messages.push(...ev.errors.map((e) => e.message));
    }
    expect(messages.length).toBeGreaterThan(BAD.length * 6);
    for (const m of messages) {
      expect(prose(m), m).not.toMatch(/["'「」‘’]/);
    }
    expect(messages.some((m) => m.includes("“两百”"))).toBe(true);
  });
});
