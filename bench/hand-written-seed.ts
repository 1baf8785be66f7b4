/**
 * The seed policy written by hand the way a careful developer would with decimal.js: an isolated
 * clone, constants hoisted, inputs validated, one result per clause. The benchmark's baseline.
 */
import { Decimal } from "decimal.js";

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
const R30 = new D("0.3");
const R50 = new D("0.5");
const CAP1 = new D(2_000_000);
const CAP5: Record<string, Decimal> = {
  区级: new D(2_000_000),
  市级: new D(5_000_000),
  国家级: new D(10_000_000),
};
const W20 = new D(200_000);
const W200 = new D(2_000_000);
const CAP_100 = new D(1_000_000);
const CAP_500 = new D(5_000_000);
const ZERO = new D(0);

export interface HandResult {
  readonly ok: boolean;
  readonly errors?: string[];
  readonly clauses?: { number: number; eligible: boolean; amount: string; reasons: string[] }[];
  readonly total?: string;
}

type App = Record<string, unknown>;

function money(app: App, key: string, errors: string[]): Decimal {
  const v = app[key];
  if (v === undefined) return ZERO;
  if (typeof v === "number" && Number.isFinite(v) && v >= 0) return new D(v);
  if (typeof v === "string") {
    const m = /^(\d+(?:\.\d+)?)(万|亿)?元?$/.exec(v);
    if (m) return new D(m[1]!).mul(m[2] === "亿" ? 100_000_000 : m[2] === "万" ? 10_000 : 1);
  }
  errors.push(`${key} 不是有效金额`);
  return ZERO;
}

function flag(app: App, key: string, errors: string[], required = false): boolean {
  const v = app[key];
  if (v === undefined) {
    if (required) errors.push(`缺少 ${key}`);
    return false;
  }
  if (typeof v !== "boolean") errors.push(`${key} 应为是/否`);
  return v === true;
}

/** Evaluate an application to the seed policy (without ledger or stacking, like most hand code). */
export function evaluateByHand(app: App, date: string, serviceMin = 10): HandResult {
  const errors: string[] = [];
  const inDistrict = flag(app, "注册地在本区", errors, true);
  const legal = flag(app, "法人企业", errors, true);
  const normal = flag(app, "经营状态正常", errors, true);
  const credit = flag(app, "信用记录良好", errors, true);
  const level = (app["项目级别"] as string | undefined) ?? "区级";
  if (!(level in CAP5)) errors.push("项目级别 不在可选范围内");
  const invest1 = money(app, "项目实际投资", errors);
  const invest5 = money(app, "项目已投入金额", errors);
  const upper = money(app, "已获上级补助金额", errors);
  const matching = money(app, "上级要求配套金额", errors);
  const fees7 = money(app, "实际发生服务金额", errors);
  const platform = money(app, "平台建设总投入", errors);
  const civil = money(app, "土建投入", errors);
  const audit = money(app, "专项审计确认费用", errors);
  const other = money(app, "同一项目已获区镇其他扶持", errors);
  const served =
    typeof app["服务区内企业数量"] === "number" ? (app["服务区内企业数量"] as number) : 0;
  const flags = <const K extends readonly string[]>(keys: K) =>
    keys.map((k) => flag(app, k, errors)) as { [I in keyof K]: boolean };
  const [
    smart,
    dual,
    iiot,
    listed,
    scaleNow,
    scaleBefore,
    bench,
    needMatch,
    node,
    provider,
    platOk,
    event,
    filed,
    base,
    major,
    bad,
  ] = flags([
    "获智能工厂授牌",
    "通过两化融合贯标认证",
    "工业互联网企业",
    "实现股改上市挂牌",
    "本年度纳入规上统计",
    "此前曾纳入规上统计",
    "认定为标杆示范项目",
    "上级补助要求配套",
    "建成二级节点并投入运营",
    "工业互联网服务商",
    "平台条件达标",
    "举办重大活动",
    "已事前备案",
    "获冠名人才实训基地",
    "区政府批准的重大项目",
    "上年度存在严重失信",
  ]);
  if (errors.length) return { ok: false, errors };
  const eligible =
    inDistrict && legal && normal && credit && !bad && date >= "2021-06-18" && date <= "2025-12-31";
  const clauses: { number: number; eligible: boolean; amount: string; reasons: string[] }[] = [];
  const push = (n: number, ok: boolean, amount: Decimal, reason: string) =>
    clauses.push({
      number: n,
      eligible: ok,
      amount: ok ? amount.toDecimalPlaces(2).toFixed() : "0",
      reasons: ok ? [] : [reason],
    });
  push(1, eligible && smart, D.min(invest1.mul(R30), CAP1), "未获智能工厂授牌");
  push(2, eligible && dual, W20, "未通过贯标");
  push(3, eligible && iiot && listed, W200, "未上市");
  push(4, eligible && iiot && scaleNow && !scaleBefore, W20, "非首次规上");
  let a5 = D.min(invest5.mul(R30), CAP5[level]!);
  if (!needMatch) a5 = D.min(a5, D.max(ZERO, CAP5[level]!.minus(upper)));
  else a5 = D.max(a5, matching);
  push(5, eligible && bench, a5, "未认定标杆");
  push(6, eligible && node, W200, "未建成二级节点");
  push(
    7,
    eligible && provider && served >= serviceMin,
    D.min(fees7.mul(R30), CAP_100),
    "服务数量不足",
  );
  push(
    8,
    eligible && platOk && civil.lte(platform),
    D.min(platform.minus(civil).mul(R30), CAP_500),
    "平台未达标",
  );
  const lvl9 = app["活动级别"];
  push(
    9,
    eligible && event && (lvl9 === "国际性" || lvl9 === "全国性") && filed,
    D.min(audit.mul(R50), CAP_100),
    "活动不符合",
  );
  push(10, false, ZERO, base ? "需核定" : "未冠名");
  push(11, false, ZERO, iiot ? "权益" : "非工业互联网企业");
  push(12, false, ZERO, major ? "需决定" : "非重大项目");
  // 从高不重复 and deduction of other district support
  let best = -1;
  clauses.forEach((c, i) => {
    if (c.eligible && c.number !== 3 && (best < 0 || new D(c.amount).gt(clauses[best]!.amount)))
      best = i;
  });
  let total = ZERO;
  clauses.forEach((c, i) => {
    if (!c.eligible) return;
    if (c.number !== 3 && i !== best) {
      c.eligible = false;
      c.amount = "0";
      return;
    }
    if (c.number !== 3 && other.gt(0))
      c.amount = D.max(ZERO, new D(c.amount).minus(other)).toFixed();
    total = total.plus(c.amount);
  });
  return { ok: true, clauses, total: total.toFixed() };
}
