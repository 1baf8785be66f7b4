/**
 * clause → a JavaScript function `(ctx) => ClauseResult`: eligibility checks with reasons, the
 * award, every cap and adjustment in source order with its explanation step, rounding, payment.
 */
import {
  assertNever,
  type Clause,
  type ClauseItem,
  type ClauseKey,
  type Expr,
  type Rounding,
} from "../../grammar/ast.js";
import { exprToText } from "../../grammar/expr-to-text.js";
import { roundingWords, stepWord } from "../../grammar/words.js";
import type { Checked } from "../check/check-policy.js";
import { namesIn } from "../walk.js";
import { comment, lit, Writer } from "./emit.js";
import { clauseFunctionName, clauseNumberCode, countCode } from "./clause-ident.js";
import type { ExprGen } from "./expr-to-js.js";
import { emitScopedCap, emitScopedCheck } from "./limits-to-js.js";
import { inPart, type PartItem } from "./item-parts.js";

const text = (e: Expr) => exprToText(e);

/** Values of the names a condition mentions, shown after a failed condition: （服务企业数量：5家）. */
export function valuesNote(g: ExprGen, e: Expr): string {
  const parts: string[] = [];
  for (const n of namesIn(e)) {
    const sym = g.checked.cx.symbols.get(n.name);
    if (!sym || sym.kind === "category") continue;
    const t = g.ty(n);
    if (t.k === "enumValue" || t.k === "error" || t.k === "bool") continue;
    parts.push(`${g.h.str(`${n.name}：`)} + ${g.show(g.expr(n), t)}`);
  }
  return parts.length
    ? `${g.h.str("（")} + ${parts.join(` + ${g.h.str("；")} + `)} + ${g.h.str("）")}`
    : "";
}

/** Parameters an expression depends on, through definitions too. */
export function paramsIn(
  g: { readonly checked: Checked },
  e: Expr,
  seen = new Set<string>(),
): Set<number> {
  const out = new Set<number>();
  for (const n of namesIn(e)) {
    const sym = g.checked.cx.symbols.get(n.name);
    if (sym?.kind === "param") out.add(sym.index);
    if (sym?.kind === "define" && !seen.has(sym.name)) {
      seen.add(sym.name);
      paramsIn(g, sym.decl.expr, seen).forEach((i) => out.add(i));
    }
  }
  return out;
}

/** Emit the eligibility checks (conditions, exclusions) shared by 支持对象 and clauses. */
export function emitChecks(
  g: ExprGen,
  w: Writer,
  items: readonly ClauseItem[],
  prefix: string,
  run: string,
): void {
  for (const it of items) {
    if (it.kind === "Condition") {
      const cond = it.unless ? `(${g.expr(it.expr)} || ${g.expr(it.unless)})` : g.expr(it.expr);
      const note = valuesNote(g, it.expr);
      const msg = g.h.str(
        `${prefix}未满足条件：${text(it.expr)}${it.unless ? `（除非 ${text(it.unless)}）` : ""}`,
      );
      // The figures behind a failed condition belong to the explanation: shown only when explaining.
      w.line(
        `if (!${cond}) ${run}.fail(${note ? `ctx.explain ? ${msg} + ${note} : ${msg}` : msg});`,
      );
    } else if (it.kind === "Exclude") {
      const msg = g.h.str(`${prefix}属于排除情形：${it.reason ?? text(it.expr)}`);
      w.line(`if (${g.expr(it.expr)}) ${run}.fail(${msg});`);
    }
  }
}

function paramGuard(
  g: ExprGen,
  w: Writer,
  params: ReadonlySet<number>,
  onUnset: (msg: string) => string,
): void {
  for (const i of [...params].sort((a, b) => a - b)) {
    const p = g.checked.params[i]!;
    const msg = g.h.str(`参数“${p.name}”尚未设定（待定）：需由申报指南设定后才能计算`);
    w.line(`if (p[${i}] === undefined) ${onUnset(msg)};`);
  }
}

