/**
 * Generic traversal of expressions, so passes that only look for names need no switch of their own.
 */
import type { Expr, NameRef } from "../grammar/ast.js";
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
