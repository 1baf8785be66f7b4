/**
 * The service answers only to its own host names (DNS rebinding), serves HEAD on GET routes, and
 * answers an unsupported `Expect` with JSON; the CLI refuses an empty `--host` and a flag taken as
 * the host's value instead of listening on every interface.
 */
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyOf, raw, seedServer, statusOf } from "./harness.js";

type Seed = Awaited<ReturnType<typeof seedServer>>;

const get = (port: number, host: string, extra = "", method = "GET", path = "/health") =>
  raw(port, [`${method} ${path} HTTP/1.1\r\nHost: ${host}\r\n${extra}Connection: close\r\n\r\n`]);

describe("Host header", () => {
  let s: Seed;
  let shared: Seed;
  beforeAll(async () => {
    s = await seedServer({ watch: false });
    shared = await seedServer({ watch: false, allowedHosts: ["zc.example.cn"] });
  });
  afterAll(async () => {
    await s.dispose();
    await shared.dispose();
  });

  it("answers localhost and the loopback address, with or without a port", async () => {
    for (const h of [`127.0.0.1:${s.port}`, "localhost", `LOCALHOST:${s.port}`, `[::1]:${s.port}`])
      expect(statusOf((await get(s.port, h)).text), h).toBe(200);
  });

  it("refuses another site's name with a Chinese JSON 421", async () => {
    for (const h of [
      "evil.example",
      `evil.example:${s.port}`,
      "127.0.0.1.evil.example",
      "localhost@evil",
      "",
    ]) {
      const r = await get(s.port, h);
      expect(statusOf(r.text), h).toBe(421);
      expect(bodyOf(r.text).error).toContain("不接受发往主机名");
    }
  });

  it("a configured list replaces the defaults", async () => {
    expect(statusOf((await get(shared.port, "zc.example.cn:8080")).text)).toBe(200);
    expect(statusOf((await get(shared.port, "localhost")).text)).toBe(421);
  });

  it("HEAD on a GET route is served without a body", async () => {
    const r = await get(s.port, "localhost", "", "HEAD", "/policies");
    expect(statusOf(r.text)).toBe(200);
    expect(r.text).toMatch(/content-length: \d+/i);
    expect(r.text.split("\r\n\r\n")[1]).toBe("");
  });

  it("an unsupported Expect gets a JSON 417", async () => {
    const r = await get(s.port, "localhost", "Expect: bogus\r\n");
    expect(statusOf(r.text)).toBe(417);
    expect(bodyOf(r.text).error).toContain("Expect");
  });
});

/** Run `zhengce serve` with args; it must exit (not listen) within a few seconds. */
function serve(
  ...args: string[]
): Promise<{ code: number | null; out: string; listened: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [
      "bin/zhengce.js",
      "serve",
      "policies",
      "--port",
      "0",
      ...args,
    ]);
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    const timer = setTimeout(() => child.kill("SIGTERM"), 5000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, out, listened: out.includes("已启动") });
    });
  });
}

describe("serve --host", () => {
  it('refuses --host ""', async () => {
    const r = await serve("--host", "");
    expect(r.listened).toBe(false);
    expect(r.code).toBe(2);
    expect(r.out).toContain("--host 不能为空");
  });
  it("refuses --host followed by another flag", async () => {
    const r = await serve("--host", "--no-state");
    expect(r.listened).toBe(false);
    expect(r.code).toBe(2);
    expect(r.out).toContain("--host 后面应写一个值");
  });
});
