/**
 * The space of valid applications as solver variables, shared by both versions: every declared
 * input with its type's bounds (amounts are integer 分 from 0 to 1000万亿元, categories one of
 * their values, dates day numbers from 1900 on), the application date, and the evaluation options
 * a clause can read (approved amounts, prior awards in the ledger, quota used). A variable is
 * keyed by the input's name and type, so both versions read the same applicant.
 */
import { Terms, type Num } from "./terms.js";
import type { Z, ZArith, ZBool } from "./z3.js";

/** A value during translation. */
export type Val =
  | { readonly k: "num"; readonly n: Num }
  | { readonly k: "bool"; readonly b: ZBool }
  | { readonly k: "date"; readonly d: ZArith }
  | { readonly k: "enum"; readonly key: string; readonly code: ZArith }
  | { readonly k: "enumLit"; readonly name: string }
  | { readonly k: "rec"; readonly parts: ReadonlyMap<string, Num> };

export type VarKind =
  | { readonly k: "money" }
  | { readonly k: "bool" }
  | { readonly k: "enum"; readonly values: readonly string[] }
  | { readonly k: "count"; readonly whole: boolean; readonly rank?: boolean }
  | { readonly k: "ratio" }
  | { readonly k: "date" }
  | { readonly k: "moneyBy"; readonly values: readonly string[] };

export interface InputVar {
  readonly key: string;
  readonly name: string;
  readonly kind: VarKind;
  readonly val: Val;
  /** Enum codes: index into `codes` (the union of both versions' values). */
  readonly codes?: string[];
  /** Which versions declare it, and the values each allows (enums). */
  readonly allowed: Map<"old" | "new", readonly string[] | true>;
}

/** Decimal places kept for ratio inputs and counts that need not be whole (a stated restriction). */
export const FRACTION_PLACES = 4;
const FRACTION_DEN = 10n ** BigInt(FRACTION_PLACES);
const MONEY_MAX_FEN = 10n ** 17n;
const COUNT_MAX = 10n ** 15n;

/** Day number (days since 1970-01-01) of an ISO date. */
export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000);
}

