/**
 * Unit algebra for products and quotients (issue #10 §5). A chain of × and ÷ is typed by what it
 * means, not by reading order: every factor has a dimension (a power of 元 and of each unit), the
 * powers add up, and only the chain's result must make sense. So `扶持总额 × 累计完成投资 ÷ 计划总投资`
 * is money (元 × 元 ÷ 元), `面积 × 2元/平方米/天 × 天数` is money, and `面积 × 天数` is a quantity in
 * 平方米·天 — not money, whatever it is multiplied into afterwards.
 *
 * One leniency keeps the policies drafters write: an amount declared as 金额 may be an amount per
 * unit, so 金额 × 数量 is money (每人补贴标准 × 人数; 贷款金额 × 利率 × 天数 ÷ 360).
 */
import type { Expr } from "../../grammar/ast.js";
import { COUNT, MONEY, RATIO, type Ty } from "./types.js";

/** Powers of 元 and of each unit; a ratio and a plain number have none. */
export interface Dim {
  readonly money: number;
  readonly units: ReadonlyMap<string, number>;
}

/** `平方米/天` → [平方米, 天]; a rate's unit lists what one 元 is per. */
export function rateUnits(unit: string): string[] {
  return unit.split("/").filter((u) => u.length > 0);
}

/** `平方米·天`, `人/家` → powers: units after a / are divided by. */
function countUnits(unit: string, into: Map<string, number>, sign: number): void {
  const [num, ...den] = unit.split("/");
  for (const u of (num ?? "").split("·")) if (u) add(into, u, sign);
  for (const d of den) for (const u of d.split("·")) if (u) add(into, u, -sign);
}

function add(m: Map<string, number>, unit: string, power: number): void {
  const p = (m.get(unit) ?? 0) + power;
  if (p === 0) m.delete(unit);
  else m.set(unit, p);
}

/** The dimension of a numeric type; undefined for anything that is not a number. */
export function dimOf(t: Ty): Dim | undefined {
  const units = new Map<string, number>();
  switch (t.k) {
    case "money":
      return { money: 1, units };
    case "ratio":
      return { money: 0, units };
    case "count":
      if (t.unit) countUnits(t.unit, units, 1);
      return { money: 0, units };
    case "rate":
      for (const u of rateUnits(t.unit)) add(units, u, -1);
      return { money: 1, units };
    default:
      return undefined;
  }
}

/** a × b^sign. */
export function combine(a: Dim, b: Dim, sign: 1 | -1): Dim {
  const units = new Map(a.units);
  for (const [u, p] of b.units) add(units, u, sign * p);
  return { money: a.money + sign * b.money, units };
}

/** Units with their powers as text: `平方米·天`, `人/家`, `平方米²`. */
export function unitText(units: ReadonlyMap<string, number>): string {
  const pow = (u: string, p: number) =>
    p === 1 ? u : `${u}${p === 2 ? "²" : p === 3 ? "³" : `^${p}`}`;
  const up = [...units].filter(([, p]) => p > 0).map(([u, p]) => pow(u, p));
  const down = [...units].filter(([, p]) => p < 0).map(([u, p]) => pow(u, -p));
  return [up.join("·") || "1", ...down].join("/");
}

/** What a chain's dimension means, or why it means nothing. */
export type Meaning =
  | { readonly ok: true; readonly ty: Ty }
  | {
      readonly ok: false;
      /** money²…: 金额乘金额; perMoney: divided by an amount; mixed: a rate in one unit times another. */
      readonly why: "moneyPower" | "perMoney" | "mixed";
      readonly dim: Dim;
    };

/**
 * The type of a chain's result. `ratioHint`: whether a factor was a ratio or dimensions cancelled
 * (元 ÷ 元, 人 ÷ 人), so a dimensionless result is a ratio rather than a plain number.
 */
export function meaning(d: Dim, ratioHint: boolean): Meaning {
  const pos = [...d.units].filter(([, p]) => p > 0);
  const neg = [...d.units].filter(([, p]) => p < 0);
  if (d.money === 0) {
    if (d.units.size === 0) return { ok: true, ty: ratioHint ? RATIO : COUNT };
    if (pos.length === 1 && neg.length === 0 && pos[0]![1] === 1)
      return { ok: true, ty: { k: "count", unit: pos[0]![0] } };
    return { ok: true, ty: { k: "count", unit: unitText(d.units) } };
  }
  if (d.money === 1) {
    if (neg.length === 0) return { ok: true, ty: MONEY };
    if (pos.length === 0 && neg.every(([, p]) => p === -1))
      return { ok: true, ty: { k: "rate", unit: neg.map(([u]) => u).join("/") } };
    return { ok: false, why: "mixed", dim: d };
  }
  return { ok: false, why: d.money > 1 ? "moneyPower" : "perMoney", dim: d };
}

/** The factors of a chain of × and ÷ with their signs, left to right; leaves are not × or ÷. */
export function chainFactors(e: Expr, sign: 1 | -1 = 1): { expr: Expr; sign: 1 | -1 }[] {
  if (e.kind === "Binary" && (e.op === "*" || e.op === "/"))
    return [
      ...chainFactors(e.left, sign),
      ...chainFactors(e.right, e.op === "/" ? (-sign as 1 | -1) : sign),
    ];
  return [{ expr: e, sign }];
}
