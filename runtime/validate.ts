/**
 * Application validation: turn untrusted JSON into typed values, or return one Chinese message per
 * problem, naming the field. Never a silent 0 or NaN: a value is either valid or reported.
 */
import { RANK_UNIT } from "./format.js";
import { unitSpellings } from "./units.js";
import { Dec, FACTOR_DIGITS } from "./money.js";
import type { InputError, InputMeta } from "./types.js";
import { clipForMessage, editDistance } from "./edit-distance.js";
import { shown } from "./shown.js";
import { AMOUNT_UNIT_POWER, foldWidth, readAmountText, readNumberText } from "./text-forms.js";

/** Fields every policy accepts besides its declared inputs. */
export const RESERVED_FIELDS: readonly InputMeta[] = [
  { name: "申报日期", type: "date", required: false, description: "本次申报的日期" },
  {
    name: "申报主体",
    type: "text",
    required: false,
    description: "申报单位名称或统一社会信用代码（用于台账）",
  },
  { name: "申报项目", type: "text", required: false, description: "申报项目名称或编号" },
];

/** Largest amount accepted: 1000万亿元. Bounding inputs keeps every computation exact and fast. */
export const MONEY_LIMIT = new Dec("1e15");

const TYPE_ZH: Record<string, string> = {
  money: "金额",
  ratio: "比例",
  count: "数量",
  date: "日期",
  bool: "是否",
  text: "文本",
  enum: "类别",
  moneyBy: "金额明细",
  moneyByYear: "按年金额明细",
};

const EXAMPLE: Record<string, string> = {
  money: "如 2000000 或 “200万”",
  ratio: "如 0.3 或 “30%”",
  count: "如 10",
  date: "如 “2025-12-31”",
  bool: "true/false 或 “是”/“否”",
  text: "文字",
};

const show = shown;

const TRUE = { ok: true, value: true } as const;
const FALSE = { ok: true, value: false } as const;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const bad = (message: string): Parsed<never> => ({ ok: false, message });

/** Parse a number-like value: a finite JSON number or a numeric string with optional unit words. */
function parseNumber(v: unknown, suffix: RegExp): Parsed<{ value: Dec; text: string }> {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return bad("不是有效数字");
    return { ok: true, value: { value: new Dec(v), text: "" } };
  }
  if (typeof v !== "string") return bad("类型不对");
  const n = readNumberText(v);
  if (!n || !suffix.test(n.rest)) return bad("不是有效数字");
  return { ok: true, value: { value: new Dec(n.digits), text: n.rest } };
}

/** A JSON number that is a valid amount (0 to 1000万亿元, at most to the 分), or undefined. */
export function moneyNumber(v: number): Dec | undefined {
  if (!(v >= 0 && v <= 1e15)) return undefined;
  if (Number.isInteger(v)) return new Dec(v);
  const d = new Dec(v);
  return d.decimalPlaces() <= 2 ? d : undefined;
}

/** What an amount that cannot be read is told: how to write one. */
export const AMOUNT_FORMS = "不是有效金额：请写成 2000万、1.5亿、3000元 或 两千万 这样的形式";

/** An amount in 元; `anyPlaces` accepts more than two decimals (an approved amount, rounded later). */
export function parseMoney(v: unknown, anyPlaces = false): Parsed<Dec> {
  // fast path: whole 元 as a JSON number, the common case for services
  if (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 1e15)
    return { ok: true, value: new Dec(v) };
  let x: Dec;
  if (typeof v === "string") {
    // 200万, 2千万, 两千万, 一百万元: read as the playground's form and the policy text read them.
    const a = readAmountText(v);
    if (!a) return bad(AMOUNT_FORMS);
    x = a.power ? new Dec(a.digits).mul(new Dec(10).pow(a.power)) : new Dec(a.digits);
  } else {
    const p = parseNumber(v, /^$/);
    if (!p.ok) return p;
    x = p.value.value;
  }
  if (x.isNeg() && !x.isZero()) return bad("金额不能为负数");
  if (x.gt(MONEY_LIMIT)) return bad("金额超出允许范围（不超过1000万亿元）");
  if (!anyPlaces && x.decimalPlaces() > 2) return bad("金额最多精确到分（两位小数）");
  return { ok: true, value: x };
}

