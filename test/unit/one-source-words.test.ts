/**
 * Issue 9 §3, one place per word: a type, a rounding rule and a clause outcome are worded once
 * (grammar/expr-to-text.ts, grammar/words.ts, runtime/status-words.ts), and every pass that shows
 * them says the same thing.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { coverageLines } from "../../cli/coverage-text.js";
import {
  compile,
  formatSource,
  parse,
  policyCoverage,
  policyDocument,
} from "../../compiler/index.js";
import { typeText, itemsOf, type TypeRef } from "../../grammar/index.js";
import { indexNames } from "../../language/name-index.js";
import { diffPolicies, reportText } from "../../review/index.js";
import { loadPolicy, resultText, STATUS_WORD } from "../../runtime/index.js";

const good = join(dirname(fileURLToPath(import.meta.url)), "../cases/good");

function declaredTypes(source: string): TypeRef[] {
  const { ast } = parse(source);
  return [
    ...itemsOf(ast, "Inputs").flatMap((s) => s.decls.map((d) => d.type)),
    ...itemsOf(ast, "Params").flatMap((s) => s.decls.map((d) => d.type)),
  ];
}

describe("type names", () => {
  it("every declared type of the good cases reads back as the same type", () => {
    let seen = 0;
    for (const f of readdirSync(good).filter((f) => f.endsWith(".zc"))) {
      for (const t of declaredTypes(readFileSync(join(good, f), "utf8"))) {
        const back = declaredTypes(`政策 类型\n申报信息\n  甲 ${typeText(t)}\n`);
        expect(
          JSON.parse(JSON.stringify(back[0], (k, v) => (k === "span" ? undefined : v))),
        ).toEqual(JSON.parse(JSON.stringify(t, (k, v) => (k === "span" ? undefined : v))));
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(20);
  });

  it("the editor's hover shows a category type as the policy declares it", () => {
    const src = "政策 类型\n申报信息\n  项目级别 枚举 区级、市级\n  投资 金额\n";
    const names = indexNames(parse(src).ast, src);
    expect(names.find((n) => n.name === "项目级别")?.typeText).toBe("枚举 区级、市级");
    expect(names.find((n) => n.name === "投资")?.typeText).toBe("金额");
  });
});

const ROUNDED = `政策 舍入示例
  舍入 到角 向下取整
申报信息
  投资 金额

第1条 补助
  资助 比例 3% 基数 投资
`;

describe("rounding words", () => {
  it("the formatter, the explanation, the document and the diff word 舍入 alike", () => {
    expect(formatSource(ROUNDED).text).toContain("舍入 到角 向下取整");
    const r = compile(ROUNDED);
    if (!r.ok || !r.js) throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
    const p = loadPolicy(r.js);
    const ev = p.evaluate({ 投资: "12345.67" }, { explain: true });
    if (!ev.ok) throw new Error("refused");
    expect(ev.result.total).toBe("370.3");
    expect(ev.result.clauses[0]!.steps.map((s) => s.text).join("\n")).toContain("按到角向下取整");
    expect(policyDocument(parse(ROUNDED).ast)).toContain("计算到角，向下取整");
    const plain = ROUNDED.replace("  舍入 到角 向下取整\n", "");
    const report = reportText(diffPolicies(plain, ROUNDED));
    expect(report).toContain("到分四舍五入");
    expect(report).toContain("到角向下取整");
  });
});

describe("outcome words", () => {
  it("the terminal result and the coverage report name an outcome with the same word", () => {
    const src = `政策 结果示例
申报信息
  投资 金额
  首次 是否 默认 否

第1条 补助
  资助 比例 30% 基数 投资

第2条 不符合的
  条件 首次
  资助 定额 10万

案例 “一”
  输入 投资 100万
  期望 第1条 30万
`;
    const r = compile(src);
    if (!r.ok || !r.js) throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
    const p = loadPolicy(r.js);
    const ev = p.evaluate({ 投资: "100万" });
    if (!ev.ok) throw new Error("refused");
    expect(resultText(ev.result, true)).toContain(`第2条 不符合的：${STATUS_WORD.ineligible}`);
    const cov = coverageLines("x.zc", policyCoverage(src, r, loadPolicy, compile).clauses).join(
      "\n",
    );
    expect(cov).toContain(`结果：${STATUS_WORD.awarded}`);
  });
});
