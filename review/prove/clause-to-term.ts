/**
 * One clause → its outcome as solver terms, step for step as the generated clause function runs:
 * window and conditions (any failure to evaluate is an error), the parameter-dependent checks
 * after the others, 一次性 / 每年限 / 名额 from the ledger and quota, the award, every cap and
 * adjustment in source order, rounding with the policy's rule, the approved (核定) amount, and a
 * negative result as an error. The amount is the clause's own (before 叠加规则).
 */
import type { Clause, ClauseItem, Rounding } from "../../grammar/index.js";
import { exprToText, SPAN_FIELDS } from "../../grammar/index.js";
import { dayOf } from "./domain.js";
import { Untranslated, type ExprTr } from "./expr-to-term.js";
import type { Num } from "./terms.js";
import type { ZArith, ZBool } from "./z3.js";

/** Outcome codes: 0 an amount (0 when not eligible), 1 needs a decision, 2 error, 3 a benefit. */
export const MONEY = 0;
export const DECISION = 1;
export const ERROR = 2;
export const BENEFIT = 3;

export interface Outcome {
  readonly status: ZArith;
  /** In 元 (den 100 after rounding); 0 unless status is {@link MONEY}. */
  readonly amount: Num;
  /** The same before rounding to the 分 (regions are cut on exact amounts). */
  readonly exact?: Num;
}

/** Checks as the generated `emitChecks` runs them: every check is evaluated; any throw is an error. */
export function checks(
  tr: ExprTr,
  items: readonly ClauseItem[],
): { fail: ZBool; err: ZBool | false } {
  const z = tr.z;
  const fails: ZBool[] = [];
  let err: ZBool | false = false;
  for (const it of items) {
    if (it.kind === "Condition") {
      const c = tr.bool(it.expr);
      let ok = c.b;
      err = tr.or(err, c.err);
      if (it.unless) {
        const u = tr.bool(it.unless);
        err = tr.or(err, tr.when(z.Not(c.b), u.err));
        ok = z.Or(c.b, u.b);
      }
      fails.push(z.Not(ok));
    } else if (it.kind === "Exclude") {
      const c = tr.bool(it.expr);
      err = tr.or(err, c.err);
      fails.push(c.b);
    }
  }
  return { fail: fails.length ? z.Or(...fails) : z.Bool.val(false), err };
}

const usesParam = (tr: ExprTr, it: ClauseItem): boolean => {
  if (it.kind !== "Condition" && it.kind !== "Exclude") return false;
  const seen = new Set<string>();
  const walk = (e: unknown): boolean => {
    if (!e || typeof e !== "object") return false;
    const n = e as { kind?: string; name?: string };
    if (n.kind === "Name" && n.name) {
      const sym = tr.checked.cx.symbols.get(n.name);
      if (sym?.kind === "param") return true;
      if (sym?.kind === "define" && !seen.has(sym.name)) {
        seen.add(sym.name);
        return walk(sym.decl.expr);
      }
    }
    return Object.entries(e).some(([k, v]) => !SPAN_FIELDS.has(k) && walk(v));
  };
  return walk(it.expr) || (it.kind === "Condition" && walk(it.unless));
};

interface Run {
  a: Num;
  err: ZBool | false;
  text: string;
}

