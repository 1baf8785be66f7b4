/**
 * Limits in the drafter's words, shared by generated reasons, documents and the diff: the scope
 * words (同一项目, 单个企业, 全部企业) and a policy-wide limit as one phrase.
 */
import type { LimitItem, LimitScope } from "./ast.js";
import { exprToText } from "./expr-to-text.js";

/** The drafter's word for a scope, as the reference and the formatter write it. */
export const SCOPE_WORD: Readonly<Record<LimitScope, string>> = {
  project: "同一项目",
  applicant: "单个企业",
  policy: "全部企业",
};

/** A policy-wide limit in the drafter's words, for reasons: `单个企业每年限申报1个项目`. */
export function limitWords(l: LimitItem, scope: LimitScope): string {
  const who = SCOPE_WORD[scope];
  switch (l.kind) {
    case "PerYearLimit":
      return `${who}每年限申报${l.count}个项目（本政策各条合计）`;
    case "Quota":
      return `${who}本政策每年名额${l.count}个`;
    case "Once":
      return `${who}限享受本政策支持一次`;
    case "TotalCap":
      return `${who}本政策各条累计上限 ${exprToText(l.value)}`;
    case "AnnualCap":
      return `${who}本政策各条年度累计上限 ${exprToText(l.value)}`;
  }
}
