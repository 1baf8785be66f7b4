/**
 * The checker's types. Money, ratios, counts (with units), rates, dates and categories are
 * distinct: the money typing rules live in expr.ts.
 */
import type { CompareOp, TypeRef } from "../../grammar/ast.js";
import { RANK_UNIT, unitSpellings } from "../../grammar/keywords.js";

/** Declared units in their canonical spelling: 数量（㎡） counts 平方米. */
const UNIT_NAMES = unitSpellings();

export type Ty =
  | { readonly k: "money" }
  | { readonly k: "ratio" }
  | { readonly k: "count"; readonly unit?: string }
  | { readonly k: "rate"; readonly unit: string }
  | { readonly k: "date" }
  | { readonly k: "bool" }
  | { readonly k: "text" }
  /** A category type; `id` names the input or 分类 that declares it. */
  | { readonly k: "enum"; readonly id: string; readonly values: readonly string[] }
  /** A bare category value (区级) before context gives it a category. */
  | { readonly k: "enumValue"; readonly name: string }
  | { readonly k: "moneyBy"; readonly category: string; readonly values: readonly string[] }
  | { readonly k: "moneyByYear" }
  /** Already reported; suppresses follow-on errors. */
  | { readonly k: "error" };

export const MONEY: Ty = { k: "money" };
export const RATIO: Ty = { k: "ratio" };
export const BOOL: Ty = { k: "bool" };
export const DATE: Ty = { k: "date" };
export const TEXT: Ty = { k: "text" };
export const ERROR: Ty = { k: "error" };
export const COUNT: Ty = { k: "count" };

/** A place (名次): a count in the rank unit, where 1 is the best. */
export function isRankTy(t: Ty | undefined): boolean {
  return t?.k === "count" && t.unit === RANK_UNIT;
}

/** The numeric comparison behind a comparison of places: 不低于 第10名 is ≤ 10. */
export const RANK_OP = {
  gt: "lt",
  ge: "le",
  lt: "gt",
  le: "ge",
  eq: "eq",
  ne: "ne",
  before: "before",
  after: "after",
  notBefore: "notBefore",
  notAfter: "notAfter",
} as const satisfies Readonly<Record<CompareOp, CompareOp>>;

/** Chinese name of a type for diagnostics. */
export function tyName(t: Ty): string {
  switch (t.k) {
    case "money":
      return "金额";
    case "ratio":
      return "比例";
    case "count":
      return t.unit === RANK_UNIT ? "名次" : t.unit ? `数量（${t.unit}）` : "数量";
    case "rate":
      return `单价（元/${t.unit}）`;
    case "date":
      return "日期";
    case "bool":
      return "是否";
    case "text":
      return "文本";
    case "enum":
      return `类别（${t.values.join("、")}）`;
    case "enumValue":
      return `类别值“${t.name}”`;
    case "moneyBy":
      return `金额明细（按${t.category}）`;
    case "moneyByYear":
      return "按年金额明细";
    case "error":
      return "未知";
  }
}

/** Whether two types are the same for equality and arithmetic (units must match when both given). */
export function sameTy(a: Ty, b: Ty): boolean {
  if (a.k === "error" || b.k === "error") return true;
  if (a.k !== b.k) return false;
  if (a.k === "count" && b.k === "count") return !a.unit || !b.unit || a.unit === b.unit;
  if (a.k === "rate" && b.k === "rate") return sameUnits(a.unit, b.unit);
  if (a.k === "enum" && b.k === "enum") return a.id === b.id;
  return true;
}

/** 元/平方米/天 and 元/天/平方米 are the same rate. */
function sameUnits(a: string, b: string): boolean {
  const norm = (u: string) => u.split("/").sort().join("/");
  return a === b || norm(a) === norm(b);
}

/** Whether a value of type `actual` may stand where `expected` is required. */
export function assignable(expected: Ty, actual: Ty): boolean {
  if (actual.k === "enumValue" && expected.k === "enum")
    return expected.values.includes(actual.name);
  // A plain number (0) may stand for money or a ratio: `默认 0`.
  if (actual.k === "count" && !actual.unit && (expected.k === "money" || expected.k === "ratio"))
    return true;
  return sameTy(expected, actual);
}

/** The checker type of a declared type. Category references are resolved by the caller. */
export function fromTypeRef(t: TypeRef, categories: ReadonlyMap<string, readonly string[]>): Ty {
  switch (t.kind) {
    case "money":
      return MONEY;
    case "ratio":
      return RATIO;
    case "count":
      return t.unit ? { k: "count", unit: UNIT_NAMES.get(t.unit) ?? t.unit } : COUNT;
    case "date":
      return DATE;
    case "bool":
      return BOOL;
    case "text":
      return TEXT;
    case "enum": {
      const only = t.values.length === 1 ? categories.get(t.values[0]!.name) : undefined;
      if (only) return { k: "enum", id: t.values[0]!.name, values: only };
      return { k: "enum", id: "", values: t.values.map((v) => v.name) };
    }
    case "moneyBy":
      return {
        k: "moneyBy",
        category: t.category.name,
        values: categories.get(t.category.name) ?? [],
      };
    case "moneyByYear":
      return { k: "moneyByYear" };
  }
}

/** The runtime's type tag for an input of this type. */
export function metaType(t: Ty): string {
  return t.k === "enumValue" || t.k === "error" || t.k === "rate" ? "text" : t.k;
}
