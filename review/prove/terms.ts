/**
 * Exact numbers as solver terms: a value is an integer term over a constant denominator
 * (`t / den`), so amounts, ratios and caps stay in linear integer arithmetic, which Z3 decides
 * quickly. Money inputs are integer 分 (den 100); 30% is 3/10; rounding to the 分 is an integer
 * division with the policy's rule.
 */
import type { Z, ZArith, ZBool } from "./z3.js";

export interface Num {
  readonly t: ZArith;
  readonly den: bigint;
  /** Known to be ≥ 0 (lets rounding skip the negative branch). */
  readonly nonneg: boolean;
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};
const lcm = (a: bigint, b: bigint) => (a / gcd(a, b)) * b;

/** A decimal string as an exact fraction. */
export function fraction(s: string): { n: bigint; d: bigint } {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s.trim());
  if (!m) throw new Error(`not a decimal: ${s}`);
  const frac = m[3] ?? "";
  let n = BigInt(m[2]! + frac) * (m[1] ? -1n : 1n);
  let d = 10n ** BigInt(frac.length);
  const g = gcd(n, d) || 1n;
  n /= g;
  d /= g;
  return { n, d };
}

/** Arithmetic on {@link Num} in one Z3 context. */
export class Terms {
  constructor(
    readonly z: Z,
    /** A fresh integer variable, and a way to state what it equals (division, rounding). */
    private readonly fresh: (name: string) => ZArith,
    private readonly define: (b: ZBool) => void,
  ) {}

  private readonly quotients = new Map<string, { x: ZArith; k: ZArith }>();
  /** Set by the domain: quotients are shared within one scope only. */
  scope = "";

  /**
   * floor(x / q) for q > 0 as a fresh variable bounded by linear constraints (no div theory); the
   * same division in the same scope gives the same variable, so identical computations stay
   * identical terms.
   */
  floorDiv(x: ZArith, q: bigint): ZArith {
    // keyed by the term's id (Z3 shares equal terms); the memo keeps x alive so that its id is
    // not reused, and the identity is checked on a hit all the same
    const memo = `${this.scope}|${q}|${x.id()}`;
    const known = this.quotients.get(memo);
    if (known && known.x.eqIdentity(x)) return known.k;
    const k = this.fresh("商");
    this.quotients.set(memo, { x, k });
    const qk = k.mul(this.int(q));
    this.define(this.z.And(qk.le(x), x.lt(qk.add(this.int(q)))));
    return k;
  }

  int(n: bigint | number): ZArith {
    return this.z.Int.val(BigInt(n));
  }

  constant(s: string): Num {
    const { n, d } = fraction(s);
    return { t: this.int(n), den: d, nonneg: n >= 0n };
  }

  /** The same value over a denominator that is a multiple of its own. */
  lift(a: Num, den: bigint): ZArith {
    if (den === a.den) return a.t;
    const k = den / a.den;
    return a.t.mul(this.int(k));
  }

  private pair(a: Num, b: Num): [ZArith, ZArith, bigint] {
    const den = lcm(a.den, b.den);
    return [this.lift(a, den), this.lift(b, den), den];
  }

  add(a: Num, b: Num): Num {
    const [x, y, den] = this.pair(a, b);
    return { t: x.add(y), den, nonneg: a.nonneg && b.nonneg };
  }

  sub(a: Num, b: Num): Num {
    const [x, y, den] = this.pair(a, b);
    return { t: x.sub(y), den, nonneg: false };
  }

  neg(a: Num): Num {
    return { t: a.t.neg(), den: a.den, nonneg: false };
  }

  mul(a: Num, b: Num): Num {
    return { t: a.t.mul(b.t), den: a.den * b.den, nonneg: a.nonneg && b.nonneg };
  }

  /** a ÷ c for a constant c = n/d ≠ 0: a · d / n (exact). */
  divConst(a: Num, n: bigint, d: bigint): Num {
    const sign = n < 0n ? -1n : 1n;
    return {
      t: a.t.mul(this.int(d * sign)),
      den: a.den * n * sign,
      nonneg: a.nonneg && n > 0n,
    };
  }

  cmp(a: Num, b: Num, op: "gt" | "ge" | "lt" | "le" | "eq" | "ne"): ZBool {
    const [x, y] = this.pair(a, b);
    switch (op) {
      case "gt":
        return x.gt(y);
      case "ge":
        return x.ge(y);
      case "lt":
        return x.lt(y);
      case "le":
        return x.le(y);
      case "eq":
        return x.eq(y);
      case "ne":
        return x.neq(y);
    }
  }

  ite(c: ZBool, a: Num, b: Num): Num {
    const [x, y, den] = this.pair(a, b);
    return { t: this.z.If(c, x, y) as ZArith, den, nonneg: a.nonneg && b.nonneg };
  }

  max(a: Num, b: Num): Num {
    const r = this.ite(this.cmp(a, b, "ge"), a, b);
    return { ...r, nonneg: a.nonneg || b.nonneg };
  }

  min(a: Num, b: Num): Num {
    return this.ite(this.cmp(a, b, "le"), a, b);
  }

  zero(): Num {
    return { t: this.int(0), den: 1n, nonneg: true };
  }

  /**
   * Round an amount in 元 to the unit (分 = 1, 角 = 10, 元 = 100, in 分) with the rule, as the
   * runtime does (decimal.js: half up and up round away from zero). The result is in 分 (den 100).
   */
  round(a: Num, unitFen: bigint, mode: "halfUp" | "down" | "up"): Num {
    const n = a.t.mul(this.int(100n));
    const q = a.den * unitFen;
    if (q === 1n) return { t: n, den: 100n, nonneg: a.nonneg };
    if (100n % a.den === 0n && unitFen === 1n)
      return { t: this.lift(a, 100n), den: 100n, nonneg: a.nonneg };
    const pos = (x: ZArith): ZArith => {
      switch (mode) {
        case "halfUp":
          return this.floorDiv(x.mul(this.int(2n)).add(this.int(q)), 2n * q);
        case "down":
          return this.floorDiv(x, q);
        case "up":
          return this.floorDiv(x.add(this.int(q - 1n)), q);
      }
    };
    let k: ZArith;
    if (a.nonneg) k = pos(n);
    else {
      const sign = n.ge(this.int(0));
      const p = pos(this.z.If(sign, n, n.neg()) as ZArith);
      k = this.z.If(sign, p, p.neg()) as ZArith;
    }
    return { t: unitFen === 1n ? k : k.mul(this.int(unitFen)), den: 100n, nonneg: a.nonneg };
  }
}
