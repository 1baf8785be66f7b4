/**
 * `npm start`'s dev server listens on 127.0.0.1 only and serves the files the editor needs, not the
 * whole repository (`/@fs/...`). The real start script in a child process.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { networkInterfaces } from "node:os";
import { resolve } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";

let child: ChildProcess;
let port = 0;
const repo = resolve(".");

const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => ok(p));
    });
  });

beforeAll(async () => {
  port = await freePort();
  child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(port) },
  });
  let out = "";
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`编辑器未启动：${out}`)), 60000);
    child.stdout!.on("data", (d) => {
      out += d;
      if (out.includes("政策编辑器已启动")) {
        clearTimeout(timer);
        ok();
      }
    });
  });
}, 70000);
afterAll(() => {
  child.kill("SIGTERM");
});

it("serves the editor on loopback", async () => {
  const r = await fetch(`http://127.0.0.1:${port}/`);
  expect(r.status).toBe(200);
});

it("does not listen on other interfaces", async () => {
  const others = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === "IPv4" && !a.internal)
    .map((a) => a!.address);
  for (const ip of others) await expect(fetch(`http://${ip}:${port}/`), ip).rejects.toThrow();
});

it("does not serve repository files outside the editor's folders", async () => {
  for (const f of ["package.json", "SECURITY.md", "scripts/start.mjs", "test/server/harness.ts"]) {
    const r = await fetch(`http://127.0.0.1:${port}/@fs${repo}/${f}`);
    expect(r.status, f).toBe(403);
  }
  const ok = await fetch(`http://127.0.0.1:${port}/@fs${repo}/runtime/money.ts`);
  expect(ok.status).toBe(200);
});
