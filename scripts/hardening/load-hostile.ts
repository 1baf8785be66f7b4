/**
 * /health latency on loopback while hostile work is processed (issue 12): a steady probe of
 * /health every 10 ms, first alone, then while four clients send 1 MB applications whose only key
 * is a 1,040,000-character unknown field, then while a 20,000-row 分档 policy is saved into the
 * served folder again and again. Fails when /health p99 exceeds 50 ms during the unknown keys. The
 * slow policy's phase is reported but not asserted yet (the service compiles it in a worker thread;
 * loading the generated code is still on the event loop).
 *
 * Measured on the 2-core machine at load 20 (2026-12-02, 4 s phases): /health alone p50 1 ms,
 * p99 11–22 ms; during the 1 MB unknown keys p50 180–240 ms, p99 370–430 ms — the target is
 * missed: each 1 MB body costs about 55 ms of event-loop time to decode, depth-check and parse
 * (server/body.ts), no longer the edit distance (which took 3.4 s per request before). During the
 * saves of the 20,000-row policy one probe waited 7.4 s (compiled on the event loop).
 *
 *   node dist/scripts/hardening/load-hostile.js [--short] [--seconds 5]
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { finish, runOptions } from "./lib/args.js";
import { keepAlive, percentile, send } from "./lib/http-client.js";
import { SEED_ID, SEED_PATH } from "./lib/seed.js";
import { spawnServer, stopServer } from "./lib/spawn-server.js";

const opts = runOptions();
const seconds = opts.num("seconds", opts.short ? 2 : 5);
const failures: string[] = [];

const bigKey = JSON.stringify({ ["注".repeat(10) + "x".repeat(1_040_000)]: true });

function largeTable(rows: number): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++)
    lines.push(`    ${i + 1}万以上 不满 ${i + 2}万：${(i % 90) + 1}万`);
  return `政策 大分档\n申报信息\n  营业收入 金额\n\n第1条 规模奖励\n  奖励 定额 分档 营业收入：\n${lines.join("\n")}\n`;
}

interface Probe {
  samples: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
}

/** Probe /health every 10 ms for `ms` while `load` runs; latencies of the probes. */
async function probe(port: number, ms: number, load: (stop: () => boolean) => Promise<unknown>) {
  const agent = keepAlive(1);
  const end = performance.now() + ms;
  const stop = () => performance.now() > end;
  const times: number[] = [];
  let errors = 0;
  const prober = (async () => {
    while (!stop()) {
      try {
        const r = await send(agent, port, "GET", "/health");
        if (r.status !== 200) errors++;
        times.push(r.ms);
      } catch {
        errors++;
      }
      await new Promise((res) => setTimeout(res, 10));
    }
  })();
  await Promise.all([prober, load(stop)]);
  agent.destroy();
  times.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    samples: times.length,
    p50: round(percentile(times, 50)),
    p99: round(percentile(times, 99)),
    max: round(times[times.length - 1] ?? 0),
    errors,
  } satisfies Probe;
}

const dir = mkdtempSync(join(tmpdir(), "zc-load-hostile-"));
copyFileSync(SEED_PATH, join(dir, `${SEED_ID}.zc`));
const server = await spawnServer(dir);
let figures: Record<string, unknown> = {};
try {
  const evalPath = `/policies/${SEED_ID}/evaluate`;
  const alone = await probe(server.port, seconds * 1000, async () => undefined);
  let unknownSent = 0;
  let unknownAnswered = 0;
  const unknown = await probe(server.port, seconds * 1000, (stop) =>
    Promise.all(
      Array.from({ length: 4 }, async () => {
        const agent = keepAlive(1);
        while (!stop()) {
          unknownSent++;
          const r = await send(agent, server.port, "POST", evalPath, bigKey, 30_000);
          if (r.status === 422 && r.body.includes("未知的字段")) unknownAnswered++;
        }
        agent.destroy();
      }),
    ),
  );
  if (unknownAnswered < unknownSent)
    failures.push(`${unknownSent - unknownAnswered} 份带超长未知字段的申报没有得到逐字段的错误`);
  if (unknown.p99 > 50)
    failures.push(`超长未知字段期间 /health p99 = ${unknown.p99} ms，超过 50 ms`);
  const table = largeTable(20_000);
  let saves = 0;
  const slow = await probe(server.port, seconds * 1000, async (stop) => {
    while (!stop()) {
      writeFileSync(join(dir, "slow.zc"), `${table}# ${saves++}\n`);
      await new Promise((res) => setTimeout(res, 1000));
    }
  });
  figures = {
    每阶段秒数: seconds,
    "/health 单独": alone,
    [`/health，同时 4 个客户端发送 1 MB 的未知字段（共 ${unknownSent} 份）`]: unknown,
    [`/health，同时每秒保存一次 20,000 行分档的政策（共 ${saves} 次；在工作线程中编译，未断言）`]:
      slow,
  };
} finally {
  await stopServer(server);
  rmSync(dir, { recursive: true, force: true });
}
finish("敌意负载下的 /health（127.0.0.1）", figures, failures);
