/**
 * 资金来源 (issue 10 §3): a clause names its payer, the header names the default; results, the
 * document, the diff and the budget group amounts by payer.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile, formatSource, runCases } from "../../compiler/index.js";
import { policyDocument } from "../../compiler/to-doc/render.js";
import { budgetInThread } from "../../review/budget-plan.js";
import { budgetPlan, prepare } from "../../review/diff-policies.js";
import { budgetText } from "../../review/report-to-text.js";
import { loadPolicy, resultText, type EvaluationResult } from "../../runtime/index.js";
import { Dec } from "../../runtime/money.js";
import { PAYER_EXAMPLE } from "../../grammar/reference-funding.js";

const SRC = readFileSync("test/cases/good/payers.zc", "utf8");

function load(source: string) {
  const r = compile(source);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { ast: r.ast!, policy: loadPolicy(r.js!), ts: r.ts! };
}

function result(source: string, app: Record<string, unknown>): EvaluationResult {
  const ev = load(source).policy.evaluate(app, { date: "2024-03-01" });
  if (!ev.ok) throw new Error(JSON.stringify(ev.errors));
  return ev.result;
}

describe("资金来源 in results", () => {
  it("groups amounts by payer, every named payer present, adding up to the total", () => {
    const r = result(SRC, { 设备投资: "500万", 获市级认定: true });
    expect(r.byPayer).toEqual({
      区级财政: "500000",
      市级财政: "500000",
      工业互联网专项资金: "200000",
    });
    const sum = Object.values(r.byPayer!).reduce((s, x) => s.plus(x), new Dec(0));
    expect(sum.toFixed()).toBe(new Dec(r.total).toFixed());
    expect(r.clauses.map((c) => c.payer)).toEqual(["区级财政", "市级财政", "工业互联网专项资金"]);
    // a payer that pays nothing this time keeps its entry, at 0
    const none = result(SRC, { 设备投资: "100万" });
    expect(none.byPayer).toEqual({ 区级财政: "100000", 市级财政: "0", 工业互联网专项资金: "0" });
    expect(resultText(r)).toContain(
      "按资金来源：区级财政 50万元；市级财政 50万元；工业互联网专项资金 20万元",
    );
  });

  it("a clause with no payer (and no default) goes under 未指明资金来源", () => {
    const src = SRC.replace("  资金来源 区级财政\n", "").replace(/案例[\s\S]*$/, "");
    const r = result(src, { 设备投资: "500万", 获市级认定: true });
    expect(r.byPayer).toEqual({
      市级财政: "500000",
      工业互联网专项资金: "200000",
      未指明资金来源: "500000",
    });
    expect(r.clauses[0]!.payer).toBeUndefined();
  });

  it("a policy that names no payer has no byPayer and no Payer type", () => {
    const src = SRC.replace(/^ +资金来源.*\n/gm, "").replace(/案例[\s\S]*$/, "");
    const { policy, ts } = load(src);
    const ev = policy.evaluate({ 设备投资: "500万" }, { date: "2024-03-01" });
    expect(ev.ok && ev.result.byPayer).toBe(undefined);
    expect(ts).not.toContain("Payer");
  });

  it("the generated module types the payers", () => {
    const { ts } = load(SRC);
    expect(ts).toContain('export type Payer = "区级财政" | "市级财政" | "工业互联网专项资金";');
    expect(ts).toContain("Evaluation<Payer>");
  });
});

describe("资金来源 diagnostics", () => {
  it("E265: two payers in one clause", () => {
    const src = SRC.replace("  资金来源 市级财政\n", "  资金来源 市级财政\n  资金来源 区级财政\n");
    const r = compile(src);
    expect(r.diagnostics.map((d) => d.code)).toContain("E265");
  });
  it("E264: a case expects a payer the policy does not name", () => {
    const src = SRC + "  期望 资金来源 省级财政 0\n";
    const d = compile(src).diagnostics.find((x) => x.code === "E264");
    expect(d?.message).toContain("省级财政");
    expect(d?.help).toContain("区级财政、市级财政、工业互联网专项资金");
  });
  it("a wrong expectation fails its case, naming the payer", () => {
    const src = SRC.replace("期望 资金来源 市级财政 50万", "期望 资金来源 市级财政 40万");
    const { ast, policy } = load(src);
    const failures = runCases(ast, policy).flatMap((o) => o.failures);
    expect(failures).toEqual(["期望 资金来源 市级财政 40万元，实际 50万元"]);
  });
});

describe("资金来源 in documents, formatting, the diff and the budget", () => {
  it("the document says who pays which clause", () => {
    const md = policyDocument(load(SRC).ast, "md");
    expect(md).toContain(
      "本政策资助资金按下列来源安排：区级财政：第1条；市级财政：第2条；工业互联网专项资金：第3条。",
    );
    expect(md).toContain("所需资金由市级财政承担");
  });

  const format = (s: string): string => {
    const r = formatSource(s);
    if (r.text === undefined) throw new Error("did not format");
    return r.text;
  };

  it("formats back to itself (payer keywords bare, a fund in quotes)", () => {
    const once = format(SRC);
    expect(format(once)).toBe(once);
    expect(once).toContain("  资金来源 区级财政\n");
    expect(once).toContain("  资金来源 “工业互联网专项资金”\n");
    expect(once).toContain("  期望 资金来源 “工业互联网专项资金” 20万");
  });

  it("changing a clause's payer, or the default, is a change line", () => {
    const changed = SRC.replace("  资金来源 市级财政\n", "  资金来源 省级财政\n").replace(
      "期望 资金来源 市级财政",
      "期望 资金来源 省级财政",
    );
    const texts = prepare(SRC, changed).changes.map((c) => c.text);
    expect(
      texts.some((t) => t.includes("第2条") && t.includes("资金来源") && t.includes("省级财政")),
    ).toBe(true);
    const def = SRC.replace("  资金来源 区级财政\n", "  资金来源 市级财政\n").replace(
      /期望 资金来源 区级财政 \d+万/g,
      "期望 总额 0",
    );
    const texts2 = prepare(SRC, def).changes.map((c) => c.text);
    expect(texts2.some((t) => t.includes("资金来源") && t.includes("市级财政"))).toBe(true);
  });

  it("the budget groups the outlay by payer", () => {
    const changed = SRC.replace("奖励 定额 50万", "奖励 定额 80万");
    const p = prepare(SRC, changed);
    const plan = budgetPlan(p, { size: 300, seed: 5 });
    const b = budgetInThread(p.old, p.new, plan, 300);
    const city = b.payers!.find((x) => x.payer === "市级财政")!;
    const district = b.payers!.find((x) => x.payer === "区级财政")!;
    // only the city's clause changed: 50万 → 80万 for each award of 第2条
    const c2 = b.clauses.find((c) => c.clause === "第2条")!;
    expect(city.before).toBe(c2.before);
    expect(city.after).toBe(c2.after);
    expect(new Dec(city.after).minus(city.before).toFixed()).toBe(
      new Dec(300000).mul(c2.awardsAfter).toFixed(),
    );
    expect(district.delta).toBe("0");
    const sum = (side: "before" | "after") =>
      b.payers!.reduce((s, x) => s.plus(x[side]), new Dec(0)).toFixed();
    expect(sum("before")).toBe(new Dec(b.totalBefore).toFixed());
    expect(sum("after")).toBe(new Dec(b.totalAfter).toFixed());
    expect(budgetText(b).some((l) => l.startsWith("  资金来源 市级财政："))).toBe(true);
  });
});

describe("the reference's 资金来源 example (grammar/reference-funding.ts)", () => {
  it("is in docs/language-reference.md and the README, and its cases pass", () => {
    expect(readFileSync("docs/language-reference.md", "utf8")).toContain(PAYER_EXAMPLE);
    expect(readFileSync("README.md", "utf8")).toContain(PAYER_EXAMPLE);
    const { ast, policy } = load(PAYER_EXAMPLE);
    const outcomes = runCases(ast, policy);
    expect(outcomes.length).toBe(1);
    expect(outcomes.filter((o) => !o.passed)).toEqual([]);
  });
});
