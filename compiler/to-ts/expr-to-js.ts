/**
 * expression → JavaScript expression text over the evaluator's locals: `v` (inputs), `p`
 * (parameters), `ctx` (date, ledger …) and `x` (the clause run when explaining, else null).
 * Tables and brackets become hoisted functions that also record which row applied; a large 分档
 * with constant bounds is a data table searched by binary search (./bracket-table.ts).
 */
import type { BracketRow, Expr } from "../../grammar/ast.js";
import { assertNever } from "../../grammar/ast.js";
import type { Checked } from "../check/check-policy.js";
import { isRankTy, RANK_OP, type Ty } from "../check/types.js";
import { bracketLabel, exprToText } from "../../grammar/expr-to-text.js";
import { clauseKeyText } from "../../grammar/clause-ids.js";
import { comment, Hoister, lit, Writer } from "./emit.js";
import { clauseNumberCode } from "./clause-ident.js";
import { boundText, dataTable, TABLE_FROM, tablePart, type DataTable } from "./bracket-table.js";
import { constValue } from "../check/brackets.js";
import type { ClauseKey } from "../../grammar/clause-ids.js";

const CMP_DEC: Record<string, string> = {
  gt: "gt",
  ge: "gte",
  lt: "lt",
  le: "lte",
  eq: "eq",
  ne: "eq",
  before: "lt",
  after: "gt",
  notBefore: "gte",
  notAfter: "lte",
};
/** Comparison operators as JavaScript, for plain numbers and strings (the fast path uses them too). */
export const CMP_JS: Record<string, string> = {
  gt: ">",
  ge: ">=",
  lt: "<",
  le: "<=",
  eq: "===",
  ne: "!==",
  before: "<",
  after: ">",
  notBefore: ">=",
  notAfter: "<=",
};

/** The TypeScript type of a runtime value of this checker type. */
export function tsType(t: Ty): string {
  switch (t.k) {
    case "money":
    case "ratio":
    case "count":
    case "rate":
      return "rt.Dec";
    case "bool":
      return "boolean";
    case "moneyBy":
    case "moneyByYear":
      return "Readonly<Record<string, rt.Dec>>";
    default:
      return "string";
  }
}

export const FN_PARAMS_TS =
  "v: readonly unknown[], p: readonly unknown[], ctx: rt.Ctx, x: rt.ClauseRun | null";
export const FN_PARAMS_JS = "v, p, ctx, x";

/** Compiles expressions of one policy; hoisted helpers accumulate in `helpers`. */
export class ExprGen {
  readonly helpers: string[] = [];
  private fnCount = 0;
  /** The clause being emitted: history queries ask about its awards (all clauses outside one). */
  clause: ClauseKey | undefined;

  constructor(
    readonly checked: Checked,
    readonly h: Hoister,
    readonly ts: boolean,
    /** Rows from which a 分档 with constant bounds is a data table. */
    readonly tableFrom: number = TABLE_FROM,
  ) {}

  ty(e: Expr): Ty {
    return this.checked.cx.types.get(e) ?? { k: "error" };
  }

  private cast(code: string, t: Ty): string {
    return this.ts ? `(${code} as ${tsType(t)})` : code;
  }

  private isDec(e: Expr): boolean {
    const k = this.ty(e).k;
    return k === "money" || k === "ratio" || k === "count" || k === "rate";
  }

  /** A JS expression computing `e`. */
  expr(e: Expr): string {
    switch (e.kind) {
      case "Money":
      case "Percent":
      case "Number":
      case "Rate":
        return this.h.dec(e.value);
      case "DateLit":
        return lit(e.value);
      case "Bool":
        return e.value ? "true" : "false";
      case "Str":
        return lit(e.value);
      case "AppDate":
        return "ctx.date";
      case "Name":
        return this.name(e.name, this.ty(e));
      case "ClauseAmount":
        return `rt.clauseAmount(ctx, x, ${typeof e.clause === "number" ? String(e.clause) : lit(e.clause)}, ${lit(clauseKeyText(e.clause))})`;
      case "Binary": {
        const a = this.expr(e.left);
        const b = this.expr(e.right);
        if (e.op === "/") return `rt.div(${a}, ${b})`;
        return `${a}.${{ "+": "plus", "-": "minus", "*": "mul" }[e.op]}(${b})`;
      }
      case "Neg":
        return `${this.expr(e.operand)}.neg()`;
      case "Compare": {
        const a = this.expr(e.left);
        const b = this.expr(e.right);
        if (this.isDec(e.left) || this.isDec(e.right)) {
          // places (名次): a better place is a smaller number, so 不低于 第10名 is ≤ 10
          const op = isRankTy(this.ty(e.left)) ? RANK_OP[e.op] : e.op;
          const call = `${a}.${CMP_DEC[op]}(${b})`;
          return e.op === "ne" ? `!${call}` : call;
        }
        return `(${a} ${CMP_JS[e.op]} ${b})`;
      }
      case "InSet": {
        const s = this.expr(e.subject);
        const test = e.values.map((v) => `${s} === ${lit(v.name)}`).join(" || ");
        return e.negated ? `!(${test})` : `(${test})`;
      }
      case "Logic":
        return `(${this.expr(e.left)} ${e.op === "and" ? "&&" : "||"} ${this.expr(e.right)})`;
      case "Not":
        return `!${this.expr(e.operand)}`;
      case "If":
        return `(${this.expr(e.cond)} ? ${this.expr(e.then)} : ${this.expr(e.else)})`;
      case "Call": {
        const args = e.args.map((a) => this.expr(a));
        if (e.fn === "year") return `rt.dec(${args[0]}.slice(0, 4))`;
        if (e.fn === "days") return `rt.days(${args[0]}, ${args[1]})`;
        return args.reduce((acc, a) => `rt.${e.fn}(${acc}, ${a})`);
      }
      case "Sum": {
        const rec = this.expr(e.target);
        if (e.from && e.to) {
          // A yearly input without a default must list every year summed: a missing year is an error.
          const input = this.checked.inputs.find((s) => s.name === e.target.name);
          const strict = input && !input.decl.default ? `, ${lit(input.name)}` : "";
          return `rt.sumYears(${rec}, ${this.expr(e.from)}, ${this.expr(e.to)}${strict})`;
        }
        return e.only
          ? `rt.sumRecord(${rec}, [${e.only.map((n) => lit(n.name)).join(", ")}])`
          : `rt.sumRecord(${rec})`;
      }
      case "Table":
        return this.table(e);
      case "Brackets":
        return this.brackets(e);
      case "Record":
        return "undefined";
      case "History":
        return `rt.history(ctx, ${this.clause === undefined ? "undefined" : clauseNumberCode(this.clause)}, ${lit(e.query)})`;
      default:
        return assertNever(e);
    }
  }

