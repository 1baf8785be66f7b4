/**
 * Input names are data: an input called `__proto__` (or `constructor`) is a property of the
 * published JSON Schema like any other, in the compiler's output and over HTTP.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { loadPolicy } from "../../runtime/define.js";
import { startServer } from "../../server/http-server.js";
import { call } from "../server/harness.js";

const SOURCE = `政策 原型测试政策

申报信息
  __proto__ 金额 默认 0
  constructor 金额 默认 0

第1条 资助
  资助 比例 10% 基数 __proto__
`;

const names = (schema: Record<string, unknown>) =>
  Object.keys(schema.properties as Record<string, unknown>);

it("__proto__ stays a property of the schema the compiled policy publishes", () => {
  const r = compile(SOURCE, { emit: ["js"] });
  expect(r.ok).toBe(true);
  const policy = loadPolicy(r.js!);
  expect(names(policy.schema)).toEqual(expect.arrayContaining(["__proto__", "constructor"]));
  const prop = Object.getOwnPropertyDescriptor(policy.schema.properties, "__proto__");
  expect(prop?.value).toMatchObject({ "x-zhengce-type": "金额（元）" });
  const ev = policy.evaluate(JSON.parse('{"__proto__": "100万"}'));
  expect(ev.ok && ev.result.total).toBe("100000");
});

it("and over HTTP", async () => {
  const dir = mkdtempSync(join(tmpdir(), "zc-proto-"));
  writeFileSync(join(dir, "p.zc"), SOURCE);
  const s = await startServer({ dir, port: 0, log: () => {}, watch: false });
  try {
    const r = await call(s.url, "GET", "/policies/p/schema");
    expect(r.status).toBe(200);
    expect(names(r.body)).toContain("__proto__");
  } finally {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
