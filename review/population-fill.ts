/**
 * The synthetic population of ./population.ts drawn fast for the budget: the same streams, the
 * same draws in the same order, so application i has exactly the values `applicationValues` gives
 * it (a test compares them), but written into one reused array with the generator inlined and
 * each field's kind decided once, not per application.
 */
import { RANK_UNIT } from "../runtime/format.js";
import { dayOf, isoOf } from "./boundary-axes.js";
import { KEEP_DEFAULT, type PopulationSpec } from "./population.js";

const K = {
  BoolDefault: 0,
  BoolRequired: 1,
  Money: 2,
  Count: 3,
  Ratio: 4,
  Enum: 5,
  Date: 6,
  MoneyBy: 7,
  MoneyByYear: 8,
  Nothing: 9,
} as const;
type K = (typeof K)[keyof typeof K];

interface Op {
  readonly k: K;
  /** The field keeps its default 40% of the time (non-yes/no fields with a default). */
  readonly keep: boolean;
  /** Yes/no with a default: the default; a count: its lowest value. */
  readonly base: boolean;
  readonly lo: number;
  readonly hi: number;
  readonly values: readonly string[];
}

const P10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

function opOf(f: PopulationSpec["fields"][number], spec: PopulationSpec): Op {
  const hasDefault = f.default !== undefined;
  const op = (k: K, lo = 0, hi = 0, values: readonly string[] = []): Op => ({
    k,
    keep: hasDefault,
    base: f.default === true || f.default === "是",
    lo,
    hi,
    values,
  });
  switch (f.type) {
    case "bool":
      return { ...op(hasDefault ? K.BoolDefault : K.BoolRequired), keep: false };
    case "money":
      return op(K.Money);
    case "count":
      return op(K.Count, f.unit === RANK_UNIT ? 1 : 0, spec.countMax);
    case "ratio":
      return op(K.Ratio);
    case "enum":
      return f.values?.length ? op(K.Enum, 0, 0, f.values) : op(K.Nothing);
    case "date":
      return op(K.Date, dayOf(spec.dateFrom), dayOf(spec.dateTo));
    case "moneyBy":
      return op(K.MoneyBy, 0, 0, f.values ?? []);
    case "moneyByYear":
      return op(K.MoneyByYear, +spec.dateFrom.slice(0, 4), +spec.dateTo.slice(0, 4));
    default:
      return op(K.Nothing);
  }
}

/**
 * A filler for a spec: `fill(i, out)` writes application i's values (undefined = the field keeps
 * its default) into `out`, one per field of the spec, in field order.
 */
export function populationFiller(spec: PopulationSpec): (index: number, out: unknown[]) => void {
  const ops = spec.fields.map((f) => opOf(f, spec));
  const n = ops.length;
  const kind = Uint8Array.from(ops, (o) => o.k);
  const keep = Uint8Array.from(ops, (o) => (o.keep ? 1 : 0));
  const base = ops.map((o) => o.base);
  const { minExp } = spec;
  const expSpan = spec.maxExp - minExp + 1;
  const seed = spec.seed >>> 0;
  let s = 0;
  // mulberry32 (review/prng.ts) kept in int32: the draw is the same 32 bits, read unsigned below.
  const next = (): number => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return t ^ (t >>> 14);
  };
  // The unsigned draw modulo m (m ≤ 32768) in small integers: a draw above 2^31 would be a
  // double to V8, and its remainder a slow floating one. (hi·2^16 + lo) mod m, term by term.
  const mod = (x: number, m: number) => ((((x >>> 16) % m) << 16) + (x & 0xffff)) % m;
  const draw = (): number => next() >>> 0;
  const amount = (): number => {
    const exp = minExp + mod(next(), expSpan);
    return (1000 + mod(next(), 9000)) * P10[exp > 3 ? exp - 3 : 0]!;
  };
  return (index, out) => {
    const s0 = (Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) >>> 0;
    s = Math.imul(s0 ^ (s0 >>> 16), 0x7feb352d) | 0;
    for (let i = 0; i < n; i++) {
      const k = kind[i]!;
      if (k === K.BoolDefault) out[i] = mod(next(), 100) < 25 ? !base[i] : base[i];
      else if (k === K.BoolRequired) out[i] = mod(next(), 100) < 90;
      else if (keep[i] === 1 && mod(next(), 100) < KEEP_DEFAULT) out[i] = undefined;
      else if (k === K.Money) out[i] = amount();
      else out[i] = valueOf(ops[i]!, draw, amount);
    }
  };
}

function valueOf(op: Op, next: () => number, amount: () => number): unknown {
  switch (op.k) {
    case K.Money:
      return amount();
    case K.Count:
      return op.lo + (next() % (op.hi - op.lo + 1));
    case K.Ratio:
      return `${next() % 101}%`;
    case K.Enum:
      return op.values[next() % op.values.length];
    case K.Date:
      return isoOf(op.lo + (next() % (op.hi - op.lo + 1)));
    case K.MoneyBy: {
      const rec: Record<string, number> = {};
      for (const v of op.values) if (next() % 100 < 50) rec[v] = amount();
      return rec;
    }
    case K.MoneyByYear: {
      const rec: Record<string, number> = {};
      for (let y = op.lo; y <= op.hi; y++) if (next() % 100 < 50) rec[String(y)] = amount();
      return rec;
    }
    default:
      return undefined;
  }
}
