import { describe, expect, it } from "vitest";
import type { Expr } from "../../grammar/ast.js";
import { parse } from "../../compiler/index.js";
import { exprToText } from "../../grammar/expr-to-text.js";
import { textToTokens } from "../../grammar/text-to-tokens.js";

/** Fully parenthesised printing: shows exactly how the parser grouped an expression. */
function grouped(e: Expr): string {
  switch (e.kind) {
    case "Binary":
      return `(${grouped(e.left)} ${{ "+": "+", "-": "-", "*": "×", "/": "÷" }[e.op]} ${grouped(e.right)})`;
    case "Logic":
      return `(${grouped(e.left)} ${e.op === "and" ? "并且" : "或者"} ${grouped(e.right)})`;
    case "Not":
      return `(并非 ${grouped(e.operand)})`;
    case "Neg":
      return `(-${grouped(e.operand)})`;
    case "Compare":
      return `(${grouped(e.left)} ${e.word} ${grouped(e.right)})`;
    default:
      return exprToText(e);
  }
}

const HEADER = "政策 测试\n申报信息\n  甲 金额\n  乙 金额\n  丙 金额\n  丁 是否\n  戊 是否\n";

function conditionOf(text: string): Expr {
  const { ast, diagnostics } = parse(`${HEADER}第1条 测试\n  条件 ${text}\n  资助 定额 1万\n`);
  expect(diagnostics).toEqual([]);
  const clause = ast.items.find((i) => i.kind === "Clause");
  const item = clause?.kind === "Clause" ? clause.items[0] : undefined;
  if (item?.kind !== "Condition") throw new Error("no condition parsed");
  return item.expr;
}

describe("precedence, shown by printing", () => {
  const cases: [string, string][] = [
    ["甲 + 乙 × 丙 超过 1万", "((甲 + (乙 × 丙)) 超过 1万)"],
    ["甲 - 乙 - 丙 超过 0", "(((甲 - 乙) - 丙) 超过 0)"],
    ["甲 ÷ 乙 × 丙 超过 0", "(((甲 ÷ 乙) × 丙) 超过 0)"],
    ["丁 或者 戊 并且 丁", "(丁 或者 (戊 并且 丁))"],
    ["并非 丁 并且 戊", "((并非 丁) 并且 戊)"],
    ["甲 超过 1万 并且 乙 不满 2万 或者 丁", "(((甲 超过 1万) 并且 (乙 不满 2万)) 或者 丁)"],
    ["（甲 + 乙）× 丙 超过 0", "(((甲 + 乙) × 丙) 超过 0)"],
    ["-甲 + 乙 超过 0", "(((-甲) + 乙) 超过 0)"],
  ];
  for (const [src, want] of cases) it(src, () => expect(grouped(conditionOf(src))).toBe(want));

  it("prints back with only the parentheses precedence needs", () => {
    expect(exprToText(conditionOf("（甲 + 乙）× 丙 超过 0"))).toBe("（甲 + 乙） × 丙 超过 0");
    expect(exprToText(conditionOf("甲 + （乙 × 丙） 超过 0"))).toBe("甲 + 乙 × 丙 超过 0");
  });
});

describe("lexing Chinese policy text", () => {
  const payloads = (src: string) =>
    textToTokens(src).tokens.map((t) => (t as unknown as { payload?: unknown }).payload ?? t.image);

  it("reads amounts in every written form, exactly", () => {
    expect(payloads("200万 200万元 1.5亿 2,000,000元 0.2元 30% ３０％")).toEqual([
      { kind: "money", value: "2000000" },
      { kind: "money", value: "2000000" },
      { kind: "money", value: "150000000" },
      { kind: "money", value: "2000000" },
      { kind: "money", value: "0.2" },
      { kind: "percent", value: "0.3" },
      { kind: "percent", value: "0.3" },
    ]);
  });

  it("reads unit rates, counts with units, dates and clause numbers", () => {
    expect(payloads("0.2元/千瓦时 10家 2025年12月31日 2025-12-31 第5条 第十二条")).toEqual([
      { kind: "rate", value: "0.2", unit: "千瓦时" },
      { kind: "count", value: "10", unit: "家" },
      "2025-12-31",
      "2025-12-31",
      5,
      12,
    ]);
  });

  it("accepts full-width punctuation and keeps offsets of the original text", () => {
    const lex = textToTokens("上限　按 级别：区级 ２００万，市级 ５００万；");
    expect(lex.diagnostics).toEqual([]);
    const num = lex.tokens.find((t) => t.image === "２００万")!;
    expect(num.startOffset).toBe("上限　按 级别：区级 ".length);
  });

  it("splits keywords out of unspaced text, and lets declared names contain keywords", () => {
    const src = "申报信息\n  上限金额 金额\n第1条 测试\n  资助 定额 上限金额\n  上限200万\n";
    const lex = textToTokens(src);
    expect(lex.tokens.map((t) => t.image)).toContain("上限金额");
    expect(lex.tokens.slice(-2).map((t) => t.image)).toEqual(["上限", "200万"]);
  });

  it("reports glued names with the fixed text", () => {
    const { diagnostics } = parse(`${HEADER}第1条 测试\n  条件 丁戊\n  资助 定额 1万\n`);
    expect(diagnostics[0]).toMatchObject({ code: "E004", fix: { text: "丁 戊" } });
  });

  it("reads names written in 「」, quotes that nest, and comments", () => {
    const lex = textToTokens(
      "# 注释\n原文 “对获得“上海市智能工厂”授牌的企业” 「其他费用」 // 又一个注释",
    );
    expect(lex.comments.map((c) => c.text)).toEqual(["# 注释", "// 又一个注释"]);
    expect(payloadsOf(lex)).toEqual(["原文", "对获得“上海市智能工厂”授牌的企业", "其他费用"]);
  });
});

function payloadsOf(lex: ReturnType<typeof textToTokens>): unknown[] {
  return lex.tokens.map((t) => (t as unknown as { payload?: unknown }).payload ?? t.image);
}

describe("error recovery", () => {
  it("reports an error in every broken clause in one pass", () => {
    const src = `${HEADER}第1条 甲\n  资助 比例 30% 甲\n第2条 乙\n  资助 定额\n第3条 丙\n  上限 ×\n  资助 定额 1万\n`;
    const { diagnostics } = parse(src);
    const lines = diagnostics.map((d) => d.span.line);
    expect(lines).toEqual([9, 11, 13]);
    for (const d of diagnostics) expect(d.help).toBeTruthy();
  });
});

describe("steps after a bracket table", () => {
  it("a 就高 line after 分档 is a step, while 就高（…） may still start a row", () => {
    const src = `${HEADER}第1条 测试\n  奖励 定额 分档 甲：\n    1亿以上：50万\n    就高（乙，丙）以上：80万\n  就高 丙\n`;
    const { ast, diagnostics } = parse(src);
    expect(diagnostics).toEqual([]);
    const clause = ast.items.find((i) => i.kind === "Clause");
    const kinds =
      clause?.kind === "Clause"
        ? clause.items.map((i) => (i.kind === "Step" ? `Step:${i.step}` : i.kind))
        : [];
    expect(kinds).toEqual(["Award", "Step:max"]);
  });
});
