/**
 * An independent oracle for the seed policy 嘉经〔2021〕12号: the policy text written out by hand
 * in integer arithmetic on tenths of a 分 (BigInt), sharing no code with the compiler or runtime.
 * Readings follow the comments in policies/jiading-2021-industrial-internet.zc.
 */

/** Amounts in 分 (1 元 = 100n). */
export type Fen = bigint;

/** A valid seed application, as typed values (what the evaluator should have parsed). */
export interface SeedFacts {
  readonly flags: Readonly<Record<string, boolean>>;
  readonly money: Readonly<Record<string, Fen>>;
  readonly 项目级别: "区级" | "市级" | "国家级";
  readonly 活动级别: "国际性" | "全国性" | "地区性";
  readonly 服务区内企业数量: bigint;
}

export interface OracleLedgerEntry {
  readonly applicant: string;
  readonly clause: number;
  readonly amount: Fen;
  readonly date: string;
}

export interface OracleContext {
  readonly date: string;
  readonly applicant: string;
  readonly ledger: readonly OracleLedgerEntry[];
  /** Approved (核定) amounts by clause. */
  readonly approved: Readonly<Record<number, Fen>>;
  /** 服务企业数量要求, when a guideline sets it. */
  readonly minServed?: bigint;
  /** Awards of 第5条 already made this year in the same batch. */
  readonly quota5?: number;
}

export type OracleStatus =
  "awarded" | "ineligible" | "not-paid" | "needs-decision" | "benefit" | "error";

export interface OracleClause {
  readonly number: number;
  readonly status: OracleStatus;
  /** null when a decision is needed. */
  readonly amount: Fen | null;
}

export interface OracleResult {
  readonly inForce: boolean;
  readonly eligible: boolean;
  readonly clauses: OracleClause[];
  readonly total: Fen;
}

const WAN = 1_000_000n; // 1万元 in 分
const CAP5 = { 区级: 200n * WAN, 市级: 500n * WAN, 国家级: 1000n * WAN } as const;

/** Round tenths of a 分 to 分, half up (values are never negative here). */
function roundTenths(t: bigint): Fen {
  return (t + 5n) / 10n;
}
const minB = (a: bigint, b: bigint) => (a < b ? a : b);
const maxB = (a: bigint, b: bigint) => (a > b ? a : b);

function priorAward(ctx: OracleContext, clause: number): boolean {
  return ctx.ledger.some(
    (e) =>
      e.applicant === ctx.applicant && e.clause === clause && e.date <= ctx.date && e.amount > 0n,
  );
}

function usedThisYear(ctx: OracleContext, clause: number): Fen {
  let s = 0n;
  for (const e of ctx.ledger)
    if (
      e.applicant === ctx.applicant &&
      e.clause === clause &&
      e.date.slice(0, 4) === ctx.date.slice(0, 4) &&
      e.date <= ctx.date
    )
      s += e.amount;
  return s;
}

/** Apply 核定: the approved amount when given, never above what the text allows. */
function withApproved(ctx: OracleContext, n: number, max: Fen): OracleClause {
  const ap = ctx.approved[n];
  return { number: n, status: "awarded", amount: ap === undefined ? max : minB(ap, max) };
}

const no = (number: number): OracleClause => ({ number, status: "ineligible", amount: 0n });

