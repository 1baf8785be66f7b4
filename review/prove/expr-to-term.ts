/**
 * Expressions of one compiled version → solver values, with the condition under which evaluating
 * them fails (a table without the row, a value outside every 分档, a zero divisor), following the
 * generated code's order: `并且`/`或者` short-circuit, an `如果` evaluates one branch, a definition
 * is evaluated where it is used. What has no exact translation yet throws {@link Untranslated}.
 */
import type { BracketRow, Expr, NameRef } from "../../grammar/index.js";
import { assertNever, bracketLabel, exprToText } from "../../grammar/index.js";
import { isRankTy, RANK_OP, type Checked } from "../../compiler/index.js";
import { WHOLE_UNITS } from "../../runtime/index.js";
import { dayOf, type Domain, type Val, type VarKind } from "./domain.js";
import { fraction, type Num } from "./terms.js";
import type { ZBool } from "./z3.js";

/** A construct the prover does not translate (yet): the clause falls back to sampling. */
export class Untranslated extends Error {}

/** A value and the condition under which computing it fails (false: it never fails). */
export interface R {
  readonly v: Val;
  readonly err: ZBool | false;
}

type Ty = ReturnType<Checked["cx"]["types"]["get"]> & object;

const FLIP = { gt: "le", ge: "lt", lt: "ge", le: "gt", eq: "ne", ne: "eq" } as const;
const WORD = { gt: "超过", ge: "不低于", lt: "低于", le: "不超过", eq: "等于", ne: "不等于" };
const DATE_OP = { before: "lt", after: "gt", notBefore: "ge", notAfter: "le" } as const;

/** The translation of one version's expressions. */
export class ExprTr {
  private readonly defines = new Map<string, R>();

  constructor(
    readonly d: Domain,
    readonly checked: Checked,
    readonly version: "old" | "new",
  ) {}

  get z() {
    return this.d.z;
  }
  get t() {
    return this.d.terms;
  }

  or(a: ZBool | false, b: ZBool | false): ZBool | false {
    if (a === false) return b;
    if (b === false) return a;
    return this.z.Or(a, b);
  }

  /** `b` counts only when `c` holds (short-circuit). */
  when(c: ZBool, b: ZBool | false): ZBool | false {
    return b === false ? false : this.z.And(c, b);
  }

  ty(e: Expr): Ty {
    return (this.checked.cx.types.get(e) ?? { k: "error" }) as Ty;
  }

  num(e: Expr): { n: Num; err: ZBool | false } {
    const r = this.expr(e);
    if (r.v.k !== "num") throw new Untranslated(`“${exprToText(e)}”不是数值`);
    return { n: r.v.n, err: r.err };
  }

  bool(e: Expr): { b: ZBool; err: ZBool | false } {
    const r = this.expr(e);
    if (r.v.k !== "bool") throw new Untranslated(`“${exprToText(e)}”不是条件`);
    return { b: r.v.b, err: r.err };
  }

  /** A condition, recorded as a readable atom when it is a leaf. */
  expr(e: Expr): R {
    switch (e.kind) {
      case "Money":
      case "Percent":
      case "Number":
      case "Rate":
        return { v: { k: "num", n: this.t.constant(e.value) }, err: false };
      case "DateLit":
        return { v: { k: "date", d: this.t.int(dayOf(e.value)) }, err: false };
      case "Bool":
        return { v: { k: "bool", b: this.z.Bool.val(e.value) }, err: false };
      case "Str":
        throw new Untranslated("文字值");
      case "AppDate":
        return { v: { k: "date", d: this.d.date }, err: false };
      case "Name":
        return this.name(e);
      case "ClauseAmount":
        // another clause's result, evaluated first: not translated, the clause is sampled
        throw new Untranslated(`引用其他条款的金额（${exprToText(e)}）`);
      case "Binary":
        return this.binary(e);
      case "Neg": {
        const a = this.num(e.operand);
        return { v: { k: "num", n: this.t.neg(a.n) }, err: a.err };
      }
      case "Compare":
        return this.compare(e);
      case "InSet": {
        const s = this.expr(e.subject);
        const tests = e.values.map((v) => this.isValue(s.v, v.name));
        const any = tests.length ? this.z.Or(...tests) : this.z.Bool.val(false);
        const b = e.negated ? this.z.Not(any) : any;
        const names = e.values.map((v) => v.name).join("、");
        const subj = exprToText(e.subject);
        this.d.atom(any, `${subj}属于${names}`, `${subj}不属于${names}`);
        return { v: { k: "bool", b }, err: s.err };
      }
      case "Logic": {
        const a = this.bool(e.left);
        const b = this.bool(e.right);
        const and = e.op === "and";
        const v = and ? this.z.And(a.b, b.b) : this.z.Or(a.b, b.b);
        const err = this.or(a.err, this.when(and ? a.b : this.z.Not(a.b), b.err));
        return { v: { k: "bool", b: v }, err };
      }
      case "Not": {
        const a = this.bool(e.operand);
        return { v: { k: "bool", b: this.z.Not(a.b) }, err: a.err };
      }
      case "If": {
        const c = this.bool(e.cond);
        const a = this.expr(e.then);
        const b = this.expr(e.else);
        const err = this.or(
          c.err,
          this.or(this.when(c.b, a.err), this.when(this.z.Not(c.b), b.err)),
        );
        return { v: this.ite(c.b, a.v, b.v), err };
      }
      case "Call":
        return this.call(e);
      case "Sum":
        return this.sum(e);
      case "Table":
        return this.table(e);
      case "Brackets":
        return this.brackets(e);
      case "Record":
        throw new Untranslated("明细值");
      case "History":
        throw new Untranslated("按台账推算的项目历史（已获支持年数、支持年度、累计已获资助等）");
      default:
        return assertNever(e);
    }
  }