function parseRatio(v: unknown): Parsed<Dec> {
  const p = parseNumber(v, /^%?$/);
  if (!p.ok) return p;
  if (p.value.value.sd() > FACTOR_DIGITS) return bad(`比例的有效数字不能超过${FACTOR_DIGITS}位`);
  const x = p.value.text === "%" ? p.value.value.div(100) : p.value.value;
  if (x.isNeg()) return bad("比例不能为负数");
  if (x.gt(1000)) return bad("比例超出允许范围");
  return { ok: true, value: x };
}

/** Units counted in whole numbers: 12.5家 is not a count of enterprises. */
export const WHOLE_UNITS: ReadonlySet<string> = new Set(
  "家 个 项 人 名 台 套 件 次 户 所 座 位 款 种 批 场 期 支 部 条 本 篇 株 头 辆 艘 栋".split(" "),
);

/** Every unit spelling and its canonical unit (㎡ → 平方米), from the one unit table. */
const UNIT_OF = unitSpellings();

/** The other spellings of a unit, as a hint: （也可写 ㎡、m²）. */
function otherSpellings(unit: string): string {
  const others = [...UNIT_OF].filter(([s, c]) => c === unit && s !== unit).map(([s]) => s);
  return others.length ? `（也可写 ${others.join("、")}）` : "";
}

function parseCount(v: unknown, unit?: string): Parsed<Dec> {
  if (unit === RANK_UNIT) return parseRank(v);
  // a unit in any of its spellings may follow the digits: 3000㎡, 3000平方米, 1.2万平方米
  const p = parseNumber(v, /^[^\d]{0,12}$/);
  if (!p.ok) return p;
  let x = p.value.value;
  let text = p.value.text;
  const power = AMOUNT_UNIT_POWER[text[0] ?? ""];
  if (power && (UNIT_OF.get(text) ?? text) !== unit) {
    x = x.mul(new Dec(10).pow(power));
    text = text.slice(1);
  }
  if (text) {
    const given = UNIT_OF.get(text) ?? text;
    if (unit && given !== unit) return bad(`单位应为“${unit}”${otherSpellings(unit)}`);
    if (!unit && !UNIT_OF.has(text) && !/^[\u4e00-\u9fff]{1,3}$/.test(text))
      return bad("不是有效数字");
  }
  if (x.sd() > FACTOR_DIGITS) return bad(`数量的有效数字不能超过${FACTOR_DIGITS}位`);
  if (x.isNeg()) return bad("数量不能为负数");
  if (x.gt(MONEY_LIMIT)) return bad("数量超出允许范围");
  if (unit && WHOLE_UNITS.has(unit) && !x.isInteger()) return bad(`按“${unit}”计数，应为整数`);
  return { ok: true, value: x };
}

/** A place (名次): 3, "3" or "第3名"; a whole number from 1 (第1名 is the best). */
function parseRank(v: unknown): Parsed<Dec> {
  const m = typeof v === "string" ? /^\s*第\s*(\d+)\s*名\s*$/.exec(foldWidth(v)) : null;
  const p = m ? parseNumber(m[1], /^$/) : parseNumber(v, /^名?$/);
  if (!p.ok) return bad("应为名次，如 3 或 “第3名”");
  const x = p.value.value;
  if (!x.isInteger() || x.lt(1)) return bad("名次应为从1起的整数（第1名最靠前）");
  if (x.gt(MONEY_LIMIT)) return bad("名次超出允许范围");
  return { ok: true, value: x };
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const daysIn = (y: number, m: number) =>
  m === 2
    ? y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(m)
      ? 30
      : 31;

/** The earliest year a date may have. */
const MIN_YEAR = 1900;

/** Parse a date written as 2025-12-31 or 2025年12月31日 into ISO form. */
export function parseDate(v: unknown): Parsed<string> {
  if (v === null) return bad("不能为 null（不填写请省略该字段）");
  if (typeof v !== "string") return bad("类型不对");
  // fast path for the ISO form every service sends
  if (v.length === 10 && ISO.test(v)) {
    const [y, m, d] = [Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8, 10))];
    if (y >= MIN_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m))
      return { ok: true, value: v };
  }
  const m = /^(\d{4})(?:-(\d{1,2})-(\d{1,2})|年(\d{1,2})月(\d{1,2})日)$/.exec(foldWidth(v).trim());
  if (!m) return bad("不是有效日期");
  const y = Number(m[1]);
  // Date.UTC maps years 0–99 to 1900–1999; no application dates from before 1900 either.
  if (y < MIN_YEAR) return bad(`年份 ${m[1]} 不在可用范围（${MIN_YEAR} 年及以后）`);
  const mo = Number(m[2] ?? m[4]);
  const d = Number(m[3] ?? m[5]);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d)
    return bad("日期不存在");
  return { ok: true, value: `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}` };
}

