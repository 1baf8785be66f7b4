/**
 * Evaluation never throws: a policy whose 支持对象 divides by an input that is zero answers with the
 * error as data on that application (HTTP 200 with the reason), never a 500; `"params":{}` and a
 * batch with one such item are no different.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../server/http-server.js";
import { call } from "./harness.js";

const POLICY = `政策 除法测试政策

申报信息
  营业收入 金额 默认 0
  研发投入 金额 默认 0

支持对象
  条件 研发投入 ÷ 营业收入 大于 5%

第1条 研发资助
  资助 定额 10万
`;

const dir = mkdtempSync(join(tmpdir(), "zhengce-everr-"));
let server: RunningServer;
const logged: string[] = [];
beforeAll(async () => {
  writeFileSync(join(dir, "d.zc"), POLICY);
  server = await startServer({ dir, port: 0, log: (m) => logged.push(m), watch: false });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

it("a zero divisor in 支持对象 is an error on the item, not a 500", async () => {
  const r = await call(server.url, "POST", "/policies/d/evaluate", { 营业收入: 0, 研发投入: 1 });
  expect(r.status).toBe(200);
  expect(r.body.result.eligible).toBe(false);
  expect(r.body.result.reasons.join("")).toContain("支持对象无法判断：除数为零");
  expect(r.body.result.clauses[0]).toMatchObject({ status: "error", amount: "0" });
  expect(r.body.result.total).toBe("0");
  expect(logged).toEqual([]);
});

it('"params":{} does not reach a throwing path', async () => {
  const r = await call(server.url, "POST", "/policies/d/evaluate", {
    application: { 营业收入: "100万", 研发投入: "10万" },
    params: {},
  });
  expect(r.status).toBe(200);
  expect(r.body.result.total).toBe("100000");
});

it("one bad item does not fail the batch", async () => {
  const r = await call(server.url, "POST", "/policies/d/batch", [
    { 申报主体: "甲", 营业收入: 0, 研发投入: 1 },
    { 申报主体: "乙", 营业收入: "100万", 研发投入: "10万" },
  ]);
  expect(r.status).toBe(200);
  expect(r.body.items[0].result.clauses[0].status).toBe("error");
  expect(r.body.items[1].result.total).toBe("100000");
  expect(logged).toEqual([]);
});