/** Emit one clause as a function named `clause{N}`. */
export function emitClause(g: ExprGen, c: Clause, rounding: Rounding): string {
  // history queries (已获支持年数 …) in this clause ask about this clause's awards
  g.clause = c.number;
  try {
    return emitClauseBody(g, c, rounding);
  } finally {
    g.clause = undefined;
  }
}

function emitClauseBody(g: ExprGen, c: Clause, rounding: Rounding): string {
  const ts = g.ts;
  const w = new Writer();
  const H = (s: string) => g.h.str(s);
  const src = c.items.find(
    (i): i is Extract<ClauseItem, { kind: "Source" }> => i.kind === "Source",
  );
  w.line(comment(`${c.label} ${c.title}`));
  if (src) w.line(comment(`原文：${src.text}`));
  w.open(
    `function ${clauseFunctionName(c.number)}(ctx${ts ? ": rt.Ctx" : ""})${ts ? ": ClauseResult" : ""}`,
  );
  w.line("const v = ctx.v;").line("const p = ctx.p;");
  w.line(
    `const c = new rt.ClauseRun(${clauseNumberCode(c.number)}, ${lit(c.label)}, ${lit(c.title)}, ctx.explain);`,
  );
  w.line("const x = ctx.explain ? c : null;");
  const defaultPayer = g.checked.policy.header?.payer;
  if (defaultPayer !== undefined && !c.items.some((it) => it.kind === "Payer"))
    w.line(`c.payer = ${lit(defaultPayer)};`);
  for (const it of c.items) {
    if (!inPart(it, "meta")) continue;
    if (it.kind === "Stackable") w.line(`c.stacksWith = ${lit(it.with)};`);
    else if (it.kind === "Beneficiary") w.line(`c.beneficiary = ${lit(it.who)};`);
    else if (it.kind === "Payer") w.line(`c.payer = ${lit(it.who)};`);
    else assertNever(it);
  }
  w.open("try");
  for (const it of c.items) {
    if (it.kind === "Window") {
      w.line(
        `if (ctx.date < ${lit(it.from)} || ctx.date > ${lit(it.to)}) c.fail(${H(`不在本条申报期内（${it.from} 至 ${it.to}）`)});`,
      );
    }
  }
  // Checks that need no parameter come first: a clause that fails them is simply not applicable,
  // and only an applicable clause reports a parameter still 待定.
  const usesParam = (it: ClauseItem) =>
    (it.kind === "Condition" || it.kind === "Exclude") &&
    (paramsIn(g, it.expr).size > 0 ||
      (it.kind === "Condition" && !!it.unless && paramsIn(g, it.unless).size > 0));
  emitChecks(
    g,
    w,
    c.items.filter((it) => !usesParam(it)),
    "",
    "c",
  );
  const params = g.checked.clauseParams.get(c.number) ?? new Set<number>();
  if (params.size > 0) {
    w.line("if (c.reasons.length) return c.ineligible();");
    paramGuard(g, w, params, (msg) => `return c.error(${msg})`);
    emitChecks(g, w, c.items.filter(usesParam), "", "c");
  }
  let once = false; // a repeated 一次性 is checked once (it used to declare `once` twice)
  for (const it of c.items) {
    if ((it.kind === "Once" || it.kind === "PerYearLimit" || it.kind === "Quota") && it.scope) {
      emitScopedCheck(g, w, it, it.scope, c.number);
      continue;
    }
    if (it.kind === "YearsLimit") {
      w.line(
        `{ const r = rt.yearsRefusal(ctx, ${c.number}, ${it.years}, ${it.consecutive}); if (r) c.fail(r); }`,
      );
    }
    if (it.kind === "Once" && !once) {
      once = true;
      w.line(
        `const once = rt.firstAward(ctx.ledger, ctx.applicant, ${clauseNumberCode(c.number)}, ctx.date);`,
      );
      w.line(
        `if (once) c.fail(${H("本条为一次性支持，已于")} + rt.fmtDate(once.date) + ${H("获得")} + rt.fmtMoney(rt.dec(once.amount)));`,
      );
    }
    if (it.kind === "PerYearLimit") {
      w.line(
        `if (rt.countInYear(ctx.ledger, ctx.applicant, ${clauseNumberCode(c.number)}, ctx.year, ctx.date) >= ${countCode(it.count)}) c.fail(${H(`每年限申报${it.count}项，本年度已获支持`)});`,
      );
    }
    if (it.kind === "Quota") {
      w.line(
        `if ((ctx.quotaUsed[${clauseNumberCode(c.number)}] ?? 0) >= ${countCode(it.count)}) c.fail(${H(`本年度名额已满（每年${it.count}个）`)});`,
      );
    }
  }
  w.line("if (c.reasons.length) return c.ineligible();");
  const award = c.items.find(
    (i): i is Extract<ClauseItem, { kind: "Award" }> => i.kind === "Award",
  );
  const benefit = c.items.find(
    (i): i is Extract<ClauseItem, { kind: "Benefit" }> => i.kind === "Benefit",
  );
  if (!award) {
    w.line(
      benefit ? `return c.benefit(${lit(benefit.text)});` : `return c.benefit(${H("无资金支持")});`,
    );
    w.close().open("catch (e)").line("return rt.caught(c, e);").close().close();
    return w.toString();
  }
  emitAward(g, w, award, c.number, rounding);
  if (award.form.kind !== "CaseByCase") {
    for (const it of c.items) if (inPart(it, "steps")) emitStep(g, w, it, c.number);
    emitRounding(g, w, rounding);
    w.line("const maximum = a;");
    if (award.form.kind === "UpTo") w.line("if (ok === undefined) return c.needsDecision(a);");
    else {
      w.line(`const approved = ctx.approved[${clauseNumberCode(c.number)}];`);
      w.open("if (approved !== undefined)");
      w.line(
        `const ap = rt.roundMoney(rt.dec(approved), ${lit(rounding.unit)}, ${lit(rounding.mode)});`,
      );
      w.line("a = rt.min(ap, a);");
      w.line(
        `if (x) x.step(${H("核定金额 ")} + rt.fmtMoney(ap) + ${H("（不超过按政策计算的 ")} + rt.fmtMoney(maximum) + ${H("）→ ")} + rt.fmtMoney(a), a);`,
      );
      w.close();
    }
    emitPayment(g, w, c);
  }
  w.close().open("catch (e)").line("return rt.caught(c, e);").close().close();
  return w.toString();
}

