/**
 * Load test on loopback against `zhengce serve` (a child process) with the seed policy: throughput
 * and p50/p99 latency for single evaluations and for batches at full speed (closed loop, keep-alive),
 * latency at a fixed 1,000 requests/s (open loop, measured from the scheduled time), and the same
 * evaluations called in-process for comparison. Bounded: a few seconds per phase (--short: 1–2 s).
 *
 *   node dist/scripts/hardening/load.js [--short] [--seconds 10] [--connections 16] [--batch 50]
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomCase } from "../../test/oracle/random-application.js";
import { rng } from "../../test/support/random.js";
import { evaluateBatch } from "../../runtime/batch.js";
import { finish, runOptions } from "./lib/args.js";
import { keepAlive, percentile, send } from "./lib/http-client.js";
import { loadSeed, SEED_ID, SEED_PATH } from "./lib/seed.js";
import { spawnServer, stopServer } from "./lib/spawn-server.js";

const opts = runOptions();
const seconds = opts.num("seconds", opts.short ? 1.5 : 10);
const connections = opts.num("connections", 16);
const batchSize = opts.num("batch", 50);
const rate = opts.num("rate", 1000);
const failures: string[] = [];

const r = rng(opts.seed);
const apps = Array.from({ length: 500 }, () => randomCase(r).app);
const bodies = apps.map((a) => JSON.stringify(a));
const batches = Array.from({ length: 50 }, (_, i) =>
  JSON.stringify(apps.slice((i * 7) % 400, ((i * 7) % 400) + batchSize)),
);

interface Phase {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
}

function summarize(lat: number[], seconds: number, errors: number): Phase {
  lat.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    requests: lat.length,
    perSecond: Math.round(lat.length / seconds),
    p50: round(percentile(lat, 50)),
    p99: round(percentile(lat, 99)),
    max: round(lat[lat.length - 1] ?? NaN),
    errors,
  };
}

/** Closed loop: `connections` clients, each sending the next request when the last one returns. */
async function closedLoop(port: number, path: string, pick: (i: number) => string): Promise<Phase> {
  const agent = keepAlive(connections);
  const lat: number[] = [];
  let errors = 0;
  let i = 0;
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        try {
          const rep = await send(agent, port, "POST", path, pick(i++));
          if (rep.status !== 200) errors++;
          lat.push(rep.ms);
        } catch {
          errors++;
        }
      }
    }),
  );
  agent.destroy();
  return summarize(lat, (performance.now() - t0) / 1000, errors);
}

/** Open loop: requests start on a fixed schedule; latency counts from the scheduled start. */
async function openLoop(port: number, path: string): Promise<Phase & { late: number }> {
  const agent = keepAlive(64);
  const total = Math.round(rate * seconds);
  const lat: number[] = [];
  let errors = 0;
  let late = 0;
  const t0 = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const at = t0 + (i * 1000) / rate;
    const wait = at - performance.now();
    if (wait > 1) await new Promise((res) => setTimeout(res, wait));
    else if (wait < -5) late++;
    pending.push(
      send(agent, port, "POST", path, bodies[i % bodies.length]).then(
        (rep) => {
          if (rep.status !== 200) errors++;
          lat.push(performance.now() - at);
        },
        () => void errors++,
      ),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  return { ...summarize(lat, (performance.now() - t0) / 1000, errors), late };
}

/** The same work in-process: evaluate (with explanation) and serialise, per second. */
function inProcess(work: (i: number) => unknown): number {
  const end = performance.now() + seconds * 1000;
  let n = 0;
  const t0 = performance.now();
  while (performance.now() < end) for (let k = 0; k < 50; k++) work(n++);
  return Math.round(n / ((performance.now() - t0) / 1000));
}

const dir = mkdtempSync(join(tmpdir(), "zhengce-load-"));
copyFileSync(SEED_PATH, join(dir, `${SEED_ID}.zc`));
const server = await spawnServer(dir);
// `finish` exits the process, so the server is stopped first: figures are gathered, the server is
// stopped in `finally`, and only then the summary is printed.
let summary: { figures: Record<string, unknown> } | undefined;
try {
  const evalPath = `/policies/${SEED_ID}/evaluate`;
  const batchPath = `/policies/${SEED_ID}/batch`;
  await closedLoop(server.port, evalPath, (i) => bodies[i % bodies.length]!); // warm up
  const single = await closedLoop(server.port, evalPath, (i) => bodies[i % bodies.length]!);
  const batch = await closedLoop(server.port, batchPath, (i) => batches[i % batches.length]!);
  const fixed = await openLoop(server.port, evalPath);
  const { policy } = loadSeed();
  const parsed = batches.map((b) => JSON.parse(b) as unknown[]);
  const localSingle = inProcess((i) =>
    JSON.stringify(policy.evaluate(JSON.parse(bodies[i % bodies.length]!))),
  );
  const localBare = inProcess((i) => policy.evaluate(apps[i % apps.length]));
  const localBatch = inProcess((i) =>
    JSON.stringify(evaluateBatch(policy, parsed[i % parsed.length]!)),
  );
  for (const [name, p] of [
    ["单份", single],
    ["批量", batch],
    ["固定速率", fixed],
  ] as const)
    if (p.errors) failures.push(`${name}：${p.errors} 个请求失败`);
  if (!opts.short && fixed.p99 > 5)
    failures.push(`固定 ${rate} 请求/秒时 p99 = ${fixed.p99} ms，超过 5 ms`);
  summary = {
    figures: {
      每阶段秒数: seconds,
      并发连接: connections,
      "单份评估（HTTP）": single,
      [`批量评估（HTTP，每批 ${batchSize} 份）`]: {
        ...batch,
        applicationsPerSecond: batch.perSecond * batchSize,
      },
      [`固定速率 ${rate} 请求/秒（HTTP）`]: fixed,
      "进程内：解析 JSON + 评估 + 序列化，每秒": localSingle,
      "进程内：仅评估，每秒": localBare,
      [`进程内：批量（每批 ${batchSize} 份），每秒批数`]: localBatch,
      "HTTP/进程内 吞吐比（单份，含 JSON）": (single.perSecond / localSingle).toFixed(2),
      "HTTP/进程内 吞吐比（单份，仅评估）": (single.perSecond / localBare).toFixed(2),
      "HTTP/进程内 吞吐比（批量）": (batch.perSecond / localBatch).toFixed(2),
    },
  };
} finally {
  await stopServer(server);
  rmSync(dir, { recursive: true, force: true });
}
finish("负载测试（127.0.0.1，保持连接）", summary.figures, failures);
