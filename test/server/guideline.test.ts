import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileGuideline } from "../../compiler/guideline/compile-guideline.js";
import { loadPolicy } from "../../runtime/define.js";
import { call, EXAMPLE_APP, SEED_FILE, SEED_ID, seedServer } from "./harness.js";

const GUIDE = "jiading-2024-guideline";
const POLICY = readFileSync(SEED_FILE, "utf8");
const guideSource = readFileSync(`policies/${GUIDE}.zc`, "utf8");
let srv: Awaited<ReturnType<typeof seedServer>>;

async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let t = 0; !(await check()); t++) {
    if (t > 150) throw new Error("条件未在限定时间内满足");
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  srv = await seedServer({ settleMs: 20, pollMs: 100 });
  copyFileSync(`policies/${GUIDE}.zc`, join(srv.dir, `${GUIDE}.zc`));
  await eventually(
    async () => (await call(srv.url, "GET", "/policies")).body.policies.length === 2,
  );
});
afterAll(() => srv.dispose());

describe("HTTP service: guidelines (申报指南)", () => {
  const app = { ...EXAMPLE_APP, 申报日期: "2024-04-01" };

  it("a guideline is served, compiled with the policy it builds on", async () => {
    const list = await call(srv.url, "GET", "/policies");
    const g = list.body.policies.find((p: { id: string }) => p.id === GUIDE);
    expect(g).toMatchObject({ status: "serving", form: "guideline", basedOn: `${SEED_ID}.zc` });
    const r = await call(srv.url, "POST", `/policies/${GUIDE}/evaluate`, app);
    expect(r.status).toBe(200);
    const local = loadPolicy(compileGuideline(guideSource, POLICY, { emit: ["js"] }).js!).evaluate(
      app,
    );
    expect(local.ok && r.body.result).toEqual(local.ok && JSON.parse(JSON.stringify(local.result)));
  });

  it("a change to the policy gives the guideline a new version", async () => {
    const before = (await call(srv.url, "GET", `/policies/${GUIDE}`)).body.version;
    writeFileSync(join(srv.dir, `${SEED_ID}.zc`), POLICY.replaceAll("市级 500万", "市级 600万"));
    await eventually(
      async () => (await call(srv.url, "GET", `/policies/${GUIDE}`)).body.version !== before,
    );
    const r = await call(srv.url, "POST", `/policies/${GUIDE}/evaluate`, app);
    const changed = POLICY.replaceAll("市级 500万", "市级 600万");
    const local = loadPolicy(compileGuideline(guideSource, changed, { emit: ["js"] }).js!).evaluate(
      app,
    );
    expect(local.ok && r.body.result.total).toBe(local.ok && local.result.total);
  });
});
