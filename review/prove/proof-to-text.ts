/**
 * A proof report as Chinese text for the terminal.
 */
import { clauseKeyText } from "../../grammar/index.js";
import type { AssertionReport } from "./assertions.js";
import type { ProofReport, ProvedTarget } from "./prove-diff.js";
import type { Witness } from "./regions.js";

/** The fields worth showing of a witness application: what is set, not what is empty. */
export function witnessFields(app: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(app)) {
    if (k === "申报主体") continue;
    if (v === false || v === "0" || v === "0.00" || v === "") continue;
    if (typeof v === "object" && v !== null) {
      const inner = Object.entries(v as Record<string, string>)
        .filter(([, x]) => x !== "0.00")
        .map(([a, x]) => `${a} ${x}元`);
      if (inner.length) parts.push(`${k}（${inner.join("、")}）`);
      continue;
    }
    if (v === true) parts.push(k);
    else
      parts.push(`${k} ${typeof v === "string" && /^\d+\.\d\d$/.test(v) ? `${v}元` : String(v)}`);
  }
  return parts.join("，");
}

/** Evaluation options of a witness (approved amounts, ledger, quota, parameters), in words. */
export function optionsText(w: Pick<Witness, "options">): string {
  const o = w.options;
  const parts: string[] = [];
  if (o.approved)
    parts.push(
      `核定 ${Object.entries(o.approved)
        .map(([n, a]) => `${clauseKeyText(n)} ${a}元`)
        .join("、")}`,
    );
  if (o.ledger?.length) parts.push(`台账 ${o.ledger.length} 笔`);
  if (o.quotaUsed)
    parts.push(
      `名额已用 ${Object.entries(o.quotaUsed)
        .map(([n, q]) => `${clauseKeyText(n)} ${q}个`)
        .join("、")}`,
    );
  if (o.params)
    parts.push(
      `参数 ${Object.entries(o.params)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join("、")}`,
    );
  return parts.length ? `（${parts.join("；")}）` : "";
}

function targetText(t: ProvedTarget): string[] {
  const out = [`  ${t.target}：${t.text}`];
  t.regions.forEach((r, i) => {
    out.push(
      `    区域${i + 1}${r.partial ? "（其中部分申报）" : ""}：${r.conditions.length ? r.conditions.join("；") : "任何申报"}`,
    );
    const w = r.witness;
    out.push(`      例：${witnessFields(w.application)}${optionsText(w)}`);
    out.push(
      `      原版 ${w.before.text} → 新版 ${w.after.text}${w.verified ? "（两版实际计算已验证）" : "（验证不符！）"}`,
    );
  });
  for (const [up, e] of [
    [true, t.gain],
    [false, t.loss],
  ] as const) {
    if (!e) continue;
    const word = e.largest ? (up ? "增加最多" : "减少最多") : up ? "增加的例" : "减少的例";
    const w = e.witness;
    out.push(`    ${word}：${witnessFields(w.application)}${optionsText(w)}`);
    out.push(
      `      原版合计 ${w.before.text} → 新版合计 ${w.after.text}${w.verified ? "（两版实际计算已验证）" : "（验证不符！）"}`,
    );
  }
  return out;
}

/** The whole proof report. */
export function proofText(p: ProofReport): string[] {
  const out = [`证明（Z3 求解器，用时 ${p.seconds.toFixed(1)} 秒）`];
  if (!p.ok) {
    out.push(...p.notes.map((n) => `  ${n}`));
    return out;
  }
  for (const t of p.targets) out.push(...targetText(t));
  if (p.identical.length)
    out.push(`  ${p.identical.join("、")}：两版计算完全相同，已证明：任何申报金额不变`);
  if (p.properties?.length) {
    out.push("  审查性质：");
    for (const r of p.properties) {
      out.push(`    ${r.property}：${r.text}`);
      const w = r.witness;
      if (w) {
        out.push(
          `      例：${witnessFields(w.application) || "（各项均为 0 或否）"}${optionsText(w)}`,
        );
        out.push(`      ${w.verified ? "（两版实际计算已验证）" : "（验证不符！）"}`);
      }
    }
  }
  for (const n of p.notes) out.push(`  说明：${n}`);
  return out;
}

/** The assertions' proofs: each proven, or refuted with its verified witness and clause trace. */
export function assertionText(p: AssertionReport): string[] {
  if (!p.results.length) return p.notes.map((n) => `  ${n}`);
  const out = [`断言（Z3 求解器，用时 ${p.seconds.toFixed(1)} 秒）`];
  for (const r of p.results) {
    const desc = r.description ? `（${r.description}）` : "";
    out.push(`  断言${r.index} ${r.statement}${desc}：${r.text}`);
    const w = r.witness;
    if (!w) continue;
    out.push(`    例：${witnessFields(w.application) || "（各项均为 0 或否）"}${optionsText(w)}`);
    for (const t of w.trace) out.push(`      ${t}`);
    out.push("      （编译后的政策实际计算已验证）");
  }
  for (const n of p.notes) out.push(`  说明：${n}`);
  return out;
}
