/**
 * An assertion (断言) → the language's own text, with canonical keywords: for the formatter, the
 * proof report and documents.
 */
import type { AssertDecl, AssertOperand } from "./ast.js";
import { assertNever } from "./ast.js";
import { clauseKeyText } from "./clause-ids.js";
import { exprToText } from "./expr-to-text.js";
import { canonical } from "./keywords.js";

/** One side of a comparison: 第5条, 总额, or the amount's expression. */
export function assertOperandText(o: AssertOperand): string {
  switch (o.kind) {
    case "ClauseAmount":
      return clauseKeyText(o.clause.number);
    case "TotalAmount":
      return canonical("Total");
    case "Value":
      return exprToText(o.expr);
    default:
      return assertNever(o);
  }
}

/** The statement without the keyword 断言 and without its description: `总额 不超过 1000万`. */
export function assertStatementText(a: AssertDecl): string {
  const b = a.body;
  let s: string;
  switch (b.kind) {
    case "Compare":
      s = `${assertOperandText(b.left)} ${b.word} ${assertOperandText(b.right)}`;
      break;
    case "Exclusive":
      s = `${b.clauses.map((c) => clauseKeyText(c.number)).join(` ${canonical("With")} `)} ${canonical("NotTogether")}`;
      break;
    default:
      return assertNever(b);
  }
  return a.when ? `${s} ${canonical("When")} ${exprToText(a.when)}` : s;
}