/** The clause's outcome, given whether the policy itself applies (validity and 支持对象). */
export function clauseOutcome(tr: ExprTr, c: Clause, key: string, rounding: Rounding): Outcome {
  const { z, t, d } = { z: tr.z, t: tr.t, d: tr.d };
  const reasons: ZBool[] = [];
  for (const it of c.items)
    if (it.kind === "Window")
      reasons.push(z.Or(d.date.lt(dayOf(it.from)), d.date.gt(dayOf(it.to))));
  const plain = checks(
    tr,
    c.items.filter((it) => !usesParam(tr, it)),
  );
  reasons.push(plain.fail);
  const before = z.Or(...reasons);
  const withParams = checks(
    tr,
    c.items.filter((it) => usesParam(tr, it)),
  );
  let err = tr.or(plain.err, tr.when(z.Not(before), withParams.err));
  reasons.push(withParams.fail);
  const ledger = c.items.some((it) => it.kind === "Once" || it.kind === "PerYearLimit");
  const l = ledger ? d.ledgerOf(key) : undefined;
  for (const it of c.items) {
    if (it.kind === "Once") {
      reasons.push(l!.all.gt(0));
      d.atom(l!.all.gt(0), `台账中已获${c.label}资助（一次性）`, `此前未获${c.label}资助`);
    }
    if (it.kind === "PerYearLimit") reasons.push(l!.count.ge(it.count));
    if (it.kind === "Quota") {
      const q = d.quotaOf(key).ge(it.count);
      reasons.push(q);
      d.atom(q, `${c.label}本年度名额已满`, `${c.label}本年度名额未满`);
    }
  }
  for (const it of c.items)
    if (
      (it.kind === "Once" ||
        it.kind === "PerYearLimit" ||
        it.kind === "Quota" ||
        it.kind === "AnnualCap" ||
        it.kind === "TotalCap") &&
      it.scope
    )
      throw new Untranslated("按同一项目、单个企业或全部企业计的限额");
  if (c.items.some((it) => it.kind === "YearsLimit"))
    throw new Untranslated("按项目年度推算的支持年限（连续支持、自首次获得支持起）");
  const fail = z.Or(...reasons);
  const zero = t.zero();
  const award = c.items.find(
    (i): i is Extract<ClauseItem, { kind: "Award" }> => i.kind === "Award",
  );
  const code = (n: number) => t.int(n);
  if (!award) {
    const status = z.If(
      err || z.Bool.val(false),
      code(ERROR),
      z.If(fail, code(MONEY), code(BENEFIT)),
    );
    return { status: status as ZArith, amount: zero, exact: zero };
  }
  const body = awardBody(tr, c, key, award, rounding);
  err = tr.or(err, tr.when(z.Not(fail), body.err));
  const negative = t.cmp(body.a, zero, "lt");
  const status = z.If(
    err || z.Bool.val(false),
    code(ERROR),
    z.If(
      fail,
      code(MONEY),
      z.If(body.decision, code(DECISION), z.If(negative, code(ERROR), code(MONEY))),
    ),
  ) as ZArith;
  const amount = t.ite(status.eq(MONEY), t.ite(fail, zero, body.a), zero);
  const exact = t.ite(status.eq(MONEY), t.ite(fail, zero, body.exact), zero);
  return { status, amount: { ...amount, nonneg: body.a.nonneg }, exact };
}

function awardBody(
  tr: ExprTr,
  c: Clause,
  key: string,
  award: Extract<ClauseItem, { kind: "Award" }>,
  rounding: Rounding,
): { a: Num; exact: Num; err: ZBool | false; decision: ZBool } {
  const { z, t, d } = { z: tr.z, t: tr.t, d: tr.d };
  const unit = { fen: 1n, jiao: 10n, yuan: 100n }[rounding.unit];
  const f = award.form;
  const no = z.Bool.val(false);
  const fen = (x: ZArith): Num => ({ t: x, den: 100n, nonneg: true });
  let run: Run;
  let decision: ZBool = no;
  switch (f.kind) {
    case "Ratio": {
      const base = tr.num(f.base);
      const ratio = tr.num(f.ratio);
      run = {
        a: t.mul(base.n, ratio.n),
        err: tr.or(base.err, ratio.err),
        text: `${exprToText(f.base)} × ${exprToText(f.ratio)}`,
      };
      break;
    }
    case "Fixed": {
      const x = tr.num(f.amount);
      run = { a: x.n, err: x.err, text: exprToText(f.amount) };
      break;
    }
    case "Compute": {
      const x = tr.num(f.amount);
      run = { a: t.max(x.n, t.zero()), err: x.err, text: exprToText(f.amount) };
      break;
    }
    case "UpTo": {
      const top = tr.num(f.amount);
      const ap = d.approvedOf(key);
      decision = z.Not(ap.given);
      d.atom(ap.given, `已给出${c.label}的核定金额`, `未给出${c.label}的核定金额`);
      run = { a: t.min(fen(ap.fen), top.n), err: top.err, text: "核定金额" };
      break;
    }
    case "CaseByCase": {
      const ap = d.approvedOf(key);
      d.atom(ap.given, `已给出${c.label}的核定金额`, `未给出${c.label}的核定金额`);
      return { a: fen(ap.fen), exact: fen(ap.fen), err: false, decision: z.Not(ap.given) };
    }
  }
  for (const it of c.items) run = step(tr, it, key, run, c.label);
  let a = t.round(run.a, unit, rounding.mode);
  let exact = run.a;
  if (f.kind !== "UpTo") {
    const ap = d.approvedOf(key);
    d.atom(ap.given, `已给出${c.label}的核定金额`, `未给出${c.label}的核定金额`);
    const what = `按${c.label}计算的金额`;
    d.atom(t.cmp(fen(ap.fen), a, "lt"), `核定金额低于${what}`, `核定金额不低于${what}`, {
      x: fen(ap.fen),
      y: a,
      gt: `核定金额高于${what}`,
      eq: `核定金额等于${what}`,
      lt: `核定金额低于${what}`,
    });
    a = t.ite(ap.given, t.min(fen(ap.fen), a), a);
    exact = t.ite(ap.given, t.min(fen(ap.fen), exact), exact);
  }
  let err = run.err;
  for (const it of c.items) {
    if (it.kind === "Payment") err = tr.or(err, tr.expr(it.table).err);
    if (it.kind === "Paid") err = tr.or(err, tr.expr(it.value).err);
  }
  return { a, exact, err, decision };
}