function emitAward(
  g: ExprGen,
  w: Writer,
  award: Extract<ClauseItem, { kind: "Award" }>,
  n: ClauseKey,
  rounding: Rounding,
): void {
  const H = (s: string) => g.h.str(s);
  const f = award.form;
  const dec = g.ts ? ": rt.Dec" : "";
  switch (f.kind) {
    case "Ratio":
      w.line(`const base = ${g.expr(f.base)};`);
      w.line(`const ratio = ${g.expr(f.ratio)};`);
      w.line(`let a${dec} = base.mul(ratio);`);
      w.line("c.base = base;");
      w.line(
        `if (x) x.step(${H(`${text(f.base)} `)} + rt.fmtMoney(base) + " × " + rt.fmtRatio(ratio) + " = " + rt.fmtMoney(a), a);`,
      );
      return;
    case "Fixed":
      w.line(`let a${dec} = ${g.expr(f.amount)};`);
      w.line(`if (x) x.step(${H(`${award.word} `)} + rt.fmtMoney(a), a);`);
      return;
    case "Compute": {
      w.line(`let a${dec} = ${g.expr(f.amount)};`);
      const note = valuesNote(g, f.amount);
      w.line(
        `if (x) x.step(${H(`${text(f.amount)}`)}${note ? ` + ${note}` : ""} + " = " + rt.fmtMoney(a), a);`,
      );
      w.open("if (a.isNeg())")
        .line(`if (x) x.step(${H("计算结果为负，按 0 计")}, rt.ZERO);`)
        .line("a = rt.ZERO;")
        .close();
      return;
    }
    case "UpTo":
      // Without an approved amount the caps that follow still apply: the decision is asked for
      // with the maximum that every cap allows (最高 100万 with 上限 80万 asks for at most 80万).
      w.line(`const top = ${g.expr(f.amount)};`);
      w.line(`const ok = ctx.approved[${clauseNumberCode(n)}];`);
      w.line(`let a${dec} = ok === undefined ? top : rt.min(rt.dec(ok), top);`);
      w.line(
        `if (x) x.step(ok === undefined ? ${H("最高 ")} + rt.fmtMoney(top) : ${H("核定金额 ")} + rt.fmtMoney(rt.dec(ok)) + ${H("，最高 ")} + rt.fmtMoney(top) + " → " + rt.fmtMoney(a), a);`,
      );
      return;
    case "CaseByCase":
      w.line(`const ok = ctx.approved[${clauseNumberCode(n)}];`);
      w.line("if (ok === undefined) return c.needsDecision();");
      w.line(`let a${dec} = rt.dec(ok);`);
      w.line(
        `if (x) x.step(${H("一事一议：按核定金额 ")} + rt.fmtMoney(a) + ${H("（不受比例和上限限制）")}, a);`,
      );
      emitRounding(g, w, rounding);
      w.line("return c.awarded(a);");
      return;
  }
}

