/**
 * The bench's baseline: the seed policy written by hand with decimal.js the way a competent
 * developer in a hurry would. Inputs are validated as the compiled module validates them (known
 * field names, types, non-negative, to the 分, enum values, whole counts), amounts are parsed once,
 * only the clauses whose conditions hold are computed, and no explanation is built.
 *
 * `evaluateFloat` is the same code on plain numbers: the physical ceiling, and inexact.
 */
import { Decimal } from "decimal.js";

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
type App = Record<string, unknown>;

export interface LeanResult {
  readonly ok: boolean;
  readonly errors?: string[];
  /** Awarded amount per clause number (only clauses that pay). */
  readonly amounts?: Record<number, string>;
  readonly total?: string;
}

const BOOLS = new Set([
  "注册地在本区",
  "法人企业",
  "经营状态正常",
  "信用记录良好",
  "符合产业发展方向",
  "上年度存在严重失信",
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
]);
const MONEY = new Set([
  "项目实际投资",
  "项目已投入金额",
  "已获上级补助金额",
  "上级要求配套金额",
  "实际发生服务金额",
  "平台建设总投入",
  "土建投入",
  "专项审计确认费用",
  "同一项目已获区镇其他扶持",
]);
const ENUMS: Record<string, readonly string[]> = {
  项目级别: ["区级", "市级", "国家级"],
  活动级别: ["国际性", "全国性", "地区性"],
};
const REQUIRED = ["注册地在本区", "法人企业", "经营状态正常", "信用记录良好"];
const MONEY_TEXT = /^(\d+(?:\.\d{1,2})?)(万|亿)?元?$/;

/** Validated fields: booleans, amounts (as given: number or decimal string), enums, the count. */
interface Fields {
  readonly b: Record<string, boolean>;
  readonly m: Record<string, number | string>;
  readonly e: Record<string, string>;
  served: number;
}

function validate(app: App, errors: string[]): Fields {
  const f: Fields = { b: {}, m: {}, e: {}, served: 0 };
  for (const key in app) {
    const v = app[key];
    if (BOOLS.has(key)) {
      if (v === true || v === false) f.b[key] = v;
      else if (v === "是" || v === "否") f.b[key] = v === "是";
      else errors.push(`${key} 应为是/否`);
    } else if (MONEY.has(key)) {
      if (typeof v === "number") {
        if (v >= 0 && v <= 1e15 && Math.round(v * 100) / 100 === v) f.m[key] = v;
        else errors.push(`${key} 不是有效金额`);
      } else if (typeof v === "string" && MONEY_TEXT.test(v)) {
        const m = MONEY_TEXT.exec(v)!;
        const unit = m[2] === "亿" ? 100_000_000 : m[2] === "万" ? 10_000 : 1;
        f.m[key] = new D(m[1]!).mul(unit).toFixed();
      } else errors.push(`${key} 不是有效金额`);
    } else if (key in ENUMS) {
      if (typeof v === "string" && ENUMS[key]!.includes(v)) f.e[key] = v;
      else errors.push(`${key} 不在可选范围内`);
    } else if (key === "服务区内企业数量") {
      if (typeof v === "number" && Number.isInteger(v) && v >= 0) f.served = v;
      else errors.push(`${key} 应为整数`);
    } else if (key !== "申报日期" && key !== "申报主体" && key !== "申报项目")
      errors.push(`未知的字段 ${key}`);
  }
  for (const k of REQUIRED) if (!(k in f.b)) errors.push(`缺少 ${k}`);
  return f;
}

const R30 = new D("0.3");
const R50 = new D("0.5");
const W20 = new D(200_000);
const W100 = new D(1_000_000);
const W200 = new D(2_000_000);
const W500 = new D(5_000_000);
const ZERO = new D(0);
const CAP5: Record<string, Decimal> = { 区级: W200, 市级: W500, 国家级: new D(10_000_000) };

