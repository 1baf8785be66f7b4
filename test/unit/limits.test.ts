/**
 * Limits with a scope (同一项目, 单个企业, 全部企业): what the evaluator counts, the ledger fields
 * that make it possible (project, base), and how documents, diffs and the formatter carry it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile.js";
import { formatSource } from "../../compiler/format/format.js";
import { policyDocument } from "../../compiler/to-doc/render.js";
import { prepare } from "../../review/diff-policies.js";
import {
  evaluateBatch,
  loadPolicy,
  type CompiledPolicy,
  type Evaluation,
} from "../../runtime/index.js";

const FILE = "test/cases/good/project-limits.zc";
const SOURCE = readFileSync(FILE, "utf8");

function load(source: string): CompiledPolicy {
  const r = compile(source);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return loadPolicy(r.js!);
}

const policy = load(SOURCE);
const app = (project: string | undefined, invest: string, date: string) => ({
  申报主体: "上海甲公司",
  ...(project ? { 申报项目: project } : {}),
  列入技术改造计划: true,
  当年完成投资: invest,
  申报日期: date,
});
const clause = (ev: Evaluation, n: number) => {
  if (!ev.ok) throw new Error(JSON.stringify(ev.errors));
  return ev.result.clauses.find((c) => c.number === n)!;
};
const prior = (project: string | undefined, amount: string, date: string) => ({
  applicant: "上海甲公司",
  clause: 1,
  amount,
  date,
  ...(project ? { project } : {}),
});

describe("同一项目 累计上限", () => {
  const ledger = [prior("一期", "200万", "2022-03-01"), prior("一期", "250万", "2023-03-01")];

  it("counts the same project's awards over the years and leaves the rest of the cap", () => {
    const c = clause(policy.evaluate(app("一期", "800万", "2024-03-01"), { ledger }), 1);
    expect(c.amount).toBe("500000");
    expect(c.steps.map((s) => s.text)).toContain(
      "同一项目“一期”历年已获本条资助 450万元，累计上限 500万元，本次至多 50万元",
    );
  });

  it("does not count the same enterprise's other project", () => {
    const c = clause(policy.evaluate(app("二期", "800万", "2024-03-01"), { ledger }), 1);
    expect(c.amount).toBe("1600000");
  });

  it("folds full-width forms and spaces in project names, as for applicants", () => {
    const c = clause(policy.evaluate(app("一 期", "800万", "2024-03-01"), { ledger }), 1);
    expect(c.amount).toBe("500000");
  });

  it("refuses to guess when the application or an entry names no project", () => {
    const a = clause(policy.evaluate(app(undefined, "800万", "2024-03-01"), { ledger }), 1);
    expect(a.status).toBe("error");
    expect(a.reasons.join()).toContain("请在申报材料中写明申报项目");
    const b = clause(
      policy.evaluate(app("一期", "800万", "2024-03-01"), {
        ledger: [prior(undefined, "200万", "2022-03-01")],
      }),
      1,
    );
    expect(b.status).toBe("error");
    expect(b.reasons.join()).toContain("未写项目（project）");
  });

  it("is not reached by awards dated after the application", () => {
    const c = clause(policy.evaluate(app("一期", "800万", "2022-01-01"), { ledger }), 1);
    expect(c.amount).toBe("1600000");
  });
});

describe("单个企业 累计上限", () => {
  it("merges the enterprise's projects", () => {
    const ev = policy.evaluate(
      { 申报主体: "上海甲公司", 申报项目: "二期", 首台套认定: true, 申报日期: "2024-05-01" },
      { ledger: [{ ...prior("一期", "60万", "2023-05-01"), clause: 2 }] },
    );
    expect(clause(ev, 2).amount).toBe("400000");
  });
});

describe("the ledger records project and base", () => {
  it("refuses a project that is not text and a base that is not an amount, field by field", () => {
    const ev = policy.evaluate(app("一期", "800万", "2024-03-01"), {
      ledger: [
        { ...prior("一期", "200万", "2022-03-01"), project: 7 as unknown as string, base: "-5" },
      ],
    });
    expect(ev.ok).toBe(false);
    if (ev.ok) return;
    expect(ev.errors.map((e) => e.field)).toEqual(["ledger[0].project", "ledger[0].base"]);
    expect(ev.errors[0]!.message).toContain("申报项目（project）应为非空文字");
    expect(ev.errors[1]!.message).toContain("台账第1笔的基数");
  });

  it("a batch writes each award's project and base, and caps the project's next year", () => {
    const { items, ledger } = evaluateBatch(policy, [
      app("一期", "1000万", "2022-03-01"),
      app("一期", "1600万", "2023-03-01"),
      app("一期", "800万", "2024-03-01"),
      app("二期", "800万", "2024-03-02"),
    ]);
    expect(ledger).toEqual([
      {
        applicant: "上海甲公司",
        clause: 1,
        amount: "2000000",
        date: "2022-03-01",
        project: "一期",
        base: "10000000",
      },
      {
        applicant: "上海甲公司",
        clause: 1,
        amount: "3000000",
        date: "2023-03-01",
        project: "一期",
        base: "16000000",
      },
      {
        applicant: "上海甲公司",
        clause: 1,
        amount: "1600000",
        date: "2024-03-02",
        project: "二期",
        base: "8000000",
      },
    ]);
    expect(items.map((i) => clause(i.evaluation, 1).amount)).toEqual([
      "2000000",
      "3000000",
      "0",
      "1600000",
    ]);
  });
});

describe("documents, diffs and formatting carry the scope", () => {
  it("the document words the scope", () => {
    const r = compile(SOURCE, { emit: [] });
    const md = policyDocument(r.ast!, "md");
    expect(md).toContain("同一申报单位的同一项目本条资助累计不超过500万元");
    expect(md).toContain("同一申报单位本条奖励累计不超过100万元");
  });

  it("changing the scope yields a change line", () => {
    const edited = SOURCE.replace("同一项目 累计上限 500万", "单个企业 累计上限 500万");
    const lines = prepare(SOURCE, edited).changes.map((c) => c.text);
    expect(lines).toEqual(["第1条 累计上限范围 同一项目 → 单个企业"]);
    const dropped = SOURCE.replace("同一项目 累计上限 500万", "累计上限 500万");
    expect(prepare(SOURCE, dropped).changes.map((c) => c.text)).toEqual([
      "第1条 累计上限范围 同一项目 → 单个企业（默认）",
    ]);
  });

  it("the formatter keeps scopes, projects and bases (canonical spellings)", () => {
    const messy = SOURCE.replace("同一项目 累计上限", "单个项目   累计上限").replace(
      "单个企业 累计上限",
      "同一单位 累计上限",
    );
    const r = formatSource(messy);
    expect(r.ok).toBe(true);
    expect(r.text).toBe(SOURCE);
  });
});

describe("a limit of the whole policy: 单个企业 每年限 1 项", () => {
  const file = "test/cases/good/one-project-per-year.zc";
  const source = readFileSync(file, "utf8");
  const perYear = load(source);
  const who = { 申报主体: "上海乙公司" };

  it("a batch pays the first project of the year and refuses the second under every clause", () => {
    const { items } = evaluateBatch(perYear, [
      {
        ...who,
        申报项目: "产线改造",
        实施智能化改造: true,
        改造投资: "800万",
        申报日期: "2023-03-01",
      },
      { ...who, 申报项目: "研发中心", 获研发平台认定: true, 申报日期: "2023-09-01" },
      { ...who, 申报项目: "产线改造", 获研发平台认定: true, 申报日期: "2023-10-01" },
      { ...who, 申报项目: "研发中心", 获研发平台认定: true, 申报日期: "2024-01-05" },
    ]);
    const totals = items.map((i) => (i.evaluation.ok ? i.evaluation.result.total : "error"));
    expect(totals).toEqual(["800000", "0", "500000", "500000"]);
    const second = clause(items[1]!.evaluation, 2);
    expect(second.reasons.join()).toContain(
      "单个企业每年限申报1个项目（本政策各条合计）：本申报主体本年度已有 1 个项目获得本政策支持（“产线改造”（2023年3月1日第1条））",
    );
  });

  it("the document states it once for the policy, and the diff names it", () => {
    const md = policyDocument(compile(source, { emit: [] }).ast!, "md");
    expect(md).toContain("同一申报单位每年只能申报1个项目（本政策各条款合计）。");
    const edited = source.replace("单个企业 每年限 1 项", "单个企业 每年限 2 项");
    expect(prepare(source, edited).changes.map((c) => c.text)).toEqual([
      "叠加规则 取消 单个企业每年限申报1个项目（本政策各条合计）",
      "叠加规则 新增 单个企业每年限申报2个项目（本政策各条合计）",
    ]);
  });
});

describe("从高不重复 per project across applications (seed 第13条)", () => {
  const seed = load(readFileSync("policies/jiading-2021-industrial-internet.zc", "utf8"));
  const base = {
    注册地在本区: true,
    法人企业: true,
    经营状态正常: true,
    信用记录良好: true,
    认定为标杆示范项目: true,
    项目已投入金额: "600万",
    申报日期: "2022-03-01",
    申报主体: "上海丙公司",
  };
  const ledger = [
    { applicant: "上海丙公司", clause: 1, amount: "150万", date: "2022-01-10", project: "一期" },
  ];

  it("tops up the same project and says what it already received", () => {
    const c = clause(seed.evaluate({ ...base, 申报项目: "一期" }, { ledger }), 5);
    expect(c.amount).toBe("300000");
    expect(c.steps.at(-1)!.text).toBe(
      "从高不重复：同一项目“一期”已获本政策其他条款资助 150万元（2022年1月10日第1条150万元），本条 180万元 只补足差额 → 30万元",
    );
  });

  it("leaves another project of the enterprise alone, and compares nothing without a project", () => {
    expect(clause(seed.evaluate({ ...base, 申报项目: "二期" }, { ledger }), 5).amount).toBe(
      "1800000",
    );
    const ev = seed.evaluate(base, { ledger: [{ ...ledger[0]!, project: undefined }] });
    expect(clause(ev, 5).amount).toBe("1800000");
    expect(ev.ok && ev.result.steps.map((s) => s.text)).toContain(
      "从高不重复：申报材料未写“申报项目”，不与台账中本申报主体此前的资助比较（无法认定为同一项目）",
    );
  });
});

describe("multi-year support from the project's own ledger history", () => {
  const source = readFileSync("test/cases/good/multi-year.zc", "utf8");
  const multi = load(source);
  const a = (date: string) => ({
    申报主体: "上海丁公司",
    申报项目: "中试",
    入选重点培育项目: true,
    当年研发投入: "300万",
    申报日期: date,
  });
  const paid = (year: number) => ({
    applicant: "上海丁公司",
    clause: 1,
    amount: "50万",
    date: `${year}-04-01`,
    project: "中试",
  });

  it("year 4 of a 3-year scheme gets 0 with the reason; a skipped year breaks 连续", () => {
    const y4 = clause(
      multi.evaluate(a("2025-04-01"), { ledger: [paid(2022), paid(2023), paid(2024)] }),
      1,
    );
    expect(y4.amount).toBe("0");
    expect(y4.reasons).toEqual([
      "连续支持3年：同一项目“中试”自2022年起获本条支持，2025年为第4年，超过3年，不再支持",
    ]);
    const gap = clause(multi.evaluate(a("2024-04-01"), { ledger: [paid(2022)] }), 1);
    expect(gap.reasons).toEqual([
      "连续支持3年：同一项目“中试”2022年起获本条支持，2023年未获支持，连续中断，不再支持",
    ]);
    const y3 = clause(multi.evaluate(a("2024-04-01"), { ledger: [paid(2022), paid(2023)] }), 1);
    expect(y3.amount).toBe("600000");
  });

  it("a batch derives the years itself: years 1–3 paid, year 4 refused", () => {
    const { items } = evaluateBatch(
      multi,
      [2021, 2022, 2023, 2024].map((y) => a(`${y}-04-01`)),
    );
    expect(items.map((i) => clause(i.evaluation, 1).amount)).toEqual([
      "600000",
      "600000",
      "600000",
      "0",
    ]);
  });

  it("the document and the diff word it", () => {
    const md = policyDocument(compile(source, { emit: [] }).ast!, "md");
    expect(md).toContain("同一项目连续支持不超过3年，中间有一年未获支持的不再支持");
    expect(md).toContain("同一项目自首次获得支持起3年内可获支持");
    const edited = source.replace("连续支持 3 年", "连续支持 2 年");
    expect(prepare(source, edited).changes.map((c) => c.text)).toEqual([
      "第1条 支持年限 连续支持3年 → 连续支持2年",
    ]);
  });
});
