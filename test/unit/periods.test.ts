/**
 * Periods (issue 10 §2): 有效期 … 适用于 立项日期 makes the validity govern the project's admission
 * date, so a project admitted in time keeps its later years after the policy ends; the default
 * (the application date), 申报期, a clause's own 申报期 and 废止 keep working as before.
 */
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile.js";
import { compileGuideline } from "../../compiler/guideline/compile-guideline.js";
import { formatSource } from "../../compiler/format/format.js";
import { policyDocument } from "../../compiler/to-doc/render.js";
import { prepare } from "../../review/diff-policies.js";
import { closeSolver, proveDiff } from "../../review/node/index.js";
import { loadPolicy, type CompiledPolicy, type Evaluation } from "../../runtime/index.js";

const FILE = "test/cases/good/admission-period.zc";
const SOURCE = readFileSync(FILE, "utf8");

afterAll(() => closeSolver());

function load(source: string): CompiledPolicy {
  const r = compile(source);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return loadPolicy(r.js!);
}

function clause(e: Evaluation, n: number) {
  if (!e.ok) throw new Error(JSON.stringify(e.errors));
  return e.result.clauses.find((c) => c.number === n)!;
}

const app = (admitted: string | undefined, date: string) => ({
  申报主体: "上海戊公司",
  申报项目: "传感器",
  ...(admitted ? { 立项日期: admitted } : {}),
  当年研发投入: "300万",
  申报日期: date,
});
const paid = (date: string) => ({
  applicant: "上海戊公司",
  clause: 1,
  amount: "50万",
  date,
  project: "传感器",
});

describe("有效期 适用于 立项日期", () => {
  const policy = load(SOURCE);

  it("pays a later year after the policy ends when the project was admitted inside it", () => {
    const e = policy.evaluate(app("2023-06-01", "2025-04-01"), {
      ledger: [paid("2023-07-01"), paid("2024-04-01")],
      explain: true,
    });
    expect(clause(e, 1).amount).toBe("600000");
    expect(e.ok && e.result.inForce).toBe(true);
    expect(e.ok && e.result.steps.map((s) => s.text)).toContain(
      "立项日期2023年6月1日在有效期内（2021年1月1日至2023年12月31日）；有效期适用于立项日期，申报日期2025年4月1日不受有效期截止的限制",
    );
    // the clause's own 申报期 still governs the application date
    expect(clause(e, 2).reasons.join("")).toContain("不在本条申报期内");
  });

  it("refuses a project admitted outside the validity, with the reason, on every clause", () => {
    const late = policy.evaluate(app("2024-02-01", "2024-04-01"));
    expect(late.ok && late.result.total).toBe("0");
    expect(late.ok && late.result.inForce).toBe(false);
    expect(clause(late, 1).reasons).toEqual([
      "立项日期晚于政策有效期：有效期（2021年1月1日至2023年12月31日）适用于立项日期，立项日期为2024年2月1日",
    ]);
    const early = policy.evaluate(app("2020-12-31", "2022-04-01"));
    expect(clause(early, 1).reasons[0]).toMatch(/^立项日期早于政策生效日期/);
    // the first and last days are inside (含当日)
    expect(clause(policy.evaluate(app("2021-01-01", "2022-04-01")), 1).amount).toBe("600000");
    expect(clause(policy.evaluate(app("2023-12-31", "2024-04-01")), 1).amount).toBe("600000");
  });

  it("an application without the admission date is refused in words, never paid", () => {
    const e = policy.evaluate(app(undefined, "2024-04-01"));
    if (e.ok) {
      expect(e.result.total).toBe("0");
      expect(e.result.reasons.join("")).toContain("立项日期");
    } else expect(e.errors.map((x) => x.field)).toContain("立项日期");
  });

  it("without 适用于 the validity still governs the application date (the default)", () => {
    const plain = load(SOURCE.replace(" 适用于 立项日期", ""));
    const e = plain.evaluate(app("2023-06-01", "2025-04-01"), {
      ledger: [paid("2023-07-01"), paid("2024-04-01")],
    });
    expect(clause(e, 1).amount).toBe("0");
    expect(clause(e, 1).reasons).toEqual([
      "政策已失效：有效期至2023年12月31日，申报日期为2025年4月1日",
    ]);
  });

  it("适用于 must name a declared date input (E240, with a suggestion)", () => {
    const unknown = compile(SOURCE.replace("适用于 立项日期", "适用于 立项日其"));
    const d = unknown.diagnostics.find((x) => x.code === "E240")!;
    expect(d.message).toBe("有效期 适用于 “立项日其”，但申报信息中没有这一项");
    expect(d.help).toBe("是否要写 适用于 立项日期？");
    const money = compile(SOURCE.replace("适用于 立项日期", "适用于 当年研发投入"));
    expect(money.diagnostics.find((x) => x.code === "E240")?.message).toBe(
      "有效期 适用于 “当年研发投入”，但它是金额，不是日期",
    );
  });

  it("the document, the diff and the formatter carry it", () => {
    const md = policyDocument(compile(SOURCE, { emit: [] }).ast!, "md");
    expect(md).toContain(
      "有效期适用于立项日期：立项日期在有效期内的项目，有效期届满后以后年度的资助仍按本政策执行。",
    );
    const plain = SOURCE.replace(" 适用于 立项日期", "");
    expect(prepare(plain, SOURCE).changes.map((c) => c.text)).toEqual([
      "有效期 改为适用于立项日期（原约束申报日期）",
    ]);
    expect(prepare(SOURCE, plain).changes.map((c) => c.text)).toEqual([
      "有效期 改为约束申报日期（原适用于立项日期）",
    ]);
    const messy = SOURCE.replace(
      "  有效期 2021年1月1日 至 2023年12月31日 适用于 立项日期",
      "  有效期  2021年1月1日至2023年12月31日   适用于立项日期",
    );
    const f = formatSource(messy);
    expect(f.ok).toBe(true);
    expect(f.text).toBe(SOURCE);
  });

  it("a guideline may open applications after the validity ends (later years' payments)", () => {
    const guideline = (base: string) =>
      compileGuideline(
        `申报指南 2025年度申报指南\n  基于 “立项期与拨付期示例”\n  申报期 2025年3月1日 至 2025年4月30日\n`,
        base,
      ).diagnostics.map((d) => d.code);
    expect(guideline(SOURCE)).not.toContain("E407");
    expect(guideline(SOURCE.replace(" 适用于 立项日期", ""))).toContain("E407");
  });

  it("the prover translates it: the gate moves from the application date to 立项日期", async () => {
    const simple = (validity: string) => `政策 立项期证明
  ${validity}

申报信息
  立项日期 日期
  项目投资 金额 默认 0

第1条 项目资助
  资助 比例 10% 基数 项目投资
  上限 100万

案例 “有效期内立项”
  日期 2022年4月1日
  输入 立项日期 2022年3月1日，项目投资 500万
  期望 第1条 50万
`;
    const before = simple("有效期 2021年1月1日 至 2023年12月31日");
    const after = simple("有效期 2021年1月1日 至 2023年12月31日 适用于 立项日期");
    const proof = await proveDiff(prepare(before, after), { regions: 2 });
    expect(proof.ok).toBe(true);
    const t1 = proof.targets.find((t) => t.target === "第1条")!;
    expect(t1.status).toBe("differs");
    expect(JSON.stringify(proof)).not.toContain("只做了抽样");
    for (const r of t1.regions) expect(r.witness.verified).toBe(true);
  });
});
