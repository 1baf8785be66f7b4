/**
 * expression → Prettier doc. The text is exactly that of `exprToText` when it fits on a line;
 * tables, brackets and long 并且/或者 chains break one row or operand per line when it does not.
 */
import { builders } from "prettier/doc";
import type { Expr } from "../../grammar/ast.js";
import { canonical } from "../../grammar/keywords.js";
import { bracketLabel, exprToText, nameText, precedence } from "../../grammar/expr-to-text.js";

const { group, align, softline, line, join, hardline } = builders;
const indent = (d: builders.Doc) => align(2, d);
type Doc = builders.Doc;

/** A string literal as the lexer reads it back: “…” when its inner quotes balance, else "…". */
export function strText(value: string): string {
  let depth = 0;
  for (const ch of value) {
    if (ch === "“") depth++;
    else if (ch === "”" && --depth < 0) break;
  }
  if (depth === 0 || value.includes('"')) return `“${value}”`;
  return `"${value}"`;
}

/** An expression as a doc that breaks tables, brackets and logic chains when too wide. */
export function exprToDoc(e: Expr): Doc {
  const sub = (x: Expr, min: number): Doc =>
    precedence(x) < min ? ["（", exprToDoc(x), "）"] : exprToDoc(x);
  switch (e.kind) {
    case "Str":
      return strText(e.value);
    case "Table": {
      const rows: Doc[] = e.rows.map((r) => [
        r.keys.map((k) => nameText(k.name)).join(" "),
        " ",
        exprToDoc(r.value),
      ]);
      if (e.otherwise) rows.push([canonical("Otherwise"), " ", exprToDoc(e.otherwise)]);
      const keys = e.keys.map((k) => exprToText(k)).join("、");
      return group([
        `${canonical("Per")} ${keys}：`,
        indent([softline, join(["，", softline], rows)]),
      ]);
    }
    case "Brackets": {
      // One row per line, always: a bracket table reads as the list the policy text gives.
      const rows = e.rows.map((r) => [hardline, bracketLabel(r), "：", exprToDoc(r.value)]);
      return [`${canonical("Brackets")} `, sub(e.subject, 5), "：", indent(rows)];
    }
    case "Record":
      return e.entries
        .map(
          (x) => `${/^\d+$/.test(x.key) ? `${x.key}年` : nameText(x.key)} ${exprToText(x.value)}`,
        )
        .join("、");
    case "Logic": {
      // Flatten a chain of the same operator: a 并且 b 并且 c.
      const parts: Doc[] = [];
      const word = canonical(e.op === "and" ? "And" : "Or");
      const p = precedence(e);
      let cur: Expr = e;
      const rights: Expr[] = [];
      while (cur.kind === "Logic" && cur.op === e.op) {
        rights.unshift(cur.right);
        cur = cur.left;
      }
      parts.push(sub(cur, p));
      for (const r of rights) parts.push([word, " ", sub(r, p + 1)]);
      return group(indent(join(line, parts)));
    }
    case "If":
      return group([
        "如果 ",
        sub(e.cond, 1),
        indent([line, "则 ", sub(e.then, 1), line, "否则 ", sub(e.else, 0)]),
      ]);
    default:
      return exprToText(e);
  }
}
