/**
 * What the boundary search looks at: every clause whose rule changed (its own items, or a
 * parameter, definition or input it reads), and the policy as a whole when its validity,
 * 支持对象 or 叠加规则 changed.
 */
import type { ClauseItem, Policy } from "../grammar/ast.js";
import { itemsOf } from "../grammar/ast.js";
import type { InputMeta } from "../runtime/types.js";
import { reachable } from "./boundary-axes.js";
import type { Change } from "./change.js";
import type { Target } from "./boundary-contexts.js";
import type { ClausePair } from "./match-clauses.js";
import { nodeKey } from "./normalize.js";
import type { Version } from "./version.js";

export interface ScanTarget extends Target {
  /** Names of money and count inputs the target reads. */
  readonly amounts: readonly string[];
  /** Whether to scan the application date (validity, window or repeal changed). */
  readonly byDate: boolean;
  /** For the policy as a whole: compare eligibility (支持对象, validity) rather than the total. */
  readonly byEligibility: boolean;
}

/** Names whose declaration (parameter value, definition, input type or default) differs. */
function changedNames(a: Policy, b: Policy): Set<string> {
  const out = new Set<string>();
  const decls = (p: Policy) => [
    ...itemsOf(p, "Inputs").flatMap((s) => s.decls),
    ...itemsOf(p, "Params").flatMap((s) => s.decls),
    ...itemsOf(p, "Define"),
  ];
  const ma = new Map(decls(a).map((d) => [d.name, nodeKey(d)]));
  const mb = new Map(decls(b).map((d) => [d.name, nodeKey(d)]));
  for (const [n, k] of mb) if (ma.get(n) !== k) out.add(n);
  for (const n of ma.keys()) if (!mb.has(n)) out.add(n);
  return out;
}

function inputsOf(a: Version, b: Version): Map<string, InputMeta> {
  const m = new Map<string, InputMeta>();
  for (const v of [a, b]) for (const i of v.policy?.meta.inputs ?? []) m.set(i.name, i);
  return m;
}

function target(
  clause: string,
  pair: ClausePair | undefined,
  names: ReadonlySet<string>,
  inputs: ReadonlyMap<string, InputMeta>,
  byDate: boolean,
  byEligibility = false,
): ScanTarget {
  const of = (type: string) => [...names].filter((n) => inputs.get(n)?.type === type);
  return {
    clause,
    ...(pair ? { pair } : {}),
    bools: of("bool"),
    enums: of("enum").map((n) => ({ name: n, values: inputs.get(n)!.values ?? [] })),
    amounts: [...of("money"), ...of("count")],
    byDate,
    byEligibility,
  };
}

const namesOf = (items: readonly ClauseItem[], p: Policy | undefined) =>
  new Set(reachable(items, p).flatMap((e) => (e.kind === "Name" ? [e.name] : [])));

/** The clauses (and the policy as a whole) whose amounts may differ between two versions. */
export function scanTargets(
  a: Version,
  b: Version,
  pairs: readonly ClausePair[],
  changes: readonly Change[],
): ScanTarget[] {
  if (!a.ast || !b.ast) return [];
  const inputs = inputsOf(a, b);
  const touched = changedNames(a.ast, b.ast);
  const out: ScanTarget[] = [];
  for (const p of pairs) {
    const names = new Set([
      ...namesOf(p.old?.items ?? [], a.ast),
      ...namesOf(p.new?.items ?? [], b.ast),
    ]);
    const own = changes.some(
      (c) =>
        c.effect === "rule" &&
        c.kind !== "clause-moved" &&
        ((p.old && c.oldClause === p.old.number) || (p.new && c.newClause === p.new.number)),
    );
    if (own || [...names].some((n) => touched.has(n)))
      out.push(target(p.place.clause ?? "", p, names, inputs, false));
  }
  const rule = changes.filter((c) => c.effect === "rule");
  const dated = rule.some((c) => ["validity", "repeal", "window"].includes(c.kind));
  if (dated || rule.some((c) => c.clause === "支持对象")) {
    const items = (p: Policy) => itemsOf(p, "Eligibility").flatMap((e) => e.items);
    const names = new Set([...namesOf(items(a.ast), a.ast), ...namesOf(items(b.ast), b.ast)]);
    out.push(target("支持对象与有效期", undefined, names, inputs, dated, true));
  }
  if (rule.some((c) => c.clause === "叠加规则" || c.kind === "rounding")) {
    const items = (p: Policy): ClauseItem[] =>
      itemsOf(p, "Stacking").flatMap((s) =>
        s.items.flatMap((i) =>
          i.kind === "Deduct" ? [{ kind: "Paid" as const, value: i.value, span: i.span }] : [],
        ),
      );
    const names = new Set([...namesOf(items(a.ast), a.ast), ...namesOf(items(b.ast), b.ast)]);
    out.push(target("叠加规则（合计金额）", undefined, names, inputs, false));
  }
  return out;
}