function parseBool(v: unknown): Parsed<boolean> {
  if (v === true || v === "是" || v === "true") return { ok: true, value: true };
  if (v === false || v === "否" || v === "false") return { ok: true, value: false };
  return bad("类型不对");
}

function parseOne(meta: InputMeta, v: unknown): Parsed<unknown> {
  if (typeof v === "boolean" && meta.type === "bool") return v ? TRUE : FALSE;
  switch (meta.type) {
    case "money":
      return parseMoney(v);
    case "ratio":
      return parseRatio(v);
    case "count":
      return parseCount(v, meta.unit);
    case "date":
      return parseDate(v);
    case "bool":
      return parseBool(v);
    case "text":
      return typeof v === "string" && v.length <= 10000 ? { ok: true, value: v } : bad("类型不对");
    case "enum":
      if (typeof v === "string" && meta.values?.includes(v)) return { ok: true, value: v };
      return bad(`不在可选范围内（可选：${(meta.values ?? []).join("、")}）`);
    case "moneyBy":
    case "moneyByYear":
      return parseRecord(meta, v);
    default:
      return bad("未知类型");
  }
}

function parseRecord(meta: InputMeta, v: unknown): Parsed<Record<string, Dec>> {
  if (typeof v !== "object" || v === null || Array.isArray(v))
    return bad('应为按项目列出金额的对象，如 {"设备购置": "100万"}');
  const out: Record<string, Dec> = Object.create(null);
  const keys = Object.keys(v);
  if (keys.length > 1000) return bad("明细项目过多");
  for (const key of keys) {
    if (meta.type === "moneyBy" && !meta.values?.includes(key))
      return bad(`明细项目“${key}”不在可选范围内（可选：${(meta.values ?? []).join("、")}）`);
    if (meta.type === "moneyByYear" && !/^\d{4}$/.test(key)) return bad(`年度“${key}”应为四位年份`);
    const p = parseMoney((v as Record<string, unknown>)[key]);
    if (!p.ok) return bad(`“${key}”${p.message}`);
    out[key] = p.value;
  }
  return { ok: true, value: out };
}

const KNOWN = new WeakMap<readonly InputMeta[], ReadonlySet<string>>();

/** Field names an application may carry; computed once per policy (a cache keyed by its inputs). */
function knownFields(inputs: readonly InputMeta[]): ReadonlySet<string> {
  let set = KNOWN.get(inputs);
  if (!set) {
    set = new Set([...inputs.map((i) => i.name), ...RESERVED_FIELDS.map((i) => i.name)]);
    KNOWN.set(inputs, set);
  }
  return set;
}

/** Validated values in declaration order, plus the reserved fields. */
export interface Validated {
  readonly values: unknown[];
  readonly date?: string;
  readonly applicant?: string;
  readonly project?: string;
}

export type Validation = { ok: true; value: Validated } | { ok: false; errors: InputError[] };

/** The error for an input that is required and absent. */
export function missingError(meta: InputMeta): InputError {
  return { field: meta.name, message: `缺少“${meta.name}”（${TYPE_ZH[meta.type] ?? meta.type}）` };
}

/** Parse one present value; on failure push the field's error and return undefined. */
export function parseField(meta: InputMeta, raw: unknown, errors: InputError[]): unknown {
  const p = parseOne(meta, raw);
  if (p.ok) return p.value;
  const hint = EXAMPLE[meta.type] ? `，应为${TYPE_ZH[meta.type]}（${EXAMPLE[meta.type]}）` : "";
  errors.push({
    field: meta.name,
    message: `“${meta.name}”${p.message}：收到 ${show(raw)}${p.message === "类型不对" || p.message === "不是有效数字" ? hint : ""}`,
  });
  return undefined;
}

/** A value that is not an application at all. */
export const NOT_AN_OBJECT: InputError = {
  field: "(申报材料)",
  message: "申报材料应为一个对象（JSON），各字段为申报信息",
};

const INDEX = new WeakMap<readonly InputMeta[], ReadonlyMap<string, number>>();

