/**
 * The one word for each clause outcome, shared by the terminal, the service, the coverage report,
 * the reviewer's diff and the playground.
 */
import type { ClauseStatus } from "./types.js";

/**
 * A clause's outcome in one word: 予以资助, 不符合, 未支付 (qualifies, but 从高不重复 pays another
 * clause), 需决定, 享受权益, 无法计算.
 */
export const STATUS_WORD = {
  awarded: "予以资助",
  ineligible: "不符合",
  "not-paid": "未支付",
  "needs-decision": "需决定",
  benefit: "享受权益",
  error: "无法计算",
} as const satisfies Readonly<Record<ClauseStatus, string>>;

/** Why a not-paid clause is not paid: the last reason the stacking rules gave. */
export function notPaidReason(c: { readonly reasons: readonly string[] }): string {
  return c.reasons.at(-1) ?? "";
}
