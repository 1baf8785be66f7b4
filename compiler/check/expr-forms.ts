/**
 * Type rules for the expression forms that carry their own structure: built-in calls (就高, 年份,
 * 天数), sums over itemised amounts, and tables keyed by categories (with missing or repeated rows).
 */
import type { Expr, NameRef } from "../../grammar/ast.js";
import { exprToText } from "../../grammar/expr-to-text.js";
import type { CheckContext } from "./context.js";
import { inferExpr } from "./expr.js";
import { checkSumEnd } from "./sum-end.js";
import { closest } from "./suggest.js";
import { ERROR, MONEY, sameTy, tyName, type Ty } from "./types.js";

const show = (e: Expr) => {
  const s = exprToText(e);
  return s.length > 30 ? s.slice(0, 30) + "…" : s;
};

/** Report a word that is not one of a category's values, with a likely correction. */
export function unknownValue(cx: CheckContext, n: NameRef, t: Extract<Ty, { k: "enum" }>): void {
  const near = closest(n.name, [...t.values]);
  cx.error(
    "E206",
    `“${n.name}”不是可选的类别（可选：${t.values.join("、")}）`,
    n.span,
    near ? `是否指“${near}”？` : "请使用声明中列出的类别。",
    near ? { title: `改为“${near}”`, span: n.span, text: near } : undefined,
  );
}

/** 就高/就低, 年份 and 天数. */
export function call(cx: CheckContext, e: Extract<Expr, { kind: "Call" }>): Ty {
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

/** 合计 over an itemised amount, optionally 限 listed items or 自…至 years. */
export function sum(cx: CheckContext, e: Extract<Expr, { kind: "Sum" }>): Ty {
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
    checkSumEnd(cx, e);
  }
  return MONEY;
}

/** 按 category tables: keys are categories, every combination covered unless 其他 is given. */
export function table(cx: CheckContext, e: Extract<Expr, { kind: "Table" }>): Ty {
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