/** `上限 s`: the amount is cut to the cap held in `cap` (a variable of the generated code). */
function emitPlainCap(g: ExprGen, w: Writer, cap: string): void {
  const H = (s: string) => g.h.str(s);
  w.open(`if (a.gt(${cap}))`);
  w.line(
    `if (x) x.step(rt.fmtMoney(a) + ${H(" 超过上限 ")} + rt.fmtMoney(${cap}) + " → " + rt.fmtMoney(${cap}), ${cap});`,
  );
  w.line(`a = ${cap};`);
  w.close().line(
    `else if (x) x.step(rt.fmtMoney(a) + ${H(" 未超过上限 ")} + rt.fmtMoney(${cap}), a);`,
  );
}

function emitStep(g: ExprGen, w: Writer, it: PartItem<"steps">, n: ClauseKey): void {
  const H = (s: string) => g.h.str(s);
  if (it.kind === "Step") {
    const guard = it.when ? `if (${g.expr(it.when)})` : "";
    w.open(guard);
    w.line(`const s = ${g.expr(it.value)};`);
    const what = text(it.value);
    switch (it.step) {
      case "cap":
        if (it.including) {
          w.line(`const inc = ${g.expr(it.including)};`);
          w.line("const room = rt.max(rt.ZERO, s.minus(inc));");
          // Nothing received (0元) is a zero term: the step then reads as the plain cap.
          w.open("if (inc.isZero() && room.eq(s))");
          emitPlainCap(g, w, "room");
          w.close().open("else");
          w.line(
            `if (x) x.step(${H(`与${text(it.including)} `)} + rt.fmtMoney(inc) + ${H(" 合计不超过上限 ")} + rt.fmtMoney(s) + ${H("，本条至多 ")} + rt.fmtMoney(room));`,
          );
          w.line("if (a.gt(room)) a = room;");
          w.line(`if (x) x.step(${H("→ ")} + rt.fmtMoney(a), a);`);
          w.close();
        } else emitPlainCap(g, w, "s");
        break;
      case "max":
        // 就高 against 0元 changes nothing and is not shown.
        w.line(
          `if (x && !(s.isZero() && !a.isNeg())) x.step(${H(`就高：${what} `)} + rt.fmtMoney(s) + ${H(" 与 ")} + rt.fmtMoney(a) + ${H(" 取高 → ")} + rt.fmtMoney(rt.max(a, s)), rt.max(a, s));`,
        );
        w.line("a = rt.max(a, s);");
        break;
      case "min":
        w.line(
          `if (x) x.step(${H(`就低：${what} `)} + rt.fmtMoney(s) + ${H(" 与 ")} + rt.fmtMoney(a) + ${H(" 取低 → ")} + rt.fmtMoney(rt.min(a, s)), rt.min(a, s));`,
        );
        w.line("a = rt.min(a, s);");
        break;
      case "topUp":
        w.line("const left = rt.max(rt.ZERO, a.minus(s));");
        w.line(
          `if (x && !s.isZero()) x.step(${H(`补差：扣减${what} `)} + rt.fmtMoney(s) + " → " + rt.fmtMoney(left), left);`,
        );
        w.line("a = left;");
        break;
    }
    w.close();
    if (it.when)
      w.line(
        `else if (x) x.step(${H(`（不满足“${text(it.when)}”，本步“${stepWord(it.step)}”不适用）`)});`,
      );
    return;
  }
  if ((it.kind === "AnnualCap" || it.kind === "TotalCap") && it.scope) {
    emitScopedCap(g, w, it, it.scope, n);
    return;
  }
  if (it.kind !== "AnnualCap" && it.kind !== "TotalCap") return assertNever(it);
  {
    const annual = it.kind === "AnnualCap";
    w.open("");
    w.line(`const cap = ${g.expr(it.value)};`);
    w.line(
      annual
        ? `const used = rt.sumInYear(ctx.ledger, ctx.applicant, ${clauseNumberCode(n)}, ctx.year, ctx.date);`
        : `const used = rt.sumAll(ctx.ledger, ctx.applicant, ${clauseNumberCode(n)}, ctx.date);`,
    );
    w.line("const room = rt.max(rt.ZERO, cap.minus(used));");
    const label = annual ? `本年度（按自然年）已获本条资助 ` : "历年已获本条资助 ";
    w.line(
      `if (x) x.step(${H(label)} + rt.fmtMoney(used) + ${H(annual ? "，年度累计上限 " : "，累计上限 ")} + rt.fmtMoney(cap) + ${H("，本次至多 ")} + rt.fmtMoney(room));`,
    );
    w.open("if (a.gt(room))")
      .line("a = room;")
      .line(`if (x) x.step(${H("→ ")} + rt.fmtMoney(a), a);`)
      .close();
    w.close();
  }
}

