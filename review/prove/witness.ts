/**
 * A solver model → an application and evaluation options for each version, evaluated with the
 * real compiled evaluators; a witness is only shown when the evaluators reproduce what the solver
 * predicted.
 */
import type { Checked } from "../../compiler/index.js";
import type { Clause, ClauseKey } from "../../grammar/index.js";
import { Dec, STATUS_WORD } from "../../runtime/index.js";
import type { ClauseResult, CompiledPolicy, EvaluateOptions } from "../../runtime/index.js";
import { BENEFIT, DECISION, ERROR, MONEY } from "./clause-to-term.js";
import { isoOf, type Domain, type InputVar } from "./domain.js";
import type { Num } from "./terms.js";
import type { Z, ZArith, ZBool } from "./z3.js";

type Model = ReturnType<InstanceType<Z["Solver"]>["model"]>;

export const APPLICANT = "示例申报单位";

/** What one version is given. */
export interface WitnessInput {
  readonly application: Record<string, unknown>;
  readonly options: EvaluateOptions;
}

const fenText = (fen: bigint): string => {
  const neg = fen < 0n;
  const a = neg ? -fen : fen;
  const s = `${a / 100n}.${(a % 100n).toString().padStart(2, "0")}`;
  return neg ? `-${s}` : s;
};

/** Reads values out of a model. */
export class Reader {
  constructor(
    readonly z: Z,
    readonly m: Model,
  ) {}
  int(x: ZArith): bigint {
    const v = this.m.eval(x, true);
    if (!this.z.isIntVal(v)) throw new Error(`not an integer: ${v.sexpr()}`);
    return v.value();
  }
  bool(b: ZBool): boolean {
    return this.z.isTrue(this.m.eval(b, true));
  }
  /** A value in 元 as an exact decimal. */
  num(n: Num): Dec {
    return new Dec(this.int(n.t).toString()).div(new Dec(n.den.toString()));
  }
}

function decText(n: bigint, den: bigint): string {
  return new Dec(n.toString()).div(new Dec(den.toString())).toString();
}

function valueOf(r: Reader, v: InputVar): unknown {
  const val = v.val;
  switch (val.k) {
    case "num":
      if (v.kind.k === "money") return fenText(r.int(val.n.t));
      return decText(r.int(val.n.t), val.n.den);
    case "bool":
      return r.bool(val.b);
    case "enum": {
      const i = Number(r.int(val.code));
      const allowed = [...v.allowed.values()].find((a): a is readonly string[] => a !== true);
      return v.codes![i] ?? allowed?.[0] ?? v.codes![0];
    }
    case "date":
      return isoOf(Number(r.int(val.d)));
    case "rec": {
      const out: Record<string, string> = {};
      for (const [k, p] of val.parts) out[k] = fenText(r.int(p.t));
      return out;
    }
    case "enumLit":
      return val.name;
  }
}

const PLACEHOLDER: Record<string, (c: Checked["inputs"][number]) => unknown> = {
  money: () => "0",
  ratio: () => "0",
  count: () => "0",
  rate: () => "0",
  bool: () => false,
  date: () => "2000-01-01",
  text: () => "示例",
  enum: (s) => (s.ty.k === "enum" ? s.ty.values[0] : ""),
  moneyBy: () => ({}),
  moneyByYear: () => ({}),
};

/** The application and options one version receives for a model. */
export function witnessInput(
  d: Domain,
  r: Reader,
  checked: Checked,
  version: "old" | "new",
  keyOf: (c: Clause) => string,
): WitnessInput {
  const app: Record<string, unknown> = {};
  for (const s of checked.inputs) {
    const v = [...d.inputs.values()].find((x) => x.name === s.name && x.allowed.has(version));
    if (v) app[s.name] = valueOf(r, v);
    else if (!s.decl.default) app[s.name] = PLACEHOLDER[s.ty.k]?.(s) ?? "0";
  }
  const date = isoOf(Number(r.int(d.date)));
  app["申报日期"] = date;
  app["申报主体"] = APPLICANT;
  const approved: Record<string, string> = {};
  const ledger: { applicant: string; clause: ClauseKey; amount: string; date: string }[] = [];
  const quotaUsed: Record<string, number> = {};
  const year = Number(date.slice(0, 4));
  for (const c of checked.clauses) {
    const key = keyOf(c);
    const ap = d.approved.get(key);
    if (ap && r.bool(ap.given)) approved[c.number] = fenText(r.int(ap.fen));
    const l = d.ledger.get(key);
    if (l) {
      const n = Number(r.int(l.count));
      const inYear = r.int(l.year);
      const earlier = r.int(l.all) - inYear;
      for (let i = 0; i < n; i++)
        ledger.push({
          applicant: APPLICANT,
          clause: c.number,
          amount: fenText(i ? 0n : inYear),
          date,
        });
      if (earlier > 0n)
        ledger.push({
          applicant: APPLICANT,
          clause: c.number,
          amount: fenText(earlier),
          date: `${year - 1}-12-31`,
        });
    }
    const q = d.quota.get(key);
    if (q) quotaUsed[c.number] = Number(r.int(q));
  }
  const params: Record<string, unknown> = {};
  for (const p of checked.params) {
    if (p.decl.value || p.decl.byDate?.length) continue;
    const v = [...d.params.values()].find((x) => x.name === p.name && x.allowed.has(version));
    if (v) params[p.name] = valueOf(r, v);
  }
  const options: EvaluateOptions = {
    applicant: APPLICANT,
    ...(Object.keys(approved).length ? { approved } : {}),
    ...(ledger.length ? { ledger } : {}),
    ...(Object.keys(quotaUsed).length ? { quotaUsed } : {}),
    ...(Object.keys(params).length ? { params } : {}),
  };
  return { application: app, options };
}

/** An outcome as the evaluator reports it. */
export interface Observed {
  readonly status: number;
  readonly amount: string;
  /** 200万元、不符合、需决定、无法计算（原因）… */
  readonly text: string;
  readonly explanation: readonly string[];
}

const STATUS: Record<ClauseResult["status"], number> = {
  awarded: MONEY,
  ineligible: MONEY,
  "not-paid": MONEY,
  "needs-decision": DECISION,
  error: ERROR,
  benefit: BENEFIT,
};

/** Evaluate one version: a clause's outcome (by number) or the total; undefined: input refused. */
export function observe(
  policy: CompiledPolicy,
  input: WitnessInput,
  clause: ClauseKey | "total" | undefined,
  money: (s: string) => string,
): Observed | { errors: string[] } {
  const ev = policy.evaluate(input.application, { ...input.options, explain: true });
  if (!ev.ok) return { errors: ev.errors.map((e) => e.message) };
  if (clause === "total")
    return {
      status: MONEY,
      amount: ev.result.total,
      text: money(ev.result.total),
      explanation: [],
    };
  const c = clause === undefined ? undefined : ev.result.clauses.find((x) => x.number === clause);
  if (!c) return { status: MONEY, amount: "0", text: "（无此条）", explanation: [] };
  const status = STATUS[c.status];
  const amount = status === MONEY ? (c.amount ?? "0") : "0";
  const text =
    c.status === "awarded"
      ? money(amount)
      : c.status === "benefit"
        ? `${STATUS_WORD[c.status]}：${c.benefit ?? ""}`
        : c.status === "error"
          ? `${STATUS_WORD[c.status]}（${c.reasons.at(-1) ?? ""}）`
          : STATUS_WORD[c.status];
  return {
    status,
    amount,
    text,
    explanation: [...c.reasons, ...c.steps.map((s) => s.text)],
  };
}

export { fenText };