/** Declared field name → position; computed once per policy. */
function indexOf(inputs: readonly InputMeta[]): ReadonlyMap<string, number> {
  let map = INDEX.get(inputs);
  if (!map) {
    map = new Map(inputs.map((m, i) => [m.name, i]));
    INDEX.set(inputs, map);
  }
  return map;
}

/**
 * Validate an application against the declared inputs; defaults are parsed values already.
 * It walks the fields the application has (a handful) rather than every declared input, which
 * keeps property reads few: applications of different shapes make each read slow.
 */
export function validate(
  app: unknown,
  inputs: readonly InputMeta[],
  defaults: readonly unknown[],
): Validation {
  if (typeof app !== "object" || app === null || Array.isArray(app))
    return { ok: false, errors: [NOT_AN_OBJECT] };
  const rec = app as Record<string, unknown>;
  const index = indexOf(inputs);
  const values = defaults.slice();
  // Required fields seen so far; checked against the count of required fields at the end.
  let requiredSeen = 0;
  let fieldErrors: InputError[][] | undefined;
  let other: InputError[] | undefined;
  let date: string | undefined;
  let applicant: string | undefined;
  let project: string | undefined;
  let unknown = 0;
  for (const key in rec) {
    if (!Object.hasOwn(rec, key)) continue;
    const raw = rec[key];
    const i = index.get(key);
    if (i === undefined) {
      const meta = RESERVED_FIELDS.find((r) => r.name === key);
      if (meta) {
        if (raw === undefined || raw === null) continue;
        const p = parseOne(meta, raw);
        if (!p.ok)
          (other ??= []).push({ field: key, message: `“${key}”${p.message}：收到 ${show(raw)}` });
        else if (key === "申报日期") date = p.value as string;
        else if (key === "申报主体") applicant = p.value as string;
        else project = p.value as string;
      } else if (unknown++ < 200) (other ??= []).push(unknownField(inputs, key));
      continue;
    }
    if (raw === undefined || raw === null) continue;
    const meta = inputs[i]!;
    if (meta.required) requiredSeen++;
    if (raw === true || raw === false) {
      if (meta.type === "bool") {
        values[i] = raw;
        continue;
      }
    } else if (typeof raw === "number" && meta.type === "money") {
      const d = moneyNumber(raw);
      if (d) {
        values[i] = d;
        continue;
      }
    }
    const errs: InputError[] = [];
    values[i] = parseField(meta, raw, errs);
    if (errs.length) (fieldErrors ??= [])[i] = errs;
  }
  if (!fieldErrors && !other && requiredSeen === requiredCount(inputs)) {
    const value: { values: unknown[]; date?: string; applicant?: string; project?: string } = {
      values,
    };
    if (date) value.date = date;
    if (applicant) value.applicant = applicant;
    if (project) value.project = project;
    return { ok: true, value };
  }
  const errors: InputError[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const meta = inputs[i]!;
    const raw = rec[meta.name];
    if (meta.required && (raw === undefined || raw === null || !Object.hasOwn(rec, meta.name)))
      errors.push(missingError(meta));
    const errs = fieldErrors?.[i];
    if (errs) errors.push(...errs);
  }
  if (other) errors.push(...other);
  return { ok: false, errors };
}

const REQUIRED = new WeakMap<readonly InputMeta[], number>();

/** How many declared inputs are required; computed once per policy. */
function requiredCount(inputs: readonly InputMeta[]): number {
  let n = REQUIRED.get(inputs);
  if (n === undefined) {
    n = inputs.filter((m) => m.required).length;
    REQUIRED.set(inputs, n);
  }
  return n;
}

function unknownField(inputs: readonly InputMeta[], key: string): InputError {
  // editDistance refuses keys longer than MAX_COMPARED_LENGTH, and each comparison stops at its limit
  const near = [...knownFields(inputs)].filter((n) => {
    const limit = Math.max(1, Math.floor(n.length / 3));
    return editDistance(n, key, limit) <= limit;
  });
  const shown = clipForMessage(key);
  return {
    field: shown,
    message: `未知的字段“${shown}”${near.length ? `，是否指“${near[0]}”？` : ""}`,
  };
}

/** Parse a JSON parameter override with the same rules as an input. */
export function parseValue(
  meta: InputMeta,
  v: unknown,
): { ok: true; value: unknown } | { ok: false; message: string } {
  const p = parseOne(meta, v);
  return p.ok ? p : { ok: false, message: `“${meta.name}”${p.message}：收到 ${show(v)}` };
}
