/**
 * The completion's clause templates are valid policy text: each one, with its placeholders at
 * their defaults, compiles without errors in a policy that declares the names it mentions.
 * (Runs in Node; it lives with the browser tests because it checks playground code.)
 */
import { expect, test } from "vitest";
import { compile } from "../../compiler/index.js";
import { clauseTemplates } from "../../language/index.js";

const PRELUDE = [
  "政策 模板测试",
  "  有效期 2021年1月1日 至 2030年12月31日",
  "",
  "申报信息",
  "  获得认定 是否",
  "  项目实际投资 金额 默认 0",
  "  已投入金额 金额 默认 0",
  "  营业收入 金额 默认 0",
  "  项目级别 枚举 区级、市级 默认 区级",
  "  项目阶段 枚举 开工、验收 默认 开工",
  "",
].join("\n");

/** A snippet with every placeholder replaced by its default text. */
const expand = (body: string) => body.replace(/\$\{\d+:([^}]*)\}/g, "$1");

for (const t of clauseTemplates()) {
  test(`template “${t.label}” compiles`, () => {
    const text = expand(t.body);
    // The case template expects clause 1; give it one to be about.
    const clause = t.label === "案例" ? "第1条 定额\n  条件 获得认定\n  资助 定额 150万\n\n" : "";
    const result = compile(`${PRELUDE}\n${clause}${text}\n`);
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => `${d.span.line}:${d.span.col} ${d.code} ${d.message}`)).toEqual([]);
  });
}