function clauses(f: SeedFacts, ctx: OracleContext): OracleClause[] {
  const b = (k: string) => f.flags[k] === true;
  const m = (k: string) => f.money[k] ?? 0n;
  const out: OracleClause[] = [];
  // 第1条: 30% of 项目实际投资, at most 200万.
  out.push(
    b("获智能工厂授牌")
      ? withApproved(ctx, 1, roundTenths(minB(m("项目实际投资") * 3n, 200n * WAN * 10n)))
      : no(1),
  );
  // 第2条: one-time 20万.
  out.push(
    b("通过两化融合贯标认证") && !priorAward(ctx, 2) ? withApproved(ctx, 2, 20n * WAN) : no(2),
  );
  // 第3条: one-time 200万 on top of the listing subsidy.
  out.push(
    b("工业互联网企业") && b("实现股改上市挂牌") && !priorAward(ctx, 3)
      ? withApproved(ctx, 3, 200n * WAN)
      : no(3),
  );
  // 第4条: first time 规上, one-time 20万.
  out.push(
    b("工业互联网企业") &&
      b("本年度纳入规上统计") &&
      !b("此前曾纳入规上统计") &&
      !priorAward(ctx, 4)
      ? withApproved(ctx, 4, 20n * WAN)
      : no(4),
  );
  // 第5条: 30% of 已投入, cap by level. Both branches need a 上级 grant received ("若该项目已获得上级补助"):
  // without 配套 the grant counts against the cap; with 配套 就高. No grant: the plain cap only.
  if (b("认定为标杆示范项目") && (ctx.quota5 ?? 0) < 20) {
    const cap = CAP5[f.项目级别] * 10n;
    let t = minB(m("项目已投入金额") * 3n, cap);
    if (!b("上级补助要求配套")) t = minB(t, maxB(0n, cap - m("已获上级补助金额") * 10n));
    else if (m("已获上级补助金额") > 0n) t = maxB(t, m("上级要求配套金额") * 10n);
    out.push(withApproved(ctx, 5, roundTenths(t)));
  } else out.push(no(5));
  // 第6条: one-time 200万.
  out.push(
    b("建成二级节点并投入运营") && !priorAward(ctx, 6) ? withApproved(ctx, 6, 200n * WAN) : no(6),
  );
  // 第7条: served enough firms (parameter set by a guideline); 30%, at most 100万, 100万 per calendar year.
  if (!b("工业互联网服务商")) out.push(no(7));
  else if (ctx.minServed === undefined) out.push({ number: 7, status: "error", amount: 0n });
  else if (f.服务区内企业数量 < ctx.minServed) out.push(no(7));
  else {
    let t = minB(m("实际发生服务金额") * 3n, 100n * WAN * 10n);
    t = minB(t, maxB(0n, 100n * WAN - usedThisYear(ctx, 7)) * 10n);
    out.push(withApproved(ctx, 7, roundTenths(t)));
  }
  // 第8条: 30% of platform investment without civil works, at most 500万.
  out.push(
    b("平台条件达标") && m("土建投入") <= m("平台建设总投入")
      ? withApproved(
          ctx,
          8,
          roundTenths(minB((m("平台建设总投入") - m("土建投入")) * 3n, 500n * WAN * 10n)),
        )
      : no(8),
  );
  // 第9条: national or international events filed in advance; 50%, 100万 per calendar year.
  if (b("举办重大活动") && f.活动级别 !== "地区性" && b("已事前备案")) {
    const t = minB(m("专项审计确认费用") * 5n, maxB(0n, 100n * WAN - usedThisYear(ctx, 9)) * 10n);
    out.push(withApproved(ctx, 9, roundTenths(t)));
  } else out.push(no(9));
  // 第10条: up to 100万 as approved; one-time.
  if (b("获冠名人才实训基地") && !priorAward(ctx, 10)) {
    const ap = ctx.approved[10];
    out.push(
      ap === undefined
        ? { number: 10, status: "needs-decision", amount: null }
        : { number: 10, status: "awarded", amount: minB(ap, 100n * WAN) },
    );
  } else out.push(no(10));
  // 第11条: green channel, a benefit without money.
  out.push(b("工业互联网企业") ? { number: 11, status: "benefit", amount: 0n } : no(11));
  // 第12条: case by case, the approved amount without caps.
  if (b("区政府批准的重大项目")) {
    const ap = ctx.approved[12];
    out.push(
      ap === undefined
        ? { number: 12, status: "needs-decision", amount: null }
        : { number: 12, status: "awarded", amount: ap },
    );
  } else out.push(no(12));
  return out;
}

/** Qualifies but is not paid (从高不重复, or used up by other support): pays 0, not 不符合. */
const notPaid = (number: number): OracleClause => ({ number, status: "not-paid", amount: 0n });

/** 第13条: only the highest clause (从高不重复), then deduct other district/town support. */
function stack(cs: OracleClause[], deduct: Fen): OracleClause[] {
  const stackable = (c: OracleClause) =>
    c.status === "awarded" && c.number !== 3 && (c.amount ?? 0n) > 0n;
  let best: OracleClause | undefined;
  for (const c of cs) if (stackable(c) && (!best || c.amount! > best.amount!)) best = c;
  let out = cs.map((c) => (best && c !== best && stackable(c) ? notPaid(c.number) : c));
  let left = deduct;
  out = out.map((c) => {
    if (left <= 0n || !stackable(c)) return c;
    const after = c.amount! > left ? c.amount! - left : 0n;
    left -= c.amount! - after;
    return after === 0n ? notPaid(c.number) : { ...c, amount: after };
  });
  return out;
}

/** Evaluate a valid seed application. */
export function seedReference(f: SeedFacts, ctx: OracleContext): OracleResult {
  const inForce = ctx.date >= "2021-06-18" && ctx.date <= "2025-12-31";
  const b = (k: string, dflt: boolean) => f.flags[k] ?? dflt;
  const eligible =
    inForce &&
    b("注册地在本区", false) &&
    b("法人企业", false) &&
    b("经营状态正常", false) &&
    b("信用记录良好", false) &&
    b("符合产业发展方向", true) &&
    !b("上年度存在严重失信", false);
  const cs = eligible
    ? stack(clauses(f, ctx), f.money["同一项目已获区镇其他扶持"] ?? 0n)
    : Array.from({ length: 12 }, (_, i) => no(i + 1));
  const total = cs.reduce((s, c) => (c.status === "awarded" ? s + (c.amount ?? 0n) : s), 0n);
  return { inForce, eligible, clauses: cs, total };
}

/** The cap each clause's amount must respect (null: no cap, 一事一议). */
export const SEED_CAPS: Readonly<Record<number, Fen | null>> = {
  1: 200n * WAN,
  2: 20n * WAN,
  3: 200n * WAN,
  4: 20n * WAN,
  5: 1000n * WAN, // the highest tier; 就高 with 配套 may exceed it (checked separately)
  6: 200n * WAN,
  7: 100n * WAN,
  8: 500n * WAN,
  9: 100n * WAN,
  10: 100n * WAN,
  11: 0n,
  12: null,
};