  /** Choose between two values of the same kind. */
  ite(c: ZBool, a: Val, b: Val): Val {
    if (a.k === "num" && b.k === "num") return { k: "num", n: this.t.ite(c, a.n, b.n) };
    if (a.k === "bool" && b.k === "bool") return { k: "bool", b: this.z.If(c, a.b, b.b) as ZBool };
    if (a.k === "date" && b.k === "date")
      return { k: "date", d: this.z.If(c, a.d, b.d) as typeof a.d };
    if (a.k === "enumLit" && b.k === "enumLit" && a.name === b.name) return a;
    throw new Untranslated("分支取值的类型不能直接比较");
  }

  /** Whether an enum-like value is the named category value. */
  isValue(v: Val, name: string): ZBool {
    if (v.k === "enumLit") return this.z.Bool.val(v.name === name);
    if (v.k !== "enum") throw new Untranslated("类别判断的对象不是类别");
    const input = this.d.inputs.get(v.key) ?? this.d.params.get(v.key);
    const i = input?.codes?.indexOf(name) ?? -1;
    return i < 0 ? this.z.Bool.val(false) : v.code.eq(i);
  }

  private kindOf(ty: Ty): VarKind {
    switch (ty.k) {
      case "money":
        return { k: "money" };
      case "bool":
        return { k: "bool" };
      case "enum":
        return { k: "enum", values: ty.values };
      case "count":
        return isRankTy(ty)
          ? { k: "count", whole: true, rank: true }
          : { k: "count", whole: !!ty.unit && WHOLE_UNITS.has(ty.unit) };
      case "ratio":
        return { k: "ratio" };
      case "date":
        return { k: "date" };
      case "moneyBy":
        return { k: "moneyBy", values: ty.values };
      default:
        throw new Untranslated(`类型“${ty.k}”的申报信息`);
    }
  }

  private name(e: NameRef): R {
    const sym = this.checked.cx.symbols.get(e.name);
    if (!sym) return { v: { k: "enumLit", name: e.name }, err: false };
    switch (sym.kind) {
      case "input": {
        const v = this.d.variable("inputs", sym.name, this.kindOf(sym.ty as Ty), this.version);
        if (v.val.k === "bool") this.d.atom(v.val.b, `${sym.name}为“是”`, `${sym.name}为“否”`);
        return { v: v.val, err: false };
      }
      case "param":
        return this.param(sym.decl, sym.ty as Ty);
      case "define": {
        // per scope: a definition's fresh variables are defined in the scope that made them
        const memo = `${this.d.scope}:${sym.name}`;
        let r = this.defines.get(memo);
        if (!r) {
          r = this.expr(sym.decl.expr);
          this.defines.set(memo, r);
        }
        return r;
      }
      case "category":
        throw new Untranslated("分类名称作为值");
    }
  }

  private param(decl: Checked["params"][number]["decl"], ty: Ty): R {
    if (!decl.value && !decl.byDate?.length) {
      // 待定: any value a guideline may set (the witness passes it as a parameter).
      const v = this.d.variable("params", decl.name, this.kindOf(ty), this.version);
      return { v: v.val, err: false };
    }
    let r: R | undefined = decl.value ? this.expr(decl.value) : undefined;
    for (const dv of decl.byDate ?? []) {
      const x = this.expr(dv.value);
      const from = this.d.date.ge(dayOf(dv.from));
      if (!r) {
        // before the first dated value the parameter is unset: the clause reports an error
        throw new Untranslated("只自某日起才有取值的参数");
      }
      r = { v: this.ite(from, x.v, r.v), err: this.or(r.err, x.err) };
    }
    return r!;
  }

