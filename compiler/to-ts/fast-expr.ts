/**
 * expression → JavaScript on exact integer money, for the generated fast path. A number-valued
 * expression compiles to integer code plus its scale (the value is code / 10^scale), known here at
 * compile time: amounts of 元 to the 分 have scale 2, 30% is 3 at scale 1, and their product has
 * scale 3. Every operation goes through `rt.ck` (a safe integer or leave the fast path). A
 * construct the fast path does not take (division, dates as numbers, itemised amounts) throws
 * {@link NoFastPath}: the policy then has only the decimal.js path.
 */
import type { BracketRow, Expr } from "../../grammar/ast.js";
import { assertNever } from "../../grammar/ast.js";
import type { Checked } from "../check/check-policy.js";
import { isRankTy, RANK_OP, type Ty } from "../check/types.js";
import { WHOLE_UNITS } from "../../runtime/validate.js";
import { lit, Writer } from "./emit.js";
import { CMP_JS } from "./expr-to-js.js";
import { dataTable, TABLE_FROM, tablePart, type DataTable } from "./bracket-table.js";
import type { Dec } from "../../runtime/money.js";

/** This policy (or this part of it) has no fast path. */
export class NoFastPath extends Error {}

/** Integer code for a number and its scale. */
export interface Scaled {
  readonly code: string;
  readonly s: number;
}

/** Most decimal places of a number on the fast path; beyond it the policy has no fast path. */
const MAX_SCALE = 12;

/** A decimal literal as an integer at its own scale ("0.30" → 3 at scale 1). */
export function literal(value: string): Scaled {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!m) throw new NoFastPath(`literal ${value}`);
  const frac = (m[3] ?? "").replace(/0+$/, "");
  const digits = `${m[2]}${frac}`.replace(/^0+(?=\d)/, "");
  const n = Number(digits);
  if (!Number.isSafeInteger(n) || frac.length > MAX_SCALE) throw new NoFastPath(`literal ${value}`);
  return { code: `${m[1] && n !== 0 ? "-" : ""}${n}`, s: frac.length };
}

/** Scale of an input or parameter value of this type on the fast path. */
export function inputScale(t: Ty): number {
  switch (t.k) {
    case "money":
      return 2;
    case "ratio":
      return 4;
    case "count":
      return WHOLE_UNITS.has(t.unit ?? "") || isRankTy(t) ? 0 : 4;
    default:
      throw new NoFastPath(`input of type ${t.k}`);
  }
}

export const FAST_PARAMS_TS = "v: readonly any[], p: readonly any[], date: string";
export const FAST_PARAMS_JS = "v, p, date";

/** Compiles the expressions of one policy for the fast path; helpers accumulate in `helpers`. */
export class FastGen {
  readonly helpers: string[] = [];
  private fnCount = 0;

  constructor(
    readonly checked: Checked,
    readonly ts: boolean,
    /** Rows from which a 分档 with constant bounds is a data table. */
    readonly tableFrom: number = TABLE_FROM,
  ) {}

  ty(e: Expr): Ty {
    return this.checked.cx.types.get(e) ?? { k: "error" };
  }

  isNum(e: Expr): boolean {
    const k = this.ty(e).k;
    return k === "money" || k === "ratio" || k === "count" || k === "rate";
  }

  /** `x` at the finer scale `to` (checked); a figure finer than `to` (a default of 0.001元) has no fast path. */
  at(x: Scaled, to: number): string {
    if (to < x.s) throw new NoFastPath("a figure finer than its position's scale");
    if (to === x.s) return x.code;
    if (/^-?\d+$/.test(x.code)) {
      const n = Number(x.code) * 10 ** (to - x.s);
      if (!Number.isSafeInteger(n)) throw new NoFastPath("constant too large");
      return String(n);
    }
    return `rt.up(${x.code}, ${to - x.s})`;
  }

  /** Both at the scale of the finer one. */
  align(a: Scaled, b: Scaled): [string, string, number] {
    const s = Math.max(a.s, b.s);
    if (s > MAX_SCALE) throw new NoFastPath("scale");
    return [this.at(a, s), this.at(b, s), s];
  }

