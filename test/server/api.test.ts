import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile.js";
import { loadPolicy } from "../../runtime/define.js";
import { call, EXAMPLE_APP, SEED_FILE, SEED_ID, seedServer } from "./harness.js";

const policy = loadPolicy(compile(readFileSync(SEED_FILE, "utf8")).js!);
let srv: Awaited<ReturnType<typeof seedServer>>;
beforeAll(async () => {
  srv = await seedServer();
});
afterAll(() => srv.dispose());

describe("HTTP service: endpoints", () => {
  it("GET /health reports the policies served", async () => {
    const r = await call(srv.url, "GET", "/health");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, status: "ok", policies: 1, serving: 1, problems: [] });
  });

  it("GET /policies lists id, version and validity", async () => {
    const r = await call(srv.url, "GET", "/policies");
    expect(r.status).toBe(200);
    const [p] = r.body.policies;
    expect(p).toMatchObject({
      id: SEED_ID,
      status: "serving",
      docNo: "嘉经〔2021〕12号",
      form: "policy",
      validity: { from: "2021-06-18", to: "2025-12-31", text: "2021年6月18日至2025年12月31日" },
    });
    expect(p.version).toMatch(/^[0-9a-f]{16}$/);
    expect(p.clauses).toHaveLength(12);
  });

  it("GET /policies/:id/schema is the application's JSON Schema", async () => {
    const r = await call(srv.url, "GET", `/policies/${SEED_ID}/schema`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual(policy.schema);
    expect(r.headers.get("x-zhengce-version")).toMatch(/^[0-9a-f]{16}$/);
  });

  it("POST evaluate returns the same result as the compiled module, with explanation", async () => {
    const r = await call(srv.url, "POST", `/policies/${SEED_ID}/evaluate`, EXAMPLE_APP);
    expect(r.status).toBe(200);
    const local = policy.evaluate(EXAMPLE_APP);
    expect(local.ok).toBe(true);
    if (!local.ok) return;
    expect(r.body.result).toEqual(JSON.parse(JSON.stringify(local.result)));
    expect(r.body.result.total).toBe("4000000");
    expect(r.body.explanation).toContain("项目已投入金额 1800万元 × 30% = 540万元");
    expect(r.body.result.clauses[4].steps.length).toBeGreaterThan(2);
  });

  it("options in the query and in an envelope: date, explain, ledger, approved", async () => {
    const q = await call(
      srv.url,
      "POST",
      `/policies/${SEED_ID}/evaluate?explain=false&date=2026-01-05`,
      { ...EXAMPLE_APP, 申报日期: undefined },
    );
    expect(q.status).toBe(200);
    expect(q.body.explanation).toBeUndefined();
    expect(q.body.result.inForce).toBe(false);
    expect(q.body.result.total).toBe("0");
    const app = { ...EXAMPLE_APP, 获冠名人才实训基地: true, 认定为标杆示范项目: false };
    const e = await call(srv.url, "POST", `/policies/${SEED_ID}/evaluate`, {
      application: app,
      approved: { 第10条: "80万" },
      ledger: [
        { applicant: "上海某智能制造有限公司", clause: 9, amount: "10万", date: "2022-01-02" },
      ],
    });
    expect(e.status).toBe(200);
    expect(e.body.result.clauses[9]).toMatchObject({ status: "awarded", amount: "800000" });
  });

  it("POST batch evaluates in date order with a shared ledger, results in input order", async () => {
    const base = {
      ...EXAMPLE_APP,
      认定为标杆示范项目: false,
      举办重大活动: true,
      活动级别: "全国性",
      已事前备案: true,
    };
    const apps = [
      { ...base, 申报日期: "2022-09-15", 专项审计确认费用: "80万" },
      { ...base, 申报日期: "2022-04-20", 专项审计确认费用: "150万" },
    ];
    const r = await call(srv.url, "POST", `/policies/${SEED_ID}/batch`, apps);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, count: 2, failed: 0 });
    expect(r.body.items.map((i: { index: number }) => i.index)).toEqual([0, 1]);
    expect(r.body.items[1].result.clauses[8].amount).toBe("750000");
    expect(r.body.items[0].result.clauses[8].amount).toBe("250000"); // 100万 annual cap: 75万 used
    expect(r.body.ledger).toHaveLength(2);
  });

  it("a batch item with errors is reported in place", async () => {
    const r = await call(srv.url, "POST", `/policies/${SEED_ID}/batch`, {
      applications: [EXAMPLE_APP, { 法人企业: "x" }],
      explain: false,
    });
    expect(r.status).toBe(200);
    expect(r.body.failed).toBe(1);
    expect(r.body.items[1].ok).toBe(false);
    expect(r.body.items[1].errors.some((e: { field: string }) => e.field === "法人企业")).toBe(
      true,
    );
  });

  it("GET /openapi.json describes each policy's paths with its application schema", async () => {
    const r = await call(srv.url, "GET", "/openapi.json");
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe("3.1.0");
    const path = r.body.paths[`/policies/${SEED_ID}/evaluate`];
    expect(path.post.requestBody.content["application/json"].schema.oneOf[0].$ref).toMatch(
      /^#\/components\/schemas\/Application_0_/,
    );
    const name = path.post.requestBody.content["application/json"].schema.oneOf[0].$ref
      .split("/")
      .pop();
    expect(r.body.components.schemas[name].properties["项目级别"].enum).toEqual([
      "区级",
      "市级",
      "国家级",
    ]);
    expect(r.body.components.schemas.EvaluationResult).toBeDefined();
  });

  it("unknown policy 404, wrong method 405, unknown path 404, all JSON in Chinese", async () => {
    const a = await call(srv.url, "POST", "/policies/nope/evaluate", {});
    expect(a).toMatchObject({ status: 404, body: { ok: false, error: "找不到政策“nope”" } });
    const b = await call(srv.url, "GET", `/policies/${SEED_ID}/evaluate`);
    expect(b.status).toBe(405);
    expect(b.headers.get("allow")).toBe("POST");
    const c = await call(srv.url, "GET", "/x/y");
    expect(c.status).toBe(404);
    expect(c.body.error).toMatch(/找不到接口/);
  });
});
