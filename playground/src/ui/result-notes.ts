/**
 * Notes the result summary adds (issue 11 §1): which date was used when the application gave none
 * (today, China time), and that the result is incomplete (待定) when a clause could not be computed.
 * Plain text, so that they can be tested without a page.
 */
import type { EvaluationResult } from "../../../runtime/index.js";

/** The date line: the date and, when none was given, that it is today's. */
export function dateNote(r: EvaluationResult): string {
  const from = r.dateFrom === "today" ? "（未填写申报日期，按今天（中国时间）计算）" : "";
  return `申报日期：${r.date}${from}`;
}

/** Clauses that could not be computed (a parameter still 待定 …), as one line; null when none. */
export function incompleteNote(r: EvaluationResult): string | null {
  const stuck = r.clauses.filter((c) => c.status === "error");
  if (!stuck.length) return null;
  const why = stuck.map(
    (c) => `${c.clause}${c.reasons.length ? `（${c.reasons.join("；")}）` : ""}`,
  );
  return `结果不完整（待定）：${why.join("、")}无法计算，合计不含这些条款`;
}
