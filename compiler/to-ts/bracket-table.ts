/**
 * When a 分档 is emitted as a data table (issue 12): a table of many rows with constant bounds
 * becomes constant arrays of bounds sorted by lower bound, searched by binary search at run time
 * (runtime/bracket-rows.ts), on both the decimal.js path and the fast path, instead of one
 * if-branch per row — so the generated code and the time to generate it no longer grow by a
 * branch per row. Small tables keep the if-chain, which reads like the policy.
 */
import type { BracketRow, Expr } from "../../grammar/ast.js";
import { Dec } from "../../runtime/money.js";
import { constValue } from "../check/brackets.js";

/** Rows from which a 分档 is a data table, unless the compile options say otherwise. */
export const TABLE_FROM = 16;

/** A row of constant bounds. */
export interface ConstRow {
  readonly row: BracketRow;
  readonly lo: Dec | undefined;
  readonly loInc: boolean;
  readonly hi: Dec | undefined;
  readonly hiInc: boolean;
}

/** The rows of a data table in search order, and the 其他 row if there is one. */
export interface DataTable {
  readonly rows: readonly ConstRow[];
  readonly otherwise: BracketRow | undefined;
  /** Two characters per row: `[`/`(` for the lower bound, `]`/`)` for the upper (runtime/bracket-rows.ts). */
  readonly inc: string;
  /** Generated-code pieces shared by the forms (ts, js) of one compile, by what they are. */
  readonly parts: Map<string, string>;
}

/** A part of a table's generated code, made once for all the forms of a compile. */
export function tablePart(t: DataTable, key: string, make: () => string): string {
  let v = t.parts.get(key);
  if (v === undefined) t.parts.set(key, (v = make()));
  return v;
}

/** Tables by node and row threshold: each form of a compile (ts, js, esm) asks again. */
const TABLES = new WeakMap<Expr, { from: number; table: DataTable | undefined }>();

/** Lower bounds ascending, none (−∞) first; at the same bound the one that includes it first. */
function byLower(a: ConstRow, b: ConstRow): number {
  if (!a.lo || !b.lo) return a.lo ? 1 : b.lo ? -1 : 0;
  return a.lo.cmp(b.lo) || (a.loInc === b.loInc ? 0 : a.loInc ? -1 : 1);
}

/** `a` lies wholly below `b`, and neither is empty: then no value is in both. */
function below(a: ConstRow, b: ConstRow): boolean {
  if (!a.hi || !b.lo) return false;
  const c = a.hi.cmp(b.lo);
  return c < 0 || (c === 0 && !(a.hiInc && b.loInc));
}

function nonEmpty(r: ConstRow): boolean {
  if (!r.lo || !r.hi) return true;
  const c = r.lo.cmp(r.hi);
  return c < 0 || (c === 0 && r.loInc && r.hiInc);
}

/**
 * The data table of a 分档, or undefined when it keeps the if-chain: fewer than `from` rows, a
 * bound that is not a constant, a 其他 that is not last, or rows that are empty or overlap (the
 * checker refuses those; the search would not find the first matching row). Linear when the rows
 * are written in order, n log n otherwise.
 */
export function dataTable(
  e: Extract<Expr, { kind: "Brackets" }>,
  from: number,
): DataTable | undefined {
  if (e.rows.length < from) return undefined;
  const known = TABLES.get(e);
  if (known?.from === from) return known.table;
  const table = buildTable(e);
  TABLES.set(e, { from, table });
  return table;
}

function buildTable(e: Extract<Expr, { kind: "Brackets" }>): DataTable | undefined {
  const last = e.rows[e.rows.length - 1]!;
  const otherwise = last.otherwise ? last : undefined;
  const rows: ConstRow[] = [];
  for (const row of otherwise ? e.rows.slice(0, -1) : e.rows) {
    if (row.otherwise) return undefined;
    const lo = row.lower ? constValue(row.lower.value) : undefined;
    const hi = row.upper ? constValue(row.upper.value) : undefined;
    if ((row.lower && !lo) || (row.upper && !hi)) return undefined;
    const r = {
      row,
      lo,
      loInc: row.lower?.inclusive ?? false,
      hi,
      hiInc: row.upper?.inclusive ?? false,
    };
    if (!nonEmpty(r)) return undefined;
    rows.push(r);
  }
  let sorted = rows;
  for (let k = 1; k < rows.length; k++) {
    if (byLower(rows[k - 1]!, rows[k]!) > 0) {
      sorted = [...rows].sort(byLower);
      break;
    }
  }
  for (let k = 1; k < sorted.length; k++) if (!below(sorted[k - 1]!, sorted[k]!)) return undefined;
  const inc = sorted.map((r) => `${r.loInc ? "[" : "("}${r.hiInc ? "]" : ")"}`).join("");
  return { rows: sorted, otherwise, inc, parts: new Map() };
}

/** A bound as a decimal string for generated code (null: none). */
export function boundText(d: Dec | undefined): string {
  return d === undefined ? "null" : JSON.stringify(d.toFixed());
}
