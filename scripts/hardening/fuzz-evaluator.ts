/**
 * Evaluator fuzzing at scale on the seed: 100,000 malformed applications (2,000 with --short), each
 * must get an error for every broken field and for no other, in Chinese, never a result, a silent 0,
 * NaN or an exception; and as many valid applications in odd spellings must give well-formed results.
 *
 *   node dist/scripts/hardening/fuzz-evaluator.js [--short] [--seed 1] [--n 100000]
 */
import { randomCase } from "../../test/oracle/random-application.js";
import { errorProblems, resultProblems } from "../../test/fuzz/check-evaluation.js";
import { malformed } from "../../test/fuzz/malformed-application.js";
import { rng } from "../../test/support/random.js";
import { finish, runOptions } from "./lib/args.js";
import { loadSeed } from "./lib/seed.js";

const opts = runOptions();
const n = opts.count(2000, 100_000);
const { policy } = loadSeed();
const r = rng(opts.seed);
const failures: string[] = [];
const kinds = new Map<string, number>();
let errorsReported = 0;
let slowest = 0;
const t0 = Date.now();
for (let i = 0; i < n; i++) {
  const base = randomCase(r);
  const bad = malformed(r, base.app, policy.meta.inputs);
  for (const d of bad.defects) {
    const kind = d.replace(/ .*/, "");
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const t = performance.now();
  try {
    const ev = policy.evaluate(bad.app, base.options);
    slowest = Math.max(slowest, performance.now() - t);
    if (!ev.ok) errorsReported += ev.errors.length;
    for (const p of errorProblems(ev, bad.broken, bad.defects)) failures.push(`畸形 #${i}: ${p}`);
  } catch (e) {
    failures.push(`畸形 #${i}: 抛出异常 ${String(e)}（${bad.defects.join("；")}）`);
  }
  const good = randomCase(r);
  try {
    const ev = policy.evaluate(good.app, good.options);
    if (!ev.ok) failures.push(`有效 #${i}: 被拒绝：${ev.errors.map((e) => e.message).join("；")}`);
    for (const p of resultProblems(ev)) failures.push(`有效 #${i}: ${p}`);
  } catch (e) {
    failures.push(`有效 #${i}: 抛出异常 ${String(e)}`);
  }
}
finish(
  "求值器模糊测试",
  {
    畸形申报: n,
    有效申报: n,
    报告的字段错误: errorsReported,
    单次最慢毫秒: slowest.toFixed(1),
    总用时秒: ((Date.now() - t0) / 1000).toFixed(1),
    种子: opts.seed,
  },
  failures,
);
