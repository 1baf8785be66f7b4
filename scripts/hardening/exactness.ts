/**
 * Exactness of the compiled seed evaluator against the independent BigInt oracle
 * (test/oracle/seed-reference.ts): 100,000 random applications and 2,000 random batches
 * (2,000 and 100 with --short) must agree to the 分, with no amount below 0 or above its cap.
 *
 *   node dist/scripts/hardening/exactness.js [--short] [--seed 1] [--n 100000]
 */
import { batchAgreement } from "../../test/oracle/batch-reference.js";
import { compareWithOracle } from "../../test/oracle/compare.js";
import { randomCase } from "../../test/oracle/random-application.js";
import { seedReference } from "../../test/oracle/seed-reference.js";
import { rng } from "../../test/support/random.js";
import { finish, runOptions } from "./lib/args.js";
import { loadSeed } from "./lib/seed.js";

const opts = runOptions();
const n = opts.count(2000, 100_000);
const batches = opts.short ? 100 : Math.max(1, Math.round(n / 50));
const { policy } = loadSeed();
const r = rng(opts.seed);
const failures: string[] = [];
const statuses = new Map<string, number>();
let awardedTotal = 0n;
const t0 = Date.now();
for (let i = 0; i < n; i++) {
  const c = randomCase(r);
  const ev = policy.evaluate(c.app, c.options);
  const want = seedReference(c.facts, c.ctx);
  awardedTotal += want.total;
  for (const d of compareWithOracle(ev, want, c.facts))
    failures.push(`#${i} ${d} ${JSON.stringify(c.app)} ${JSON.stringify(c.options)}`);
  if (ev.ok)
    for (const cl of ev.result.clauses) statuses.set(cl.status, (statuses.get(cl.status) ?? 0) + 1);
}
let batchItems = 0;
for (let i = 0; i < batches; i++) {
  const diffs = batchAgreement(policy, r);
  batchItems++;
  for (const d of diffs) failures.push(`批量 #${i} ${d}`);
}
finish(
  "与独立参照实现的精确一致性",
  {
    单份申报: n,
    批量: batchItems,
    条款结果分布: Object.fromEntries(statuses),
    参照实现合计金额元: (awardedTotal / 100n).toString(),
    总用时秒: ((Date.now() - t0) / 1000).toFixed(1),
    种子: opts.seed,
  },
  failures,
);
