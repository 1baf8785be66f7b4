/**
 * A restart with a broken policy file: the service serves the last version that compiled before
 * the restart (marked stale, with the diagnostics), never nothing and never a wrong amount.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { startServer } from "../../server/http-server.js";
import { call, EXAMPLE_APP, SEED_FILE, SEED_ID } from "./harness.js";

const dir = mkdtempSync(join(tmpdir(), "zhengce-restart-"));
const stateDir = mkdtempSync(join(tmpdir(), "zhengce-state-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(stateDir, { recursive: true, force: true });
});

it("serves the last good version after a restart with a broken file", async () => {
  const file = join(dir, `${SEED_ID}.zc`);
  copyFileSync(SEED_FILE, file);
  const options = { dir, host: "127.0.0.1", port: 0, log: () => {}, stateDir, watch: false };
  const first = await startServer(options);
  const good = await call(first.url, "POST", `/policies/${SEED_ID}/evaluate`, EXAMPLE_APP);
  expect(good.body.result.total).toBe("4000000");
  await first.close();

  writeFileSync(
    file,
    readFileSync(SEED_FILE, "utf8").replace(
      "资助 比例 30% 基数 项目已投入金额",
      "资助 比例 基数 项目已投入金额",
    ),
  );
  const second = await startServer(options);
  const again = await call(second.url, "POST", `/policies/${SEED_ID}/evaluate`, EXAMPLE_APP);
  expect(again.status).toBe(200);
  expect(again.body.result.total).toBe("4000000");
  const health = await call(second.url, "GET", "/health");
  expect(health.body.status).toBe("degraded");
  expect(health.body.problems[0]).toMatchObject({ id: SEED_ID, status: "stale" });
  await second.close();

  // without the remembered state, the same broken start serves nothing rather than a guess
  const third = await startServer({ ...options, stateDir: undefined });
  const none = await call(third.url, "POST", `/policies/${SEED_ID}/evaluate`, EXAMPLE_APP);
  expect(none.status).toBe(503);
  await third.close();
});
