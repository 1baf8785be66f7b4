/**
 * The compiled seed evaluator agrees to the 分 with the hand-written oracle on random applications
 * (seeded), one by one and in batches; no amount is negative or above its cap.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile.js";
import { loadPolicy } from "../../runtime/define.js";
import { useFastPath } from "../../runtime/run.js";
import { compareWithOracle } from "./compare.js";
import { randomCase } from "./random-application.js";
import { batchAgreement } from "./batch-reference.js";
import { seedReference } from "./seed-reference.js";
import { rng } from "../support/random.js";

const policy = loadPolicy(
  compile(readFileSync("policies/jiading-2021-industrial-internet.zc", "utf8")).js!,
);

describe("exactness against an independent oracle", () => {
  it("3,000 random applications agree to the 分", () => {
    const r = rng(20210618);
    const failures: string[] = [];
    const statuses = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      const c = randomCase(r);
      const ev = policy.evaluate(c.app, c.options);
      const diff = compareWithOracle(ev, seedReference(c.facts, c.ctx), c.facts);
      if (diff.length)
        failures.push(
          `#${i} ${JSON.stringify(c.app)} ${JSON.stringify(c.options)}\n  ${diff.join("\n  ")}`,
        );
      if (ev.ok)
        for (const cl of ev.result.clauses)
          statuses.set(
            `${cl.number}:${cl.status}`,
            (statuses.get(`${cl.number}:${cl.status}`) ?? 0) + 1,
          );
    }
    expect(failures.slice(0, 5)).toEqual([]);
    // The generator reaches every clause's award.
    for (let n = 1; n <= 12; n++)
      if (n !== 11) expect(statuses.get(`${n}:awarded`) ?? 0, `第${n}条`).toBeGreaterThan(0);
  });

  it("3,000 random applications with explanations off (the integer fast path where it applies) agree to the 分", () => {
    const r = rng(20261203);
    const failures: string[] = [];
    const before = useFastPath(true);
    for (let i = 0; i < 3000; i++) {
      const c = randomCase(r);
      // Amounts as JSON numbers in 元 (exact below 10^13 元), so that the fast path can take them.
      const app = { ...c.app };
      for (const [k, fen] of Object.entries(c.facts.money))
        if (k in app && fen < 10n ** 15n) app[k] = Number(fen) / 100;
      const ev = policy.evaluate(app, { ...c.options, explain: false });
      const diff = compareWithOracle(ev, seedReference(c.facts, c.ctx), c.facts);
      if (diff.length) failures.push(`#${i} ${JSON.stringify(app)}\n  ${diff.join("\n  ")}`);
    }
    expect(failures.slice(0, 5)).toEqual([]);
    // Most cases carry a ledger, approved amounts, parameters or text forms: the full path's.
    expect(useFastPath(true) - before).toBeGreaterThan(100);
  });

  it("200 random batches agree with the oracle's date-ordered ledger and quotas", () => {
    const r = rng(7);
    const failures: string[] = [];
    for (let i = 0; i < 200; i++) failures.push(...batchAgreement(policy, r));
    expect(failures.slice(0, 5)).toEqual([]);
  });
});