const CHANGED = "经前述调整后的金额";

function step(tr: ExprTr, it: ClauseItem, key: string, run: Run, label: string): Run {
  const { t, d } = { t: tr.t, d: tr.d };
  const short = (e: Parameters<typeof exprToText>[0]) =>
    e.kind === "Table" ? `上限（按${e.keys.map((k) => exprToText(k)).join("、")}）` : exprToText(e);
  if (it.kind === "AnnualCap" || it.kind === "TotalCap") {
    const cap = tr.num(it.value);
    const l = d.ledgerOf(key);
    const used = { t: it.kind === "AnnualCap" ? l.year : l.all, den: 100n, nonneg: true };
    const room = t.max(t.zero(), t.sub(cap.n, used));
    const over = t.cmp(run.a, room, "gt");
    const what = it.kind === "AnnualCap" ? "年度累计上限" : "累计上限";
    const left = `${label}${what}的剩余额度`;
    d.atom(over, `${run.text}超过${left}`, `${run.text}不超过${left}`, {
      x: run.a,
      y: room,
      gt: `${run.text}超过${left}`,
      eq: `${run.text}恰为${left}`,
      lt: `${run.text}低于${left}`,
    });
    return { a: t.ite(over, room, run.a), err: tr.or(run.err, cap.err), text: CHANGED };
  }
  if (it.kind !== "Step") return run;
  let guard: ZBool | undefined;
  let err = run.err;
  if (it.when) {
    const g = tr.bool(it.when);
    err = tr.or(err, g.err);
    guard = g.b;
  }
  const s = tr.num(it.value);
  let sErr: ZBool | false = s.err;
  let next: Num;
  switch (it.step) {
    case "cap": {
      let room = s.n;
      if (it.including) {
        const inc = tr.num(it.including);
        sErr = tr.or(sErr, inc.err);
        room = t.max(t.zero(), t.sub(s.n, inc.n));
        const over = t.cmp(run.a, room, "gt");
        const rest = `${short(it.value)}减去${exprToText(it.including)}后的余额`;
        d.atom(over, `${run.text}超过${rest}`, `${run.text}不超过${rest}`, {
          x: run.a,
          y: room,
          gt: `${run.text}超过${rest}`,
          eq: `${run.text}恰为${rest}`,
          lt: `${run.text}低于${rest}`,
        });
        next = t.ite(over, room, run.a);
      } else {
        const over = t.cmp(run.a, s.n, "gt");
        const cap = short(it.value);
        d.atom(over, `${run.text}超过${cap}`, `${run.text}不超过${cap}`, {
          x: run.a,
          y: s.n,
          gt: `${run.text}超过${cap}`,
          eq: `${run.text}恰为${cap}`,
          lt: `${run.text}低于${cap}`,
        });
        next = t.ite(over, s.n, run.a);
      }
      break;
    }
    case "max": {
      const hi = t.cmp(s.n, run.a, "gt");
      const v = short(it.value);
      d.atom(hi, `${v}高于${run.text}`, `${v}不高于${run.text}`, {
        x: s.n,
        y: run.a,
        gt: `${v}高于${run.text}`,
        eq: `${v}等于${run.text}`,
        lt: `${v}低于${run.text}`,
      });
      next = t.max(run.a, s.n);
      break;
    }
    case "min": {
      const lo = t.cmp(s.n, run.a, "lt");
      const v = short(it.value);
      d.atom(lo, `${v}低于${run.text}`, `${v}不低于${run.text}`, {
        x: s.n,
        y: run.a,
        gt: `${v}高于${run.text}`,
        eq: `${v}等于${run.text}`,
        lt: `${v}低于${run.text}`,
      });
      next = t.min(run.a, s.n);
      break;
    }
    case "topUp":
      next = t.max(t.zero(), t.sub(run.a, s.n));
      break;
  }
  if (guard) {
    err = tr.or(err, tr.when(guard, sErr));
    return { a: t.ite(guard, next, run.a), err, text: CHANGED };
  }
  return { a: next, err: tr.or(err, sErr), text: CHANGED };
}

export { Untranslated };
