/**
 * The CLI's compile cache runs only code it wrote itself: a script planted at a cache path (or the
 * cached script changed) is ignored and the policy compiled afresh; the cache folder is made 0700.
 * The real CLI in a child process, with its cache in a temporary folder.
 */
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";

const home = mkdtempSync(join(tmpdir(), "zc-cache-"));
afterAll(() => rmSync(home, { recursive: true, force: true }));
const cache = join(home, "zhengce");

const evalSeed = () =>
  spawnSync(
    process.execPath,
    [
      "bin/zhengce.js",
      "eval",
      "policies/jiading-2021-industrial-internet.zc",
      "--input",
      "policies/jiading-2021-industrial-internet.example.json",
      "--json",
    ],
    { env: { ...process.env, XDG_CACHE_HOME: home }, encoding: "utf8" },
  );

it("a planted script at the cache path is not run", () => {
  mkdirSync(cache, { mode: 0o777 });
  chmodSync(cache, 0o777);
  const first = evalSeed();
  expect(first.status).toBe(0);
  expect(statSync(cache).mode & 0o777).toBe(0o700);
  const entries = readdirSync(cache).filter((n) => n.endsWith(".js"));
  expect(entries.length).toBe(1);
  // what an attacker with write access to the path would put there
  const planted = 'globalThis.process.stdout.write("PWNED\\n"); globalThis.process.exit(42);';
  for (const n of entries) writeFileSync(join(cache, n), planted);
  const second = evalSeed();
  expect(second.stdout).not.toContain("PWNED");
  expect(second.status).toBe(0);
  expect(JSON.parse(second.stdout).result?.total ?? JSON.parse(second.stdout).total).toBe(
    JSON.parse(first.stdout).result?.total ?? JSON.parse(first.stdout).total,
  );
  // and the entry rewritten by the CLI serves the next run from the cache again
  const third = evalSeed();
  expect(third.status).toBe(0);
  expect(third.stdout).toBe(first.stdout);
});
