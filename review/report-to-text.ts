/**
 * A diff report as Chinese text for the terminal: the change list, the applications whose
 * outcome changes (with both explanations), the boundaries with their witnesses, and the budget.
 */
import { budgetFigure, reportMoney, signedBudgetFigure, signedMoney } from "./report-figures.js";
import type { ClauseBoundaries } from "./boundaries.js";
import type { Budget } from "./budget.js";
import type { Change } from "./change.js";
import type { DiffReport } from "./diff-policies.js";
import type { Impact } from "./impact.js";

const money = reportMoney;
const signed = signedMoney;
const big = budgetFigure;
const bigSigned = signedBudgetFigure;

/** The change list, rule changes first, then text, cases, and layout or comments. */
export function changesText(changes: readonly Change[]): string[] {
  if (!changes.length) return ["两个版本完全相同。"];
  const groups: [Change["effect"], string][] = [
    ["rule", "规则变更"],
    ["text", "文字变更（不影响计算）"],
    ["case", "案例变更"],
    ["format", "注释与排版（不影响规则）"],
  ];
  const out: string[] = [];
  for (const [effect, title] of groups) {
    const cs = changes.filter((c) => c.effect === effect);
    if (!cs.length) continue;
    out.push(`${title}（${cs.length}项）`);
    for (const c of cs) out.push(`  · ${c.text}`);
  }
  return out;
}

/** Applications whose outcome changes, each clause with both explanations. */
export function impactText(impact: Impact, limit = 30): string[] {
  const out = [
    `对案例与申报的影响：评估 ${impact.evaluated} 份，结果变化 ${impact.changed.length} 份`,
  ];
  for (const s of impact.changed.slice(0, limit)) {
    out.push(
      `  ${s.label}：合计 ${money(s.totalBefore)} → ${money(s.totalAfter)}（${signed(s.delta)}）`,
    );
    for (const e of s.errors) out.push(`    ✗ ${e}`);
    for (const c of s.clauses) {
      out.push(`    ${c.clause}：${c.before.text} → ${c.after.text}`);
      if (c.before.explanation.length) out.push(`      原版：${c.before.explanation.join("；")}`);
      if (c.after.explanation.length) out.push(`      新版：${c.after.explanation.join("；")}`);
    }
  }
  if (impact.changed.length > limit)
    out.push(`  ……另有 ${impact.changed.length - limit} 份（用 --json 查看全部）`);
  return out;
}

/** Ranges where amounts differ, per changed clause, with verified witnesses. */
export function boundariesText(bs: readonly ClauseBoundaries[]): string[] {
  const out = ["金额不同的输入范围（抽样搜索，每段附两版实际计算验证过的示例）"];
  for (const b of bs) {
    out.push(`  ${b.clause}`);
    if (!b.slices.length)
      out.push(
        "    抽样未找到金额不同的输入（这不是证明：变化可能只在案例未覆盖的输入组合下出现；用 --prove 求证）",
      );
    for (const s of b.slices) {
      out.push(`    背景：${s.context}${s.fixed ? `（${s.fixed}）` : ""}`);
      for (const r of s.ranges) {
        const w = r.witness;
        out.push(`      ${r.text}`);
        out.push(
          `        例：${w.value ? `${w.value}：` : ""}原版 ${w.before.text} → 新版 ${w.after.text}${w.verified ? "（已验证）" : "（验证不符！）"}`,
        );
      }
    }
  }
  return out;
}

/** Outlay per clause and overall under each version, and who is better or worse off. */
export function budgetText(b: Budget, seconds?: number, threads?: number): string[] {
  const timing =
    seconds !== undefined
      ? `，用时 ${seconds.toFixed(1)} 秒${threads ? `（${threads} 个线程）` : ""}`
      : "";
  const out = [
    `预算影响：合成申报 ${b.size.toLocaleString("zh-CN")} 份（种子 ${b.seed}）${timing}`,
  ];
  for (const c of b.clauses) {
    const mark = c.delta === "0" ? "" : `（${bigSigned(c.delta)}）`;
    out.push(
      `  ${c.clause}：${big(c.before)}（${c.awardsBefore}份）→ ${big(c.after)}（${c.awardsAfter}份）${mark}`,
    );
  }
  out.push(`  合计：${big(b.totalBefore)} → ${big(b.totalAfter)}（${bigSigned(b.delta)}）`);
  for (const p of b.payers ?? [])
    out.push(
      `  资金来源 ${p.payer}：${big(p.before)} → ${big(p.after)}${p.delta === "0" ? "" : `（${bigSigned(p.delta)}）`}`,
    );
  out.push(`  获得更多 ${b.better} 份，减少 ${b.worse} 份，不变 ${b.same} 份`);
  if (b.largestGain) out.push(`  增加最多：${b.largestGain.name} ${signed(b.largestGain.delta)}`);
  if (b.largestLoss) out.push(`  减少最多：${b.largestLoss.name} ${signed(b.largestLoss.delta)}`);
  if (b.invalidBefore || b.invalidAfter)
    out.push(`  申报信息有误：原版 ${b.invalidBefore} 份，新版 ${b.invalidAfter} 份`);
  for (const n of b.notes) out.push(`  说明：${n}`);
  return out;
}

/** The whole report as text. */
export function reportText(r: DiffReport): string {
  const out = changesText(r.changes);
  if (r.impact) out.push("", ...impactText(r.impact));
  if (r.boundaries?.length) out.push("", ...boundariesText(r.boundaries));
  if (r.budget) out.push("", ...budgetText(r.budget));
  return out.join("\n");
}
