/**
 * Batch evaluation: applications are applied in date order so that the ledger (per-year and
 * cumulative caps, 一次性) and quotas (名额) hold across them, as a committee would process them.
 */
import type { CompiledPolicy, EvaluateOptions, Evaluation, LedgerEntry } from "./types.js";
import { parseDate } from "./validate.js";

export interface BatchItem {
  /** Position in the input array. */
  readonly index: number;
  readonly evaluation: Evaluation;
}

/** Evaluate applications in date order (stable); results come back in input order. */
export function evaluateBatch(
  policy: CompiledPolicy,
  apps: readonly unknown[],
  options: EvaluateOptions = {},
): { items: BatchItem[]; ledger: LedgerEntry[] } {
  const dateOf = (app: unknown): string => {
    const raw =
      typeof app === "object" && app !== null
        ? (app as Record<string, unknown>)["申报日期"]
        : undefined;
    const d = raw === undefined ? undefined : parseDate(raw);
    return d && d.ok ? d.value : (options.date ?? "");
  };
  const order = apps.map((app, index) => ({ app, index, date: dateOf(app) }));
  order.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));
  const ledger: LedgerEntry[] = [...(options.ledger ?? [])];
  const quota = new Map<string, Record<number, number>>();
  const items: BatchItem[] = [];
  for (const { app, index, date } of order) {
    const year = date.slice(0, 4);
    const used = quota.get(year) ?? {};
    const evaluation = policy.evaluate(app, {
      ...options,
      ...(date ? { date } : {}),
      ledger,
      quotaUsed: used,
    });
    if (evaluation.ok) {
      const r = evaluation.result;
      const applicant = options.applicant ?? applicantOf(app) ?? "申报主体";
      for (const c of r.clauses) {
        if (c.status !== "awarded" || !c.amount || c.amount === "0") continue;
        ledger.push({ applicant, clause: c.number, amount: c.amount, date: r.date });
        used[c.number] = (used[c.number] ?? 0) + 1;
      }
      quota.set(r.date.slice(0, 4), used);
    }
    items.push({ index, evaluation });
  }
  items.sort((a, b) => a.index - b.index);
  return { items, ledger };
}

function applicantOf(app: unknown): string | undefined {
  const v =
    typeof app === "object" && app !== null
      ? (app as Record<string, unknown>)["申报主体"]
      : undefined;
  return typeof v === "string" ? v : undefined;
}
