/**
 * Comparing the compiled evaluator with the oracle: the same status and the same amount to the 分 for
 * every clause and the total, and no amount below zero or above its cap.
 */
import type { Evaluation } from "../../runtime/types.js";
import { SEED_CAPS, type Fen, type OracleResult, type SeedFacts } from "./seed-reference.js";

/** An amount string in 元 as 分; throws on anything that is not an exact decimal with ≤ 2 places. */
export function toFen(s: string): Fen {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) throw new Error(`金额格式不对：${s}`);
  const v = BigInt(m[2]!) * 100n + BigInt((m[3] ?? "").padEnd(2, "0"));
  return m[1] ? -v : v;
}

const yuan = (f: Fen | null) =>
  f === null
    ? "null"
    : `${f < 0n ? "-" : ""}${(f < 0n ? -f : f) / 100n}.${String((f < 0n ? -f : f) % 100n).padStart(2, "0")}`;

/** Differences between an evaluation and the oracle's result (empty when they agree). */
export function compareWithOracle(ev: Evaluation, want: OracleResult, facts: SeedFacts): string[] {
  if (!ev.ok) return [`求值报错：${ev.errors.map((e) => `${e.field}：${e.message}`).join("；")}`];
  const r = ev.result;
  const out: string[] = [];
  if (r.inForce !== want.inForce) out.push(`inForce ${r.inForce} ≠ ${want.inForce}`);
  if (r.eligible !== want.eligible) out.push(`eligible ${r.eligible} ≠ ${want.eligible}`);
  let sum = 0n;
  for (const w of want.clauses) {
    const c = r.clauses.find((x) => x.number === w.number);
    if (!c) {
      out.push(`缺少第${w.number}条`);
      continue;
    }
    const got = c.amount === null ? null : toFen(c.amount);
    if (c.status !== w.status) out.push(`第${w.number}条 状态 ${c.status} ≠ ${w.status}`);
    if (got !== w.amount) out.push(`第${w.number}条 金额 ${yuan(got)} ≠ ${yuan(w.amount)}`);
    if (got !== null && got < 0n) out.push(`第${w.number}条 金额为负：${yuan(got)}`);
    let cap = SEED_CAPS[w.number];
    if (
      w.number === 5 &&
      cap !== null &&
      cap !== undefined &&
      facts.flags["上级补助要求配套"] &&
      (facts.money["已获上级补助金额"] ?? 0n) > 0n
    )
      cap = (facts.money["上级要求配套金额"] ?? 0n) > cap ? facts.money["上级要求配套金额"]! : cap;
    if (got !== null && cap !== null && cap !== undefined && got > cap)
      out.push(`第${w.number}条 金额 ${yuan(got)} 超过上限 ${yuan(cap)}`);
    if (c.status === "awarded" && got !== null) sum += got;
  }
  const total = toFen(r.total);
  if (total !== want.total) out.push(`总额 ${yuan(total)} ≠ ${yuan(want.total)}`);
  if (total !== sum) out.push(`总额 ${yuan(total)} 不等于各条之和 ${yuan(sum)}`);
  return out;
}
