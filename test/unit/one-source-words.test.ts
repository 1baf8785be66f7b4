/**
 * Issue 9 §3, one place per word: a type, a rounding rule and a clause outcome are worded once
 * (grammar/expr-to-text.ts, grammar/words.ts, runtime/status-words.ts), and every pass that shows
 * them says the same thing; amounts and full-width forms are read once (runtime/text-forms.ts),
 * the pre-scan reads the keyword table, one PRNG, one list of position fields (grammar/spans.ts).
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
import { typeText, itemsOf, SPAN_FIELDS, withoutSpans, type TypeRef } from "../../grammar/index.js";
import { keyword } from "../../grammar/keywords.js";
import { prescanNames } from "../../grammar/text-to-tokens.js";
import { TYPE_KEYWORD } from "../../grammar/words.js";
import { parseMoneyInput } from "../../playground/src/money.js";
import { mulberry32, streamFor } from "../../review/prng.js";
import { toPlain } from "../../runtime/money.js";
import { parseMoney } from "../../runtime/validate.js";
import { foldWidth } from "../../runtime/text-forms.js";
import { rng } from "../support/random.js";
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

describe("typed amounts", () => {
  it("the playground's form reads an amount exactly as the evaluator does", () => {
    const typed = [
      "200万",
      "２００万",
      "1.5亿元",
      "3,000元",
      "2000000",
      "200 万元",
      "200　万",
      "1,2345万",
      "12 34",
      "-5万",
      "0.001元",
      "万",
      "200万元元",
    ];
    for (const raw of typed) {
      const form = parseMoneyInput(raw);
      const evaluator = parseMoney(raw);
      if (evaluator.ok) expect(form, raw).toEqual({ yuan: toPlain(evaluator.value) });
      else expect("error" in form, raw).toBe(true);
    }
  });

  it("a policy's 200万 and an application's ２００万 are one amount", () => {
    const src =
      "政策 金额\n申报信息\n  投资 金额\n\n第1条 补助\n  条件 投资 不低于 ２００万\n  资助 定额 1万\n";
    const r = compile(src);
    if (!r.ok || !r.js) throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
    const p = loadPolicy(r.js);
    for (const [raw, total] of [
      ["２００万", "10000"],
      ["1,999,999.99", "0"],
      ["2,000,000", "10000"],
    ] as const) {
      const ev = p.evaluate({ 投资: raw });
      expect(ev.ok && ev.result.total, raw).toBe(total);
    }
  });
});

describe("the lexer's pre-scan", () => {
  it("finds names declared with every spelling of the declaration keywords", () => {
    for (const name of [...new Set(Object.values(TYPE_KEYWORD))]) {
      for (const spelling of keyword(name).spellings) {
        const decl = name === "Enum" ? `${spelling} 甲级、乙级` : spelling;
        expect(prescanNames(`申报信息\n  超过标准 ${decl}\n`).names, spelling).toContain(
          "超过标准",
        );
      }
    }
    for (const s of keyword("Define").spellings)
      expect(prescanNames(`${s} 超过额 = 1`).names).toContain("超过额");
    for (const s of keyword("Category").spellings)
      expect([...prescanNames(foldWidth(`${s} 费用：设备、超过部分`)).names]).toEqual([
        "费用",
        "设备",
        "超过部分",
      ]);
    for (const s of keyword("Count").spellings)
      expect(prescanNames(foldWidth(`  面积 ${s}（亩）`)).units).toContain("亩");
  });
});

describe("one generator", () => {
  it("the tests' rng and the review floor's streams are the same mulberry32", () => {
    const r = rng(12345);
    expect([r(), r(), r()]).toEqual([0.9797282677609473, 0.3067522644996643, 0.484205421525985]);
    const q = streamFor(7, 3);
    expect([q(), q(), q()]).toEqual([3090216991, 1909206724, 1951762949]);
    const m = mulberry32(12345);
    expect(m() / 4294967296).toBe(0.9797282677609473);
  });
});

describe("positions", () => {
  const isSpan = (v: unknown) =>
    typeof v === "object" && v !== null && ["start", "end", "line", "col"].every((k) => k in v);
  /** Paths of span-shaped values in a tree, with the field that holds them. */
  function spanFields(node: unknown, key = "", out = new Set<string>()): Set<string> {
    if (isSpan(node)) out.add(key);
    else if (Array.isArray(node)) for (const x of node) spanFields(x, key, out);
    else if (typeof node === "object" && node !== null)
      for (const [k, v] of Object.entries(node)) spanFields(v, k, out);
    return out;
  }
  it("every position in the good cases' trees sits in a field SPAN_FIELDS names, and withoutSpans drops them all", () => {
    const seen = new Set<string>();
    for (const f of readdirSync(good).filter((f) => f.endsWith(".zc"))) {
      const { ast } = parse(readFileSync(join(good, f), "utf8"));
      const tree = { ...ast, comments: [] };
      for (const k of spanFields(tree)) seen.add(k);
      expect([...spanFields(withoutSpans(tree))], f).toEqual([]);
    }
    expect([...seen].sort()).toEqual([...SPAN_FIELDS].sort());
  });
});
