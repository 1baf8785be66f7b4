/**
 * Batch evaluation: applications are applied in date order so that the ledger (per-year and
 * cumulative caps, 一次性) and quotas (名额) hold across them, as a committee would process them.
 */
import {
  checkLedger,
  normalizeApplicant,
  normalizeProject,
  trustLedger,
} from "./ledger-entries.js";
import type {
  ClauseKey,
  CompiledPolicy,
  EvaluateOptions,
  Evaluation,
  InputError,
  LedgerEntry,
} from "./types.js";
import { todayInChina } from "./run.js";
import { parseDate } from "./validate.js";

export interface BatchItem {
  /** Position in the input array. */
  readonly index: number;
  readonly evaluation: Evaluation;
}

/**
 * Evaluate applications in date order (stable); results come back in input order. One date rule
 * holds for the whole batch: an application without 申报日期 is judged at the `date` option, or at
 * today (fixed once for the batch), and is ordered and counted for 名额 at that same date. An
 * application without 申报主体 (and no `applicant` option) is its own applicant, named by its
 * position, and its explanation says so.
 */
export function evaluateBatch(
  policy: CompiledPolicy,
  apps: readonly unknown[],
  options: EvaluateOptions = {},
): { items: BatchItem[]; ledger: LedgerEntry[] } {
  const today = options.date ?? options.today ?? todayInChina();
  const dateOf = (app: unknown): string => {
    const raw = fieldOf(app, "申报日期");
    const d = raw === undefined ? undefined : parseDate(raw);
    return d && d.ok ? d.value : today;
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
  const quota = new Map<string, Record<ClauseKey, number>>();
  const items: BatchItem[] = [];
  for (const { app, index, date } of order) {
    const year = date.slice(0, 4);
    const used = quota.get(year) ?? {};
    // Unnamed applications are distinct applicants; with a caller's ledger the evaluator asks for names.
    const named = options.applicant !== undefined || applicantOf(app) !== undefined;
    const own = named || given.length ? undefined : unnamedApplicant(index);
    const evaluated = policy.evaluate(app, {
      ...options,
      ...(options.date === undefined ? { today } : {}),
      ledger,
      quotaUsed: used,
      ...(own ? { applicant: own } : {}),
    });
    const evaluation =
      evaluated.ok && own ? sayUnnamed(evaluated, index, options.explain !== false) : evaluated;
    if (evaluation.ok) {
      const r = evaluation.result;
      const applicant = normalizeApplicant(options.applicant ?? applicantOf(app) ?? own ?? "");
      const named = fieldOf(app, "申报项目");
      const project = typeof named === "string" && named.trim() ? normalizeProject(named) : "";
      for (const c of r.clauses) {
        if (c.status !== "awarded" || !c.amount || c.amount === "0") continue;
        ledger.push({
          applicant,
          clause: c.number,
          amount: c.amount,
          date: r.date,
          ...(project ? { project } : {}),
          ...(c.base !== undefined ? { base: c.base } : {}),
        });
        used[c.number] = (used[c.number] ?? 0) + 1;
      }
      quota.set(r.date.slice(0, 4), used);
    }
    items.push({ index, evaluation });
  }
  items.sort((a, b) => a.index - b.index);
  return { items, ledger: [...ledger] };
}

function fieldOf(app: unknown, name: string): unknown {
  return typeof app === "object" && app !== null && !Array.isArray(app)
    ? (app as Record<string, unknown>)[name]
    : undefined;
}

function applicantOf(app: unknown): string | undefined {
  const v = fieldOf(app, "申报主体");
  return typeof v === "string" && v.trim() !== "" ? v : undefined;
}

/** The name an application without 申报主体 goes by in a batch: its position, so it merges with none. */
export function unnamedApplicant(index: number): string {
  return `第${index + 1}份申报（未写申报主体）`;
}

type Awarded = Evaluation & { ok: true };

function sayUnnamed(e: Awarded, index: number, explain: boolean): Awarded {
  if (!explain) return e;
  const text = `第${index + 1}份申报材料未写“申报主体”：按单独的申报主体计算，一次性、累计上限与其他份互不合并；如与其他份属同一主体，请写明申报主体`;
  return {
    ok: true,
    result: { ...e.result, steps: [{ text }, ...e.result.steps] },
  };
}
