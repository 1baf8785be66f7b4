/**
 * The trial date. Left empty, a trial is judged "today"; but a drafter mostly works on a policy
 * whose validity has ended (or not begun), and every trial would then show 0元. So when today is
 * outside the validity, the trial uses a date inside it (the last day, or the first) and the date
 * field shows that date and says why, in words; a date the drafter enters always wins.
 */
import type { PolicyMeta } from "../../runtime/index.js";
import { zhDate } from "./ui/form-values.js";

/** Today in the browser's time zone, as an ISO date. */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** The date a trial without an entered date uses, and why; null when today will do. */
export interface AutoDate {
  readonly date: string;
  readonly reason: string;
}

/** A date inside the policy's validity when today is outside it. */
export function autoDate(
  meta: Pick<PolicyMeta, "validFrom" | "validTo"> | null | undefined,
  today = todayIso(),
): AutoDate | null {
  const from = meta?.validFrom;
  const to = meta?.validTo;
  const validity = `政策有效期（${from ? zhDate(from) : "发布之日"} 至 ${to ? zhDate(to) : "长期"}）`;
  if (to && today > to)
    return {
      date: to,
      reason: `今天（${zhDate(today)}）已过${validity}，试算按有效期最后一天 ${zhDate(to)} 计算；可改填其他日期。`,
    };
  if (from && today < from)
    return {
      date: from,
      reason: `今天（${zhDate(today)}）还未到${validity}，试算按生效当日 ${zhDate(from)} 计算；可改填其他日期。`,
    };
  return null;
}

const PLAIN = "留空则按今天计算。";

/** Show the automatic date in the field (or clear it) with its reason as the field's help. */
export function showAutoDate(
  input: HTMLInputElement,
  help: HTMLElement,
  entered: string,
  auto: AutoDate | null,
): void {
  const on = !entered && auto !== null;
  input.dataset["auto"] = String(on);
  if (!entered) input.value = on ? auto.date : "";
  help.textContent = on ? auto.reason : PLAIN;
  help.classList.toggle("note", on);
}