/** Evaluate one application to the seed on `date` with 服务企业数量要求 = `serviceMin`. */
export function evaluateLean(app: App, date: string, serviceMin = 10): LeanResult {
  const errors: string[] = [];
  const f = validate(app, errors);
  if (errors.length) return { ok: false, errors };
  const b = (k: string) => f.b[k] === true;
  const money = (k: string) => (f.m[k] === undefined ? ZERO : new D(f.m[k]!));
  const eligible =
    b("注册地在本区") &&
    b("法人企业") &&
    b("经营状态正常") &&
    b("信用记录良好") &&
    f.b["符合产业发展方向"] !== false &&
    !b("上年度存在严重失信") &&
    date >= "2021-06-18" &&
    date <= "2025-12-31";
  if (!eligible) return { ok: true, amounts: {}, total: "0" };
  const pay: [number, Decimal][] = [];
  const add = (n: number, a: Decimal) => pay.push([n, a.toDecimalPlaces(2)]);
  if (b("获智能工厂授牌")) add(1, D.min(money("项目实际投资").mul(R30), W200));
  if (b("通过两化融合贯标认证")) add(2, W20);
  if (b("工业互联网企业") && b("实现股改上市挂牌")) add(3, W200);
  if (b("工业互联网企业") && b("本年度纳入规上统计") && !b("此前曾纳入规上统计")) add(4, W20);
  if (b("认定为标杆示范项目")) {
    const cap = CAP5[f.e["项目级别"] ?? "区级"]!;
    const upper = money("已获上级补助金额");
    let a = D.min(money("项目已投入金额").mul(R30), cap);
    if (!b("上级补助要求配套")) a = D.min(a, D.max(ZERO, cap.minus(upper)));
    else if (upper.gt(0)) a = D.max(a, money("上级要求配套金额"));
    add(5, a);
  }
  if (b("建成二级节点并投入运营")) add(6, W200);
  if (b("工业互联网服务商") && f.served >= serviceMin)
    add(7, D.min(money("实际发生服务金额").mul(R30), W100));
  if (b("平台条件达标") && money("土建投入").lte(money("平台建设总投入")))
    add(8, D.min(money("平台建设总投入").minus(money("土建投入")).mul(R30), W500));
  const level9 = f.e["活动级别"] ?? "地区性";
  if (b("举办重大活动") && level9 !== "地区性" && b("已事前备案"))
    add(9, D.min(money("专项审计确认费用").mul(R50), W100));
  // 从高不重复 (第3条 stacks), then the other district support is deducted from what is left.
  let best: [number, Decimal] | undefined;
  for (const p of pay) if (p[0] !== 3 && p[1].gt(0) && (!best || p[1].gt(best[1]))) best = p;
  const other = money("同一项目已获区镇其他扶持");
  const amounts: Record<number, string> = {};
  let total = ZERO;
  for (const [n, a] of pay) {
    if (n !== 3 && best?.[0] !== n) continue;
    const after = n === 3 ? a : D.max(ZERO, a.minus(other));
    if (after.isZero()) continue;
    amounts[n] = after.toFixed();
    total = total.plus(after);
  }
  return { ok: true, amounts, total: total.toFixed() };
}

/**
 * The same clauses on plain numbers, without validation (fields are read as given; the bench's
 * applications are well formed), rounded with Math.round: the ceiling, fast and wrong near half a 分.
 */
export function evaluateFloat(app: App, date: string, serviceMin = 10): LeanResult {
  const b = (k: string) => app[k] === true;
  const money = (k: string) => (typeof app[k] === "number" ? (app[k] as number) : 0);
  const eligible =
    b("注册地在本区") &&
    b("法人企业") &&
    b("经营状态正常") &&
    b("信用记录良好") &&
    app["符合产业发展方向"] !== false &&
    !b("上年度存在严重失信") &&
    date >= "2021-06-18" &&
    date <= "2025-12-31";
  if (!eligible) return { ok: true, amounts: {}, total: "0" };
  const level5 = (app["项目级别"] as string | undefined) ?? "区级";
  const served = money("服务区内企业数量");
  const cap5: Record<string, number> = { 区级: 2e6, 市级: 5e6, 国家级: 1e7 };
  const pay: [number, number][] = [];
  const add = (n: number, a: number) => pay.push([n, Math.round(a * 100) / 100]);
  if (b("获智能工厂授牌")) add(1, Math.min(money("项目实际投资") * 0.3, 2e6));
  if (b("通过两化融合贯标认证")) add(2, 2e5);
  if (b("工业互联网企业") && b("实现股改上市挂牌")) add(3, 2e6);
  if (b("工业互联网企业") && b("本年度纳入规上统计") && !b("此前曾纳入规上统计")) add(4, 2e5);
  if (b("认定为标杆示范项目")) {
    const cap = cap5[level5]!;
    const upper = money("已获上级补助金额");
    let a = Math.min(money("项目已投入金额") * 0.3, cap);
    if (!b("上级补助要求配套")) a = Math.min(a, Math.max(0, cap - upper));
    else if (upper > 0) a = Math.max(a, money("上级要求配套金额"));
    add(5, a);
  }
  if (b("建成二级节点并投入运营")) add(6, 2e6);
  if (b("工业互联网服务商") && served >= serviceMin)
    add(7, Math.min(money("实际发生服务金额") * 0.3, 1e6));
  if (b("平台条件达标") && money("土建投入") <= money("平台建设总投入"))
    add(8, Math.min((money("平台建设总投入") - money("土建投入")) * 0.3, 5e6));
  const level9 = (app["活动级别"] as string | undefined) ?? "地区性";
  if (b("举办重大活动") && level9 !== "地区性" && b("已事前备案"))
    add(9, Math.min(money("专项审计确认费用") * 0.5, 1e6));
  let best: [number, number] | undefined;
  for (const p of pay) if (p[0] !== 3 && p[1] > 0 && (!best || p[1] > best[1])) best = p;
  const other = money("同一项目已获区镇其他扶持");
  const amounts: Record<number, string> = {};
  let total = 0;
  for (const [n, a] of pay) {
    if (n !== 3 && best?.[0] !== n) continue;
    const after = n === 3 ? a : Math.max(0, a - other);
    if (after === 0) continue;
    amounts[n] = String(after);
    total += after;
  }
  return { ok: true, amounts, total: String(Math.round(total * 100) / 100) };
}
