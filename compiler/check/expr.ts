/**
 * Type inference for expressions, with the money typing rules: money × ratio is money, money ×
 * money is an error, a ratio cannot be added to money, a date cannot be compared with an amount,
 * a rate (元/千瓦时) times a count in the same unit is money.
 */
import type { Expr, HistoryQuery, NameRef } from "../../grammar/ast.js";
import { exprToText } from "../../grammar/expr-to-text.js";
import { checkBrackets } from "./brackets.js";
import { call, sum, table, unknownValue } from "./expr-forms.js";
import type { CheckContext } from "./context.js";
import { chainTy, forgottenPrice } from "./arith-chain.js";
import { closest, splitGlued } from "./suggest.js";
import { amountInFigures } from "../../runtime/index.js";
import {
  BOOL,
  COUNT,
  DATE,
  ERROR,
  MONEY,
  RATIO,
  TEXT,
  assignable,
  isRankTy,
  sameTy,
  tyName,
  type Ty,
} from "./types.js";

/** The type of each history query: years are counts in 年, sums are money. */
const HISTORY_TY = {
  yearsPaid: { k: "count", unit: "年" },
  paidLastYear: BOOL,
  received: MONEY,
  baseUsed: MONEY,
  supportYear: { k: "count", unit: "年" },
} as const satisfies Readonly<Record<HistoryQuery, Ty>>;

const isNum = (t: Ty) => t.k === "money" || t.k === "ratio" || t.k === "count" || t.k === "rate";
const show = (e: Expr) => {
  const s = exprToText(e);
  return s.length > 30 ? s.slice(0, 30) + "…" : s;
};

/** Infer and record the type of an expression, reporting errors into the context. */
export function inferExpr(cx: CheckContext, e: Expr): Ty {
  const t = infer(cx, e);
  cx.types.set(e, t);
  if (rankOperand(cx, e)) {
    cx.error(
      "E243",
      `名次不能参与运算或分档：“${show(e)}”`,
      e.span,
      "名次只用于比较（数字越小越靠前），如 行业排名 位列 前十名；按名次给不同金额写 如果 行业排名 位列 前三名 则 50万 否则 20万。",
    );
    cx.types.set(e, ERROR);
    return ERROR;
  }
  return t;
}

const isRank = isRankTy;

/** An expression that computes with a rank (名次): arithmetic, 就高/就低 or 分档 over places. */
function rankOperand(cx: CheckContext, e: Expr): boolean {
  const ty = (x: Expr) => cx.types.get(x);
  switch (e.kind) {
    case "Binary":
      return isRank(ty(e.left)) || isRank(ty(e.right));
    case "Neg":
      return isRank(ty(e.operand));
    case "Call":
      return (e.fn === "max" || e.fn === "min") && e.args.some((a) => isRank(ty(a)));
    case "Brackets":
      return isRank(ty(e.subject));
    default:
      return false;
  }
}

/** Words that compare places without doubt (a better place is a smaller number). */
const RANK_WORDS = new Set(["高于", "低于", "不低于", "不高于", "位列", "等于", "不等于"]);

/** A comparison of places: both sides ranks, in words whose direction is plain. */
function rankCompare(cx: CheckContext, e: Extract<Expr, { kind: "Compare" }>, l: Ty, r: Ty): void {
  if (!isRank(l) || !isRank(r)) {
    const other = isRank(l) ? r : l;
    cx.error(
      "E242",
      e.word === "位列" && !isRank(l) && !isRank(r)
        ? `“位列”用于名次，“${show(e)}”中却没有名次`
        : `名次只能与名次比较：“${show(e)}”中另一边是${tyName(other)}`,
      e.span,
      "名次写作 第10名、前十名，如 行业排名 不低于 第10名、行业排名 位列 前十名。",
    );
  } else if (!RANK_WORDS.has(e.word))
    cx.error(
      "E242",
      `“${e.word}”用于名次时含义不明：“${show(e)}”`,
      e.span,
      "名次数字越小越靠前：写 不低于 第10名 或 位列 前十名（第1至第10名）、高于 第10名（第1至第9名）、低于 第10名（第11名及以后）、不高于 第10名（第10名及以后）。",
    );
}

/** Check that an expression has the expected type; report once if not. */
export function expectTy(cx: CheckContext, e: Expr, expected: Ty, what: string): Ty {
  const t = inferExpr(cx, e);
  if (t.k === "enumValue" && expected.k === "enum") {
    if (!expected.values.includes(t.name)) unknownValue(cx, e as NameRef, expected);
    cx.types.set(e, expected);
    return expected;
  }
  if (!assignable(expected, t)) {
    if (expected.k === "money" && forgottenPrice(cx, e, t, what)) return ERROR;
    cx.error(
      "E205",
      `${what}应为${tyName(expected)}，“${show(e)}”却是${tyName(t)}`,
      e.span,
      hintFor(expected),
    );
    return ERROR;
  }
  if (t.k === "count" && !t.unit && (expected.k === "money" || expected.k === "ratio"))
    cx.types.set(e, expected);
  return t.k === "error" ? expected : t;
}

