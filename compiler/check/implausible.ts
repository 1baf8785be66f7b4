/**
 * Implausible values: figures that type-check but are almost always a slip of the keyboard.
 * - W430 a subsidy or payment ratio above 100% (资助 比例 130%: more than the base);
 * - W431 a cap below the clause's own fixed amount (定额 200万 上限 100万: never paid in full);
 * - W432 a date range that ends before it starts (条件 申报日期 不早于 2025年 且 不晚于 2024年).
 * Warnings, not errors: the policy still compiles and runs, and the drafter decides.
 * Only literal figures are judged (directly, or through a parameter or definition that is one).
 */
import { Decimal } from "decimal.js";
import type { Clause, ClauseItem, Expr, Policy } from "../../grammar/ast.js";
import { assertNever, itemsOf } from "../../grammar/ast.js";
import { children, itemExprs } from "../walk.js";
import type { CheckContext } from "./context.js";

const D = Decimal.clone({ precision: 50 });

/** A literal figure an expression can come out as, with the node that wrote it. */
type Lit = Extract<Expr, { kind: "Percent" | "Money" | "DateLit" | "Number" }>;

/**
 * The literal values an expression can result in: itself, the branches of 如果, the rows of a
 * table or of 分档, the arguments of 就高/就低, and the value of a parameter or definition.
 * `null` when some result is not a literal (an input, arithmetic): then nothing can be judged.
 */
function results(cx: CheckContext, e: Expr, depth = 0): Lit[] | null {
  if (depth > 8) return null;
  const all = (xs: readonly Expr[]): Lit[] | null => {
    const out: Lit[] = [];
    for (const x of xs) {
      const r = results(cx, x, depth + 1);
      if (!r) return null;
      out.push(...r);
    }
    return out;
  };
  switch (e.kind) {
    case "Percent":
    case "Money":
    case "DateLit":
    case "Number":
      return [e];
    case "If":
      return all([e.then, e.else]);
    case "Table":
      return all([...e.rows.map((r) => r.value), ...(e.otherwise ? [e.otherwise] : [])]);
    case "Brackets":
      return all(e.rows.map((r) => r.value));
    case "Call":
      return e.fn === "max" || e.fn === "min" ? all(e.args) : null;
    case "Name": {
      const s = cx.symbols.get(e.name);
      if (s?.kind === "param") return s.decl.value && !s.decl.byDate ? all([s.decl.value]) : null;
      if (s?.kind === "define") return all([s.decl.expr]);
      return null;
    }
    // Computed, compared or looked up at run time: not a figure the text fixes.
    case "Rate":
    case "Bool":
    case "Str":
    case "AppDate":
    case "ClauseAmount":
    case "Binary":
    case "Neg":
    case "Compare":
    case "InSet":
    case "Logic":
    case "Not":
    case "Sum":
    case "Record":
    case "History":
      return null;
    default:
      return assertNever(e);
  }
}

/** Every literal result that is a percentage above 100%. */
function above100(cx: CheckContext, e: Expr): Lit[] {
  return (results(cx, e) ?? []).filter((l) => l.kind === "Percent" && new D(l.value).gt(1));
}

function ratioChecks(cx: CheckContext, it: ClauseItem, label: string): void {
  if (it.kind === "Award" && it.form.kind === "Ratio") {
    for (const l of above100(cx, it.form.ratio))
      cx.warn(
        "W430",
        `${label}的资助比例 ${l.text} 超过 100%，资助将多于基数`,
        l.span,
        "资助多于基数几乎总是笔误（如把 13% 写成 130%）；若确是政策原意，请在注释中写明依据。",
      );
  }
  if (it.kind === "Payment") {
    for (const l of above100(cx, it.table))
      cx.warn(
        "W430",
        `${label}的拨付比例 ${l.text} 超过 100%`,
        l.span,
        "拨付 写的是到该阶段为止累计拨付的比例，最多 100%（如 开工 30%，验收 100%）。",
      );
  }
}

/** The money literals an expression always results in, or null when one is not a literal. */
function moneyResults(cx: CheckContext, e: Expr): Lit[] | null {
  const r = results(cx, e);
  return r && r.length && r.every((l) => l.kind === "Money") ? r : null;
}

