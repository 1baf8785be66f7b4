/**
 * The service checks options with the runtime's rules and says what it assumed (issue 11 §1):
 * approved keys 10/"10"/"第10条", ledger clauses "第9条", refused negative ledger amounts, the date
 * used, 待定 parameters in the status, JSON errors with line and column.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, EXAMPLE_APP, SEED_ID, seedServer } from "./harness.js";

let srv: Awaited<ReturnType<typeof seedServer>>;
beforeAll(async () => {
  srv = await seedServer();
});
afterAll(() => srv.dispose());

const evaluate = (body: unknown) => call(srv.url, "POST", `/policies/${SEED_ID}/evaluate`, body);
const { 申报日期: _date, ...UNDATED } = EXAMPLE_APP as Record<string, unknown>;
const EVENT = {
  ...EXAMPLE_APP,
  申报日期: "2024-03-01",
  认定为标杆示范项目: false,
  举办重大活动: true,
  活动级别: "国际性",
  已事前备案: true,
  专项审计确认费用: "200万",
};

describe("service options", () => {
  it('reads approved keys "12" and "第12条" and ledger clauses "第9条"', async () => {
    const big = { ...EXAMPLE_APP, 认定为标杆示范项目: false, 区政府批准的重大项目: true };
    for (const key of ["12", "第12条"]) {
      const r = await evaluate({ application: big, approved: { [key]: "1234.567" } });
      expect(r.status).toBe(200);
      expect(r.body.result.clauses[11]).toMatchObject({ status: "awarded", amount: "1234.57" });
    }
    const entry = {
      applicant: "上海某智能制造有限公司",
      clause: "第9条",
      amount: "60万",
      date: "2024-01-15",
    };
    const r = await evaluate({ application: EVENT, ledger: [entry] });
    expect(r.body.result.total).toBe("400000");
    const neg = await evaluate({ application: EVENT, ledger: [{ ...entry, amount: "-60万" }] });
    expect(neg.status).toBe(400);
    expect(neg.body.errors.map((e: { field: string }) => e.field)).toEqual(["ledger[0].amount"]);
  });
  it("says the date it used when none is given", async () => {
    const r = await evaluate(UNDATED);
    expect(r.status).toBe(200);
    expect(r.body.result.dateFrom).toBe("today");
    expect(r.body.explanation).toContain("未给出申报日期，按今天（中国时间）");
  });
  it("a date option that disagrees with 申报日期 is refused", async () => {
    const r = await evaluate({ application: EXAMPLE_APP, date: "2023-01-01" });
    expect(r.status).toBe(422);
    expect(r.body.errors[0].field).toBe("申报日期");
  });
  it("reports a clause with a 待定 parameter in the status", async () => {
    const app = {
      ...EXAMPLE_APP,
      认定为标杆示范项目: false,
      工业互联网服务商: true,
      服务区内企业数量: 12,
      实际发生服务金额: "200万",
    };
    const r = await evaluate(app);
    expect(r.status).toBe(200);
    expect(r.body.status).toBe("incomplete");
    expect(r.headers.get("x-zhengce-status")).toBe("incomplete");
    expect(r.body.incomplete[0]).toMatch(/^第7条：.*服务企业数量要求/);
    const set = await evaluate({ application: app, params: { 服务企业数量要求: 10 } });
    expect(set.body.status).toBe("complete");
  });
  it("invalid JSON: line and column in Chinese", async () => {
    const r = await call(
      srv.url,
      "POST",
      `/policies/${SEED_ID}/evaluate`,
      '{\n  "法人企业": tru\n}',
    );
    expect(r.status).toBe(400);
    expect(r.body.error).toContain("第 2 行第 11 列：此处应为一个值");
  });
});
