/**
 * The state directory cannot be turned against the service: a deleted policy does not come back
 * (restored only at start-up, for the same folder), the directory is made private, and symlinks
 * planted in it are never written through.
 */
import { createHash } from "node:crypto";
import {
  chmodSync,
  copyFileSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../server/http-server.js";
import { call, EXAMPLE_APP, SEED_FILE, SEED_ID } from "./harness.js";

const temps: string[] = [];
const running: RunningServer[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.close();
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});
const temp = (p: string) => {
  const d = mkdtempSync(join(tmpdir(), p));
  temps.push(d);
  return d;
};
const BROKEN = readFileSync(SEED_FILE, "utf8").replace(
  "资助 比例 30% 基数 项目已投入金额",
  "资助 比例 基数 项目已投入金额",
);
const NAME = `${SEED_ID}.zc`;

async function serve(dir: string, stateDir: string): Promise<RunningServer> {
  const r = await startServer({ dir, port: 0, log: () => {}, stateDir, watch: false });
  running.push(r);
  return r;
}

it("a deleted policy does not come back as stale under a new broken file", async () => {
  const dir = temp("zc-del-");
  const stateDir = join(temp("zc-st-"), "state");
  copyFileSync(SEED_FILE, join(dir, NAME));
  const s = await serve(dir, stateDir);
  unlinkSync(join(dir, NAME));
  expect(await s.store.load(NAME)).toBe("removed");
  writeFileSync(join(dir, NAME), BROKEN);
  expect(await s.store.load(NAME)).toBe("failed");
  expect(s.store.get(SEED_ID)?.current).toBeUndefined();
  const r = await call(s.url, "POST", `/policies/${SEED_ID}/evaluate`, EXAMPLE_APP);
  expect(r.status).toBe(503);
  await s.close();
  // nor after a restart: the deletion was remembered
  const again = await serve(dir, stateDir);
  expect(again.store.get(SEED_ID)?.current).toBeUndefined();
});

it("state is kept per folder: another folder's broken file with the same id is not served", async () => {
  const a = temp("zc-a-");
  const b = temp("zc-b-");
  const stateDir = join(temp("zc-st-"), "state");
  copyFileSync(SEED_FILE, join(a, NAME));
  await (await serve(a, stateDir)).close();
  running.length = 0;
  writeFileSync(join(b, NAME), BROKEN);
  const s = await serve(b, stateDir);
  expect(s.store.get(SEED_ID)?.problem).toBeDefined();
  expect(s.store.get(SEED_ID)?.current).toBeUndefined();
  // the same folder restarted broken still gets its own last good version
  await s.close();
  writeFileSync(join(a, NAME), BROKEN);
  const back = await serve(a, stateDir);
  expect(back.store.get(SEED_ID)?.current).toBeDefined();
});

it("an existing state directory is made private (0700)", async () => {
  const dir = temp("zc-mode-");
  const stateDir = temp("zc-st-");
  chmodSync(stateDir, 0o755);
  copyFileSync(SEED_FILE, join(dir, NAME));
  await serve(dir, stateDir);
  expect(statSync(stateDir).mode & 0o777).toBe(0o700);
  for (const f of readdirSync(stateDir)) expect(statSync(join(stateDir, f)).mode & 0o077).toBe(0);
});

it("symlinks planted in the state directory are never written through", async () => {
  const dir = temp("zc-link-");
  const stateDir = temp("zc-st-");
  const victim = join(temp("zc-victim-"), "victim.txt");
  writeFileSync(victim, "untouched");
  copyFileSync(SEED_FILE, join(dir, NAME));
  const s = await serve(dir, stateDir);
  // the names earlier versions used (sha of the id, pid-suffixed temp file) and the entries now there
  const old = join(
    stateDir,
    `${createHash("sha256").update(SEED_ID).digest("hex").slice(0, 32)}.json`,
  );
  symlinkSync(victim, `${old}.${process.pid}.tmp`);
  symlinkSync(victim, old);
  for (const f of readdirSync(stateDir).filter(
    (n) => n.endsWith(".json") && join(stateDir, n) !== old,
  )) {
    unlinkSync(join(stateDir, f));
    symlinkSync(victim, join(stateDir, f));
  }
  writeFileSync(join(dir, NAME), readFileSync(SEED_FILE, "utf8") + "\n# 改动\n");
  expect(await s.store.load(NAME)).toBe("loaded");
  expect(readFileSync(victim, "utf8")).toBe("untouched");
  const entries = readdirSync(stateDir).filter(
    (n) => !n.endsWith(".tmp") && join(stateDir, n) !== old,
  );
  expect(entries.length).toBeGreaterThan(0);
  for (const f of entries) expect(lstatSync(join(stateDir, f)).isSymbolicLink()).toBe(false);
});

it("a state directory that is a symlink is refused, with a message", async () => {
  const dir = temp("zc-sl-");
  const real = temp("zc-real-");
  const link = join(temp("zc-st-"), "state");
  symlinkSync(real, link);
  mkdirSync(join(real, "x"));
  copyFileSync(SEED_FILE, join(dir, NAME));
  const logged: string[] = [];
  const r = await startServer({
    dir,
    port: 0,
    log: (m) => logged.push(m),
    stateDir: link,
    watch: false,
  });
  running.push(r);
  expect(logged.join("\n")).toContain("符号链接");
  expect(readdirSync(real)).toEqual(["x"]);
});
