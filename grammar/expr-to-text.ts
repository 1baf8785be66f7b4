/**
 * expression → the language's own text, with canonical keywords and only the parentheses that
 * precedence needs. Used for failure reasons, explanations, documents, diffs and the formatter.
 */
import type { BracketRow, Expr, NameRef, TypeRef } from "./ast.js";
import { assertNever } from "./ast.js";
import { clauseKeyText } from "./clause-ids.js";
import { canonical, RANK_UNIT } from "./keywords.js";
import { CALL_KEYWORD, compareWord, HISTORY_KEYWORD } from "./words.js";

/** Binding strength of an expression's top operator; higher binds tighter. */
export function precedence(e: Expr): number {
  switch (e.kind) {
    case "If":
      return 0;
    case "Logic":
      return e.op === "or" ? 1 : 2;
    case "Not":
      return 3;
    case "Compare":
    case "InSet":
      return 4;
    case "Binary":
      return e.op === "+" || e.op === "-" ? 5 : 6;
    case "Neg":
      return 7;
    default:
      return 8;
  }
}

/**
 * Does the text of `e` end in an open 合计 … 自 … 至 …? Its end year reads as far as the arithmetic
 * goes (`至 2023年 × 1%` is the end year `2023年 × 1%`), so such an expression needs parentheses
 * wherever an operator follows it.
 */
export function endsOpen(e: Expr): boolean {
  if (e.kind === "Sum") return e.to !== undefined;
  if (e.kind === "Binary") return endsOpen(e.right);
  if (e.kind === "Neg") return endsOpen(e.operand);
  return false;
}

/** A name as written: quoted with 「」 when it would not lex back as one name. */
export function nameText(name: string): string {
  return /^[A-Za-z_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff][A-Za-z0-9_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff·]*$/.test(
    name,
  )
    ? name
    : `「${name}」`;
}

const names = (ns: readonly NameRef[]) => ns.map((n) => nameText(n.name)).join("、");

/** Print an expression; `keepWords` keeps the comparison word the drafter used (超过 vs 大于). */
export function exprToText(e: Expr, keepWords = true): string {
  const sub = (x: Expr, min: number) => {
    const s = exprToText(x, keepWords);
    return precedence(x) < min ? `（${s}）` : s;
  };
  switch (e.kind) {
    case "Money":
    case "Percent":
    case "Number":
    case "Rate":
    case "DateLit":
      return e.text;
    case "Bool":
      return e.value ? "是" : "否";
    case "Str":
      return `“${e.value}”`;
    case "Name":
      return nameText(e.name);
    case "ClauseAmount":
      return `${clauseKeyText(e.clause)}${canonical("Money")}`;
    case "AppDate":
      return canonical("AppDate");
    case "Binary": {
      const p = precedence(e);
      const op = { "+": "+", "-": "-", "*": "×", "/": "÷" }[e.op];
      const left = endsOpen(e.left) ? `（${exprToText(e.left, keepWords)}）` : sub(e.left, p);
      return `${left} ${op} ${sub(e.right, p + 1)}`;
    }
    case "Neg":
      return `-${sub(e.operand, 7)}`;
    case "Compare": {
      const word = keepWords && e.word && !/^[<>=!≥≤≠]/.test(e.word) ? e.word : compareWord(e.op);
      return `${sub(e.left, 5)} ${word} ${sub(e.right, 5)}`;
    }
    case "InSet":
      return `${sub(e.subject, 5)} ${canonical(e.negated ? "NotIn" : "In")} ${names(e.values)}`;
    case "Logic": {
      const p = precedence(e);
      return `${sub(e.left, p)} ${canonical(e.op === "and" ? "And" : "Or")} ${sub(e.right, p + 1)}`;
    }
    case "Not":
      return `${canonical("Not")} ${sub(e.operand, 3)}`;
    case "If":
      return `如果 ${sub(e.cond, 1)} 则 ${sub(e.then, 1)} 否则 ${sub(e.else, 0)}`;
    case "Call": {
      return `${canonical(CALL_KEYWORD[e.fn])}（${e.args.map((a) => exprToText(a, keepWords)).join("，")}）`;
    }
    case "Sum": {
      let s = `合计 ${nameText(e.target.name)}`;
      if (e.only) s += ` 限 ${names(e.only)}`;
      if (e.from && e.to) s += ` 自 ${exprToText(e.from)} 至 ${exprToText(e.to)}`;
      return s;
    }
    case "Table": {
      const rows = e.rows.map(
        (r) => `${names(r.keys).replace(/、/g, " ")} ${exprToText(r.value, keepWords)}`,
      );
      if (e.otherwise) rows.push(`其他 ${exprToText(e.otherwise, keepWords)}`);
      return `按 ${e.keys.map((k) => exprToText(k)).join("、")}：${rows.join("，")}`;
    }
    case "Brackets":
      return `分档 ${sub(e.subject, 5)}：${e.rows.map((r) => `${bracketLabel(r)}：${exprToText(r.value, keepWords)}`).join("；")}`;
    case "Record":
      return e.entries.map((x) => `${nameText(x.key)} ${exprToText(x.value)}`).join("、");
    case "History":
      return canonical(HISTORY_KEYWORD[e.query]);
    default:
      return assertNever(e);
  }
}

/** The range of a bracket row as the text words it: `1亿以上 不满5亿`, `其他`. */
export function bracketLabel(r: BracketRow): string {
  if (r.otherwise) return "其他";
  if (r.range && r.lower && r.upper)
    return `${exprToText(r.lower.value)} 至 ${exprToText(r.upper.value)}`;
  const parts: string[] = [];
  const pre = (w: string) =>
    /^(超过|大于|高于|多于|不低于|不少于|达到|不小于|低于|少于|小于|不满|不足|不超过|不高于|不多于|不大于|[<>≤≥]=?)$/.test(
      w,
    );
  for (const b of [r.lower, r.upper]) {
    if (!b) continue;
    const v = exprToText(b.value);
    parts.push(pre(b.word) ? `${b.word} ${v}` : `${v}${b.word}`);
  }
  return parts.join(" ");
}

/** A type as declared, in canonical words: 金额, 金额 按 费用类别, 数量（家）, 枚举 区级、市级. */
export function typeText(t: TypeRef): string {
  switch (t.kind) {
    case "money":
      return canonical("Money");
    case "moneyBy":
      return `${canonical("Money")} ${canonical("Per")} ${nameText(t.category.name)}`;
    case "moneyByYear":
      return `${canonical("Money")} ${canonical("PerYear")}`;
    case "ratio":
      return canonical("Ratio");
    case "count":
      if (t.unit === RANK_UNIT) return canonical("Rank");
      return t.unit ? `${canonical("Count")}（${t.unit}）` : canonical("Count");
    case "date":
      return canonical("Date");
    case "bool":
      return canonical("Bool");
    case "text":
      return canonical("Text");
    case "enum":
      return `${canonical("Enum")} ${t.values.map((v) => nameText(v.name)).join("、")}`;
    default:
      return assertNever(t);
  }
}
