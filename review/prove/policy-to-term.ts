/**
 * One compiled version → terms: validity dates, 支持对象, every clause's own outcome, then the
 * 叠加规则 as the runtime applies them (从高不重复: the first clause with the highest amount keeps
 * it; 扣除: other support deducted clause by clause, not below 0) and the total.
 */
import type { Clause, Policy, Rounding } from "../../grammar/index.js";
import { itemsOf } from "../../grammar/index.js";
import type { Checked } from "../../compiler/index.js";
import { dayOf, type Domain } from "./domain.js";
import { ExprTr, Untranslated } from "./expr-to-term.js";
import { BENEFIT, ERROR, MONEY, checks, clauseOutcome, type Outcome } from "./clause-to-term.js";
import type { Num } from "./terms.js";
import type { ZBool } from "./z3.js";

export interface VersionTerms {
  /** Each clause's own outcome (before 叠加规则), by clause-pair key. */
  readonly own: ReadonlyMap<string, Outcome>;
  /** The same before naming: identical terms in both versions mean identical computations. */
  readonly raw?: ReadonlyMap<string, Outcome>;
  /** Outcomes after 叠加规则: what the evaluator reports. */
  readonly final: ReadonlyMap<string, Outcome>;
  readonly total?: Num;
  /** Clauses (by key) whose rules are not translated, with the reason. */
  readonly untranslated: ReadonlyMap<string, string>;
  /** Why the policy level (validity, 支持对象, 叠加规则) is not translated, if it is not. */
  readonly policyUntranslated?: string;
}

const DEFAULT_ROUNDING: Rounding = { unit: "fen", mode: "halfUp" };

/** Translate a checked version; `keyOf` names each clause by its pair (shared with the other version). */
export function versionTerms(
  d: Domain,
  checked: Checked,
  version: "old" | "new",
  keyOf: (c: Clause) => string,
): VersionTerms {
  const z = d.z;
  const t = d.terms;
  const tr = new ExprTr(d, checked, version);
  d.version = version;
  const policy: Policy = checked.policy;
  const h = policy.header;
  const rounding = h?.rounding ?? DEFAULT_ROUNDING;
  const untranslated = new Map<string, string>();
  const own = new Map<string, Outcome>();
  const raw = new Map<string, Outcome>();
  let gate: { out: ZBool; fail: ZBool; err: ZBool | false };
  d.scope = "政策";
  try {
    const out: ZBool[] = [];
    // 有效期 适用于 立项日期: the validity governs that date input, not the application date.
    const governed = h?.validFor ? tr.expr(h.validFor).v : { k: "date" as const, d: d.date };
    if (governed.k !== "date")
      throw new Untranslated(`有效期适用于的“${h?.validFor?.name}”不是日期`);
    if (h?.validFrom) out.push(governed.d.lt(dayOf(h.validFrom)));
    if (h?.validTo) out.push(governed.d.gt(dayOf(h.validTo)));
    if (h?.repeal) out.push(d.date.ge(dayOf(h.repeal.date)));
    if (h?.window) out.push(d.date.lt(dayOf(h.window.from)), d.date.gt(dayOf(h.window.to)));
    const notInForce = out.length ? z.Or(...out) : z.Bool.val(false);
    if (out.length)
      d.atom(
        z.Not(notInForce),
        "申报日期在政策有效期（申报期）内",
        "申报日期不在政策有效期（申报期）内",
      );
    const elig = checks(
      tr,
      itemsOf(policy, "Eligibility").flatMap((e) => e.items),
    );
    gate = { out: notInForce, fail: elig.fail, err: elig.err };
  } catch (e) {
    if (!(e instanceof Untranslated)) throw e;
    return { own, final: own, untranslated, policyUntranslated: e.message };
  }
  const zero = t.zero();
  for (const c of checked.clauses) {
    const key = keyOf(c);
    d.scope = key;
    try {
      const o = clauseOutcome(tr, c, key, rounding);
      // 支持对象 fails: every clause not eligible; cannot be judged: every clause an error.
      const status = z.If(
        gate.out,
        t.int(MONEY),
        z.If(gate.err || z.Bool.val(false), t.int(ERROR), z.If(gate.fail, t.int(MONEY), o.status)),
      ) as Outcome["status"];
      const off = z.Or(gate.out, gate.fail, gate.err || z.Bool.val(false));
      const amount = t.ite(off, zero, o.amount);
      // named, so that 叠加规则 and the total compare small terms; a clause both versions
      // compute identically is one name, so the solver sees at once that it cannot differ
      const named = d.named.get(key);
      let sv, av;
      if (
        named &&
        named.status.eqIdentity(status) &&
        named.amount.t.eqIdentity(amount.t) &&
        named.amount.den === amount.den
      ) {
        sv = named.sv;
        av = named.av;
      } else {
        sv = d.freshInt(`${version}${key}状态`);
        av = d.freshInt(`${version}${key}金额`);
        d.define(sv.eq(status));
        d.define(av.eq(amount.t));
        if (!named) d.named.set(key, { status, amount, sv, av });
      }
      const exact = t.ite(off, zero, o.exact ?? o.amount);
      own.set(key, {
        status: sv,
        amount: { t: av, den: amount.den, nonneg: amount.nonneg },
        exact,
      });
      raw.set(key, { status, amount });
    } catch (e) {
      if (!(e instanceof Untranslated)) throw e;
      untranslated.set(key, e.message);
    }
  }
  if (untranslated.size) return { own, final: own, untranslated };
  d.scope = "叠加";
  try {
    const { final, total } = stacking(tr, checked, keyOf, own);
    return { own, raw, final, total, untranslated };
  } catch (e) {
    if (!(e instanceof Untranslated)) throw e;
    return { own, final: own, untranslated, policyUntranslated: e.message };
  }
}

