/**
 * Batch evaluation: applications are applied in date order so that the ledger (per-year and
 * cumulative caps, 一次性) and quotas (名额) hold across them, as a committee would process them.
 */
import { checkLedger, normalizeApplicant, trustLedger } from "./ledger-entries.js";
import type {
  CompiledPolicy,
  EvaluateOptions,
  Evaluation,
  InputError,
  LedgerEntry,
} from "./types.js";
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
  // The caller's ledger is checked once; entries the batch adds are the runtime's own.
  const errors: InputError[] = [];
  const given =
    options.ledger === undefined ? [] : checkLedger(options.ledger, policy.meta, errors);
  if (!given)
    return {
      items: apps.map((_, index) => ({ index, evaluation: { ok: false, errors } })),
      ledger: [],
    };
  const order = apps.map((app, index) => ({ app, index, date: dateOf(app) }));
  order.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));
  const ledger: LedgerEntry[] = trustLedger([...given]);
  const quota = new Map<string, Record<number, number>>();
  const items: BatchItem[] = [];
  for (const { app, index, date } of order) {
    const year = date.slice(0, 4);
    const used = quota.get(year) ?? {};
    // Without any applicant the batch's own awards are one applicant's; a caller's ledger needs names.
    const named = options.applicant !== undefined || applicantOf(app) !== undefined;
    const evaluation = policy.evaluate(app, {
      ...options,
      ledger,
      quotaUsed: used,
      ...(named || given.length ? {} : { applicant: "申报主体" }),
    });
    if (evaluation.ok) {
      const r = evaluation.result;
      const applicant = normalizeApplicant(options.applicant ?? applicantOf(app) ?? "申报主体");
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
  return { items, ledger: [...ledger] };
}

function applicantOf(app: unknown): string | undefined {
  const v =
    typeof app === "object" && app !== null
      ? (app as Record<string, unknown>)["申报主体"]
      : undefined;
  return typeof v === "string" ? v : undefined;
}
