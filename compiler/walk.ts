/**
 * Generic traversal of expressions, so passes that only look for names need no switch of their own.
 */
import type { ClauseItem, Expr, NameRef } from "../grammar/ast.js";
import { assertNever } from "../grammar/ast.js";

/** The direct sub-expressions of an expression. */
export function children(e: Expr): Expr[] {
  switch (e.kind) {
    case "Money":
    case "Percent":
    case "Number":
    case "Rate":
    case "DateLit":
    case "Bool":
    case "Str":
    case "Name":
    case "ClauseAmount":
    case "AppDate":
      return [];
    case "Binary":
      return [e.left, e.right];
    case "Neg":
    case "Not":
      return [e.operand];
    case "Compare":
      return [e.left, e.right];
    case "InSet":
      return [e.subject];
    case "Logic":
      return [e.left, e.right];
    case "If":
      return [e.cond, e.then, e.else];
    case "Call":
      return [...e.args];
    case "Sum":
      return [e.target, ...(e.from ? [e.from] : []), ...(e.to ? [e.to] : [])];
    case "Table":
      return [...e.keys, ...e.rows.map((r) => r.value), ...(e.otherwise ? [e.otherwise] : [])];
    case "Brackets":
      return [
        e.subject,
        ...e.rows.flatMap((r) =>
          [r.lower?.value, r.upper?.value, r.value].filter((x): x is Expr => !!x),
        ),
      ];
    case "Record":
      return e.entries.map((x) => x.value);
    case "History":
      return [];
    default:
      return assertNever(e);
  }
}

/** Every name referenced in an expression, in order of first appearance. */
export function namesIn(e: Expr): NameRef[] {
  const out: NameRef[] = [];
  const seen = new Set<string>();
  const visit = (x: Expr) => {
    if (x.kind === "Name" && !seen.has(x.name)) {
      seen.add(x.name);
      out.push(x);
    }
    children(x).forEach(visit);
  };
  visit(e);
  return out;
}

/** Every clause amount (第2条金额) an expression uses, in order. */
export function clauseAmountsIn(e: Expr): Extract<Expr, { kind: "ClauseAmount" }>[] {
  const out: Extract<Expr, { kind: "ClauseAmount" }>[] = [];
  const visit = (x: Expr) => {
    if (x.kind === "ClauseAmount") out.push(x);
    children(x).forEach(visit);
  };
  visit(e);
  return out;
}

/** The expressions of a clause item, in source order. */
export function itemExprs(it: ClauseItem): Expr[] {
  switch (it.kind) {
    case "Condition":
      return [it.expr, ...(it.unless ? [it.unless] : [])];
    case "Exclude":
      return [it.expr];
    case "Award":
      return it.form.kind === "Ratio"
        ? [it.form.ratio, it.form.base]
        : it.form.kind === "CaseByCase"
          ? []
          : [it.form.amount];
    case "Step":
      return [it.value, ...(it.including ? [it.including] : []), ...(it.when ? [it.when] : [])];
    case "AnnualCap":
    case "TotalCap":
    case "Paid":
      return [it.value];
    case "Payment":
      return [it.table];
    case "Source":
    case "Once":
    case "PerYearLimit":
    case "Quota":
    case "Stackable":
    case "Beneficiary":
    case "Payer":
    case "Benefit":
    case "Window":
    case "YearsLimit":
      return [];
    default:
      return assertNever(it);
  }
}
