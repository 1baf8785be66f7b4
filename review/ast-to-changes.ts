/**
 * Two policy trees → the semantic change list, in the order a reviewer reads a policy: header,
 * declarations, 支持对象, clauses (by the new numbering), 叠加规则, cases, then comments and layout.
 */
import type { Policy } from "../grammar/ast.js";
import { itemsOf } from "../grammar/ast.js";
import type { Change } from "./change.js";
import { clauseChanges, itemChanges } from "./clause-changes.js";
import { declarationChanges } from "./decl-changes.js";
import { headerChanges } from "./header-changes.js";
import { matchClauses, type ClausePair } from "./match-clauses.js";
import { commentChanges, formattingChanges } from "./text-changes.js";

export interface ChangeList {
  readonly changes: readonly Change[];
  readonly pairs: readonly ClausePair[];
}

/** The semantic change list between two parsed versions of a policy (sources for layout checks). */
export function astToChanges(
  a: Policy,
  b: Policy,
  oldSource: string,
  newSource: string,
): ChangeList {
  const pairs = matchClauses(itemsOf(a, "Clause"), itemsOf(b, "Clause"));
  const decls = declarationChanges(a, b);
  const eligibility = itemChanges(
    { clause: "支持对象" },
    itemsOf(a, "Eligibility").flatMap((e) => e.items),
    itemsOf(b, "Eligibility").flatMap((e) => e.items),
  );
  const isCase = (c: Change) => c.kind === "case";
  const structural: Change[] = [
    ...headerChanges(a.header, b.header),
    ...decls.filter((c) => !isCase(c) && c.clause !== "叠加规则"),
    ...eligibility,
    ...pairs.flatMap(clauseChanges),
    ...decls.filter((c) => c.clause === "叠加规则"),
    ...decls.filter(isCase),
  ];
  const changes = [
    ...structural,
    ...commentChanges(a, b, oldSource, newSource),
    ...formattingChanges(a, b, oldSource, newSource, structural.length > 0),
  ];
  return { changes, pairs };
}