  private name(name: string, t: Ty): string {
    const sym = this.checked.cx.symbols.get(name);
    if (!sym) return t.k === "enum" || t.k === "enumValue" ? lit(name) : "undefined";
    switch (sym.kind) {
      case "input":
        return this.cast(`v[${sym.index}]`, sym.ty);
      case "param":
        return this.cast(`p[${sym.index}]`, sym.ty);
      case "define":
        return `(${this.expr(sym.decl.expr)})`;
      case "category":
        return "undefined";
    }
  }

  private fnHead(t: Ty): { name: string; w: Writer } {
    const name = `F${this.fnCount++}`;
    const w = new Writer();
    w.open(
      `function ${name}(${this.ts ? FN_PARAMS_TS : FN_PARAMS_JS})${this.ts ? `: ${tsType(t)}` : ""}`,
    );
    return { name, w };
  }

  /** Show a value of type `t` in Chinese (JS expression producing a string). */
  show(code: string, t: Ty): string {
    switch (t.k) {
      case "money":
        return `rt.fmtMoney(${code})`;
      case "ratio":
        return `rt.fmtRatio(${code})`;
      case "count":
        return `rt.fmtCount(${code}, ${lit(t.unit ?? "")})`;
      case "rate":
        return `rt.fmtRate(${code}, ${lit(t.unit)})`;
      case "date":
        return `rt.fmtDate(${code})`;
      case "bool":
        return `rt.fmtBool(${code})`;
      case "moneyBy":
      case "moneyByYear":
        return `rt.fmtMoney(rt.sumRecord(${code}))`;
      default:
        return `String(${code})`;
    }
  }

  private table(e: Extract<Expr, { kind: "Table" }>): string {
    const { name, w } = this.fnHead(this.ty(e));
    const keys = e.keys.map((k, i) => {
      w.line(`const k${i} = ${this.expr(k)};`);
      return `k${i}`;
    });
    const keyText = e.keys.map((k) => exprToText(k)).join("、");
    const shownKeys = keys.map((k) => `String(${k})`).join(' + " " + ');
    const vt = this.ty(e);
    for (const row of e.rows) {
      const test = row.keys.map((k, i) => `${keys[i]} === ${lit(k.name)}`).join(" && ");
      w.open(`if (${test})`);
      w.line(`const r = ${this.expr(row.value)};`);
      w.line(
        `if (x) x.step(${this.h.str(`按${keyText}（`)} + ${shownKeys} + ${this.h.str("）取 ")} + ${this.show("r", vt)});`,
      );
      w.line("return r;").close();
    }
    if (e.otherwise) {
      w.line(`const r = ${this.expr(e.otherwise)};`);
      w.line(
        `if (x) x.step(${this.h.str(`按${keyText}（`)} + ${shownKeys} + ${this.h.str("，其他情形）取 ")} + ${this.show("r", vt)});`,
      );
      w.line("return r;");
    } else
      w.line(
        `return rt.raise(${this.h.str(`${keyText}“`)} + ${shownKeys} + ${this.h.str("”在表中没有对应的取值")});`,
      );
    w.close();
    this.helpers.push(w.toString());
    return `${name}(v, p, ctx, x)`;
  }

