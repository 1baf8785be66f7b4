/**
 * Backgrounds for scanning a changed clause: applications in which the clause applies in at least
 * one version. The policy's own cases come first (they carry dates, prior awards and parameter
 * values that make a clause computable); each is varied over the categories the clause reads
 * (项目级别 区级/市级/国家级). Without such a case, one is built from the clause's yes/no inputs.
 */
import type { CompiledPolicy, Evaluation } from "../runtime/types.js";
import { project, type Sample } from "./applications.js";
import type { ClausePair } from "./match-clauses.js";
import { sideOutcome } from "./outcome.js";

export interface Target {
  /** 第5条, or 全部条款 for policy-wide changes (compared on the total). */
  readonly clause: string;
  readonly pair?: ClausePair;
  /** Inputs the target reads, by declared type in either version. */
  readonly bools: readonly string[];
  readonly enums: readonly { readonly name: string; readonly values: readonly string[] }[];
}

export interface Context extends Sample {
  /** Where the background comes from, in Chinese: 案例“…”，项目级别 改为 市级. */
  readonly origin: string;
}

const ACTIVE = new Set(["awarded", "needs-decision", "benefit"]);

function evaluate(p: CompiledPolicy, s: Sample): Evaluation {
  const x = project(p, s);
  return p.evaluate(x.application, { ...x.options, explain: false });
}

/** Whether the target applies to a sample in either version. */
export function applies(oldP: CompiledPolicy, newP: CompiledPolicy, t: Target, s: Sample): boolean {
  const a = evaluate(oldP, s);
  const b = evaluate(newP, s);
  if (!t.pair) return (a.ok && a.result.total !== "0") || (b.ok && b.result.total !== "0");
  // A background the two versions already judge differently as a whole (validity, 支持对象)
  // belongs to the policy-wide target, not to a clause.
  if (a.ok && b.ok && a.result.eligible !== b.result.eligible) return false;
  return (
    ACTIVE.has(sideOutcome(a, t.pair, "old").status) ||
    ACTIVE.has(sideOutcome(b, t.pair, "new").status)
  );
}

/** A background built from scratch: the first yes/no combination under which the target applies. */
function synthesize(
  oldP: CompiledPolicy,
  newP: CompiledPolicy,
  t: Target,
  samples: readonly Sample[],
): Context | undefined {
  const eligible = samples.find((s) => {
    const a = evaluate(oldP, s);
    const b = evaluate(newP, s);
    return (a.ok && a.result.eligible) || (b.ok && b.result.eligible);
  });
  const base = eligible ?? { label: "默认申报", application: {}, options: {} };
  const bools = t.bools.slice(0, 8);
  for (let mask = (1 << bools.length) - 1; mask >= 0; mask--) {
    const application = { ...base.application };
    bools.forEach((b, i) => (application[b] = (mask & (1 << i)) !== 0));
    const s = { label: base.label, application, options: base.options };
    if (applies(oldP, newP, t, s)) {
      const yes = bools.filter((_, i) => (mask & (1 << i)) !== 0);
      return { ...s, origin: `${base.label}${yes.length ? `，并设 ${yes.join("、")} 为是` : ""}` };
    }
  }
  return undefined;
}

/** Backgrounds for a target, at most `limit`: applicable cases, each varied over the target's categories. */
export function contextsFor(
  oldP: CompiledPolicy,
  newP: CompiledPolicy,
  t: Target,
  samples: readonly Sample[],
  limit = 8,
): Context[] {
  const bases: Context[] = samples
    .filter((s) => applies(oldP, newP, t, s))
    .map((s) => ({ ...s, origin: s.label }));
  if (!bases.length) {
    const made = synthesize(oldP, newP, t, samples);
    if (made) bases.push(made);
  }
  const out: Context[] = [];
  const seen = new Set<string>();
  const add = (c: Context) => {
    const key = JSON.stringify([c.application, c.options]);
    if (seen.has(key) || out.length >= limit * 2) return;
    seen.add(key);
    out.push(c);
  };
  for (const b of bases) {
    add(b);
    for (const e of t.enums)
      for (const v of e.values)
        if (b.application[e.name] !== v)
          add({
            ...b,
            application: { ...b.application, [e.name]: v },
            origin: `${b.origin}，${e.name} 改为 ${v}`,
          });
  }
  return out;
}
