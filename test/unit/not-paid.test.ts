/**
 * Issue 14: a clause that qualifies but is not paid because of 从高不重复 is 未支付 (status
 * not-paid: eligible, amount 0, what it would have paid as `entitled`, the reason last), never
 * 不符合 — in the runtime's result, the CLI's text, and the cases (期望 第2条 未支付 原因 “…”).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { compile, runCases } from "../../compiler/index.js";
import { HIGHEST_EXAMPLE } from "../../grammar/reference-limits.js";
import { loadPolicy, resultText, type ClauseResult, type Evaluation } from "../../runtime/index.js";

const tmp = mkdtempSync(join(tmpdir(), "zc-not-paid-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function load(source: string) {
  const r = compile(source);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { ast: r.ast!, policy: loadPolicy(r.js!) };
}
const clause = (ev: Evaluation, n: number): ClauseResult => {
  if (!ev.ok) throw new Error(JSON.stringify(ev.errors));
  return ev.result.clauses.find((c) => c.number === n)!;
};
const both = { 获智能工厂授牌: true, 通过贯标认证: true, 项目实际投资: "500万" };

describe("未支付 under 从高不重复", () => {
  const { ast, policy } = load(HIGHEST_EXAMPLE);

  it("the lower clause qualifies, pays 0, shows what it would have paid, and says why", () => {
    const ev = policy.evaluate(both, { date: "2024-03-01" });
    const c2 = clause(ev, 2);
    expect(c2.status).toBe("not-paid");
    expect(c2.eligible).toBe(true);
    expect(c2.amount).toBe("0");
    expect(c2.entitled).toBe("200000");
    expect(c2.reasons.at(-1)).toContain("从高不重复");
    expect(c2.reasons.at(-1)).toContain("不重复支付");
    expect(clause(ev, 1).status).toBe("awarded");
    expect(ev.ok && ev.result.total).toBe("1500000");
    // Alone, the same clause is simply paid.
    const alone = policy.evaluate({ 通过贯标认证: true }, { date: "2024-03-01" });
    expect(clause(alone, 2).status).toBe("awarded");
  });

  it("the CLI's text says 符合条件，未支付 with the amount and the reason, not 不符合", async () => {
    const ev = policy.evaluate(both, { date: "2024-03-01" });
    const text = ev.ok ? resultText(ev.result) : "";
    expect(text).toContain("第2条 两化融合贯标：符合条件，未支付（应得 20万元，不计入合计）");
    expect(text).not.toMatch(/第2条 两化融合贯标：不符合/);
    const file = join(tmp, "highest.zc");
    const input = join(tmp, "input.json");
    writeFileSync(file, HIGHEST_EXAMPLE);
    writeFileSync(input, JSON.stringify({ ...both, 申报日期: "2024-03-01" }));
    const { out } = await runCli("eval", file, "--input", input);
    expect(out).toContain("符合条件，未支付");
    expect(out).toContain("从高不重复");
    const json = JSON.parse((await runCli("eval", file, "--input", input, "--json")).out) as {
      clauses: ClauseResult[];
    };
    expect(json.clauses.find((c) => c.number === 2)).toMatchObject({
      status: "not-paid",
      eligible: true,
      amount: "0",
      entitled: "200000",
    });
  });

  it("cases: 未支付 passes on it, 不符合 fails with the form to write", () => {
    expect(runCases(ast, policy).map((o) => [o.passed, o.failures])).toEqual([[true, []]]);
    const wrong = load(
      HIGHEST_EXAMPLE.replace("期望 第2条 未支付 原因 “从高不重复”", "期望 第2条 不符合"),
    );
    const [o] = runCases(wrong.ast, wrong.policy);
    expect(o!.passed).toBe(false);
    expect(o!.failures[0]).toContain("符合条件但未支付");
    expect(o!.failures[0]).toContain("期望 第2条 未支付");
    // And 未支付 on a clause that is simply paid fails too.
    const paid = load(HIGHEST_EXAMPLE.replace("期望 第1条 150万", "期望 第1条 未支付"));
    expect(runCases(paid.ast, paid.policy)[0]!.failures[0]).toContain(
      "期望 第1条 未支付，实际 150万元",
    );
  });
});

describe("未支付 in the seed's 第13条", () => {
  const seed = load(readFileSync("policies/jiading-2021-industrial-internet.zc", "utf8")).policy;
  const base = {
    注册地在本区: true,
    法人企业: true,
    经营状态正常: true,
    信用记录良好: true,
    申报日期: "2022-03-01",
    申报主体: "上海丙公司",
  };

  it("the same project already received more under another clause", () => {
    const ledger = [
      { applicant: "上海丙公司", clause: 1, amount: "200万", date: "2022-01-10", project: "一期" },
    ];
    const app = { ...base, 申报项目: "一期", 认定为标杆示范项目: true, 项目已投入金额: "600万" };
    const c5 = clause(seed.evaluate(app, { ledger }), 5);
    expect(c5).toMatchObject({
      status: "not-paid",
      eligible: true,
      amount: "0",
      entitled: "1800000",
    });
    expect(c5.reasons.at(-1)).toContain("本条不重复支付");
  });

  it("other district support used the whole amount up", () => {
    const app = {
      ...base,
      获智能工厂授牌: true,
      项目实际投资: "500万",
      同一项目已获区镇其他扶持: "200万",
    };
    const c1 = clause(seed.evaluate(app), 1);
    expect(c1).toMatchObject({
      status: "not-paid",
      eligible: true,
      amount: "0",
      entitled: "1500000",
    });
    expect(c1.reasons.at(-1)).toContain("已获区镇其他扶持");
  });
});
