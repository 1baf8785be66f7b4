/**
 * Malformed applications for the evaluator: a valid seed application with one to four defects,
 * each naming the field that must be reported (missing, wrong type, NaN, 1e400, negative, "200万"
 * where a yes/no belongs, unknown categories, extra fields, huge arrays, prototype keys …).
 */
import type { InputMeta } from "../../runtime/types.js";
import { int, pick } from "../support/random.js";

type R = () => number;

/** An application with the fields its defects must be reported under. */
export interface MalformedCase {
  readonly app: unknown;
  /** Fields that must each get an error (and no other field may). */
  readonly broken: ReadonlySet<string>;
  /** What was done, for failure reports. */
  readonly defects: readonly string[];
}

const BAD_MONEY: unknown[] = [
  NaN,
  Infinity,
  -Infinity,
  -1,
  "-5万",
  "abc",
  "",
  "1.234",
  "1e5",
  "1e400",
  true,
  [],
  {},
  "200万万",
  "100000000000000000000",
  "1,2,3",
  "０．００１",
  null === null ? "万" : 0,
  "12 34",
];
const BAD_BOOL: unknown[] = [1, 0, "maybe", "200万", [], {}, "TRUE ", "对", NaN];
const BAD_COUNT: unknown[] = [-1, "1.5.3", "五家", NaN, Infinity, "3个人", [], "1e400", "12吨"];
const BAD_ENUM: unknown[] = [
  "省级",
  "",
  1,
  [],
  "区级 ",
  "国家级项目",
  null === null ? { 区级: true } : 0,
];
const BAD_DATE: unknown[] = [
  "2022-02-30",
  "2022/01/01",
  20220101,
  "",
  "2022-13-01",
  "明天",
  "2022年2月29日",
  [],
];
const BAD_TEXT: unknown[] = [1, true, [], {}, "x".repeat(10001)];
const EXTRA = [
  "项目实际投资额",
  "注册地",
  "foo",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "",
  " ",
  "项目级别 ",
  "\u0000",
  "\u2028",
];

/** The bad values that fit a declared input type. */
function badValues(meta: InputMeta): unknown[] {
  switch (meta.type) {
    case "money":
      return BAD_MONEY;
    case "bool":
      return BAD_BOOL;
    case "count":
      return BAD_COUNT;
    case "enum":
      return BAD_ENUM;
    case "date":
      return BAD_DATE;
    default:
      return BAD_TEXT;
  }
}

/** Break a valid application (a plain object) in one to four ways. */
export function malformed(
  r: R,
  valid: Record<string, unknown>,
  inputs: readonly InputMeta[],
): MalformedCase {
  const k = r();
  if (k < 0.03) {
    const app = pick(r, [
      null,
      42,
      "申报材料",
      [],
      [valid],
      true,
      Array(int(r, 0, 100000)).fill(0),
    ]);
    return { app, broken: new Set(["(申报材料)"]), defects: ["不是对象"] };
  }
  const app: Record<string, unknown> = { ...valid };
  const broken = new Set<string>();
  const defects: string[] = [];
  const reserved: InputMeta[] = [
    { name: "申报日期", type: "date", required: false },
    { name: "申报主体", type: "text", required: false },
  ];
  for (let n = int(r, 1, 4); n > 0; n--) {
    const what = r();
    if (what < 0.12) {
      const meta = pick(
        r,
        inputs.filter((i) => i.required),
      );
      if (!meta) continue;
      delete app[meta.name];
      if (r() < 0.3) app[meta.name] = null;
      broken.add(meta.name);
      defects.push(`缺少 ${meta.name}`);
    } else if (what < 0.75) {
      const meta = pick(r, [...inputs, ...reserved]);
      const v = pick(r, badValues(meta));
      app[meta.name] = v;
      broken.add(meta.name);
      defects.push(`${meta.name} = ${String(v).slice(0, 30)}`);
    } else if (what < 0.85) {
      const meta = pick(r, inputs);
      app[meta.name] = new Array(int(r, 1000, 200000)).fill(pick(r, [1, "是", null, {}]));
      broken.add(meta.name);
      defects.push(`${meta.name} = 大数组`);
    } else {
      const key = pick(r, EXTRA) + (r() < 0.3 ? String(int(r, 0, 9)) : "");
      // __proto__ must be an own property, as JSON.parse makes it.
      Object.defineProperty(app, key, {
        value: pick(r, [1, "x", {}, []]),
        enumerable: true,
        configurable: true,
        writable: true,
      });
      broken.add(key);
      defects.push(`多余字段 ${JSON.stringify(key)}`);
    }
  }
  return { app, broken, defects };
}
