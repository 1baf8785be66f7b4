/**
 * Where each kind of clause item is handled in a clause's generated function. A record over every
 * kind of `ClauseItem`, so a new kind fails to compile until code generation places it; the
 * emitters select their items through this table.
 */
import type { ClauseItem } from "../../grammar/ast.js";

export type ItemPart =
  | "comment" // 原文: a comment above the function
  | "meta" // properties of the run (叠加, 受益人)
  | "window" // the clause's own 申报期
  | "checks" // conditions and exclusions
  | "limits" // 一次性, 每年限, 名额
  | "award" // the award or the non-monetary benefit
  | "steps" // caps and adjustments applied to the amount in order
  | "payment"; // staged payment and what was paid already

export const ITEM_PART = {
  Source: "comment",
  Stackable: "meta",
  Beneficiary: "meta",
  Payer: "meta",
  Window: "window",
  Condition: "checks",
  Exclude: "checks",
  Once: "limits",
  PerYearLimit: "limits",
  YearsLimit: "limits",
  Quota: "limits",
  Award: "award",
  Benefit: "award",
  Step: "steps",
  AnnualCap: "steps",
  TotalCap: "steps",
  Payment: "payment",
  Paid: "payment",
} as const satisfies Record<ClauseItem["kind"], ItemPart>;

type KindsOf<P extends ItemPart> = {
  [K in keyof typeof ITEM_PART]: (typeof ITEM_PART)[K] extends P ? K : never;
}[keyof typeof ITEM_PART];

/** The items handled by one part. */
export type PartItem<P extends ItemPart> = Extract<ClauseItem, { kind: KindsOf<P> }>;

/** Is this item handled by that part? */
export function inPart<P extends ItemPart>(it: ClauseItem, part: P): it is PartItem<P> {
  return ITEM_PART[it.kind] === part;
}
