/**
 * Typing a chain of × and ÷ by meaning (see units.ts): the factors' dimensions add up and only the
 * result must make sense. Errors name the first product of two amounts (E202) or the units that do
 * not cancel (E215); a quantity where money is expected is reported where it is used (E280).
 */
import type { Expr } from "../../grammar/ast.js";
import { exprToText } from "../../grammar/expr-to-text.js";
import type { CheckContext } from "./context.js";
import { moneyTimesMoneyHelp } from "./money-hints.js";
import { ERROR, tyName, type Ty } from "./types.js";
import { combine, dimOf, meaning, unitText, type Dim } from "./units.js";

type Binary = Extract<Expr, { kind: "Binary" }>;
type Infer = (cx: CheckContext, e: Expr) => Ty;

const show = (e: Expr) => {
  const s = exprToText(e);
  return s.length > 30 ? s.slice(0, 30) + "…" : s;
};

const isMulDiv = (e: Expr): e is Binary => e.kind === "Binary" && (e.op === "*" || e.op === "/");

const isZero = (e: Expr) =>
  (e.kind === "Number" || e.kind === "Money" || e.kind === "Percent") &&
  /^-?0(\.0*)?$/.test(e.value);

/** What the walk over a chain found. */
interface Walk {
  failed: boolean;
  /** A factor was a ratio, or had units (which may cancel): a dimensionless result is a ratio. */
  ratioHint: boolean;
  /** The first × of two amounts, for E202. */
  moneyProduct?: Binary;
}

/** The type of a chain of × and ÷ whose top node is `e`. */
export function chainTy(cx: CheckContext, e: Binary, infer: Infer): Ty {
  const w: Walk = { failed: false, ratioHint: false };
  const d = dimNode(cx, e, infer, w);
  if (w.failed || !d) return ERROR;
  const m = meaning(d, w.ratioHint);
  if (m.ok) return m.ty;
  if (m.why === "moneyPower") {
    const at = w.moneyProduct ?? e;
    cx.error("E202", `金额乘以金额没有意义：“${show(at)}”`, at.span, moneyTimesMoneyHelp(at));
    return ERROR;
  }
  if (m.why === "mixed") {
    const per = [...m.dim.units].filter(([, p]) => p < 0).map(([u]) => u);
    const have = [...m.dim.units].filter(([, p]) => p > 0).map(([u]) => u);
    cx.error(
      "E215",
      `单位不一致：单价按“${per.join("/")}”计，数量却以“${have.join("·")}”计`,
      e.span,
      `请使用以“${per.join("/")}”计的数量，或改写单价为 元/${have.join("/")}。`,
    );
    return ERROR;
  }
  // Divided by an amount (人 ÷ 元): a figure per 元, e.g. 每万元投资带动的就业人数.
  const units = new Map(m.dim.units);
  units.set("元", m.dim.money);
  return { k: "count", unit: unitText(units) };
}

/** The dimension of a node of the chain; records the type of every inner × and ÷ node. */
function dimNode(cx: CheckContext, e: Expr, infer: Infer, w: Walk): Dim | undefined {
  if (!isMulDiv(e)) {
    const t = infer(cx, e);
    if (t.k === "error") {
      w.failed = true;
      return undefined;
    }
    const d = dimOf(t);
    if (!d) {
      w.failed = true;
      cx.error(
        "E202",
        `“${show(e)}”（${tyName(t)}）不能参与乘除`,
        e.span,
        "乘除用于数值：金额 × 比例、单价 × 数量、金额 ÷ 金额（得比例）等。",
      );
      return undefined;
    }
    if (t.k === "ratio" || d.money !== 0 || d.units.size > 0) w.ratioHint = true;
    return d;
  }
  const l = dimNode(cx, e.left, infer, w);
  const r = dimNode(cx, e.right, infer, w);
  if (e.op === "/" && isZero(e.right)) cx.error("E218", "除数为零", e.right.span, "请检查除数。");
  if (!l || !r) return undefined;
  if (e.op === "*" && l.money > 0 && r.money > 0 && !w.moneyProduct) w.moneyProduct = e;
  const d = combine(l, r, e.op === "/" ? -1 : 1);
  // Inner nodes get the type of what they compute (the generated code only needs "a number").
  const m = meaning(d, true);
  cx.types.set(e, m.ok ? m.ty : { k: "count", unit: unitText(d.units) });
  return d;
}

/**
 * E280: a quantity with a unit where money is expected — most often a forgotten price
 * (面积 × 天数 instead of 面积 × 天数 × 2元/平方米/天). Returns whether it was reported.
 */
export function forgottenPrice(cx: CheckContext, e: Expr, t: Ty, what: string): boolean {
  if (t.k !== "count" || !t.unit) return false;
  const d = dimOf(t)!;
  const up = [...d.units].filter(([, p]) => p > 0).map(([u]) => u);
  const down = [...d.units].filter(([, p]) => p < 0).map(([u]) => u);
  const price = `${["元", ...up].join("/")}${down.length ? `·${down.join("·")}` : ""}`;
  const text = exprToText(e);
  cx.error(
    "E280",
    `${what}应为金额，“${show(e)}”却是数量（${t.unit}）：是否漏了单价？`,
    e.span,
    `数量乘以同单位的单价才是金额，例如 ${text} × 2${price}（单价的单位与数量相消后得金额）。`,
  );
  return true;
}
