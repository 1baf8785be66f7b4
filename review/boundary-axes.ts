/**
 * The inputs along which a changed clause is scanned (its amounts and counts, and the application
 * date for changes of validity), each as an integer axis: amounts in 分, counts in units, dates in
 * days. Candidate breakpoints come from the figures of both versions: every amount K, and K ÷ r for
 * every ratio r (where a ratio-with-cap reaches its cap).
 */
import type { ClauseItem, Expr, Policy } from "../grammar/ast.js";
import { itemsOf } from "../grammar/ast.js";
import { children, itemExprs } from "../compiler/walk.js";
import { Dec } from "../runtime/money.js";
import { fmtDate, RANK_UNIT } from "../runtime/format.js";
import { moneyPlain } from "../runtime/money-text.js";
import type { InputMeta } from "../runtime/types.js";

/** An integer axis for one input. */
export interface Axis {
  readonly name: string;
  readonly kind: "money" | "count" | "date";
  /** Largest position scanned; positions run from 0. */
  readonly max: number;
  /** The value an application carries at position x. */
  value(x: number): unknown;
  /** The value in Chinese: 1666.67万元, 10家, 2026年1月1日. */
  label(x: number): string;
  /** The position of a value found in an application (or undefined). */
  position(v: unknown): number | undefined;
}

/** Every expression reachable from some items, through the definitions and parameter values they use. */
export function reachable(items: readonly ClauseItem[], policy: Policy | undefined): Expr[] {
  const defines = new Map<string, Expr>(
    policy ? itemsOf(policy, "Define").map((d) => [d.name, d.expr]) : [],
  );
  for (const d of policy ? itemsOf(policy, "Params").flatMap((s) => s.decls) : [])
    if (d.value) defines.set(d.name, d.value);
  const out: Expr[] = [];
  const seen = new Set<string>();
  const visit = (e: Expr) => {
    out.push(e);
    if (e.kind === "Name" && defines.has(e.name) && !seen.has(e.name)) {
      seen.add(e.name);
      visit(defines.get(e.name)!);
    }
    children(e).forEach(visit);
  };
  items.flatMap(itemExprs).forEach(visit);
  return out;
}

/** Figures in some expressions: amounts and counts (as decimals) and ratios. */
export function figures(exprs: readonly Expr[]): { amounts: Dec[]; counts: Dec[]; ratios: Dec[] } {
  const amounts: Dec[] = [];
  const counts: Dec[] = [];
  const ratios: Dec[] = [];
  for (const e of exprs) {
    if (e.kind === "Money") amounts.push(new Dec(e.value));
    if (e.kind === "Number") (e.unit ? counts : amounts).push(new Dec(e.value));
    if (e.kind === "Percent") ratios.push(new Dec(e.value));
  }
  return { amounts, counts, ratios };
}

const DAY = 86_400_000;
/** Days since 1970-01-01 of an ISO date. */
export function dayOf(iso: string): number {
  return Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY);
}
/** The ISO date of a day number. */
export function isoOf(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** An axis for an input declared as money or count; undefined for other types. */
export function inputAxis(meta: InputMeta, largest: Dec): Axis | undefined {
  if (meta.type === "money") {
    // Up to ten times the largest figure (at least 1亿元), in 分.
    const top = Dec.max(largest.mul(10), new Dec(1e8)).mul(100).toNumber();
    return {
      name: meta.name,
      kind: "money",
      max: Math.min(top, 1e15),
      value: (x) => new Dec(x).div(100).toFixed(2),
      label: (x) => moneyPlain(new Dec(x).div(100)),
      position: (v) => {
        try {
          return typeof v === "number" || typeof v === "string"
            ? new Dec(String(v).replace(/,/g, "")).mul(100).round().toNumber()
            : undefined;
        } catch {
          return undefined;
        }
      },
    };
  }
  if (meta.type === "count")
    return {
      name: meta.name,
      kind: "count",
      max: Math.max(1000, largest.mul(10).ceil().toNumber()),
      value: (x) => x,
      label: (x) => (meta.unit === RANK_UNIT ? `第${x}名` : `${x}${meta.unit ?? ""}`),
      position: (v) =>
        typeof v === "number"
          ? v
          : typeof v === "string"
            ? parseInt(v.replace(/^第/, ""), 10)
            : undefined,
    };
  return undefined;
}

/** An axis for the application date, from a year before the earliest date to a year after the latest. */
export function dateAxis(dates: readonly string[]): Axis {
  const days = dates.map(dayOf);
  const start = Math.min(...days) - 400;
  const end = Math.max(...days) + 400;
  return {
    name: "申报日期",
    kind: "date",
    max: end - start,
    value: (x) => isoOf(start + x),
    label: (x) => fmtDate(isoOf(start + x)),
    position: (v) =>
      typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? dayOf(v) - start : undefined,
  };
}

/** Candidate breakpoints on an axis: each figure, each amount divided by each ratio, shifted by the context's own values. */
export function breakpoints(
  axis: Axis,
  figs: { amounts: Dec[]; counts: Dec[]; ratios: Dec[] },
  contextValues: readonly Dec[],
): number[] {
  if (axis.kind === "count") return figs.counts.map((c) => c.toNumber());
  if (axis.kind === "date") return [];
  const ks = [...figs.amounts, ...contextValues];
  const out: Dec[] = [...ks];
  for (const k of ks)
    for (const r of figs.ratios) {
      if (r.isZero()) continue;
      out.push(k.div(r));
      for (const v of contextValues) out.push(k.div(r).plus(v), k.minus(v).div(r));
    }
  return out.filter((d) => d.gte(0)).map((d) => d.mul(100).round().toNumber());
}
