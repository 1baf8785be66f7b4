/**
 * Type inference for expressions, with the money typing rules: money × ratio is money, money ×
 * money is an error, a ratio cannot be added to money, a date cannot be compared with an amount,
 * a rate (元/千瓦时) times a count in the same unit is money.
 */
import type { Expr, NameRef } from "../ast.js";
import { exprToText } from "../print/expr-to-text.js";
import { checkBrackets } from "./brackets.js";
import type { CheckContext } from "./context.js";
import { closest, splitGlued } from "./suggest.js";
import {
  BOOL,
  COUNT,
  DATE,
  ERROR,
  MONEY,
  RATIO,
  TEXT,
  assignable,
  sameTy,
  tyName,
  type Ty,
} from "./types.js";

const isNum = (t: Ty) => t.k === "money" || t.k === "ratio" || t.k === "count" || t.k === "rate";
const show = (e: Expr) => {
  const s = exprToText(e);
  return s.length > 30 ? s.slice(0, 30) + "…" : s;
};

/** Infer and record the type of an expression, reporting errors into the context. */
export function inferExpr(cx: CheckContext, e: Expr): Ty {
  const t = infer(cx, e);
  cx.types.set(e, t);
  return t;
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

function unknownValue(cx: CheckContext, n: NameRef, t: Extract<Ty, { k: "enum" }>): void {
  const near = closest(n.name, [...t.values]);
  cx.error(
    "E206",
    `“${n.name}”不是可选的类别（可选：${t.values.join("、")}）`,
    n.span,
    near ? `是否指“${near}”？` : "请使用声明中列出的类别。",
    near ? { title: `改为“${near}”`, span: n.span, text: near } : undefined,
  );
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

function arith(cx: CheckContext, e: Extract<Expr, { kind: "Binary" }>, l: Ty, r: Ty): Ty {
  if (l.k === "error" || r.k === "error") return ERROR;
  const bad = (message: string, help: string): Ty => {
    cx.error("E202", message, e.span, help);
    return ERROR;
  };
  const num = (t: Ty) => (t.k === "count" && !t.unit ? "plain" : t.k);
  const [a, b] = [num(l), num(r)];
  switch (e.op) {
    case "+":
    case "-":
      if (a === "plain" && isNum(r)) return r;
      if (b === "plain" && isNum(l)) return l;
      if (sameTy(l, r) && isNum(l)) return l;
      return bad(
        `“${show(e.left)}”（${tyName(l)}）不能与“${show(e.right)}”（${tyName(r)}）相${e.op === "+" ? "加" : "减"}`,
        "只有同类的数值可以相加减：金额与金额、比例与比例、同单位的数量。",
      );
    case "*": {
      if (l.k === "money" && r.k === "money")
        return bad(
          `金额乘以金额没有意义：“${show(e)}”`,
          "金额只能乘以比例（如 30%）或数量；请检查是否应写比例。",
        );
      if (l.k === "money" && (r.k === "ratio" || r.k === "count")) return MONEY;
      if (r.k === "money" && (l.k === "ratio" || l.k === "count")) return MONEY;
      if (l.k === "rate" && r.k === "count") return rateTimes(cx, e, l.unit, r);
      if (r.k === "rate" && l.k === "count") return rateTimes(cx, e, r.unit, l);
      if (l.k === "ratio" && r.k === "ratio") return RATIO;
      if ((l.k === "ratio" && r.k === "count") || (l.k === "count" && r.k === "ratio"))
        return l.k === "count" ? l : r;
      if (l.k === "count" && r.k === "count") return COUNT;
      if ((l.k === "rate" && r.k === "ratio") || (l.k === "ratio" && r.k === "rate"))
        return l.k === "rate" ? l : r;
      return bad(
        `“${show(e.left)}”（${tyName(l)}）不能乘以“${show(e.right)}”（${tyName(r)}）`,
        "乘法用于 金额 × 比例、单价 × 数量、比例 × 比例。",
      );
    }
    case "/": {
      if (isZero(e.right)) cx.error("E218", "除数为零", e.right.span, "请检查除数。");
      if (l.k === "money" && r.k === "money") return RATIO;
      if (l.k === "money" && (r.k === "ratio" || r.k === "count")) return MONEY;
      if (l.k === "count" && r.k === "count") return a === "plain" || b === "plain" ? l : RATIO;
      if (l.k === "ratio" && (r.k === "ratio" || r.k === "count")) return RATIO;
      return bad(
        `“${show(e.left)}”（${tyName(l)}）不能除以“${show(e.right)}”（${tyName(r)}）`,
        "除法用于 金额 ÷ 数量、金额 ÷ 金额（得比例）等。",
      );
    }
  }
}

function isZero(e: Expr): boolean {
  return (
    (e.kind === "Number" || e.kind === "Money" || e.kind === "Percent") &&
    /^-?0(\.0*)?$/.test(e.value)
  );
}

function rateTimes(
  cx: CheckContext,
  e: Expr,
  unit: string,
  count: Extract<Ty, { k: "count" }>,
): Ty {
  if (count.unit && count.unit !== unit) {
    cx.error(
      "E215",
      `单位不一致：单价按“${unit}”计，数量却以“${count.unit}”计`,
      e.span,
      `请使用以“${unit}”计的数量，或改写单价为 元/${count.unit}。`,
    );
    return ERROR;
  }
  return MONEY;
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
    case "Binary":
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
  }
}

function call(cx: CheckContext, e: Extract<Expr, { kind: "Call" }>): Ty {
  const ts = e.args.map((a) => inferExpr(cx, a));
  const arity = (n: number) => {
    if (e.args.length !== n)
      cx.error(
        "E205",
        `需要 ${n} 个参数，却有 ${e.args.length} 个`,
        e.span,
        "检查括号中用逗号分隔的参数。",
      );
  };
  switch (e.fn) {
    case "year":
      arity(1);
      if (ts[0] && ts[0].k !== "date" && ts[0].k !== "error")
        cx.error("E205", "年份（）需要一个日期", e.span, "例如 年份（申报日期）。");
      return { k: "count", unit: "年" };
    case "days":
      arity(2);
      if (ts.some((t) => t.k !== "date" && t.k !== "error"))
        cx.error("E205", "天数（）需要两个日期", e.span, "例如 天数（起息日，到期日）。");
      return { k: "count", unit: "天" };
    case "max":
    case "min": {
      if (e.args.length < 2)
        cx.error("E205", "就高/就低 至少需要两个数值", e.span, "例如 就高（甲，乙）。");
      const first = ts.find((t) => !(t.k === "count" && !t.unit)) ?? ts[0] ?? ERROR;
      ts.forEach((t, i) => {
        if (!sameTy(first, t) && !(t.k === "count" && !t.unit))
          cx.error(
            "E205",
            `就高/就低 的数值类型不同：${tyName(first)} 与 ${tyName(t)}`,
            e.args[i]!.span,
            "比较的数值应同类。",
          );
        else if (t.k === "count" && !t.unit) cx.types.set(e.args[i]!, first);
      });
      return first;
    }
  }
}

function sum(cx: CheckContext, e: Extract<Expr, { kind: "Sum" }>): Ty {
  const t = inferExpr(cx, e.target);
  if (t.k === "error") return MONEY;
  if (t.k !== "moneyBy" && t.k !== "moneyByYear") {
    cx.error(
      "E205",
      `合计 用于金额明细，“${e.target.name}”却是${tyName(t)}`,
      e.target.span,
      "把申报信息声明为 金额 按 分类名 或 金额 按年。",
    );
    return MONEY;
  }
  if (e.only) {
    if (t.k !== "moneyBy")
      cx.error("E205", "“限”用于按分类的明细", e.span, "按年的明细用 自 2019年 至 2021年。");
    else
      for (const v of e.only)
        if (!t.values.includes(v.name))
          unknownValue(cx, v, { k: "enum", id: t.category, values: t.values });
  }
  if (e.from && e.to) {
    if (t.k !== "moneyByYear")
      cx.error("E205", "“自…至…”用于按年的明细", e.span, "按分类的明细用 限 甲、乙。");
    for (const b of [e.from, e.to]) {
      const bt = inferExpr(cx, b);
      if (bt.k !== "count" && bt.k !== "error")
        cx.error(
          "E205",
          "年度应为年份数字，如 2021年",
          b.span,
          "例如 合计 年度投资 自 2019年 至 2021年。",
        );
    }
  }
  return MONEY;
}

function table(cx: CheckContext, e: Extract<Expr, { kind: "Table" }>): Ty {
  const keyTys = e.keys.map((k) => inferExpr(cx, k));
  keyTys.forEach((t, i) => {
    if (t.k !== "enum" && t.k !== "error")
      cx.error(
        "E205",
        `“按”之后应为类别，“${show(e.keys[i]!)}”却是${tyName(t)}`,
        e.keys[i]!.span,
        "例如 按 项目级别：区级 200万，市级 500万。",
      );
  });
  let valueTy: Ty | undefined;
  const seen = new Set<string>();
  for (const row of e.rows) {
    row.keys.forEach((k, i) => {
      const kt = keyTys[i];
      if (kt?.k === "enum") {
        if (!kt.values.includes(k.name)) unknownValue(cx, k, kt);
        cx.types.set(k, kt);
      }
    });
    if (row.keys.length !== e.keys.length)
      cx.error(
        "E205",
        `每行应列出 ${e.keys.length} 个类别`,
        row.span,
        "两个分类的表，每行写两个类别，如 区级 大型 200万。",
      );
    const id = row.keys.map((k) => k.name).join("·");
    if (seen.has(id))
      cx.error(
        "E208",
        `表格中“${id.replace(/·/g, " ")}”重复出现`,
        row.span,
        "每种类别只能写一行。",
      );
    seen.add(id);
    const t = inferExpr(cx, row.value);
    if (!valueTy || (valueTy.k === "count" && !valueTy.unit)) valueTy = t;
    else if (!sameTy(valueTy, t) && !(t.k === "count" && !t.unit))
      cx.error(
        "E205",
        `表格中的取值类型不一致：${tyName(valueTy)} 与 ${tyName(t)}`,
        row.value.span,
        "同一表格的取值应同类。",
      );
  }
  if (e.otherwise) inferExpr(cx, e.otherwise);
  else if (keyTys.every((t) => t.k === "enum")) {
    const combos = keyTys.reduce<string[]>(
      (acc, t) =>
        t.k === "enum" ? acc.flatMap((a) => t.values.map((v) => (a ? `${a}·${v}` : v))) : acc,
      [""],
    );
    const missing = combos.filter((c) => !seen.has(c));
    if (missing.length) {
      cx.error(
        "E207",
        `表格缺少类别：${missing.map((m) => m.replace(/·/g, " ")).join("、")}`,
        e.span,
        "为每个类别写一行，或加一行 其他 … 作为其余情形。",
      );
    }
  }
  return valueTy ?? ERROR;
}

export { DATE };