  /** A number-valued expression. */
  num(e: Expr): Scaled {
    switch (e.kind) {
      case "Money":
      case "Percent":
      case "Number":
      case "Rate":
        return literal(e.value);
      case "Name":
        return this.numName(e.name);
      case "Binary": {
        const a = this.num(e.left);
        const b = this.num(e.right);
        if (e.op === "*") {
          if (a.s + b.s > MAX_SCALE) throw new NoFastPath("scale");
          return { code: `rt.ck(${a.code} * ${b.code})`, s: a.s + b.s };
        }
        if (e.op === "/") throw new NoFastPath("division");
        const [x, y, s] = this.align(a, b);
        return { code: `rt.ck(${x} ${e.op} ${y})`, s };
      }
      case "Neg": {
        const a = this.num(e.operand);
        return { code: `(-${a.code})`, s: a.s };
      }
      case "If": {
        const [x, y, s] = this.align(this.num(e.then), this.num(e.else));
        return { code: `(${this.bool(e.cond)} ? ${x} : ${y})`, s };
      }
      case "Call": {
        if (e.fn !== "min" && e.fn !== "max") throw new NoFastPath(e.fn);
        const args = e.args.map((a) => this.num(a));
        const s = Math.max(...args.map((a) => a.s));
        return { code: `Math.${e.fn}(${args.map((a) => this.at(a, s)).join(", ")})`, s };
      }
      case "Table":
        return this.table(e);
      case "Brackets":
        return this.brackets(e);
      case "DateLit":
      case "Bool":
      case "Str":
      case "AppDate":
      case "Compare":
      case "InSet":
      case "Logic":
      case "Not":
      case "Sum":
      case "Record":
      case "ClauseAmount": // another clause's result: the decimal.js path orders the clauses
      case "History":
        throw new NoFastPath(`${e.kind} as a number`);
      default:
        return assertNever(e);
    }
  }

  private numName(name: string): Scaled {
    const sym = this.checked.cx.symbols.get(name);
    if (!sym || sym.kind === "category") throw new NoFastPath(`name ${name}`);
    switch (sym.kind) {
      case "input":
        return { code: `v[${sym.index}]`, s: inputScale(sym.ty) };
      case "param":
        return { code: `p[${sym.index}]`, s: inputScale(sym.ty) };
      case "define": {
        const d = this.num(sym.decl.expr);
        return { code: `(${d.code})`, s: d.s };
      }
    }
  }

  /** A value that is not a number: a condition, a date, an enum or a text. */
  bool(e: Expr): string {
    switch (e.kind) {
      case "DateLit":
      case "Str":
        return lit(e.value);
      case "Bool":
        return e.value ? "true" : "false";
      case "AppDate":
        return "date";
      case "Name": {
        const sym = this.checked.cx.symbols.get(e.name);
        const t = this.ty(e);
        if (!sym) return t.k === "enum" || t.k === "enumValue" ? lit(e.name) : "undefined";
        if (sym.kind === "input") return `v[${sym.index}]`;
        if (sym.kind === "param") return `p[${sym.index}]`;
        if (sym.kind === "define") return `(${this.bool(sym.decl.expr)})`;
        return "undefined";
      }
      case "Compare": {
        if (this.isNum(e.left) || this.isNum(e.right)) {
          const [a, b] = this.align(this.num(e.left), this.num(e.right));
          // places (名次): a better place is a smaller number, so 不低于 第10名 is ≤ 10
          const op = isRankTy(this.checked.cx.types.get(e.left)) ? RANK_OP[e.op] : e.op;
          return `(${a} ${CMP_JS[op]} ${b})`;
        }
        return `(${this.bool(e.left)} ${CMP_JS[e.op]} ${this.bool(e.right)})`;
      }
      case "InSet": {
        const s = this.bool(e.subject);
        const test = e.values.map((v) => `${s} === ${lit(v.name)}`).join(" || ");
        return e.negated ? `!(${test})` : `(${test})`;
      }
      case "Logic":
        return `(${this.bool(e.left)} ${e.op === "and" ? "&&" : "||"} ${this.bool(e.right)})`;
      case "Not":
        return `!${this.bool(e.operand)}`;
      case "If":
        return `(${this.bool(e.cond)} ? ${this.bool(e.then)} : ${this.bool(e.else)})`;
      case "Table":
      case "Brackets":
      case "Money":
      case "Percent":
      case "Number":
      case "Rate":
      case "Binary":
      case "Neg":
      case "Call":
      case "Sum":
      case "Record":
      case "ClauseAmount":
      case "History":
        throw new NoFastPath(`${e.kind} as a value`);
      default:
        return assertNever(e);
    }
  }

  private fnHead(): { name: string; w: Writer } {
    const name = `FF${this.fnCount++}`;
    const w = new Writer();
    w.open(
      `function ${name}(${this.ts ? FAST_PARAMS_TS : FAST_PARAMS_JS})${this.ts ? ": number" : ""}`,
    );
    return { name, w };
  }

  private table(e: Extract<Expr, { kind: "Table" }>): Scaled {
    const values = [...e.rows.map((r) => r.value), ...(e.otherwise ? [e.otherwise] : [])];
    const nums = values.map((v) => this.num(v));
    const s = Math.max(...nums.map((n) => n.s));
    const { name, w } = this.fnHead();
    const keys = e.keys.map((k, i) => {
      w.line(`const k${i} = ${this.bool(k)};`);
      return `k${i}`;
    });
    e.rows.forEach((row, r) => {
      const test = row.keys.map((k, i) => `${keys[i]} === ${lit(k.name)}`).join(" && ");
      w.line(`if (${test}) return ${this.at(nums[r]!, s)};`);
    });
    // No row: the decimal.js path words the failure.
    w.line(e.otherwise ? `return ${this.at(nums[nums.length - 1]!, s)};` : "return rt.fall();");
    w.close();
    this.helpers.push(w.toString());
    return { code: `${name}(v, p, date)`, s };
  }

