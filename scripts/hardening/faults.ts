/**
 * Fault test: while clients evaluate random applications against `zhengce serve` (a child process),
 * the policy file is replaced atomically, rewritten in place in two writes, saved broken, fixed,
 * requests are aborted halfway, slow clients hang on, and the process is killed (SIGKILL) and
 * restarted — once with a good file and once with a broken one. Every answer is compared with the
 * in-process evaluator of the version the answer names: no wrong amount, no unknown version, no 5xx
 * except 503 while no version has ever compiled.
 *
 *   node dist/scripts/hardening/faults.js [--short] [--rounds 6]
 */
import {
  closeSync,
  mkdtempSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { versionOf } from "../../server/policy-store.js";
import type { CompiledPolicy, EvaluateOptions } from "../../runtime/types.js";
import { malformed } from "../../test/fuzz/malformed-application.js";
import { randomCase } from "../../test/oracle/random-application.js";
import { rng } from "../../test/support/random.js";
import { finish, runOptions } from "./lib/args.js";
import { keepAlive, send } from "./lib/http-client.js";
import { abortHalfway, slowHeaders } from "./lib/raw-abuse.js";
import { loadSeed, loadSource, SEED_ID } from "./lib/seed.js";
import { spawnServer, stopServer, type ServerProcess } from "./lib/spawn-server.js";

const opts = runOptions();
const rounds = opts.num("rounds", opts.short ? 1 : 6);
const pause = (ms: number) => new Promise((res) => setTimeout(res, ms));
const { source } = loadSeed();
const VARIANTS = [
  source,
  source.replaceAll("市级 500万", "市级 600万").replace("  上限 200万\n", "  上限 250万\n"),
  source.replace("资助 比例 30% 基数 项目实际投资", "资助 比例 25% 基数 项目实际投资"),
];
const BROKEN = source.replace("资助 比例 30% 基数 项目已投入金额", "资助 比例 基数 项目已投入金额");
const versions = new Map<string, CompiledPolicy>(
  VARIANTS.map((s) => [versionOf(s), loadSource(s)]),
);

const dir = mkdtempSync(join(tmpdir(), "zhengce-faults-"));
const file = join(dir, `${SEED_ID}.zc`);
writeFileSync(file, VARIANTS[0]!);
const counts = new Map<string, number>();
const count = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
const failures: string[] = [];
let server: ServerProcess = await spawnServer(dir);
const port = server.port;
let running = true;
let down = false;
let upAt = 0; // when the server last came back: requests begun before then may fail to connect
let noGoodVersion = false;

function checkReply(status: number, body: string, app: unknown, options: EvaluateOptions): void {
  let json: { version?: string; ok?: boolean; result?: unknown; errors?: unknown };
  try {
    json = JSON.parse(body);
  } catch {
    failures.push(`响应不是 JSON（${status}）：${body.slice(0, 100)}`);
    return;
  }
  if (status === 503 && noGoodVersion) return void count("503（尚无可用版本）");
  if (status !== 200 && status !== 422)
    return void failures.push(`意外的状态 ${status}：${body.slice(0, 200)}`);
  const policy = versions.get(json.version ?? "");
  if (!policy) return void failures.push(`未知版本 ${json.version}`);
  const local = policy.evaluate(app, options);
  const want = local.ok ? JSON.stringify(local.result) : JSON.stringify(local.errors);
  const got = JSON.stringify(status === 200 ? json.result : json.errors);
  if (want !== got)
    failures.push(`版本 ${json.version} 的结果与进程内求值不同：${JSON.stringify(app)}`);
  else count(`已核对 ${status}`);
}

async function client(seed: number): Promise<void> {
  const r = rng(seed);
  const agent = keepAlive(1);
  while (running) {
    const c = randomCase(r);
    // One in five applications is malformed: its 422 errors must match the evaluator's too.
    const app =
      r() < 0.2 ? malformed(r, c.app, versions.values().next().value!.meta.inputs).app : c.app;
    const options: EvaluateOptions = { ...c.options, explain: r() < 0.5 };
    const body = JSON.stringify({ application: app, ...options });
    const started = Date.now();
    try {
      const rep = await send(agent, port, "POST", `/policies/${SEED_ID}/evaluate`, body, 5000);
      if (rep.status === 413 && Buffer.byteLength(body) > 1024 * 1024)
        count("413 请求体过大（预期）");
      else checkReply(rep.status, rep.body, JSON.parse(JSON.stringify(app)), options);
    } catch (e) {
      if (down || started <= upAt) count("服务停止期间连接失败（预期）");
      else failures.push(`连接错误：${(e as Error).message}`);
      await pause(20);
    }
  }
  agent.destroy();
}

async function abuser(): Promise<void> {
  const r = rng(99);
  while (running) {
    const body = JSON.stringify(randomCase(r).app);
    if (r() < 0.7) await abortHalfway(port, `/policies/${SEED_ID}/evaluate`, body);
    else void slowHeaders(port, 3000);
    count("中途放弃或慢速的请求");
    await pause(30);
  }
}

async function health(): Promise<{ status?: string; problems?: { status: string }[] }> {
  const agent = keepAlive(1);
  try {
    return JSON.parse((await send(agent, port, "GET", "/health")).body);
  } finally {
    agent.destroy();
  }
}

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let t = 0; t < 100; t++) {
    try {
      if (await check()) return;
    } catch {
      /* the server may be restarting */
    }
    await pause(50);
  }
  failures.push(`等待超时：${what}`);
}

async function restart(signal: NodeJS.Signals): Promise<void> {
  down = true;
  await stopServer(server, signal);
  await pause(200);
  server = await spawnServer(dir, port);
  upAt = Date.now();
  down = false;
}

const t0 = Date.now();
const clients = Array.from({ length: 6 }, (_, i) => client(opts.seed * 100 + i));
const abuse = abuser();
for (let round = 0; round < rounds; round++) {
  await pause(300);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, VARIANTS[1]!);
  renameSync(tmp, file); // atomic replace
  count("原子替换");
  await pause(400);
  const v2 = VARIANTS[2]!;
  const fd = openSync(file, "w"); // in place: truncate, then two writes, as many editors save
  writeSync(fd, v2.slice(0, v2.length >> 1));
  writeSync(fd, v2.slice(v2.length >> 1));
  closeSync(fd);
  count("就地分两次写入");
  await pause(400);
  writeFileSync(file, BROKEN);
  await waitFor(async () => (await health()).status === "degraded", "损坏的政策被报告");
  count("保存损坏的政策");
  await pause(300);
  writeFileSync(file, VARIANTS[round % 2 === 0 ? 0 : 1]!);
  await waitFor(async () => (await health()).status === "ok", "修复后恢复");
  await pause(200);
  await restart("SIGKILL");
  count("强制结束并重启");
  await pause(300);
  // Restart with a broken file: no version has compiled, so 503 until it is fixed.
  writeFileSync(file, BROKEN);
  noGoodVersion = true;
  await restart("SIGKILL");
  await pause(300);
  writeFileSync(file, VARIANTS[0]!);
  await waitFor(async () => (await health()).status === "ok", "重启后修复");
  noGoodVersion = false;
  count("以损坏文件重启后修复");
}
running = false;
await Promise.all([...clients, abuse]);
await stopServer(server);
rmSync(dir, { recursive: true, force: true });
finish(
  "故障测试",
  {
    轮数: rounds,
    用时秒: ((Date.now() - t0) / 1000).toFixed(1),
    已知版本: versions.size,
    ...Object.fromEntries(counts),
  },
  failures,
);