function capChecks(cx: CheckContext, c: Clause): void {
  const award = c.items.find((i) => i.kind === "Award");
  if (award?.kind !== "Award") return;
  const f = award.form;
  if (f.kind !== "Fixed" && f.kind !== "UpTo") return;
  const fixed = moneyResults(cx, f.amount);
  if (!fixed) return;
  const least = fixed.reduce((a, b) => (new D(b.value).lt(a.value) ? b : a));
  for (const it of c.items) {
    const cap =
      (it.kind === "Step" && it.step === "cap" && !it.when && !it.including) ||
      it.kind === "AnnualCap" ||
      it.kind === "TotalCap"
        ? moneyResults(cx, it.value)
        : null;
    if (!cap) continue;
    const most = cap.reduce((a, b) => (new D(b.value).gt(a.value) ? b : a));
    if (!new D(most.value).lt(least.value)) continue;
    const what =
      it.kind === "AnnualCap" ? "年度累计上限" : it.kind === "TotalCap" ? "累计上限" : "上限";
    const amount = f.kind === "Fixed" ? "定额" : "最高额";
    cx.warn(
      "W431",
      `${c.label}的${what} ${most.text} 低于本条的${amount} ${least.text}，${amount}永远不会全额发放`,
      most.span,
      `检查两个金额是否写反或多写、少写了一位；若只在某些情形下封顶，请写 上限 … 当 …，或直接改${amount}。`,
    );
  }
}

/** A bound on a name from one comparison with a literal: which side, inclusive or not. */
interface Bound {
  readonly name: string;
  readonly lower: boolean;
  readonly lit: Lit;
}

const LOWER = new Set(["gt", "ge", "after", "notBefore"]);
const UPPER = new Set(["lt", "le", "before", "notAfter"]);

function bound(e: Expr): Bound | null {
  if (e.kind !== "Compare") return null;
  const subjectLeft = e.left.kind === "Name" || e.left.kind === "AppDate";
  const [subject, lit] = subjectLeft ? [e.left, e.right] : [e.right, e.left];
  if ((subject.kind !== "Name" && subject.kind !== "AppDate") || lit.kind !== "DateLit")
    return null;
  const name = subject.kind === "Name" ? subject.name : "申报日期";
  const lower = LOWER.has(e.op) ? true : UPPER.has(e.op) ? false : null;
  if (lower === null) return null;
  // 2025年1月1日 之前 申报日期 reads the other way round.
  return { name, lower: subjectLeft ? lower : !lower, lit };
}

/** The comparisons joined by 且 at the top of a condition. */
function conjuncts(e: Expr): Expr[] {
  return e.kind === "Logic" && e.op === "and" ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}

function emptyRange(cx: CheckContext, e: Expr): void {
  const bounds = conjuncts(e)
    .map(bound)
    .filter((b): b is Bound => b !== null);
  for (const lo of bounds.filter((b) => b.lower)) {
    const hi = bounds.find((b) => !b.lower && b.name === lo.name && b.lit.value < lo.lit.value);
    if (hi) reversed(cx, lo.lit, hi.lit, "这一条件永远不成立");
  }
}

function reversed(cx: CheckContext, from: Lit, to: Lit, consequence: string): void {
  cx.warn(
    "W432",
    `日期范围的终止日期 ${to.text} 早于起始日期 ${from.text}，${consequence}`,
    to.span,
    "检查两个日期是否写反，或年份是否写错。",
  );
}

/** 合计 … 自 2023年 至 2021年: a window of years that ends before it starts. */
function sumWindows(cx: CheckContext, e: Expr): void {
  if (e.kind === "Sum" && e.from && e.to) {
    const [a, b] = [e.from, e.to];
    const comparable =
      (a.kind === "DateLit" && b.kind === "DateLit" && b.value < a.value) ||
      (a.kind === "Number" && b.kind === "Number" && new D(b.value).lt(a.value));
    if (comparable) reversed(cx, a as Lit, b as Lit, "合计的范围是空的");
  }
  for (const x of children(e)) sumWindows(cx, x);
}

/** Warn about implausible figures in the policy's eligibility and clauses. */
export function checkImplausible(cx: CheckContext, policy: Policy): void {
  for (const el of itemsOf(policy, "Eligibility"))
    for (const it of el.items)
      for (const e of itemExprs(it)) {
        if (it.kind === "Condition" || it.kind === "Exclude") emptyRange(cx, e);
        sumWindows(cx, e);
      }
  for (const d of itemsOf(policy, "Define")) sumWindows(cx, d.expr);
  for (const c of itemsOf(policy, "Clause")) {
    for (const it of c.items) {
      ratioChecks(cx, it, c.label);
      if (it.kind === "Condition") emptyRange(cx, it.expr);
      for (const e of itemExprs(it)) sumWindows(cx, e);
    }
    capChecks(cx, c);
  }
}