  private binary(e: Extract<Expr, { kind: "Binary" }>): R {
    const a = this.num(e.left);
    const b = this.num(e.right);
    const err = this.or(a.err, b.err);
    switch (e.op) {
      case "+":
        return { v: { k: "num", n: this.t.add(a.n, b.n) }, err };
      case "-":
        return { v: { k: "num", n: this.t.sub(a.n, b.n) }, err };
      case "*":
        return { v: { k: "num", n: this.t.mul(a.n, b.n) }, err };
      case "/": {
        if (e.right.kind !== "Money" && e.right.kind !== "Number" && e.right.kind !== "Percent")
          throw new Untranslated("除以变量");
        const { n, d } = fraction(e.right.value);
        if (n === 0n) return { v: { k: "num", n: a.n }, err: this.z.Bool.val(true) };
        let m = n < 0n ? -n : n;
        for (const p of [2n, 5n]) while (m % p === 0n) m /= p;
        if (m !== 1n) throw new Untranslated("除以得到无限小数的数（运行时按40位有效数字截断）");
        return { v: { k: "num", n: this.t.divConst(a.n, n, d) }, err };
      }
    }
  }

  private compare(e: Extract<Expr, { kind: "Compare" }>): R {
    const a = this.expr(e.left);
    const b = this.expr(e.right);
    const err = this.or(a.err, b.err);
    const text = (op: keyof typeof WORD) =>
      `${exprToText(e.left)} ${WORD[op]} ${exprToText(e.right)}`;
    let op: keyof typeof WORD;
    // places (名次): a better place is a smaller number, so 不低于 第10名 is ≤ 10
    const cmp = isRankTy(this.checked.cx.types.get(e.left)) ? RANK_OP[e.op] : e.op;
    if (cmp in DATE_OP) op = DATE_OP[cmp as keyof typeof DATE_OP];
    else op = cmp as keyof typeof WORD;
    let bool: ZBool;
    const L = exprToText(e.left);
    const Rt = exprToText(e.right);
    let three: Parameters<Domain["atom"]>[3];
    if (a.v.k === "num" && b.v.k === "num") {
      bool = this.t.cmp(a.v.n, b.v.n, op);
      // a larger place number is a lower place: 第12名 低于 前十名
      const rank = isRankTy(this.checked.cx.types.get(e.left));
      three = {
        x: a.v.n,
        y: b.v.n,
        gt: `${L} ${rank ? "低于" : "超过"} ${Rt}`,
        eq: `${L} 等于 ${Rt}`,
        lt: `${L} ${rank ? "高于" : "低于"} ${Rt}`,
      };
    } else if (a.v.k === "date" && b.v.k === "date") {
      const [x, y] = [a.v.d, b.v.d];
      bool = { gt: x.gt(y), ge: x.ge(y), lt: x.lt(y), le: x.le(y), eq: x.eq(y), ne: x.neq(y) }[op];
      const n = (t: typeof x) => ({ t, den: 1n, nonneg: false });
      three = {
        x: n(x),
        y: n(y),
        gt: `${L} 晚于 ${Rt}`,
        eq: `${L} 与 ${Rt} 同日`,
        lt: `${L} 早于 ${Rt}`,
      };
    } else if (a.v.k === "bool" && b.v.k === "bool" && (op === "eq" || op === "ne")) {
      const eq = this.z.Eq(a.v.b, b.v.b);
      bool = op === "eq" ? eq : this.z.Not(eq);
    } else if ((op === "eq" || op === "ne") && (a.v.k === "enumLit" || b.v.k === "enumLit")) {
      const [lit, other] = a.v.k === "enumLit" ? [a.v, b.v] : [b.v as typeof a.v, a.v];
      const eq = this.isValue(other, (lit as { name: string }).name);
      bool = op === "eq" ? eq : this.z.Not(eq);
    } else if ((op === "eq" || op === "ne") && a.v.k === "enum" && b.v.k === "enum") {
      throw new Untranslated("两个类别值相比较");
    } else throw new Untranslated(`比较“${exprToText(e)}”`);
    const pos = op === "eq" || op === "gt" || op === "ge" ? op : FLIP[op];
    this.d.atom(op === pos ? bool : this.z.Not(bool), text(pos), text(FLIP[pos]), three);
    return { v: { k: "bool", b: bool }, err };
  }

