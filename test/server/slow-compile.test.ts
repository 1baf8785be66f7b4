/**
 * A policy file that compiles slowly does not freeze the service (issue 12): files compile in a
 * worker thread, so /health answers while a large policy compiles, and a compile past the time
 * limit is stopped and reported (E034) while the last good version keeps serving.
 *
 * Before: the service compiled on its event loop, and no request was answered until the compile
 * was done (a 40,000-row 分档 holds it for 2 s or more on this machine).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { call, seedServer } from "./harness.js";

/** A policy whose one clause is a 分档 of `rows` rows: compiling it takes time, evaluating it not. */
function largeTable(rows: number, first = "1万"): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++)
    lines.push(`    ${i + 1}万以上 不满 ${i + 2}万：${i === 0 ? first : `${(i % 90) + 1}万`}`);
  return `政策 大分档\n申报信息\n  营业收入 金额\n\n第1条 规模奖励\n  奖励 定额 分档 营业收入：\n${lines.join("\n")}\n`;
}

let srv: Awaited<ReturnType<typeof seedServer>> | undefined;
afterEach(async () => {
  await srv?.dispose();
  srv = undefined;
});

async function eventually<T>(
  what: string,
  get: () => Promise<T | undefined>,
  ms: number,
): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await get();
    if (v !== undefined) return v;
    if (Date.now() - t0 > ms) throw new Error(`${ms} 毫秒内未能：${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

it("/health answers quickly while a slow policy compiles", async () => {
  srv = await seedServer({ settleMs: 20, pollMs: 100, compileTimeoutMs: 120_000 });
  const s = srv;
  writeFileSync(join(s.dir, "slow.zc"), largeTable(40_000));
  // probe /health until the slow policy serves; keep the probes answered during its compile
  const during: number[] = [];
  let compileMs = 0;
  await eventually(
    "慢的政策开始服务",
    async () => {
      const t0 = performance.now();
      const h = await call(s.url, "GET", "/health");
      const ms = performance.now() - t0;
      if (h.body.compiling?.file === "slow.zc") {
        during.push(ms);
        compileMs = Math.max(compileMs, h.body.compiling.milliseconds);
      }
      return h.body.policies === 2 && h.body.serving === 2 ? true : undefined;
    },
    110_000,
  );
  const listed = await call(s.url, "GET", "/policies/slow");
  expect(listed.status).toBe(200);
  // the compile took long enough to matter, and the service answered all along
  expect(compileMs).toBeGreaterThan(500);
  expect(during.length).toBeGreaterThanOrEqual(5);
  during.sort((a, b) => a - b);
  const median = during[Math.floor(during.length / 2)]!;
  expect(median, `/health 用时 ${during.map(Math.round).join(", ")} ms`).toBeLessThan(100);
  expect(median * 5).toBeLessThan(compileMs);
});

it("a compile past the time limit is stopped: E034, and the last good version keeps serving", async () => {
  srv = await seedServer({ settleMs: 20, pollMs: 100, compileTimeoutMs: 2000 });
  const s = srv;
  const file = join(s.dir, "slow.zc");
  writeFileSync(file, largeTable(3, "7万"));
  const first = await eventually(
    "小的政策开始服务",
    async () => {
      const r = await call(s.url, "GET", "/policies/slow");
      return r.status === 200 ? (r.body.version as string) : undefined;
    },
    20_000,
  );
  writeFileSync(file, largeTable(100_000, "8万"));
  const problem = await eventually(
    "报告编译超时",
    async () => {
      const h = await call(s.url, "GET", "/health");
      return h.body.problems?.find((p: { id: string }) => p.id === "slow");
    },
    20_000,
  );
  expect(problem.status).toBe("stale");
  expect(problem.message).toMatch(/编译超时：超过 2 秒仍未完成/);
  expect(problem.diagnostics).toHaveLength(1);
  expect(problem.diagnostics[0]).toMatchObject({ code: "E034", line: 1, col: 1 });
  expect(problem.diagnostics[0].message).toMatch(/仍按上一个可用版本计算/);
  // the old version answers, with its amount (7万 for the first row), not the new one's
  const r = await call(s.url, "POST", "/policies/slow/evaluate", { 营业收入: "1.5万" });
  expect(r.status).toBe(200);
  expect(r.body.version).toBe(first);
  expect(r.body.result.total).toBe("70000");
  const listed = await call(s.url, "GET", "/policies");
  const slow = listed.body.policies.find((p: { id: string }) => p.id === "slow");
  expect(slow).toMatchObject({ status: "stale", version: first });
  // the same text is not compiled again: the next look at it is free
  expect(await s.store.load("slow.zc")).toBe("unchanged");
  // a fixed save compiles and serves again
  writeFileSync(file, largeTable(3, "9万"));
  let last = "";
  await eventually(
    "改好后恢复",
    async () => {
      const h = await call(s.url, "GET", "/health");
      last = JSON.stringify(h.body);
      return h.body.status === "ok" ? true : undefined;
    },
    20_000,
  ).catch((e: Error) => {
    throw new Error(`${e.message}；最后一次 /health：${last}`);
  });
  const again = await call(s.url, "POST", "/policies/slow/evaluate", { 营业收入: "1.5万" });
  expect(again.body.result.total).toBe("90000");
});