function hintFor(t: Ty): string {
  switch (t.k) {
    case "money":
      return "金额写作 200万、200万元 或 2,000,000元。";
    case "ratio":
      return "比例写作 30%。";
    case "bool":
      return "条件应是一个判断，如 项目投资 超过 100万，或一个“是否”类申报信息。";
    case "date":
      return "日期写作 2025年12月31日 或 2025-12-31。";
    default:
      return `请使用${tyName(t)}。`;
  }
}

/** Resolve a name to its type, with a did-you-mean or a glued-words fix when it is unknown. */
function nameTy(cx: CheckContext, n: NameRef): Ty {
  const sym = cx.symbols.get(n.name);
  if (sym) {
    cx.references.push({ name: n.name, span: n.span });
    switch (sym.kind) {
      case "input":
        return sym.ty;
      case "param":
        cx.paramsUsed.add(sym.index);
        return sym.ty;
      case "define":
        return defineTy(cx, sym);
      case "category":
        cx.error(
          "E205",
          `“${n.name}”是分类名，不能直接作为数值使用`,
          n.span,
          "用 合计 求明细之和，或用 属于 判断类别。",
        );
        return ERROR;
    }
  }
  if (cx.enumValues.has(n.name)) return { k: "enumValue", name: n.name };
  const split = splitGlued(n.name, new Set(cx.knownNames()));
  if (split) {
    const fixed = split.join(" ");
    cx.error(
      "E004",
      `“${n.name}”由几个词粘连而成，无法安全拆分`,
      n.span,
      `请用空格分开：${fixed}`,
      {
        title: `拆分为“${fixed}”`,
        span: n.span,
        text: fixed,
      },
    );
    return ERROR;
  }
  // 两千万, 一百万: an amount in Chinese numerals reads as a name; say how to write it.
  const figures = amountInFigures(n.name);
  if (figures) {
    cx.error(
      "E201",
      `未声明的名称“${n.name}”：金额请用阿拉伯数字书写，写作 ${figures}`,
      n.span,
      `政策中的金额写成 ${figures}、1.5亿 或 3000元 这样的形式（申报材料中可以写 ${n.name}）。`,
      { title: `改为“${figures}”`, span: n.span, text: figures },
    );
    return ERROR;
  }
  const near = closest(n.name, cx.knownNames());
  cx.error(
    "E201",
    `未声明的名称“${n.name}”`,
    n.span,
    near ? `是否指“${near}”？` : "请在 申报信息、参数 或 定义 中先声明它。",
    near ? { title: `改为“${near}”`, span: n.span, text: near } : undefined,
  );
  return ERROR;
}

function defineTy(
  cx: CheckContext,
  sym: Extract<import("./context.js").Sym, { kind: "define" }>,
): Ty {
  if (sym.ty) return sym.ty;
  if (cx.defining.has(sym.name)) {
    cx.error("E214", `定义“${sym.name}”引用了自身`, sym.decl.nameSpan, "定义之间不能循环引用。");
    return ERROR;
  }
  cx.defining.add(sym.name);
  const t = inferExpr(cx, sym.decl.expr);
  cx.defining.delete(sym.name);
  sym.ty = t;
  return t;
}

/** + and − (× and ÷ are typed by meaning over the whole chain: arith-chain.ts). */
function arith(cx: CheckContext, e: Extract<Expr, { kind: "Binary" }>, l: Ty, r: Ty): Ty {
  if (l.k === "error" || r.k === "error") return ERROR;
  const plain = (t: Ty) => t.k === "count" && !t.unit;
  if (plain(l) && isNum(r)) return r;
  if (plain(r) && isNum(l)) return l;
  if (sameTy(l, r) && isNum(l)) return l;
  cx.error(
    "E202",
    `“${show(e.left)}”（${tyName(l)}）不能与“${show(e.right)}”（${tyName(r)}）相${e.op === "+" ? "加" : "减"}`,
    e.span,
    "只有同类的数值可以相加减：金额与金额、比例与比例、同单位的数量。",
  );
  return ERROR;
}

