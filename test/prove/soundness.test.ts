/**
 * Property: what the prover claims holds on random applications. A clause proven unchanged has
 * the same outcome in both versions for every sampled application (before 叠加规则, as proven);
 * a total proven never to fall (or rise) does not, on any sample. Witnesses are re-checked by the
 * prover itself against both compiled versions; here the claims are checked from outside.
 */
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../compiler/index.js";
import { prepare } from "../../review/index.js";
import { closeSolver, proveDiff } from "../../review/node/index.js";
import { Dec, loadPolicy, type CompiledPolicy } from "../../runtime/index.js";
import { randomCase } from "../oracle/random-application.js";
import { edit, seedSource } from "../diff/variants.js";

afterAll(() => closeSolver());

const seed = seedSource();
const SAMPLES = 400;

function withoutStacking(source: string): CompiledPolicy {
  const from = source.indexOf("叠加规则\n");
  const cut = from < 0 ? source : source.slice(0, from) + source.slice(source.indexOf("# ------"));
  const r = compile(cut, { emit: ["js"] });
  expect(r.ok).toBe(true);
  return loadPolicy(r.js!);
}

const MUTANTS: readonly [string, string, string][] = [
  // the per-project cap of 第7条 never binds under its annual cap of the same amount
  ["第7条 上限 100万→120万", "  上限 100万\n  # 解读", "  上限 120万\n  # 解读"],
  [
    "第5条 市级上限 500万→800万（第一张表）",
    "市级 500万，国家级 1000万\n  # 上级",
    "市级 800万，国家级 1000万\n  # 上级",
  ],
  ["去掉从高不重复", "  从高不重复\n", ""],
];

describe("prover claims hold on random applications", () => {
  for (const [name, from, to] of MUTANTS)
    it(name, async () => {
      const other = edit(seed, from, to);
      const p = prepare(seed, other);
      const proof = await proveDiff(p, { regions: 1 });
      expect(proof.ok).toBe(true);
      const ownA = withoutStacking(seed);
      const ownB = withoutStacking(other);
      const proven = [
        ...proof.identical,
        ...proof.targets.filter((t) => t.status === "proven").map((t) => t.target),
      ];
      const total = proof.targets.find((t) => t.target === "合计")!;
      let checked = 0;
      for (let i = 0; i < SAMPLES; i++) {
        const { app, options } = randomCase(1000 + i);
        const a = ownA.evaluate(app, options);
        const b = ownB.evaluate(app, options);
        const fa = p.old.policy!.evaluate(app, options);
        const fb = p.new.policy!.evaluate(app, options);
        if (!a.ok || !b.ok || !fa.ok || !fb.ok) continue;
        checked++;
        for (const label of proven) {
          if (label === "合计") continue;
          const n = Number(label.replace(/\D/g, ""));
          const ca = a.result.clauses.find((c) => c.number === n)!;
          const cb = b.result.clauses.find((c) => c.number === n)!;
          const outcome = (c: typeof ca) =>
            c.status === "awarded" ? c.amount : c.status === "ineligible" ? "0" : c.status;
          expect(outcome(cb), `${label} at sample ${i}`).toBe(outcome(ca));
        }
        const delta = new Dec(fb.result.total).minus(fa.result.total);
        if (total.status === "proven") expect(delta.isZero(), `合计 at sample ${i}`).toBe(true);
        if (total.status === "differs" && !total.loss && total.text.includes("已证明没有申报减少"))
          expect(delta.gte(0), `合计 fell at sample ${i}`).toBe(true);
        if (total.status === "differs" && !total.gain && total.text.includes("已证明没有申报增加"))
          expect(delta.lte(0), `合计 rose at sample ${i}`).toBe(true);
        if (total.gain?.largest)
          expect(delta.lte(total.gain.delta), `gain above the maximum at ${i}`).toBe(true);
      }
      expect(checked).toBeGreaterThan(SAMPLES / 2);
    });
});
