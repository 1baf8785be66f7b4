/**
 * A synthetic population of applications generated from the declared inputs of both versions,
 * seeded and reproducible: application i depends only on the seed and i. Amounts are whole 元
 * drawn on a log scale that reaches past the policy's largest figures (integers, never floats).
 * The distributions are stated in `describePopulation`, so the budget says what it assumed.
 */
import { fmtMoney, RANK_UNIT } from "../runtime/format.js";
import { showMoney } from "../runtime/money-text.js";
import { Dec } from "../runtime/money.js";
import type { InputMeta } from "../runtime/types.js";
import { dayOf, isoOf } from "./boundary-axes.js";
import { chance, intIn, streamFor } from "./prng.js";

/** Plain data (sent to worker threads) from which applications are generated. */
export interface PopulationSpec {
  readonly seed: number;
  readonly fields: readonly InputMeta[];
  /** Amounts run from 10^minExp to 10^(maxExp+1) 元. */
  readonly minExp: number;
  readonly maxExp: number;
  /** Counts run from 0 to countMax. */
  readonly countMax: number;
  /** Date inputs are drawn between these days (ISO). */
  readonly dateFrom: string;
  readonly dateTo: string;
}

/** The inputs of both versions (the new declaration wins) and the scale of their figures. */
export function populationSpec(
  seed: number,
  inputs: readonly (readonly InputMeta[])[],
  largestAmount: Dec,
  largestCount: Dec,
  dates: readonly string[],
): PopulationSpec {
  const fields = new Map<string, InputMeta>();
  for (const list of inputs) for (const i of list) fields.set(i.name, i);
  const digits = largestAmount.gt(0) ? largestAmount.toFixed(0).length : 6;
  const sorted = [...dates].sort();
  return {
    seed,
    fields: [...fields.values()],
    // Amounts from about a thousandth of the largest figure to ten times it.
    minExp: Math.max(2, digits - 4),
    maxExp: Math.max(4, digits - 1),
    countMax: Math.max(20, largestCount.mul(3).ceil().toNumber()),
    dateFrom: sorted[0] ?? "2020-01-01",
    dateTo: sorted[sorted.length - 1] ?? "2030-12-31",
  };
}

/** How often a field keeps its declared default (a yes/no without default is 是 90% of the time). */
export const KEEP_DEFAULT = 40;

function amount(rng: () => number, spec: PopulationSpec): number {
  const exp = intIn(rng, spec.minExp, spec.maxExp);
  // mantissa 1000..9999 times 10^(exp-3): whole 元 between 10^exp and 10^(exp+1).
  return intIn(rng, 1000, 9999) * 10 ** Math.max(0, exp - 3);
}

/**
 * The values of application number `index`, one per field of the spec, in field order; undefined
 * means the field keeps its declared default (the application leaves it out).
 */
export function applicationValues(spec: PopulationSpec, index: number): unknown[] {
  const rng = streamFor(spec.seed, index);
  const out = new Array<unknown>(spec.fields.length);
  for (let i = 0; i < spec.fields.length; i++) {
    const f = spec.fields[i]!;
    const hasDefault = f.default !== undefined;
    if (f.type === "bool") {
      const flip = hasDefault ? chance(rng, 25) : !chance(rng, 90);
      const base = hasDefault ? f.default === true || f.default === "是" : true;
      out[i] = flip ? !base : base;
      continue;
    }
    if (hasDefault && chance(rng, KEEP_DEFAULT)) continue;
    out[i] = value(f, spec, rng);
  }
  return out;
}

function value(f: InputMeta, spec: PopulationSpec, rng: () => number): unknown {
  switch (f.type) {
    case "money":
      return amount(rng, spec);
    case "count":
      // a place (名次) starts at 第1名
      return intIn(rng, f.unit === RANK_UNIT ? 1 : 0, spec.countMax);
    case "ratio":
      return `${intIn(rng, 0, 100)}%`;
    case "enum":
      return f.values?.length ? f.values[intIn(rng, 0, f.values.length - 1)] : undefined;
    case "date":
      return isoOf(intIn(rng, dayOf(spec.dateFrom), dayOf(spec.dateTo)));
    case "moneyBy": {
      const rec: Record<string, number> = {};
      for (const v of f.values ?? []) if (chance(rng, 50)) rec[v] = amount(rng, spec);
      return rec;
    }
    case "moneyByYear": {
      const rec: Record<string, number> = {};
      for (let y = +spec.dateFrom.slice(0, 4); y <= +spec.dateTo.slice(0, 4); y++)
        if (chance(rng, 50)) rec[String(y)] = amount(rng, spec);
      return rec;
    }
    default:
      return undefined;
  }
}

/**
 * A builder of applications for one version: the spec's values restricted to the fields the
 * version declares (undefined = default). For speed it refills one object of fixed shape, so each
 * application must be used before the next is built (evaluate keeps no reference to it).
 */
export function applicationBuilder(
  spec: PopulationSpec,
  declared: readonly string[],
): (values: readonly unknown[]) => Record<string, unknown> {
  const known = new Set(declared);
  const fields = spec.fields.flatMap((f, i) => (known.has(f.name) ? [[f.name, i] as const] : []));
  const app: Record<string, unknown> = {};
  for (const [name] of fields) app[name] = undefined;
  return (values) => {
    for (const [name, i] of fields) app[name] = values[i];
    return app;
  };
}

/** Application number `index` of the population (fields left at their default are omitted). */
export function application(spec: PopulationSpec, index: number): Record<string, unknown> {
  const values = applicationValues(spec, index);
  const app: Record<string, unknown> = {};
  spec.fields.forEach((f, i) => {
    if (values[i] !== undefined) app[f.name] = values[i];
  });
  return app;
}

/** How many of an application's values its name shows. */
const NAMED_VALUES = 3;

/**
 * A synthetic application named by what it is, not as if it were the 472nd real one:
 * 合成申报 #472（项目级别 市级，项目已投入金额 约1234.57万元，…）: its categories, then its largest
 * amounts, among the values not left at their default.
 */
export function syntheticName(spec: PopulationSpec, index: number): string {
  const values = applicationValues(spec, index);
  const kinds: string[] = [];
  const amounts: [number, string][] = [];
  spec.fields.forEach((f, i) => {
    const v = values[i];
    if (v === undefined || v === f.default) return;
    if (f.type === "enum" && typeof v === "string") kinds.push(`${f.name} ${v}`);
    else if (f.type === "money" && typeof v === "number")
      amounts.push([v, `${f.name} ${showMoney(String(v))}`]);
  });
  // Its categories, then its largest amounts (those most often decide the award).
  const shown = [...kinds, ...amounts.sort((a, b) => b[0] - a[0]).map((a) => a[1])];
  const more = shown.length > NAMED_VALUES ? "，…" : "";
  const what = shown.length ? `（${shown.slice(0, NAMED_VALUES).join("，")}${more}）` : "";
  return `合成申报 #${index + 1}${what}`;
}

/** The population's assumptions in Chinese, for the budget report. */
export function describePopulation(spec: PopulationSpec): string {
  return (
    `合成申报按声明的申报信息生成（种子 ${spec.seed}）：无默认值的是否项 90% 为是，有默认值的是否项 25% 取相反值；` +
    `其余有默认值的项 ${KEEP_DEFAULT}% 取默认值；金额为整元，按数量级均匀分布于 ${fmtMoney(new Dec(10).pow(spec.minExp))} 至 ${fmtMoney(new Dec(10).pow(spec.maxExp + 1))}；` +
    `数量 0 至 ${spec.countMax}；类别等概率。`
  );
}
