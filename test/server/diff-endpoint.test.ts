/**
 * `POST /diff` (issue 13 §3): two posted sources are diffed and proven — the 第5条 cap change
 * comes back with regions and witnesses both versions reproduce, an equivalent edit is proven
 * unchanged; bad requests get Chinese errors (400), versions that do not compile 422.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeSolver } from "../../review/node/index.js";
import { call, SEED_FILE, seedServer } from "./harness.js";
import { hardPolicy } from "../prove/hard-policy.js";

const seed = readFileSync(SEED_FILE, "utf8");
let srv: Awaited<ReturnType<typeof seedServer>>;
beforeAll(async () => {
  srv = await seedServer();
});
afterAll(async () => {
  await srv.dispose();
  await closeSolver();
});

describe("POST /diff", () => {
  it("proves the 第5条 cap change with regions and verified witnesses", async () => {
    const raised = seed.replace("市级 500万", "市级 800万");
    const r = await call(srv.url, "POST", "/diff", { old: seed, new: raised });
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(true);
    expect(r.body.proved).toBe(true);
    expect(r.body.report.counts.rule).toBeGreaterThan(0);
    const t5 = r.body.proof.targets.find((t: { target: string }) => t.target === "第5条");
    expect(t5.status).toBe("differs");
    expect(t5.regions.length).toBeGreaterThan(0);
    for (const region of t5.regions) expect(region.witness.verified).toBe(true);
  }, 120_000);

  it("proves an equivalent edit unchanged", async () => {
    const swapped = seed.replace(
      "条件 经营状态正常 并且 信用记录良好",
      "条件 信用记录良好 并且 经营状态正常",
    );
    const r = await call(srv.url, "POST", "/diff", { old: seed, new: swapped });
    expect(r.status).toBe(200);
    const statuses = r.body.proof.targets.map((t: { status: string }) => t.status);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s: string) => s === "proven")).toBe(true);
  }, 120_000);

  it("without proof says so", async () => {
    const r = await call(srv.url, "POST", "/diff", { old: seed, new: seed, prove: false });
    expect(r.status).toBe(200);
    expect(r.body.proved).toBe(false);
    expect(r.body.proof).toBeUndefined();
    expect(r.body.note).toContain("未作证明");
  });

  it("refuses bad requests in Chinese, and says which version does not compile", async () => {
    const missing = await call(srv.url, "POST", "/diff", { old: seed });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body.errors)).toContain("缺少新版政策文本");
    const unknown = await call(srv.url, "POST", "/diff", {
      old: seed,
      new: seed,
      timeoutMs: 99_999,
      extra: 1,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      "extra",
      "timeoutMs",
    ]);
    const broken = await call(srv.url, "POST", "/diff", {
      old: seed,
      new: "政策 坏\n第1条\n  资助 定额 X万\n",
    });
    expect(broken.status).toBe(422);
    expect(broken.body.error).toContain("新版无法编译");
    expect(broken.body.errors.length).toBeGreaterThan(0);
  });
});

describe("POST /diff within its time", () => {
  it("stops a proof the solver would need minutes for at totalMs, and says it only sampled", async () => {
    const t0 = performance.now();
    const r = await call(srv.url, "POST", "/diff", {
      old: hardPolicy("100万"),
      new: hardPolicy("120万"),
      timeoutMs: 4000,
      totalMs: 1500,
    });
    const seconds = (performance.now() - t0) / 1000;
    expect(r.status).toBe(200);
    expect(r.body.proved).toBe(true);
    // generous for a loaded machine; without the limit inside a query: 12 s and more
    expect(seconds).toBeLessThan(8);
    const targets = r.body.proof.targets as { target: string; status: string; text: string }[];
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) {
      expect(t.status, t.target).toBe("timeout");
      expect(t.text, t.target).toContain("只做了抽样");
    }
    // the sampling report is there all the same
    expect(r.body.report.counts.rule).toBeGreaterThan(0);
  }, 60_000);

  it("refuses a total time outside its range", async () => {
    const r = await call(srv.url, "POST", "/diff", { old: seed, new: seed, totalMs: 60_000 });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.errors)).toContain("整个证明的时限");
  });
});
