/**
 * /health latency on loopback while hostile work is processed (issue 12): a steady probe of
 * /health every 10 ms, first alone, then while four clients send 1 MB applications whose only key
 * is a 1,040,000-character unknown field, then while a 20,000-row 分档 policy is saved into the
 * served folder again and again (each save waits until the service has compiled it, in its worker
 * thread, and loaded it). Fails when /health p99 exceeds 50 ms (--short: 1 s, see `limitMs`) in
 * either hostile phase, or when an unknown key is not answered field by field, or when no save of
 * the slow policy was loaded.
 *
 * Measured on the 2-core machine shared with other sessions (load 15–20), 2 s phases, --short:
 * see SECURITY.md for the figures of the last run (before the fix: p99 370–430 ms during the
 * unknown keys, one probe waiting 7.4 s during the saves).
 *
 *   node dist/scripts/hardening/load-hostile.js [--short] [--seconds 5] [--limit 50]
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { finish, runOptions } from "./lib/args.js";
import { startProbe } from "./lib/health-probe.js";
import { keepAlive, percentile, send } from "./lib/http-client.js";
import { SEED_ID, SEED_PATH } from "./lib/seed.js";
import { spawnServer, stopServer } from "./lib/spawn-server.js";

const opts = runOptions();
const seconds = opts.num("seconds", opts.short ? 2 : 5);
const failures: string[] = [];
/**
 * The target is /health p99 < 50 ms, asserted by the full run. The CI run (--short) shares two
 * cores with the rest of CI and with the load it generates itself: it shows the figures and fails
 * only when the service stalls (p99 over 1 s), as it did before compiles and bodies were
 * moved off its event loop (a probe waited 7.4 s).
 */
const limitMs = opts.num("limit", opts.short ? 1000 : 50);

const bigKey = Buffer.from(JSON.stringify({ ["注".repeat(10) + "x".repeat(1_040_000)]: true }));

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

/** Probe /health (from its own thread) while `load` runs, for `ms` and until it is done. */
async function probe(port: number, ms: number, load: (stop: () => boolean) => Promise<unknown>) {
  const end = performance.now() + ms;
  const stop = () => performance.now() > end;
  const prober = startProbe(port);
  await load(stop);
  while (!stop()) await new Promise((res) => setTimeout(res, 50));
  const { times, errors } = await prober.stop();
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
  let closedEarly = 0;
  const unknown = await probe(server.port, seconds * 1000, (stop) =>
    Promise.all(
      Array.from({ length: 4 }, async () => {
        const agent = keepAlive(1);
        while (!stop()) {
          unknownSent++;
          // The service refuses the over-long key before the rest of the body is read and closes
          // the connection after its 400: a client still writing then sees EPIPE or a reset
          // instead of the answer (test/server/bad-requests.test.ts reads that answer).
          const r = await send(agent, server.port, "POST", evalPath, bigKey, 30_000).catch(
            (e: NodeJS.ErrnoException) => {
              if (e.code !== "EPIPE" && e.code !== "ECONNRESET") throw e;
              closedEarly++;
              return undefined;
            },
          );
          if (r && r.status === 400 && r.body.includes("未知的字段")) unknownAnswered++;
        }
        agent.destroy();
      }),
    ),
  );
  if (unknownAnswered + closedEarly < unknownSent || unknownAnswered === 0)
    failures.push(
      `${unknownSent - unknownAnswered - closedEarly} 份带超长未知字段的申报没有得到逐字段的错误`,
    );
  if (unknown.p99 > limitMs)
    failures.push(`超长未知字段期间 /health p99 = ${unknown.p99} ms，超过 ${limitMs} ms`);
  const table = largeTable(20_000);
  let saves = 0;
  let loaded = 0;
  const reloads = async (agent: ReturnType<typeof keepAlive>) =>
    JSON.parse((await send(agent, server.port, "GET", "/health")).body).reloads as number;
  const slow = await probe(server.port, seconds * 1000, async (stop) => {
    const agent = keepAlive(1);
    while (!stop()) {
      const before = await reloads(agent);
      writeFileSync(join(dir, "slow.zc"), `${table}# ${saves++}\n`);
      // wait until this save was compiled (in the worker) and loaded, then save again
      while ((await reloads(agent)) === before) await new Promise((res) => setTimeout(res, 50));
      loaded++;
    }
    agent.destroy();
  });
  if (!loaded) failures.push("慢的政策一次也没有加载完成");
  if (slow.p99 > limitMs)
    failures.push(`保存 20,000 行分档的政策期间 /health p99 = ${slow.p99} ms，超过 ${limitMs} ms`);
  figures = {
    每阶段秒数: seconds,
    "p99 上限（毫秒）": `${limitMs}（目标 50；--short 只查停顿）`,
    "/health 单独": alone,
    [`/health，同时 4 个客户端发送 1 MB 的未知字段（共 ${unknownSent} 份，${unknownAnswered} 份收到逐字段的错误，${closedEarly} 份未发完即被拒绝并断开）`]:
      unknown,
    [`/health，同时反复保存 20,000 行分档的政策（保存 ${saves} 次，编译并加载完 ${loaded} 次）`]:
      slow,
  };
} finally {
  await stopServer(server);
  rmSync(dir, { recursive: true, force: true });
}
finish("敌意负载下的 /health（127.0.0.1）", figures, failures);
