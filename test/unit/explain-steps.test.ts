/**
 * Explanations say each thing once and leave out zero terms (issue 14): a 按 … 取 lookup that the
 * cap and its 含 both evaluate is shown once, and `与已获上级补助金额 0元 合计…`, `补差：扣减… 0元`
 * and `就高：… 0元` are not shown. Amounts do not change, only the steps.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { loadPolicy, type ClauseResult } from "../../runtime/index.js";

const SOURCE = `政策 解释步骤测试政策

申报信息
  项目级别 枚举 区级、市级
  项目投资 金额
  已获上级补助金额 金额 默认 0
  已获区级资助 金额 默认 0
  配套金额 金额 默认 0

第1条 示范项目
  资助 比例 30% 基数 项目投资
  上限 按 项目级别：区级 200万，市级 500万
  上限 按 项目级别：区级 200万，市级 500万
    含 已获上级补助金额
  补差 已获区级资助
  就高 配套金额
`;

function clause(input: Record<string, unknown>): ClauseResult {
  const r = compile(SOURCE);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const ev = loadPolicy(r.js!).evaluate(input, { date: "2024-01-01" });
  if (!ev.ok) throw new Error(JSON.stringify(ev.errors));
  return ev.result.clauses[0]!;
}

const texts = (c: ClauseResult) => c.steps.map((s) => s.text);

describe("explanation steps", () => {
  it("shows a repeated lookup once", () => {
    const c = clause({ 项目级别: "市级", 项目投资: "1800万", 已获上级补助金额: "100万" });
    expect(c.amount).toBe("4000000");
    const lookups = texts(c).filter((t) => t.startsWith("按项目级别"));
    expect(lookups).toEqual(["按项目级别（市级）取 500万元"]);
    expect(texts(c)).toContain(
      "与已获上级补助金额 100万元 合计不超过上限 500万元，本条至多 400万元",
    );
  });

  it("leaves out zero terms and keeps the amount", () => {
    const c = clause({ 项目级别: "市级", 项目投资: "1800万" });
    expect(c.amount).toBe("5000000");
    const all = texts(c).join("\n");
    expect(all).not.toMatch(/(^|[^\d.])0元/);
    expect(all).not.toContain("已获上级补助金额");
    expect(all).not.toContain("补差");
    expect(all).not.toContain("就高");
    // The 含 cap with nothing received reads as the plain cap.
    expect(texts(c)).toContain("500万元 未超过上限 500万元");
  });

  it("still shows the terms that change the amount", () => {
    const c = clause({
      项目级别: "区级",
      项目投资: "100万",
      已获区级资助: "10万",
      配套金额: "50万",
    });
    expect(c.amount).toBe("500000");
    expect(texts(c)).toContain("补差：扣减已获区级资助 10万元 → 20万元");
    expect(texts(c)).toContain("就高：配套金额 50万元 与 20万元 取高 → 50万元");
  });

  it("no step of the seed policy repeats an earlier one", () => {
    const src = readFileSync("policies/jiading-2021-industrial-internet.zc", "utf8");
    const input = JSON.parse(
      readFileSync("policies/jiading-2021-industrial-internet.example.json", "utf8"),
    ) as Record<string, unknown>;
    const policy = loadPolicy(compile(src).js!);
    for (const received of ["0", "100万"]) {
      const ev = policy.evaluate({ ...input, 已获上级补助金额: received }, { date: "2022-03-01" });
      if (!ev.ok) throw new Error(JSON.stringify(ev.errors));
      for (const c of ev.result.clauses) {
        const shown = texts(c).filter((t) => !t.startsWith("→"));
        expect(new Set(shown).size, `${c.clause}: ${shown.join(" | ")}`).toBe(shown.length);
        expect(shown.join("\n")).not.toContain(" 0元 合计");
      }
    }
  });
});