/** ISO date of a day number. */
export function isoOf(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

export const FIRST_DAY = dayOf("1900-01-01");
export const LAST_DAY = dayOf("9999-12-31");

export interface LedgerVars {
  /** Sum and number of prior awards this calendar year (up to the date), sum of all years. */
  readonly year: ZArith;
  readonly count: ZArith;
  readonly all: ZArith;
}

export interface ApprovedVars {
  readonly given: ZBool;
  readonly fen: ZArith;
}

/**
 * Readable atoms for describing regions: a condition and its words, true and false. A comparison
 * of two numbers also has its three-way form (greater, equal, less), so that a region is an open
 * piece where the amounts differ everywhere, not a closed one that touches where they are equal.
 */
export interface Atom {
  readonly b: ZBool;
  readonly yes: string;
  readonly no: string;
  readonly versions: Set<"old" | "new">;
  readonly cmp?: {
    readonly x: Num;
    readonly y: Num;
    readonly gt: string;
    readonly eq: string;
    readonly lt: string;
  };
}

export class Domain {
  readonly terms: Terms;
  readonly inputs = new Map<string, InputVar>();
  readonly params = new Map<string, InputVar>();
  readonly date: ZArith;
  readonly approved = new Map<string, ApprovedVars>();
  readonly ledger = new Map<string, LedgerVars>();
  readonly quota = new Map<string, ZArith>();
  readonly notes = new Set<string>();
  /** Each clause's outcome as first translated, and the names given to it. */
  readonly named = new Map<string, { status: ZArith; amount: Num; sv: ZArith; av: ZArith }>();
  /** Atoms and definitions by scope (a clause's key, 政策, 叠加): a query takes only its own. */
  readonly atoms = new Map<string, Map<string, Atom>>();
  private readonly defs = new Map<string, ZBool[]>();
  private current = "政策";
  /** The version being translated (atoms are marked with it when the versions word them alike). */
  version: "old" | "new" = "old";

  /** The scope being translated. */
  get scope(): string {
    return this.current;
  }
  set scope(s: string) {
    this.current = s;
    this.terms.scope = s;
  }
  private fresh = 0;
  private readonly fixed: ZBool[] = [];

  constructor(readonly z: Z) {
    this.terms = new Terms(
      z,
      (name) => this.freshInt(name),
      (b) => this.define(b),
    );
    this.date = z.Int.const("申报日期");
    this.fixed.push(this.date.ge(FIRST_DAY), this.date.le(LAST_DAY));
  }

  /** Record a readable condition (deduplicated by its term) in the current scope. */
  atom(b: ZBool, yes: string, no: string, cmp?: Atom["cmp"]): void {
    // Z3 shares structurally equal terms: the same term has the same id while it is alive (the
    // map keeps it alive), and the id costs nothing where the printed term grows with the term
    const key = String(b.id());
    let m = this.atoms.get(this.scope);
    if (!m) this.atoms.set(this.scope, (m = new Map()));
    const had = m.get(key);
    if (had) had.versions.add(this.version);
    else {
      const versions = new Set([this.version]);
      m.set(key, cmp ? { b, yes, no, versions, cmp } : { b, yes, no, versions });
    }
  }

  /** Atoms of these scopes. */
  atomsOf(scopes: readonly string[]): Atom[] {
    const seen = new Map<string, Atom>();
    for (const s of scopes)
      for (const [k, a] of this.atoms.get(s) ?? []) if (!seen.has(k)) seen.set(k, a);
    // The same words for different terms (a changed cap): say which version each is.
    const all = [...seen.values()];
    const count = new Map<string, number>();
    for (const a of all) count.set(a.yes, (count.get(a.yes) ?? 0) + 1);
    return all.map((a) => {
      if ((count.get(a.yes) ?? 0) < 2 || a.versions.size !== 1) return a;
      const tag = a.versions.has("old") ? "原版：" : "新版：";
      const cmp = a.cmp && {
        ...a.cmp,
        gt: tag + a.cmp.gt,
        eq: tag + a.cmp.eq,
        lt: tag + a.cmp.lt,
      };
      return { ...a, yes: tag + a.yes, no: tag + a.no, ...(cmp ? { cmp } : {}) };
    });
  }

  /** A fresh integer, named for reading the solver's terms. */
  freshInt(name: string): ZArith {
    return this.z.Int.const(`${name}#${this.fresh++}`);
  }

  /** A definition of fresh variables (true for every application), in the current scope. */
  define(b: ZBool): void {
    let l = this.defs.get(this.scope);
    if (!l) this.defs.set(this.scope, (l = []));
    l.push(b);
  }

  /** The variable of an input (or a 待定 parameter) of this kind, declared by this version. */
  variable(
    table: "inputs" | "params",
    name: string,
    kind: VarKind,
    version: "old" | "new",
  ): InputVar {
    const sig =
      kind.k === "count" ? `count${kind.whole ? "1" : ""}` : kind.k === "moneyBy" ? "by" : kind.k;
    const key = `${table === "params" ? "参数:" : ""}${name}:${sig}`;
    const map = this[table];
    let v = map.get(key);
    if (!v) {
      v = this.create(key, name, kind);
      map.set(key, v);
    }
    if (kind.k === "enum") {
      for (const x of kind.values) if (!v.codes!.includes(x)) v.codes!.push(x);
      v.allowed.set(version, kind.values);
    } else if (kind.k === "moneyBy") v.allowed.set(version, kind.values);
    else v.allowed.set(version, true);
    return v;
  }

  private create(key: string, name: string, kind: VarKind): InputVar {
    const z = this.z;
    const allowed = new Map<"old" | "new", readonly string[] | true>();
    const money = (n: string): Num => {
      const t = z.Int.const(n);
      this.fixed.push(t.ge(0), t.le(MONEY_MAX_FEN));
      return { t, den: 100n, nonneg: true };
    };
    switch (kind.k) {
      case "money":
        return { key, name, kind, allowed, val: { k: "num", n: money(key) } };
      case "bool":
        return { key, name, kind, allowed, val: { k: "bool", b: z.Bool.const(key) } };
      case "enum":
        return {
          key,
          name,
          kind,
          allowed,
          codes: [],
          val: { k: "enum", key, code: z.Int.const(key) },
        };
      case "count":
      case "ratio": {
        const t = z.Int.const(key);
        const den = kind.k === "count" && kind.whole ? 1n : FRACTION_DEN;
        const max = kind.k === "ratio" ? 1000n : COUNT_MAX;
        // a place (名次) starts at 第1名
        const low = kind.k === "count" && kind.rank ? den : 0n;
        this.fixed.push(t.ge(low), t.le(max * den));
        if (den !== 1n)
          this.notes.add(`比例和可为小数的数量按最多 ${FRACTION_PLACES} 位小数考虑（${name}）`);
        return { key, name, kind, allowed, val: { k: "num", n: { t, den, nonneg: true } } };
      }
      case "date": {
        const d = z.Int.const(key);
        this.fixed.push(d.ge(FIRST_DAY), d.le(LAST_DAY));
        return { key, name, kind, allowed, val: { k: "date", d } };
      }
      case "moneyBy": {
        const parts = new Map(kind.values.map((c) => [c, money(`${key}.${c}`)] as const));
        return { key, name, kind, allowed, val: { k: "rec", parts } };
      }
    }
  }

  /** Approved (核定) amount of a clause, by the clause pair's key; integer 分. */
  approvedOf(key: string): ApprovedVars {
    let a = this.approved.get(key);
    if (!a) {
      a = { given: this.z.Bool.const(`核定?${key}`), fen: this.z.Int.const(`核定${key}`) };
      this.fixed.push(a.fen.ge(0), a.fen.le(MONEY_MAX_FEN));
      this.approved.set(key, a);
    }
    return a;
  }

  /** Prior awards of a clause in the ledger. */
  ledgerOf(key: string): LedgerVars {
    let l = this.ledger.get(key);
    if (!l) {
      const z = this.z;
      l = {
        year: z.Int.const(`本年已获${key}`),
        count: z.Int.const(`本年笔数${key}`),
        all: z.Int.const(`累计已获${key}`),
      };
      this.fixed.push(
        l.year.ge(0),
        l.count.ge(0),
        l.count.le(20),
        l.all.ge(l.year),
        l.all.le(MONEY_MAX_FEN),
        z.Implies(l.year.gt(0), l.count.ge(1)),
        // an award in an earlier year needs an earlier year
        z.Implies(l.all.gt(l.year), this.date.ge(dayOf("1901-01-01"))),
      );
      this.ledger.set(key, l);
    }
    return l;
  }

  quotaOf(key: string): ZArith {
    let q = this.quota.get(key);
    if (!q) {
      q = this.z.Int.const(`名额已用${key}`);
      this.fixed.push(q.ge(0), q.le(1000));
      this.quota.set(key, q);
    }
    return q;
  }

  /**
   * Every bound (valid in both versions: an enum value one version refuses is left out) and the
   * definitions of the scopes given (all when none are).
   */
  constraints(scopes?: readonly string[]): ZBool[] {
    const out = [...this.fixed];
    for (const [s, l] of this.defs) if (!scopes || scopes.includes(s)) out.push(...l);
    for (const v of [...this.inputs.values(), ...this.params.values()]) {
      if (v.kind.k !== "enum" || v.val.k !== "enum") continue;
      const sets = [...v.allowed.values()].filter((s): s is readonly string[] => s !== true);
      const ok = v.codes!.filter((c) => sets.every((s) => s.includes(c)));
      const code = v.val.code;
      out.push(this.z.Or(...ok.map((c) => code.eq(v.codes!.indexOf(c)))));
    }
    return out;
  }
}
