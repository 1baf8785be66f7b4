/**
 * The service reads only its own folder: a symlink to a file outside it is not served and its text
 * never shows; a guideline's 基于 may not reach outside the folder; status endpoints carry no
 * source lines. Real files and symlinks in temporary folders, a real server on loopback.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../server/http-server.js";
import { call, EXAMPLE_APP, SEED_FILE, SEED_ID } from "./harness.js";

const SEED = readFileSync(SEED_FILE, "utf8");
const SECRET = "内部备注：机密甲乙丙";
// a compile error on a line that also carries a secret comment
const BROKEN = SEED.replace(
  "资助 比例 30% 基数 项目已投入金额",
  `资助 比例 基数 项目已投入金额  # ${SECRET}`,
);
const GUIDE = readFileSync("policies/jiading-2024-guideline.zc", "utf8");

const root = mkdtempSync(join(tmpdir(), "zc-confine-"));
const dir = join(root, "served");
const outside = join(root, "outside");
let s: RunningServer;
beforeAll(async () => {
  mkdirSync(dir);
  mkdirSync(outside);
  writeFileSync(join(outside, "secret.zc"), BROKEN);
  writeFileSync(join(outside, "good.zc"), SEED);
  copyFileSync(SEED_FILE, join(dir, `${SEED_ID}.zc`));
  symlinkSync(join(outside, "secret.zc"), join(dir, "leak.zc"));
  symlinkSync(join(outside, "good.zc"), join(dir, "borrowed.zc"));
  symlinkSync(join(dir, `${SEED_ID}.zc`), join(dir, "alias.zc")); // inside: fine
  writeFileSync(join(dir, "broken.zc"), BROKEN);
  writeFileSync(
    join(dir, "g-outside.zc"),
    GUIDE.replace(`基于 “${SEED_ID}.zc”`, "基于 “../outside/good.zc”"),
  );
  writeFileSync(join(dir, "g-inside.zc"), GUIDE);
  s = await startServer({ dir, port: 0, log: () => {}, settleMs: 20, pollMs: 100 });
});
afterAll(async () => {
  await s.close();
  rmSync(root, { recursive: true, force: true });
});

const statusOf = async (id: string) =>
  (await call(s.url, "GET", "/policies")).body.policies.find((p: { id: string }) => p.id === id);

it("a symlink out of the folder is not served, and says why", async () => {
  expect(await statusOf("borrowed")).toMatchObject({ status: "failed" });
  expect((await statusOf("borrowed")).problem.message).toContain("服务目录之外的符号链接");
  const r = await call(s.url, "POST", "/policies/borrowed/evaluate", EXAMPLE_APP);
  expect(r.status).toBe(503);
  expect((await statusOf("alias")).status).toBe("serving");
});

it("no status endpoint shows source text, of linked or own files", async () => {
  for (const path of [
    "/health",
    "/policies",
    "/policies/leak",
    "/policies/broken",
    "/openapi.json",
  ]) {
    const r = await call(s.url, "GET", path);
    expect(JSON.stringify(r.body), path).not.toContain(SECRET);
  }
  const own = (await statusOf("broken")).problem.diagnostics;
  expect(own.length).toBeGreaterThan(0);
  for (const d of own) {
    expect(d).not.toHaveProperty("text");
    expect(d).toMatchObject({
      code: expect.any(String),
      line: expect.any(Number),
      message: expect.any(String),
    });
  }
});

it("a guideline's 基于 may not point outside the folder", async () => {
  const g = await statusOf("g-outside");
  expect(g.status).toBe("failed");
  expect(g.problem.message).toContain("在服务目录之外");
  expect((await statusOf("g-inside")).status).toBe("serving");
});

it("a guideline is reloaded when the policy it builds on changes", async () => {
  const before = (await statusOf("g-inside")).version;
  writeFileSync(join(dir, `${SEED_ID}.zc`), SEED.replace("上限 200万", "上限 190万"));
  for (let t = 0; (await statusOf("g-inside")).version === before; t++) {
    if (t > 150) throw new Error("指南未随所依据的政策重新加载");
    await new Promise((r) => setTimeout(r, 20));
  }
  expect((await statusOf("g-inside")).status).toBe("serving");
});
