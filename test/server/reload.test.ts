import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, EXAMPLE_APP, SEED_FILE, SEED_ID, seedServer } from "./harness.js";

const SOURCE = readFileSync(SEED_FILE, "utf8");
// The same policy with the 市级 cap of 第5条 raised from 500万 to 600万 (both cap lines).
const RAISED = SOURCE.replaceAll("市级 500万", "市级 600万");
const BROKEN = SOURCE.replace("资助 比例 30% 基数 项目已投入金额", "资助 比例 基数 项目已投入金额");

let srv: Awaited<ReturnType<typeof seedServer>>;
let file: string;
const EVAL = `/policies/${SEED_ID}/evaluate`;

/** Poll until `check` passes (reloads are asynchronous). */
async function eventually(check: () => Promise<boolean>, ms = 3000): Promise<void> {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > ms) throw new Error("条件未在限定时间内满足");
    await new Promise((r) => setTimeout(r, 20));
  }
}
const total = async () => (await call(srv.url, "POST", EVAL, EXAMPLE_APP)).body.result?.total;

beforeAll(async () => {
  srv = await seedServer({ settleMs: 20, pollMs: 100 });
  file = join(srv.dir, `${SEED_ID}.zc`);
});
afterAll(() => srv.dispose());

describe("HTTP service: reloading policies", () => {
  it("a saved change is served after reload, with a new version", async () => {
    const v1 = (await call(srv.url, "GET", "/policies")).body.policies[0].version;
    expect(await total()).toBe("4000000");
    writeFileSync(file, RAISED);
    await eventually(async () => (await total()) === "5000000");
    const v2 = (await call(srv.url, "GET", "/policies")).body.policies[0].version;
    expect(v2).not.toBe(v1);
  });

  it("a broken save keeps the last good version serving and reports diagnostics", async () => {
    writeFileSync(file, BROKEN);
    await eventually(
      async () => (await call(srv.url, "GET", "/health")).body.status === "degraded",
    );
    const h = await call(srv.url, "GET", "/health");
    expect(h.body.problems[0]).toMatchObject({ id: SEED_ID, status: "stale" });
    expect(h.body.problems[0].diagnostics[0].message).toMatch(/[\u4e00-\u9fff]/);
    expect(h.body.problems[0].diagnostics[0].line).toBeGreaterThan(1);
    const list = await call(srv.url, "GET", "/policies");
    expect(list.body.policies[0].status).toBe("stale");
    expect(list.body.policies[0].problem.diagnostics.length).toBeGreaterThan(0);
    expect(await total()).toBe("5000000");
  });

  it("fixing the file clears the problem", async () => {
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, SOURCE);
    renameSync(tmp, file); // an atomic replace, as careful editors save
    await eventually(async () => (await call(srv.url, "GET", "/health")).body.status === "ok");
    expect(await total()).toBe("4000000");
  });

  it("new files appear, files that never compiled answer 503, removed files 404", async () => {
    writeFileSync(join(srv.dir, "新政策.zc"), RAISED);
    writeFileSync(join(srv.dir, "坏政策.zc"), BROKEN);
    await eventually(
      async () => (await call(srv.url, "GET", "/policies")).body.policies.length === 3,
    );
    const ok = await call(
      srv.url,
      "POST",
      `/policies/${encodeURIComponent("新政策")}/evaluate`,
      EXAMPLE_APP,
    );
    expect(ok.body.result.total).toBe("5000000");
    await eventually(
      async () => (await call(srv.url, "GET", "/health")).body.problems.length === 1,
    );
    const bad = await call(
      srv.url,
      "POST",
      `/policies/${encodeURIComponent("坏政策")}/evaluate`,
      EXAMPLE_APP,
    );
    expect(bad.status).toBe(503);
    expect(bad.body.error).toMatch(/无法编译/);
    expect(bad.body.errors.length).toBeGreaterThan(0);
    rmSync(join(srv.dir, "新政策.zc"));
    await eventually(
      async () =>
        (await call(srv.url, "GET", `/policies/${encodeURIComponent("新政策")}`)).status === 404,
    );
  });
});