function emitRounding(g: ExprGen, w: Writer, r: Rounding): void {
  w.line(`const rounded = rt.roundMoney(a, ${lit(r.unit)}, ${lit(r.mode)});`);
  const words = roundingWords(r);
  const rule = words.unit + words.mode;
  w.line(
    `if (x && !rounded.eq(a)) x.step(rt.fmtMoney(a) + ${g.h.str(` 按${rule} → `)} + rt.fmtMoney(rounded), rounded);`,
  );
  w.line("a = rounded;");
}

function emitPayment(g: ExprGen, w: Writer, c: Clause): void {
  const pay = c.items.find(
    (i): i is Extract<ClauseItem, { kind: "Payment" }> => i.kind === "Payment",
  );
  if (!pay) {
    w.line("return c.awarded(a, maximum);");
    return;
  }
  const paid = c.items.find((i): i is Extract<ClauseItem, { kind: "Paid" }> => i.kind === "Paid");
  const H = (s: string) => g.h.str(s);
  w.line(`const share = ${g.expr(pay.table)};`);
  w.line("const due = rt.roundMoney(a.mul(share));");
  w.line(`const paid = ${paid ? g.expr(paid.value) : "rt.ZERO"};`);
  w.line("const payable = due.minus(paid);");
  w.line(
    `if (x) x.step(${H("核定总额 ")} + rt.fmtMoney(a) + " × " + rt.fmtRatio(share) + " = " + rt.fmtMoney(due) + ${H("，已拨付 ")} + rt.fmtMoney(paid) + (payable.isNeg() ? ${H("，应追回 ")} + rt.fmtMoney(payable.neg()) : ${H("，本次应拨付 ")} + rt.fmtMoney(payable)), payable);`,
  );
  w.line("return c.awarded(a, maximum, payable);");
}
