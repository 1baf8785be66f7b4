/**
 * Counts in 名额 and 每年限 (issue 12): a whole number of projects, written into generated code
 * as a literal, so anything else (1.5, a number beyond 2^53, a percentage) is refused here (E033).
 */
import type { Span } from "../../grammar/ast.js";
import type { CheckContext } from "./context.js";

/** The largest count a policy may state; no yearly quota comes near it. */
export const MAX_COUNT = 1_000_000;

export function checkCount(cx: CheckContext, count: number, span: Span): void {
  if (Number.isSafeInteger(count) && count >= 1 && count <= MAX_COUNT) return;
  cx.error(
    "E033",
    `名额或限申报数必须是 1 到 ${MAX_COUNT} 之间的整数`,
    span,
    "写项目个数，如 名额 每年 20、每年限 1。",
  );
}
