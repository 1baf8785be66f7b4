/**
 * Evaluation results as Chinese text for the terminal, and as JSON with decimal strings.
 */
import { Dec } from "./money.js";
import { fmtDate, fmtMoney } from "./format.js";
import { STATUS_WORD } from "./status-words.js";
import type { ClauseResult, Evaluation, EvaluationResult } from "./types.js";

const money = (s: string) => fmtMoney(new Dec(s));

function clauseLine(c: ClauseResult): string {
  const head = `${c.clause} ${c.title}`;
  switch (c.status) {
    case "awarded":
      return `${head}：${money(c.amount ?? "0")}${c.maximum ? `（按政策最高 ${money(c.maximum)}）` : ""}${c.payable ? (c.payable.startsWith("-") ? `，应追回 ${money(c.payable.slice(1))}` : `，本次应拨付 ${money(c.payable)}`) : ""}`;
    case "needs-decision":
      return `${head}：${STATUS_WORD[c.status]}${c.maximum ? `（最高 ${money(c.maximum)}）` : ""}`;
    case "benefit":
      return `${head}：${c.benefit ?? "非资金支持"}`;
    case "error":
      return `${head}：${STATUS_WORD[c.status]}`;
    case "ineligible":
      return `${head}：${STATUS_WORD[c.status]}`;
    case "not-paid":
      return `${head}：符合条件，${STATUS_WORD[c.status]}（应得 ${money(c.entitled ?? "0")}，不计入合计）`;
  }
}

/** A result as readable text; ineligible clauses are listed briefly unless `all`. */
export function resultText(r: EvaluationResult, all = false): string {
  const out: string[] = [];
  out.push(`${r.policy}${r.docNo ? `（${r.docNo}）` : ""}`);
  const today = r.dateFrom === "today" ? "（未给出申报日期，按今天·中国时间）" : "";
  out.push(
    `申报日期：${fmtDate(r.date)}${today}　${r.eligible ? "符合支持对象" : "不符合支持对象"}`,
  );
  for (const s of r.steps) out.push(`  · ${s.text}`);
  for (const reason of r.reasons) out.push(`  ✗ ${reason}`);
  const skipped: string[] = [];
  for (const c of r.clauses) {
    if (
      c.status === "ineligible" &&
      !all &&
      r.eligible &&
      !c.reasons.some((x) => x.includes("从高不重复") || x.includes("一次性") || x.includes("名额"))
    ) {
      skipped.push(c.clause);
      continue;
    }
    if (!r.eligible && !all) continue;
    out.push(clauseLine(c));
    if (c.beneficiary) out.push(`  · 资金拨付对象：${c.beneficiary}`);
    if (c.payer && c.status === "awarded") out.push(`  · 资金来源：${c.payer}`);
    for (const s of c.steps) out.push(`  · ${s.text}`);
    for (const reason of c.reasons) out.push(`  ✗ ${reason}`);
  }
  if (skipped.length) out.push(`不适用：${skipped.join("、")}（加 --all 查看原因）`);
  if (r.benefits.length) out.push(`非资金支持：${r.benefits.join("；")}`);
  out.push(`合计：${money(r.total)}`);
  if (r.byPayer)
    out.push(
      `按资金来源：${Object.entries(r.byPayer)
        .map(([who, sum]) => `${who} ${money(sum)}`)
        .join("；")}`,
    );
  return out.join("\n");
}

/** Clauses that could not be computed (a parameter still 待定 …), for standard error. */
export function incompleteText(ev: Evaluation): string {
  if (!ev.ok) return "";
  const failed = ev.result.clauses.filter((c) => c.status === "error");
  return [
    `注意：${failed.length} 条无法计算，结果不完整：`,
    ...failed.map((c) => `  ✗ ${c.clause}：${c.reasons.join("；")}`),
  ].join("\n");
}

/** An evaluation (or its input errors) as text. */
export function evaluationText(ev: Evaluation, all = false): string {
  if (ev.ok) return resultText(ev.result, all);
  return ["申报信息有误：", ...ev.errors.map((e) => `  ✗ ${e.field}：${e.message}`)].join("\n");
}

/** The JSON shape of an evaluation: amounts are decimal strings in 元. */
export function evaluationJson(ev: Evaluation): unknown {
  return ev.ok ? { ok: true, ...ev.result } : { ok: false, errors: ev.errors };
}
