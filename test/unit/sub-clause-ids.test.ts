/**
 * Sub-clause ids (issue 10 §4): 第3条之一 and 第3条（一） are clause ids of their own, in headers,
 * cases, results, options, documents, the diff and generated identifiers; never 第3条 with a title.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile, parse } from "../../compiler/compile.js";
import { runCases } from "../../compiler/cases.js";
import { policyDifference } from "../../compiler/format/compare-trees.js";
import { formatSource } from "../../compiler/format/format.js";
import { policyDocument } from "../../compiler/to-doc/render.js";
import { clauseIdentSuffix, clauseKeyText, clauseOrder } from "../../grammar/clause-ids.js";
import { itemsOf } from "../../grammar/ast.js";
import { prepare } from "../../review/diff-policies.js";
import { loadPolicy } from "../../runtime/index.js";

const SRC = readFileSync("test/cases/good/sub-clause-ids.zc", "utf8");

function build(src: string) {
  const r = compile(src);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { ast: r.ast!, policy: loadPolicy(r.js!) };
}

describe("sub-clause ids", () => {
  it("are ids of their own, with the rest of the line as the title", () => {
    const clauses = itemsOf(parse(SRC).ast, "Clause");
    expect(clauses.map((c) => [c.number, c.label, c.title])).toEqual([
      [3, "第3条", "设备投资补助"],
      ["3（一）", "第3条（一）", "研发投入补助"],
      ["3（二）", "第3条（二）", "首次认定奖励"],
      ["3之一", "第3条之一", "设备投资追加补助"],
      ["3之二", "第3条之二", "重大项目"],
    ]);
  });

  it("are one id however the number is written, so a repeat is a duplicate", () => {
    const src =
      "政策 甲\n第三条之一 甲\n  资助 定额 1万\n第3条之1 乙\n  资助 定额 2万\n第3条(一) 丙\n  资助 定额 1万\n第3条（一） 丁\n  资助 定额 1万\n";
    const r = compile(src);
    const dup = r.diagnostics.filter((d) => d.code === "E212");
    expect(dup.map((d) => d.span.line)).toEqual([4, 8]);
  });

  it("sort in document order and give checked identifiers", () => {
    const keys = ["3之一", 4, "3（二）", 3, "3（一）", "3之十二"];
    expect([...keys].sort((a, b) => clauseOrder(a) - clauseOrder(b))).toEqual([
      3,
      "3（一）",
      "3（二）",
      "3之一",
      "3之十二",
      4,
    ]);
    expect(keys.map(clauseIdentSuffix)).toEqual([
      "3_zhi_1",
      "4",
      "3_item_2",
      "3",
      "3_item_1",
      "3_zhi_12",
    ]);
    expect(clauseKeyText("3（一）")).toBe("第3条（一）");
    for (const bad of ["3之一; alert(1)", "x", "3（一", -1, 1.5, "3之一）"])
      expect(() => clauseIdentSuffix(bad)).toThrow();
  });

  it("name results, and callers name them in the ledger and approved amounts", () => {
    const { policy } = build(SRC);
    expect(policy.meta.clauses.map((c) => c.number)).toEqual([
      3,
      "3（一）",
      "3（二）",
      "3之一",
      "3之二",
    ]);
    const ev = policy.evaluate(
      { 设备投资: "2000万", 申报主体: "甲公司" },
      {
        date: "2022-06-01",
        ledger: [{ applicant: "甲公司", clause: "第3条之一", amount: "70万", date: "2022-01-10" }],
        approved: { 第3条之二: "250万", "3（一）": 0 },
      },
    );
    expect(ev.ok).toBe(true);
    if (!ev.ok) return;
    const by = Object.fromEntries(ev.result.clauses.map((c) => [c.clause, c.amount]));
    expect(by).toEqual({
      第3条: "500000",
      "第3条（一）": "0",
      "第3条（二）": "0",
      第3条之一: "300000",
      第3条之二: "2500000",
    });
    const bad = policy.evaluate({}, { approved: { 第3条之九: "1万" } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]!.message).toContain("第3条之一");
  });

  it("appear in the document as written, and the document follows the rules", () => {
    const md = policyDocument(build(SRC).ast, "md");
    const para = md.split("\n").find((l) => l.startsWith("**第3条之一 "))!;
    expect(para).toContain("80万元");
    expect(md).toContain("**第3条（一） 研发投入补助。**");
    expect(md).not.toMatch(/\*\*3之一/);
    const changed = SRC.replace("  上限 80万\n", "  上限 90万\n");
    const md2 = policyDocument(build(changed).ast, "md");
    expect(md2.split("\n").find((l) => l.startsWith("**第3条之一 "))).toContain("90万元");
  });

  it("appear in the diff: a changed sub-clause and an added one", () => {
    const changed = SRC.replace("  上限 80万\n", "  上限 90万\n").replace(
      "第3条之二 重大项目",
      "第3条之三 新增条款\n  资助 定额 5万\n\n第3条之二 重大项目",
    );
    const p = prepare(SRC, changed);
    const rule = p.changes.filter((c) => c.effect === "rule");
    expect(rule.map((c) => c.text)).toEqual([
      "第3条之一 上限 80万元 → 90万元",
      "新增第3条之三 新增条款（定额 5万元）",
    ]);
    expect(rule[0]).toMatchObject({ oldClause: "3之一", newClause: "3之一" });
  });

  it("survive the formatter: same text, same tree; half-width brackets keep their id", () => {
    const once = formatSource(SRC);
    expect(once.ok && once.text).toBe(SRC);
    const half = SRC.replace(/第3条（一）/g, "第3条(一)");
    const f = formatSource(half);
    expect(f.ok).toBe(true);
    expect(policyDifference(parse(half).ast, parse(f.text!).ast)).toBeUndefined();
    expect(itemsOf(parse(f.text!).ast, "Clause")[1]!.number).toBe("3（一）");
  });
});

describe("the example in the README and the language reference", () => {
  it("is in both, compiles and its cases pass", async () => {
    const { SUB_CLAUSE_EXAMPLE } = await import("../../grammar/reference-basics.js");
    const block = "```zc\n" + SUB_CLAUSE_EXAMPLE.trimEnd() + "\n```";
    expect(readFileSync("README.md", "utf8")).toContain(block);
    expect(readFileSync("docs/language-reference.md", "utf8")).toContain(block);
    const { ast, policy } = build(SUB_CLAUSE_EXAMPLE);
    const outcomes = runCases(ast, policy);
    expect(outcomes.map((o) => o.passed)).toEqual([true]);
    const ev = policy.evaluate({ 设备投资: "2000万" }, { date: "2022-01-01" });
    expect(ev.ok && ev.result.clauses.map((c) => [c.clause, c.amount])).toEqual([
      ["第3条", "500000"],
      ["第3条之一", "800000"],
      ["第3条（一）", "100000"],
    ]);
  });
});