  private call(e: Extract<Expr, { kind: "Call" }>): R {
    if (e.fn === "year") throw new Untranslated("取年份");
    if (e.fn === "days") {
      const a = this.expr(e.args[0]!);
      const b = this.expr(e.args[1]!);
      if (a.v.k !== "date" || b.v.k !== "date") throw new Untranslated("天数");
      const n = { t: b.v.d.sub(a.v.d), den: 1n, nonneg: false };
      return { v: { k: "num", n }, err: this.or(a.err, b.err) };
    }
    const args = e.args.map((x) => this.num(x));
    let acc = args[0]!.n;
    let err = args[0]!.err;
    for (const x of args.slice(1)) {
      acc = e.fn === "max" ? this.t.max(acc, x.n) : this.t.min(acc, x.n);
      err = this.or(err, x.err);
    }
    return { v: { k: "num", n: acc }, err };
  }

  private sum(e: Extract<Expr, { kind: "Sum" }>): R {
    if (e.from || e.to) throw new Untranslated("按年合计");
    const r = this.expr(e.target);
    if (r.v.k !== "rec") throw new Untranslated("合计的对象");
    const keys = e.only ? e.only.map((n) => n.name) : [...r.v.parts.keys()];
    let acc = this.t.zero();
    for (const k of keys) {
      const p = r.v.parts.get(k);
      if (p) acc = this.t.add(acc, p);
    }
    return { v: { k: "num", n: acc }, err: r.err };
  }

  private table(e: Extract<Expr, { kind: "Table" }>): R {
    const keys = e.keys.map((k) => this.expr(k));
    let err: ZBool | false = false;
    for (const k of keys) err = this.or(err, k.err);
    const keyText = e.keys.map((k) => exprToText(k)).join("、");
    const rows = e.rows.map((row) => {
      const test = this.z.And(...row.keys.map((k, i) => this.isValue(keys[i]!.v, k.name)));
      const names = row.keys.map((k) => k.name).join("、");
      this.d.atom(test, `${keyText}为${names}`, `${keyText}不是${names}`);
      return { test, r: this.expr(row.value) };
    });
    const other = e.otherwise ? this.expr(e.otherwise) : undefined;
    return this.chain(rows, other, err);
  }

  /** The first row whose test holds; none: the otherwise value, or an evaluation failure. */
  private chain(
    rows: readonly { test: ZBool; r: R }[],
    other: R | undefined,
    err0: ZBool | false,
  ): R {
    if (!rows.length && !other) throw new Untranslated("空表");
    let v: Val = other ? other.v : rows[rows.length - 1]!.r.v;
    let err: ZBool | false = other ? other.err : this.z.Bool.val(true);
    for (let i = rows.length - 1; i >= 0; i--) {
      const { test, r } = rows[i]!;
      v = this.ite(test, r.v, v);
      const fail: ZBool | false =
        r.err === false && err === false
          ? false
          : (this.z.If(
              test,
              r.err || this.z.Bool.val(false),
              err || this.z.Bool.val(false),
            ) as ZBool);
      err = fail;
    }
    return { v, err: this.or(err0, err) };
  }

  private bound(s: Val, row: BracketRow): { test: ZBool; err: ZBool | false } {
    const parts: ZBool[] = [];
    let err: ZBool | false = false;
    const side = (b: NonNullable<BracketRow["lower"]>, op: "gt" | "ge" | "lt" | "le") => {
      const x = this.expr(b.value);
      err = this.or(err, x.err);
      if (s.k === "num" && x.v.k === "num") return this.t.cmp(s.n, x.v.n, op);
      if (s.k === "date" && x.v.k === "date")
        return { gt: s.d.gt(x.v.d), ge: s.d.ge(x.v.d), lt: s.d.lt(x.v.d), le: s.d.le(x.v.d) }[op];
      throw new Untranslated("分档的界限");
    };
    if (row.lower) parts.push(side(row.lower, row.lower.inclusive ? "ge" : "gt"));
    if (row.upper) parts.push(side(row.upper, row.upper.inclusive ? "le" : "lt"));
    return { test: parts.length ? this.z.And(...parts) : this.z.Bool.val(true), err };
  }

  private brackets(e: Extract<Expr, { kind: "Brackets" }>): R {
    const s = this.expr(e.subject);
    const subj = exprToText(e.subject);
    let err: ZBool | false = s.err;
    const rows: { test: ZBool; r: R }[] = [];
    for (const row of e.rows) {
      const b = row.otherwise
        ? { test: this.z.Bool.val(true), err: false as const }
        : this.bound(s.v, row);
      err = this.or(err, b.err);
      if (!row.otherwise)
        this.d.atom(
          b.test,
          `${subj}属于“${bracketLabel(row)}”档`,
          `${subj}不在“${bracketLabel(row)}”档`,
        );
      rows.push({ test: b.test, r: this.expr(row.value) });
    }
    return this.chain(rows, undefined, err);
  }
}
