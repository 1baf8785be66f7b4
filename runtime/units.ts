/**
 * The units a number may carry (10家, 3000平方米, 0.2元/千瓦时), in one table read by the lexer,
 * the checker, the reference and application validation (3000㎡ for a field declared in 平方米).
 */

/** A unit a number may carry (10家, 3000平方米, 0.2元/千瓦时). */
export interface UnitSpec {
  /** Accepted spellings; the first is canonical and the others are read as it (㎡ → 平方米). */
  readonly spellings: readonly [string, ...string[]];
  readonly doc: string;
  readonly example: string;
}

const u = (spellings: [string, ...string[]], doc: string, example: string): UnitSpec => ({
  spellings,
  doc,
  example,
});

/**
 * Units, for the lexer and the reference. Quantities multiply and divide with their units
 * (面积 × 2元/平方米/天 × 天数 is money; 面积 × 天数 is 平方米·天, not money). Units not listed here
 * may still be declared: `数量（吨标煤）`.
 */
export const UNITS: readonly UnitSpec[] = [
  u(["平方米", "㎡", "m²"], "面积；㎡ 读作平方米。", "租赁面积 × 2元/平方米/天 × 租赁天数"),
  u(["立方米", "㎥", "m³"], "体积；㎥ 读作立方米。", "年节水量 5000立方米"),
  u(["千瓦时", "kWh"], "电量。", "年节电量 × 0.2元/千瓦时"),
  u(["千瓦", "kW"], "功率、装机容量。", "装机容量 500千瓦"),
  u(["人"], "人数。", "新增就业人数 × 5000元/人"),
  u(["名"], "人数（名）；名次写作 第10名、前十名。", "引进人才 3名"),
  u(["家"], "企业、单位数。", "服务企业数量 不少于 10家"),
  u(["户"], "户数。", "服务农户 200户"),
  u(["个"], "个数。", "名额 每年 20个"),
  u(["项"], "项目数。", "每年限 1 项"),
  u(["年"], "年数。", "入驻年数 3年"),
  u(["个月"], "月数（与“月”不同：个月是时长）。", "租期 6个月 × 1万元/个月"),
  u(["月"], "月份数。", "12月"),
  u(["天"], "天数。", "贴息天数 365天"),
  u(["次"], "次数。", "举办次数 2次"),
  u(["吨"], "重量。", "减排量 100吨"),
  u(["度"], "电量（度）。", "年节电量 10000度"),
  ...["台", "套", "件", "株", "辆", "间", "份"].map((w) =>
    u([w], `件数（${w}）。`, `新增设备 10${w}`),
  ),
];

/** Every unit spelling mapped to its canonical unit (㎡ → 平方米). */
export function unitSpellings(): Map<string, string> {
  const map = new Map<string, string>();
  for (const spec of UNITS) for (const s of spec.spellings) map.set(s, spec.spellings[0]);
  return map;
}
