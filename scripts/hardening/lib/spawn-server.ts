/**
 * Running `zhengce serve` as a child process on 127.0.0.1, as users run it, for the load and fault
 * scripts: start it, learn its port from its first line, kill it.
 */
import { spawn, type ChildProcess } from "node:child_process";

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly url: string;
}

/** Start `node bin/zhengce.js serve DIR --port PORT` and wait until it listens. */
export function spawnServer(
  dir: string,
  port = 0,
  extra: readonly string[] = [],
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ["bin/zhengce.js", "serve", dir, "--host", "127.0.0.1", "--port", String(port), ...extra],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`服务未能在 15 秒内启动：${out}`));
    }, 15_000);
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]), url: `http://127.0.0.1:${m[1]}` });
      }
    });
    child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`服务退出（${code}）：${out}`));
    });
  });
}

/** Stop a server process and wait for it to exit. */
export function stopServer(p: ServerProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  return new Promise((resolve) => {
    if (p.child.exitCode !== null || p.child.signalCode !== null) return resolve();
    p.child.once("exit", () => resolve());
    p.child.kill(signal);
  });
}
