/**
 * The one word for each clause outcome, shared by the terminal, the service, the coverage report,
 * the reviewer's diff and the playground.
 */
import type { ClauseStatus } from "./types.js";

/** A clause's outcome in one word: 予以资助, 不符合, 需决定, 享受权益, 无法计算. */
export const STATUS_WORD = {
  awarded: "予以资助",
  ineligible: "不符合",
  "needs-decision": "需决定",
  benefit: "享受权益",
  error: "无法计算",
} as const satisfies Readonly<Record<ClauseStatus, string>>;