function compare(cx: CheckContext, e: Extract<Expr, { kind: "Compare" }>): Ty {
  // `项目级别 等于 省级`: an unknown word compared with a category is a wrong category value.
  for (const [a, b] of [
    [e.left, e.right],
    [e.right, e.left],
  ] as const) {
    if (b.kind !== "Name" || cx.symbols.has(b.name) || cx.enumValues.has(b.name)) continue;
    const t = inferExpr(cx, a);
    if (t.k === "enum") {
      unknownValue(cx, b, t);
      cx.types.set(b, t);
      return BOOL;
    }
  }
  let l = inferExpr(cx, e.left);
  let r = inferExpr(cx, e.right);
  if (l.k === "enumValue" && r.k === "enum") [l, r] = [r, l];
  if (l.k === "enum" && r.k === "enumValue") {
    const side =
      e.left.kind === "Name" && cx.types.get(e.left)?.k === "enumValue" ? e.left : e.right;
    if (!l.values.includes(r.name)) unknownValue(cx, side as NameRef, l);
    else cx.types.set(side, l);
    if (e.op !== "eq" && e.op !== "ne")
      cx.error("E204", "类别只能比较是否相等", e.span, "用 等于、不等于 或 属于。");
    return BOOL;
  }
  if (l.k === "error" || r.k === "error") return BOOL;
  if (isRank(l) || isRank(r) || e.word === "位列") {
    rankCompare(cx, e, l, r);
    return BOOL;
  }
  const plain = (t: Ty) => t.k === "count" && !t.unit;
  const dateOp =
    e.op === "before" || e.op === "after" || e.op === "notBefore" || e.op === "notAfter";
  if (dateOp && (l.k !== "date" || r.k !== "date")) {
    cx.error(
      "E204",
      `“${e.word}”用于比较日期，“${show(e)}”中却有${tyName(l.k === "date" ? r : l)}`,
      e.span,
      "日期写作 2025年12月31日；金额用 超过、不低于 等比较。",
    );
    return BOOL;
  }
  const ok = sameTy(l, r) || (plain(l) && isNum(r)) || (plain(r) && isNum(l));
  if (!ok) {
    cx.error(
      "E204",
      `不能比较${tyName(l)}与${tyName(r)}：“${show(e)}”`,
      e.span,
      "比较的两边应是同一类数值，例如 金额 与 金额、日期 与 日期。",
    );
  } else if (
    (l.k === "bool" || l.k === "text" || l.k === "enum") &&
    e.op !== "eq" &&
    e.op !== "ne"
  ) {
    cx.error("E204", `${tyName(l)}只能比较是否相等`, e.span, "用 等于 或 不等于。");
  }
  if (plain(l) && r.k !== "count") cx.types.set(e.left, r);
  if (plain(r) && l.k !== "count") cx.types.set(e.right, l);
  return BOOL;
}

function infer(cx: CheckContext, e: Expr): Ty {
  switch (e.kind) {
    case "Money":
      return MONEY;
    case "Percent":
      return RATIO;
    case "Number":
      return e.unit ? { k: "count", unit: e.unit } : COUNT;
    case "Rate":
      return { k: "rate", unit: e.unit };
    case "DateLit":
    case "AppDate":
      return DATE;
    case "Bool":
      return BOOL;
    case "Str":
      return TEXT;
    case "Name":
      return nameTy(cx, e);
    case "ClauseAmount":
      // whether the clause exists, pays money and forms no cycle: clause-refs.ts
      return MONEY;
    case "Binary":
      if (e.op === "*" || e.op === "/") return chainTy(cx, e, inferExpr);
      return arith(cx, e, inferExpr(cx, e.left), inferExpr(cx, e.right));
    case "Neg": {
      const t = inferExpr(cx, e.operand);
      if (!isNum(t) && t.k !== "error")
        cx.error("E205", `“${show(e.operand)}”不是数值，不能取负`, e.span, "负号只用于数值。");
      return t;
    }
    case "Compare":
      return compare(cx, e);
    case "InSet": {
      const t = inferExpr(cx, e.subject);
      if (t.k === "enum") {
        for (const v of e.values) {
          if (!t.values.includes(v.name)) unknownValue(cx, v, t);
          cx.types.set(v, t);
        }
      } else if (t.k !== "error") {
        cx.error(
          "E205",
          `“属于”用于类别，“${show(e.subject)}”却是${tyName(t)}`,
          e.subject.span,
          "例如 项目级别 属于 市级、国家级。",
        );
      }
      return BOOL;
    }
    case "Logic":
      expectTy(cx, e.left, BOOL, "并且/或者 的两边");
      expectTy(cx, e.right, BOOL, "并且/或者 的两边");
      return BOOL;
    case "Not":
      expectTy(cx, e.operand, BOOL, "并非 之后");
      return BOOL;
    case "If": {
      expectTy(cx, e.cond, BOOL, "如果 之后");
      const a = inferExpr(cx, e.then);
      const b = inferExpr(cx, e.else);
      if (!sameTy(a, b) && !(a.k === "count" && !a.unit) && !(b.k === "count" && !b.unit)) {
        cx.error(
          "E205",
          `两种情形的取值类型不同：${tyName(a)} 与 ${tyName(b)}`,
          e.span,
          "则 与 否则 之后应是同一类数值。",
        );
      }
      return a.k === "count" && !a.unit ? b : a;
    }
    case "Call":
      return call(cx, e);
    case "Sum":
      return sum(cx, e);
    case "Table":
      return table(cx, e);
    case "Brackets":
      return checkBrackets(cx, e, inferExpr);
    case "Record":
      for (const x of e.entries) inferExpr(cx, x.value);
      return ERROR;
    case "History":
      return HISTORY_TY[e.query];
  }
}

export { DATE };