function stacking(
  tr: ExprTr,
  checked: Checked,
  keyOf: (c: Clause) => string,
  own: ReadonlyMap<string, Outcome>,
): { final: Map<string, Outcome>; total: Num } {
  const { z, t } = { z: tr.z, t: tr.t };
  const items = itemsOf(checked.policy, "Stacking").flatMap((s) => s.items);
  const highest = items.some((i) => i.kind === "HighestOnly");
  const deductItem = items.find((i) => i.kind === "Deduct");
  if (items.some((i) => i.kind === "Limit"))
    throw new Untranslated("叠加规则中按本政策各条合计的限额（如 单个企业 每年限 1 项）");
  const cs = checked.clauses.map((c) => {
    const o = own.get(keyOf(c))!;
    const free = c.items.some((i) => i.kind === "Stackable");
    const stackable = free
      ? z.Bool.val(false)
      : z.And(o.status.eq(MONEY), t.cmp(o.amount, t.zero(), "gt"));
    return { key: keyOf(c), o, stackable, label: c.label };
  });
  let amounts = cs.map((c) => c.o.amount);
  let stackable = cs.map((c) => c.stackable);
  if (highest) {
    const best = cs.map((c, i) =>
      z.And(
        c.stackable,
        ...cs.flatMap((o, j) =>
          j === i
            ? []
            : [z.Not(z.And(o.stackable, t.cmp(o.o.amount, c.o.amount, j < i ? "ge" : "gt")))],
        ),
      ),
    );
    amounts = cs.map((c, i) => t.ite(z.And(c.stackable, z.Not(best[i]!)), t.zero(), c.o.amount));
    stackable = best;
  }
  let statuses = cs.map((c) => c.o.status);
  if (deductItem && deductItem.kind === "Deduct") {
    const dd = tr.num(deductItem.value);
    let left = t.max(dd.n, t.zero());
    const next = amounts.map((a, i) => {
      const s = stackable[i]!;
      const after = t.ite(s, t.max(t.sub(a, left), t.zero()), a);
      left = t.ite(s, t.sub(left, t.sub(a, after)), left);
      return after;
    });
    if (dd.err !== false) {
      const err = dd.err;
      statuses = statuses.map(
        (st, i) => z.If(z.And(err, stackable[i]!), t.int(ERROR), st) as typeof st,
      );
      amounts = next.map((a, i) => t.ite(z.And(err, stackable[i]!), t.zero(), a));
    } else amounts = next;
    tr.d.atom(
      t.cmp(dd.n, t.zero(), "gt"),
      `${deductItem.value.kind === "Name" ? deductItem.value.name : "应扣除的金额"}大于 0`,
      `${deductItem.value.kind === "Name" ? deductItem.value.name : "应扣除的金额"}为 0`,
    );
  }
  const final = new Map<string, Outcome>();
  cs.forEach((c, i) => final.set(c.key, { status: statuses[i]!, amount: amounts[i]! }));
  // The total in closed form (linear in the number of clauses): the clauses that stack freely,
  // plus the highest stackable amount (从高不重复) or all of them, less what is deducted.
  let free = t.zero();
  let pool = t.zero();
  for (const c of cs) {
    const part = t.ite(c.stackable, t.zero(), c.o.amount);
    free = t.add(free, part);
    const mine = t.ite(c.stackable, c.o.amount, t.zero());
    pool = highest ? t.max(pool, mine) : t.add(pool, mine);
  }
  let total = t.add(free, pool);
  if (deductItem && deductItem.kind === "Deduct") {
    const dd = tr.num(deductItem.value);
    const off = t.min(t.max(dd.n, t.zero()), pool);
    const after = t.add(free, t.sub(pool, off));
    total = dd.err === false ? after : t.ite(dd.err, free, after);
  }
  void BENEFIT;
  return { final, total };
}