  private bound(s: string, subjectDec: boolean, row: BracketRow): string {
    const parts: string[] = [];
    const cmp = (v: Expr, op: "gt" | "ge" | "lt" | "le") =>
      subjectDec ? `${s}.${CMP_DEC[op]}(${this.expr(v)})` : `${s} ${CMP_JS[op]} ${this.expr(v)}`;
    if (row.lower) parts.push(cmp(row.lower.value, row.lower.inclusive ? "ge" : "gt"));
    if (row.upper) parts.push(cmp(row.upper.value, row.upper.inclusive ? "le" : "lt"));
    return parts.join(" && ") || "true";
  }

  private brackets(e: Extract<Expr, { kind: "Brackets" }>): string {
    const table = this.isDec(e.subject) ? dataTable(e, this.tableFrom) : undefined;
    if (table) return this.bracketData(e, table);
    const { name, w } = this.fnHead(this.ty(e));
    const st = this.ty(e.subject);
    const dec = this.isDec(e.subject);
    w.line(`const s = ${this.expr(e.subject)};`);
    const vt = this.ty(e);
    for (const row of e.rows) {
      w.open(`if (${row.otherwise ? "true" : this.bound("s", dec, row)})`);
      w.line(`const r = ${this.expr(row.value)};`);
      w.line(`if (x) x.step(${this.rowStep(e, bracketLabel(row), st, vt)});`);
      w.line("return r;").close();
    }
    w.line(`return ${this.outOfBrackets(e, st)};`);
    w.close();
    this.helpers.push(w.toString());
    return `${name}(v, p, ctx, x)`;
  }

  /**
   * The explanation step of a row (`s` and `r` in scope): its label is a text, or `{ code }` that
   * yields it at run time (a data table's label).
   */
  private rowStep(
    e: Extract<Expr, { kind: "Brackets" }>,
    label: string | { code: string },
    st: Ty,
    vt: Ty,
  ): string {
    const subjectText = exprToText(e.subject);
    const mid =
      typeof label === "string"
        ? this.h.str(` 属于“${label}”档，取 `)
        : `${this.h.str(" 属于“")} + ${label.code} + ${this.h.str("”档，取 ")}`;
    return `${this.h.str(`${subjectText} `)} + ${this.show("s", st)} + ${mid} + ${this.show("r", vt)}`;
  }

  private outOfBrackets(e: Extract<Expr, { kind: "Brackets" }>, st: Ty): string {
    const subjectText = exprToText(e.subject);
    return `rt.raise(${this.h.str(`${subjectText} `)} + ${this.show("s", st)} + ${this.h.str(" 不在任何分档范围内")})`;
  }

  /**
   * A 分档 as data: bounds, values and labels in one constant (values that are not constants are
   * functions), the row found by binary search; same values and explanation steps as the if-chain.
   */
  private bracketData(e: Extract<Expr, { kind: "Brackets" }>, table: DataTable): string {
    const { name, w } = this.fnHead(this.ty(e));
    const st = this.ty(e.subject);
    const vt = this.ty(e);
    const t = `T${name.slice(1)}`;
    const rows = table.rows;
    const constant = rows.every((r) => constValue(r.row.value) !== undefined);
    const values = constant
      ? tablePart(
          table,
          "decValues",
          () =>
            `rt.decs([${rows.map((r) => JSON.stringify(constValue(r.row.value)!.toFixed())).join(", ")}])`,
        )
      : `[${rows.map((r) => `(${this.ts ? FN_PARAMS_TS : FN_PARAMS_JS}) => ${this.expr(r.row.value)}`).join(", ")}]`;
    const bounds = tablePart(
      table,
      "decRows",
      () =>
        `rt.decBrackets([${rows.map((r) => boundText(r.lo)).join(", ")}], [${rows.map((r) => boundText(r.hi)).join(", ")}], ${lit(table.inc)})`,
    );
    const labels = tablePart(table, "labels", () =>
      rows.map((r) => lit(bracketLabel(r.row))).join(", "),
    );
    this.h.lines.push(
      comment(`分档 ${exprToText(e.subject)}：${rows.length} 档按下界排序，二分查找`),
      `const ${t} = {`,
      `  rows: ${bounds},`,
      `  values: ${values},`,
      `  labels: [${labels}],`,
      "};",
    );
    const nn = this.ts ? "!" : "";
    w.line(`const s = ${this.expr(e.subject)};`);
    w.line(`const i = rt.bracketRow(${t}.rows, s, rt.decCmp);`);
    if (table.otherwise) {
      w.open("if (i < 0)");
      w.line(`const r = ${this.expr(table.otherwise.value)};`);
      w.line(`if (x) x.step(${this.rowStep(e, bracketLabel(table.otherwise), st, vt)});`);
      w.line("return r;").close();
    } else w.line(`if (i < 0) return ${this.outOfBrackets(e, st)};`);
    const pick = constant ? `${t}.values[i]${nn}` : `${t}.values[i]${nn}(v, p, ctx, x)`;
    w.line(`const r = ${pick};`);
    w.line(`if (x) x.step(${this.rowStep(e, { code: `${t}.labels[i]${nn}` }, st, vt)});`);
    w.line("return r;");
    w.close();
    this.helpers.push(w.toString());
    return `${name}(v, p, ctx, x)`;
  }
}
