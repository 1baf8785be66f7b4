/**
 * `zhengce serve [DIR] [--port N] [--host 127.0.0.1] [--allow-host NAMES] [--state-dir D | --no-state]`:
 * serve the policies of a folder over HTTP.
 * Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.
 */
import { statSync } from "node:fs";
import { startServer } from "../../server/http-server.js";
import { defaultStateDir } from "../../server/last-good.js";
import { flag, opt, type Args } from "../args.js";
import { CliError } from "../io.js";

function intOption(args: Args, name: string, fallback: number, max: number): number {
  const raw = opt(args, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n > max)
    throw new CliError(`--${name} 应为 0 到 ${max} 之间的整数：收到“${raw}”`);
  return n;
}

/** `--host`: an address to bind; an empty one would listen on every interface without saying so. */
function hostOption(args: Args): string {
  const raw = opt(args, "host");
  if (raw === undefined) return "127.0.0.1";
  const host = raw.trim();
  if (!host)
    throw new CliError(
      "--host 不能为空：空的地址会监听所有网络接口。只在本机使用请省略 --host；确要对外提供请明确写 --host 0.0.0.0",
    );
  if (!/^[A-Za-z0-9.:[\]_-]+$/.test(host))
    throw new CliError(`--host 不是有效的地址：“${raw.slice(0, 80)}”`);
  return host;
}

/** `--allow-host a,b`: the host names (Host header) the service answers to and to no other. */
function hostList(raw: string): string[] {
  const names = raw
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (!names.length)
    throw new CliError(
      "--allow-host 应为逗号分隔的主机名，如 --allow-host localhost,zc.example.cn",
    );
  return names;
}

/** Run the serve command; resolves when the server stops. */
export async function run(args: Args, out: (s: string) => void): Promise<number> {
  const dir = args.positional[0] ?? "policies";
  try {
    if (!statSync(dir).isDirectory()) throw new Error();
  } catch {
    throw new CliError(`找不到政策目录：${dir}`);
  }
  const host = hostOption(args);
  const allowHost = opt(args, "allow-host");
  const running = await startServer({
    dir,
    host,
    port: intOption(args, "port", 8080, 65535),
    maxBodyBytes: intOption(args, "max-body", 1024 * 1024, 1024 * 1024 * 1024),
    maxBatch: intOption(args, "max-batch", 1000, 1_000_000),
    compileTimeoutMs: intOption(args, "compile-timeout", 10_000, 3_600_000),
    ...(allowHost !== undefined ? { allowedHosts: hostList(allowHost) } : {}),
    // the last good source of each policy, so a restart with a broken file still serves it
    ...(flag(args, "no-state") ? {} : { stateDir: opt(args, "state-dir") ?? defaultStateDir(dir) }),
  }).catch((e: NodeJS.ErrnoException) => {
    throw new CliError(
      e.code === "EADDRINUSE"
        ? `端口已被占用：${opt(args, "port") ?? 8080}`
        : `无法启动服务：${e.message}`,
    );
  });
  const states = [...running.store.snapshot().values()];
  out(`政策计算服务已启动：${running.url}`);
  out(`目录 ${dir}：${states.filter((s) => s.current).length} 个政策可用`);
  for (const s of states)
    if (s.problem)
      out(`  ✗ ${s.id}：${s.problem.message}${s.current ? "（仍按上一版本计算）" : ""}`);
  out(`接口说明：${running.url}/openapi.json`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      out("正在停止服务…");
      void running.close().then(resolve);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  return 0;
}
