/**
 * History queries (issue 10 §1): 支持年度 (第N年), 已获支持年数, 上年度已获支持, 累计已获资助 and
 * 已用基数 come from the same project's awards in the ledger, never from the applicant; a project
 * or a base the ledger does not name is an error that asks for it, never a guess.
 */
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile.js";
import { policyDocument } from "../../compiler/to-doc/render.js";
import { prepare } from "../../review/diff-policies.js";
import { closeSolver, proveDiff } from "../../review/node/index.js";
import { loadPolicy, type Evaluation, type LedgerInput } from "../../runtime/index.js";

const SOURCE = readFileSync("test/cases/good/project-history.zc", "utf8");
const policy = loadPolicy(compile(SOURCE).js!);
afterAll(() => closeSolver());

const clause = (e: Evaluation, n: number) => {
  if (!e.ok) throw new Error(JSON.stringify(e.errors));
  return e.result.clauses.find((c) => c.number === n)!;
};
const app = (date: string, more: Record<string, unknown> = {}) => ({
  申报主体: "上海己公司",
  申报项目: "芯片",
  当年研发投入: "200万",
  申报日期: date,
  ...more,
});
const paid = (
  clause: number,
  date: string,
  amount: string,
  more: Record<string, unknown> = {},
) => ({
  applicant: "上海己公司",
  clause,
  amount,
  date,
  project: "芯片",
  ...more,
});

describe("history queries from the project's ledger", () => {
  it("第N年 (支持年度) is derived from the project's first paid year: 50%, 30%, 20%", () => {
    const y = (date: string, ledger: LedgerInput[]) =>
      clause(policy.evaluate(app(date), { ledger }), 1).amount;
    expect(y("2024-04-01", [])).toBe("1000000");
    expect(y("2025-04-01", [paid(1, "2024-04-01", "100万")])).toBe("600000");
    expect(y("2026-04-01", [paid(1, "2024-04-01", "100万"), paid(1, "2025-04-01", "60万")])).toBe(
      "400000",
    );
    // another project of the same enterprise starts at 第1年
    expect(
      clause(
        policy.evaluate(app("2025-04-01", { 申报项目: "电池" }), {
          ledger: [paid(1, "2024-04-01", "100万")],
        }),
        1,
      ).amount,
    ).toBe("1000000");
  });

  it("已用基数 sums the bases the ledger records; a missing base is an error that asks for it", () => {
    const loan = (ledger: LedgerInput[]) =>
      clause(
        policy.evaluate(app("2024-06-01", { 项目总投资: "1000万", 本次贷款额: "300万" }), {
          ledger,
        }),
        2,
      );
    expect(loan([paid(2, "2024-01-10", "4万", { base: "200万" })]).amount).toBe("60000");
    expect(loan([paid(2, "2024-01-10", "6万", { base: "300万" })]).amount).toBe("0");
    const noBase = loan([paid(2, "2024-01-10", "4万")]);
    expect(noBase.status).toBe("error");
    expect(noBase.reasons.join("")).toContain("未写计算基数（base）");
  });

  it("上年度已获支持, 已获支持年数 and 累计已获资助 read the same project's years and sums", () => {
    const grow = (date: string, ledger: LedgerInput[]) =>
      clause(policy.evaluate(app(date, { 培育项目: true }), { ledger }), 3);
    const l = [paid(3, "2023-05-01", "5万"), paid(3, "2024-05-01", "5万")];
    expect(grow("2025-05-01", l).amount).toBe("100000");
    expect(grow("2026-05-01", [...l, paid(3, "2025-05-01", "10万")]).amount).toBe("0");
    expect(grow("2025-05-01", [l[0]!]).status).toBe("ineligible");
  });

  it("never guesses the project: without 申报项目 a ledger of this applicant is an error", () => {
    const { 申报项目: _, ...noProject } = app("2025-04-01");
    const e = clause(policy.evaluate(noProject, { ledger: [paid(1, "2024-04-01", "100万")] }), 1);
    expect(e.status).toBe("error");
    expect(e.reasons.join("")).toContain("申报项目");
  });

  it("the document words it, the diff shows a change line and the prover says it only sampled", async () => {
    const md = policyDocument(compile(SOURCE, { emit: [] }).ast!, "md");
    expect(md).toContain("同一项目此前各笔本条资助已用的计算基数");
    const edited = SOURCE.replace("已用基数 + 本次贷款额", "本次贷款额");
    expect(prepare(SOURCE, edited).changes.map((c) => c.text)).toEqual([
      "第2条 条件 已用基数 + 本次贷款额 不超过 项目总投资 × 50% → 本次贷款额 不超过 项目总投资 × 50%",
    ]);
    const proof = await proveDiff(prepare(SOURCE, edited), { regions: 1 });
    expect(JSON.stringify(proof)).toContain("按台账推算的项目历史");
  });
});
