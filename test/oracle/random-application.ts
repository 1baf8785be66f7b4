/**
 * Random valid applications to the seed policy, with the typed facts the oracle reads. Amounts are
 * drawn in 分 with a bias toward cap boundaries and written in every form the runtime accepts
 * (JSON numbers, "1,234.56元", "123.4567万", "1.2亿", full-width digits), so parsing is tested too.
 */
import type { EvaluateOptions, LedgerEntry } from "../../runtime/types.js";
import { int, pick, rng } from "../support/random.js";
import type { Fen, OracleContext, OracleLedgerEntry, SeedFacts } from "./seed-reference.js";

type R = () => number;

export interface RandomCase {
  readonly app: Record<string, unknown>;
  readonly options: EvaluateOptions;
  readonly facts: SeedFacts;
  readonly ctx: OracleContext;
}

const REQUIRED = ["注册地在本区", "法人企业", "经营状态正常", "信用记录良好"];
const FLAGS = [
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
];
const MONEY = [
  "项目实际投资",
  "项目已投入金额",
  "已获上级补助金额",
  "上级要求配套金额",
  "实际发生服务金额",
  "平台建设总投入",
  "土建投入",
  "专项审计确认费用",
  "同一项目已获区镇其他扶持",
];
/** Interesting amounts in 元: caps, caps ÷ ratio (± 1 分), zero. */
const EDGES = [
  0, 1, 200000, 1000000, 2000000, 5000000, 10000000, 6666666.66, 6666666.67, 3333333.33,
  16666666.67, 33333333.33, 2000000.01,
];
const DATES = [
  "2021-06-17",
  "2021-06-18",
  "2022-01-01",
  "2022-12-31",
  "2023-06-30",
  "2025-12-31",
  "2026-01-01",
];

/** An amount in 分: an edge, a round figure or anything up to 1亿. */
function fen(r: R): Fen {
  const k = r();
  if (k < 0.25) {
    const v = BigInt(Math.round(pick(r, EDGES) * 100)) + (r() < 0.5 ? BigInt(int(r, -1, 1)) : 0n);
    return v < 0n ? 0n : v;
  }
  if (k < 0.5) return BigInt(int(r, 0, 2000)) * 10000n * 100n; // whole 万
  if (k < 0.9) return BigInt(int(r, 0, 99_999_999)) * 100n + BigInt(int(r, 0, 99));
  return BigInt(int(r, 0, 9_999_999)) * 1_000_000n + BigInt(int(r, 0, 999_999)); // up to 1000亿
}

const FULL = (s: string) =>
  s.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** One of the accepted spellings of an amount in 分. */
function moneyText(r: R, v: Fen): unknown {
  const abs = v < 0n ? 0n : v;
  const yuan = `${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`.replace(/\.00$/, "");
  switch (int(r, 0, 6)) {
    case 0:
      return abs % 100n === 0n && abs < 10n ** 15n ? Number(abs / 100n) : yuan;
    case 1: {
      // 万 with as many decimals as needed: 123.4567万
      const s = (abs * 100n).toString().padStart(9, "0"); // in 1/10000 分… of a 万
      const w = `${s.slice(0, -8)}.${s.slice(-8)}`.replace(/0+$/, "").replace(/\.$/, "");
      return `${w}万`;
    }
    case 2:
      return `${yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ",").replace(/(\.\d*),/g, "$1")}元`;
    case 3:
      return abs % 1_000_000n === 0n && abs > 0n ? `${Number(abs / 1_000_000n)}万` : yuan;
    case 4:
      return FULL(yuan) + (r() < 0.5 ? "元" : "");
    case 5:
      return abs % 10_000_000_000n === 0n && abs > 0n ? `${abs / 10_000_000_000n}亿` : `${yuan} 元`;
    default:
      return yuan;
  }
}

const boolText = (r: R, v: boolean): unknown => pick(r, [v, v ? "是" : "否", v ? "true" : "false"]);

