/**
 * One entry of the semantic change list: what changed, in Chinese words that name the legal
 * effect, with the text before and after and where it is in each version.
 */
import type { ClauseKey, Span } from "../grammar/ast.js";

/** What a change touches; stable identifiers for `--json` consumers. */
export type ChangeKind =
  | "clause-added"
  | "clause-removed"
  | "clause-moved"
  | "clause-retitled"
  | "condition-added"
  | "condition-removed"
  | "condition-changed"
  | "exclusion-added"
  | "exclusion-removed"
  | "exclusion-changed"
  | "ratio"
  | "base"
  | "amount"
  | "award-form"
  | "cap"
  | "step-added"
  | "step-removed"
  | "step-changed"
  | "step-order"
  | "annual-cap"
  | "total-cap"
  | "once"
  | "quota"
  | "per-year-limit"
  | "years-limit"
  | "stackable"
  | "beneficiary"
  | "payer"
  | "benefit"
  | "payment"
  | "clause-window"
  | "stacking"
  | "validity"
  | "header"
  | "rounding"
  | "repeal"
  | "window"
  | "input-added"
  | "input-removed"
  | "input-type"
  | "input-default"
  | "category"
  | "param"
  | "define"
  | "source-text"
  | "wording"
  | "description"
  | "case"
  | "comment"
  | "formatting";

/**
 * Whether a change can alter what the evaluator computes (`rule`), only the words around it
 * (`text`: 原文, descriptions, award word), the embedded cases (`case`), or nothing but layout and
 * comments (`format`).
 */
export type ChangeEffect = "rule" | "text" | "case" | "format";

export interface Change {
  readonly kind: ChangeKind;
  readonly effect: ChangeEffect;
  /** The clause as the reviewer knows it (第8条, 第8条（原第7条）, 支持对象, 叠加规则), if any. */
  readonly clause?: string;
  readonly oldClause?: ClauseKey;
  readonly newClause?: ClauseKey;
  /** What changed, e.g. 市级上限, 比例, 有效期. */
  readonly subject: string;
  readonly before?: string;
  readonly after?: string;
  /** The full Chinese line: `第5条 市级上限 500万元 → 800万元`. */
  readonly text: string;
  readonly oldSpan?: Span;
  readonly newSpan?: Span;
}

/** Where a change sits in each version, and how a clause is named in lines about it. */
export interface Place {
  readonly clause?: string;
  readonly oldClause?: ClauseKey;
  readonly newClause?: ClauseKey;
}

/** Build a change whose line is `<clause> <subject> <before> → <after>` unless `text` is given. */
export function change(
  place: Place,
  kind: ChangeKind,
  effect: ChangeEffect,
  fields: {
    subject: string;
    before?: string;
    after?: string;
    text?: string;
    oldSpan?: Span;
    newSpan?: Span;
  },
): Change {
  const head = place.clause ? `${place.clause} ` : "";
  const body =
    fields.text ??
    (fields.before !== undefined && fields.after !== undefined
      ? `${fields.subject} ${fields.before} → ${fields.after}`
      : fields.subject);
  return {
    kind,
    effect,
    ...(place.clause ? { clause: place.clause } : {}),
    ...(place.oldClause !== undefined ? { oldClause: place.oldClause } : {}),
    ...(place.newClause !== undefined ? { newClause: place.newClause } : {}),
    subject: fields.subject,
    ...(fields.before !== undefined ? { before: fields.before } : {}),
    ...(fields.after !== undefined ? { after: fields.after } : {}),
    text: `${head}${body}`,
    ...(fields.oldSpan ? { oldSpan: fields.oldSpan } : {}),
    ...(fields.newSpan ? { newSpan: fields.newSpan } : {}),
  };
}
