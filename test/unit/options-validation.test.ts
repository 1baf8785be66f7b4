/**
 * Options are validated like the application (issue 11 §1): approved amounts, ledger entries,
 * parameters, the date and the applicant, through the module API. Each case here was a quiet 0, a
 * cap not applied or an option ignored before.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { evaluateBatch, loadPolicy, type Evaluation } from "../../runtime/index.js";
import { SEED_ELIGIBLE as OK, SEED_EVENT as EVENT, SEED_FILE } from "../support/seed.js";

const load = (path: string) => loadPolicy(compile(readFileSync(path, "utf8")).js!);
const seed = load(SEED_FILE);
const entry = (over: Record<string, unknown> = {}) => ({
  applicant: "上海某科技有限公司",
  clause: 9,
  amount: "60万",
  date: "2024-01-15",
  ...over,
});

function clause(ev: Evaluation, n: number) {
  expect(ev.ok, JSON.stringify(!ev.ok && ev.errors)).toBe(true);
  return ev.ok ? ev.result.clauses.find((c) => c.number === n)! : undefined!;
}
function fields(ev: Evaluation): string[] {
  expect(ev.ok).toBe(false);
  return ev.ok ? [] : ev.errors.map((e) => e.field);
}
function message(ev: Evaluation, field: string): string {
  return (!ev.ok && ev.errors.find((e) => e.field === field)?.message) || "";
}

describe("approved (核定) amounts", () => {
  const trained = { ...OK, 获冠名人才实训基地: true };
  it('accepts "80万" and the keys 10, "10" and "第10条"', () => {
    const forms: Record<string, string | number>[] = [
      { 10: "80万" },
      { "10": 800000 },
      { 第10条: "80万元" },
    ];
    for (const approved of forms) {
      const c = clause(seed.evaluate(trained, { date: "2023-01-01", approved }), 10);
      expect(c).toMatchObject({ status: "awarded", amount: "800000" });
    }
    const big = { ...OK, 区政府批准的重大项目: true };
    const c = clause(seed.evaluate(big, { date: "2023-01-01", approved: { 第12条: "300万" } }), 12);
    expect(c).toMatchObject({ status: "awarded", amount: "3000000" });
  });
  it("refuses a negative or unreadable amount and a clause the policy lacks, naming the field", () => {
    const ev = seed.evaluate(trained, {
      date: "2023-01-01",
      approved: { 第10条: "-80万", 第99条: "1万", 第12条: "abc" },
    });
    expect(fields(ev)).toEqual(["approved.第10条", "approved.第99条", "approved.第12条"]);
    expect(message(ev, "approved.第10条")).toContain("不能为负数");
    expect(message(ev, "approved.第99条")).toContain("第9条");
    expect(fields(seed.evaluate(trained, { approved: [] as never }))).toEqual(["approved"]);
  });
  it("rounds by the policy's rule and caps at 最高", () => {
    const big = { ...OK, 区政府批准的重大项目: true };
    const c = clause(seed.evaluate(big, { date: "2023-01-01", approved: { 12: "1234.567" } }), 12);
    expect(c.amount).toBe("1234.57");
    const capped = clause(
      seed.evaluate(trained, { date: "2023-01-01", approved: { 10: "150万" } }),
      10,
    );
    expect(capped.amount).toBe("1000000");
  });
});

describe("ledger entries", () => {
  const at = { date: "2024-03-01" };
  it("refuses a negative amount instead of letting the annual cap be exceeded", () => {
    const ev = seed.evaluate(EVENT, { ...at, ledger: [entry({ amount: "-60万" })] });
    expect(fields(ev)).toEqual(["ledger[0].amount"]);
    expect(message(ev, "ledger[0].amount")).toContain("不能为负数");
  });
  it("refuses 2024/01/15 with the accepted forms", () => {
    const ev = seed.evaluate(EVENT, { ...at, ledger: [entry({ date: "2024/01/15" })] });
    expect(fields(ev)).toEqual(["ledger[0].date"]);
    expect(message(ev, "ledger[0].date")).toContain("2024-01-15 或 2024年1月15日");
  });
  it('reads the clause as 9, "9" or "第9条": the annual cap applies', () => {
    for (const c of [9, "9", "第9条"]) {
      const r = clause(seed.evaluate(EVENT, { ...at, ledger: [entry({ clause: c })] }), 9);
      expect(r.amount, String(c)).toBe("400000");
    }
    const ev = seed.evaluate(EVENT, { ...at, ledger: [entry({ clause: "第99条" })] });
    expect(fields(ev)).toEqual(["ledger[0].clause"]);
  });
  it("refuses entries without applicant, date, amount or clause", () => {
    const bare = { clause: 9, amount: "60万", date: "2024-01-15" };
    const ev = seed.evaluate(EVENT, {
      ...at,
      ledger: [bare, { applicant: "上海某科技有限公司", clause: 9, amount: "60万" }, {}] as never,
    });
    expect(fields(ev)).toEqual([
      "ledger[0].applicant",
      "ledger[1].date",
      "ledger[2].applicant",
      "ledger[2].clause",
      "ledger[2].amount",
      "ledger[2].date",
    ]);
    expect(message(ev, "ledger[1].date")).toContain("缺少日期");
  });
  it("matches the applicant across spacing and full-width spellings, and says when none match", () => {
    const spelled = entry({ applicant: " 上海某科技有限公司　" });
    const r = clause(seed.evaluate(EVENT, { ...at, ledger: [spelled] }), 9);
    expect(r.amount).toBe("400000");
    const other = seed.evaluate(EVENT, { ...at, ledger: [entry({ applicant: "上海另一公司" })] });
    expect(other.ok && other.result.steps.map((s) => s.text).join("\n")).toContain(
      "均不属于申报主体“上海某科技有限公司”",
    );
  });
  it("needs an applicant when a ledger is given", () => {
    const { 申报主体: _, ...anonymous } = EVENT;
    const ev = seed.evaluate(anonymous, { ...at, ledger: [entry()] });
    expect(fields(ev)).toEqual(["申报主体"]);
    const named = seed.evaluate(anonymous, {
      ...at,
      ledger: [entry()],
      applicant: "上海某科技有限公司",
    });
    expect(clause(named, 9).amount).toBe("400000");
  });
  it("a batch checks the caller's ledger once and refuses it for every item", () => {
    const { items } = evaluateBatch(seed, [EVENT, EVENT], {
      ...at,
      ledger: [entry({ amount: "x" })],
    });
    expect(items.map((i) => i.evaluation.ok)).toEqual([false, false]);
  });
});

describe("date, applicant, params and unknown options", () => {
  it("a date option that disagrees with 申报日期 is an error", () => {
    const ev = seed.evaluate({ ...OK, 申报日期: "2023-05-01" }, { date: "2023-06-01" });
    expect(fields(ev)).toEqual(["申报日期"]);
    expect(message(ev, "申报日期")).toContain("不一致");
    expect(seed.evaluate({ ...OK, 申报日期: "2023-05-01" }, { date: "2023年5月1日" }).ok).toBe(
      true,
    );
  });
  it("says which date was used when none is given", () => {
    const ev = seed.evaluate(OK);
    expect(ev.ok && ev.result.dateFrom).toBe("today");
    expect(ev.ok && ev.result.steps[0]!.text).toContain("未给出申报日期，按今天（中国时间）");
    const given = seed.evaluate({ ...OK, 申报日期: "2023-05-01" });
    expect(given.ok && given.result.dateFrom).toBe("application");
  });
  it("refuses null, wrong types and misspelt option names", () => {
    const ev = seed.evaluate(OK, {
      date: null,
      applicant: "",
      params: "x",
      explain: "no",
      approve: {},
    } as never);
    expect(fields(ev)).toEqual(["date", "applicant", "params", "explain", "approve"]);
    expect(message(ev, "approve")).toContain("是否指“approved”");
    expect(message(ev, "date")).toContain("null");
  });
  it("refuses a fractional count of a whole unit (12.5家)", () => {
    const ev = seed.evaluate({ ...OK, 服务区内企业数量: "12.5家" }, { date: "2023-01-01" });
    expect(fields(ev)).toEqual(["服务区内企业数量"]);
    expect(message(ev, "服务区内企业数量")).toContain("整数");
    expect(seed.evaluate({ ...OK, 服务区内企业数量: 12 }, { date: "2023-01-01" }).ok).toBe(true);
  });
});

describe("按年 inputs without a default", () => {
  const years = load("test/cases/good/bases-and-schedules.zc");
  it("names the missing years instead of counting them as 0", () => {
    const ev = years.evaluate(
      { 年度研发投入: { 2021: "200万", 2023: "500万" } },
      { date: "2024-03-01" },
    );
    const c = clause(ev, 2);
    expect(c.status).toBe("error");
    expect(c.reasons.join("")).toContain("2022年");
    const full = years.evaluate(
      { 年度研发投入: { 2021: "200万", 2022: "300万", 2023: "500万" } },
      { date: "2024-03-01" },
    );
    expect(clause(full, 2).amount).toBe("1000000");
  });
});