/** A random valid case: application, options and what the oracle needs. */
export function randomCase(seedOrR: number | R): RandomCase {
  const r = typeof seedOrR === "number" ? rng(seedOrR) : seedOrR;
  const app: Record<string, unknown> = {};
  const flags: Record<string, boolean> = {};
  const money: Record<string, Fen> = {};
  const eligible = r() < 0.85;
  for (const k of REQUIRED) {
    flags[k] = eligible || r() < 0.7;
    app[k] = boolText(r, flags[k]!);
  }
  for (const k of FLAGS)
    if (r() < 0.4) {
      flags[k] =
        k === "上年度存在严重失信" ? r() < 0.1 : k === "符合产业发展方向" ? r() < 0.9 : r() < 0.6;
      app[k] = boolText(r, flags[k]!);
    }
  for (const k of MONEY)
    if (r() < 0.5) {
      money[k] = fen(r);
      app[k] = moneyText(r, money[k]!);
    }
  const 项目级别 = pick(r, ["区级", "市级", "国家级"] as const);
  if (r() < 0.7 || 项目级别 !== "区级") app["项目级别"] = 项目级别;
  const 活动级别 = pick(r, ["国际性", "全国性", "地区性"] as const);
  if (r() < 0.7 || 活动级别 !== "地区性") app["活动级别"] = 活动级别;
  let served = BigInt(int(r, 0, 30));
  if (r() < 0.6) app["服务区内企业数量"] = pick(r, [Number(served), `${served}家`, `${served}`]);
  else served = 0n; // the declared default
  const date =
    r() < 0.3
      ? pick(r, DATES)
      : `${int(r, 2021, 2025)}-${String(int(r, 1, 12)).padStart(2, "0")}-${String(int(r, 1, 28)).padStart(2, "0")}`;
  app["申报日期"] =
    r() < 0.2
      ? `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8))}日`
      : date;
  const applicant = pick(r, ["甲公司", "乙公司"]);
  app["申报主体"] = applicant;
  // Prior awards: same or other applicant, this or another year, before or after the date.
  const ledger: LedgerEntry[] = [];
  const oracleLedger: OracleLedgerEntry[] = [];
  for (let i = int(r, 0, 3) * (r() < 0.5 ? 1 : 0); i > 0; i--) {
    const amount =
      BigInt(int(r, 0, 120)) * 10000n * 100n + BigInt(int(r, 0, 1)) * BigInt(int(r, 0, 99));
    const when = `${int(r, 2021, 2025)}-${String(int(r, 1, 12)).padStart(2, "0")}-${String(int(r, 1, 28)).padStart(2, "0")}`;
    const e = {
      applicant: pick(r, [applicant, applicant, "丙公司"]),
      clause: pick(r, [2, 3, 4, 6, 7, 9, 10]),
      date: when,
    };
    ledger.push({ ...e, amount: `${amount / 100n}.${String(amount % 100n).padStart(2, "0")}` });
    oracleLedger.push({ ...e, amount });
  }
  const approved: Record<number, string> = {};
  const oracleApproved: Record<number, Fen> = {};
  for (const n of [1, 5, 10, 12])
    if (r() < 0.15) {
      const v = BigInt(int(r, 0, 3000)) * 10000n * 100n + BigInt(int(r, 0, 99));
      approved[n] = `${v / 100n}.${String(v % 100n).padStart(2, "0")}`;
      oracleApproved[n] = v;
    }
  const minServed = r() < 0.6 ? BigInt(int(r, 0, 20)) : undefined;
  const options: EvaluateOptions = {
    ...(ledger.length ? { ledger } : {}),
    ...(Object.keys(approved).length ? { approved } : {}),
    ...(minServed !== undefined ? { params: { 服务企业数量要求: Number(minServed) } } : {}),
  };
  const facts: SeedFacts = { flags, money, 项目级别, 活动级别, 服务区内企业数量: served };
  const ctx: OracleContext = {
    date,
    applicant,
    ledger: oracleLedger,
    approved: oracleApproved,
    ...(minServed !== undefined ? { minServed } : {}),
  };
  return { app, options, facts, ctx };
}