  private bound(subject: Scaled | string, row: BracketRow): string {
    const parts: string[] = [];
    const cmp = (v: Expr, op: "gt" | "ge" | "lt" | "le") => {
      if (typeof subject === "string") return `${subject} ${CMP_JS[op]} ${this.bool(v)}`;
      const [a, b] = this.align(subject, this.num(v));
      return `${a} ${CMP_JS[op]} ${b}`;
    };
    if (row.lower) parts.push(cmp(row.lower.value, row.lower.inclusive ? "ge" : "gt"));
    if (row.upper) parts.push(cmp(row.upper.value, row.upper.inclusive ? "le" : "lt"));
    return parts.join(" && ") || "true";
  }

  private brackets(e: Extract<Expr, { kind: "Brackets" }>): Scaled {
    const nums = e.rows.map((r) => this.num(r.value));
    const s = nums.reduce((m, n) => Math.max(m, n.s), 0);
    const table = this.isNum(e.subject) ? dataTable(e, this.tableFrom) : undefined;
    if (table) return this.bracketData(e, table, new Map(e.rows.map((r, k) => [r, nums[k]!])), s);
    const { name, w } = this.fnHead();
    let subject: Scaled | string;
    if (this.isNum(e.subject)) {
      const sub = this.num(e.subject);
      w.line(`const s = ${sub.code};`);
      subject = { code: "s", s: sub.s };
    } else {
      w.line(`const s = ${this.bool(e.subject)};`);
      subject = "s";
    }
    e.rows.forEach((row, r) => {
      w.line(
        `if (${row.otherwise ? "true" : this.bound(subject, row)}) return ${this.at(nums[r]!, s)};`,
      );
    });
    w.line("return rt.fall();");
    w.close();
    this.helpers.push(w.toString());
    return { code: `${name}(v, p, date)`, s };
  }

  /**
   * A 分档 as data (see ExprGen): bounds as integers at one scale, the subject raised to it once,
   * values as integers at scale `s` (or functions when they are not constants).
   */
  private bracketData(
    e: Extract<Expr, { kind: "Brackets" }>,
    table: DataTable,
    nums: ReadonlyMap<BracketRow, Scaled>,
    s: number,
  ): Scaled {
    const sub = this.num(e.subject);
    let scale = sub.s;
    for (const r of table.rows)
      scale = Math.max(scale, r.lo?.decimalPlaces() ?? 0, r.hi?.decimalPlaces() ?? 0);
    if (scale > MAX_SCALE) throw new NoFastPath("scale");
    const int = (d: Dec | undefined): string => {
      if (d === undefined) return "null";
      const digits = d
        .toFixed()
        .replace(".", "")
        .replace(/^(-?)0+(?=\d)/, "$1");
      const n = this.at({ code: digits, s: d.decimalPlaces() }, scale);
      if (!Number.isSafeInteger(Number(n))) throw new NoFastPath("bound");
      return n;
    };
    const lo = tablePart(table, `fastLo${scale}`, () =>
      table.rows.map((r) => int(r.lo)).join(", "),
    );
    const hi = tablePart(table, `fastHi${scale}`, () =>
      table.rows.map((r) => int(r.hi)).join(", "),
    );
    const values = table.rows.map((r) => this.at(nums.get(r.row)!, s));
    const constant = values.every((v) => /^-?\d+$/.test(v));
    const { name, w } = this.fnHead();
    const t = `FT${name.slice(2)}`;
    const fn = `(${this.ts ? FAST_PARAMS_TS : FAST_PARAMS_JS}) => `;
    this.helpers.push(
      [
        `const ${t} = {`,
        `  lo: [${lo}],`,
        `  hi: [${hi}],`,
        `  inc: ${lit(table.inc)},`,
        `  values: [${constant ? values.join(", ") : values.map((v) => fn + v).join(", ")}],`,
        "};",
      ].join("\n"),
    );
    w.line(`const i = rt.bracketRow(${t}, ${this.at(sub, scale)}, rt.intCmp);`);
    const other = table.otherwise ? this.at(nums.get(table.otherwise)!, s) : "rt.fall()";
    w.line(`if (i < 0) return ${other};`);
    const nn = this.ts ? "!" : "";
    w.line(`return ${t}.values[i]${nn}${constant ? "" : "(v, p, date)"};`);
    w.close();
    this.helpers.push(w.toString());
    return { code: `${name}(v, p, date)`, s };
  }
}
