/**
 * The oracle for batches: applications taken in date order (stable), each seeing the awards made
 * before it (台账) and the 第5条 quota of its year (名额 20), compared item by item with evaluateBatch.
 */
import { evaluateBatch } from "../../runtime/batch.js";
import type { CompiledPolicy } from "../../runtime/types.js";
import { int } from "../support/random.js";
import { compareWithOracle } from "./compare.js";
import { randomCase, type RandomCase } from "./random-application.js";
import { seedReference, type OracleLedgerEntry } from "./seed-reference.js";

type R = () => number;

/** A random batch: shared options from the first case; sometimes many 标杆 projects in one year. */
export function randomBatch(r: R): RandomCase[] {
  const crowded = r() < 0.3;
  const n = crowded ? int(r, 21, 45) : int(r, 1, 25);
  const year = int(r, 2022, 2024);
  const cases: RandomCase[] = [];
  for (let i = 0; i < n; i++) {
    const c = randomCase(r);
    if (!crowded) {
      cases.push(c);
      continue;
    }
    const date = `${year}-${String(int(r, 1, 12)).padStart(2, "0")}-${String(int(r, 1, 28)).padStart(2, "0")}`;
    const flags = {
      ...c.facts.flags,
      注册地在本区: true,
      法人企业: true,
      经营状态正常: true,
      信用记录良好: true,
      符合产业发展方向: true,
      上年度存在严重失信: false,
      认定为标杆示范项目: true,
    };
    const app = {
      ...c.app,
      ...Object.fromEntries(Object.entries(flags).map(([k, v]) => [k, v])),
      申报日期: date,
      项目已投入金额: "100万",
    };
    const money = { ...c.facts.money, 项目已投入金额: 100n * 1_000_000n };
    cases.push({ ...c, app, facts: { ...c.facts, flags, money }, ctx: { ...c.ctx, date } });
  }
  return cases;
}

/** Evaluate a random batch both ways; returns the differences. */
export function batchAgreement(policy: CompiledPolicy, r: R): string[] {
  const cases = randomBatch(r);
  const first = cases[0]!;
  const { items } = evaluateBatch(
    policy,
    cases.map((c) => c.app),
    first.options,
  );
  const order = cases
    .map((c, index) => ({ c, index }))
    .sort((a, b) =>
      a.c.ctx.date < b.c.ctx.date ? -1 : a.c.ctx.date > b.c.ctx.date ? 1 : a.index - b.index,
    );
  const ledger: OracleLedgerEntry[] = [...first.ctx.ledger];
  const quota = new Map<string, number>();
  const out: string[] = [];
  for (const { c, index } of order) {
    const year = c.ctx.date.slice(0, 4);
    const want = seedReference(c.facts, {
      ...first.ctx,
      date: c.ctx.date,
      applicant: c.ctx.applicant,
      ledger: [...ledger],
      quota5: quota.get(year) ?? 0,
    });
    const diff = compareWithOracle(items[index]!.evaluation, want, c.facts);
    if (diff.length) out.push(`第${index}份（${c.ctx.date}）：${diff.join("；")}`);
    for (const cl of want.clauses)
      if (cl.status === "awarded" && cl.amount !== null && cl.amount > 0n) {
        ledger.push({
          applicant: c.ctx.applicant,
          clause: cl.number,
          amount: cl.amount,
          date: c.ctx.date,
        });
        if (cl.number === 5) quota.set(year, (quota.get(year) ?? 0) + 1);
      }
  }
  return out;
}
