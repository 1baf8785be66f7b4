/**
 * From the AST to what the editor needs: declared names with their type, description and uses
 * (for hover, completion, go to definition and highlighting), and the clause outline.
 */
import { itemsOf } from "../grammar/index.js";
import type { NameRef, Policy, Span, TypeRef } from "../grammar/index.js";
import { canonical, SPAN_FIELDS, typeText } from "../grammar/index.js";
import type { ClauseInfo, NameInfo } from "./types.js";

/** Every name reference in a subtree, found structurally so that new node kinds are covered too. */
function collectRefs(node: unknown, out: NameRef[]): void {
  if (Array.isArray(node)) {
    for (const n of node) collectRefs(n, out);
  } else if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (o["kind"] === "Name" && typeof o["name"] === "string") out.push(o as unknown as NameRef);
    for (const [key, value] of Object.entries(o))
      if (!SPAN_FIELDS.has(key)) collectRefs(value, out);
  }
}

const sameSpan = (a: Span, b: Span) => a.start === b.start && a.end === b.end;

/** Declared names of a policy with their uses. */
export function indexNames(policy: Policy, source: string): NameInfo[] {
  const decls: Omit<NameInfo, "uses">[] = [];
  const add = (d: Omit<NameInfo, "uses">) => {
    if (!decls.some((x) => x.name === d.name)) decls.push(d);
  };
  const enumValues = (t: TypeRef, owner: string) => {
    if (t.kind !== "enum") return;
    for (const v of t.values)
      add({ name: v.name, kind: "value", typeText: `${owner} 的取值`, def: v.span });
  };
  for (const section of itemsOf(policy, "Inputs")) {
    for (const d of section.decls) {
      const desc = d.description ? { description: d.description } : {};
      add({ name: d.name, kind: "input", typeText: typeText(d.type), def: d.nameSpan, ...desc });
      enumValues(d.type, d.name);
    }
  }
  for (const section of itemsOf(policy, "Params")) {
    for (const d of section.decls) {
      const value = d.value
        ? `，取值 ${source.slice(d.value.span.start, d.value.span.end)}`
        : `，${canonical("Unset")}`;
      const desc = d.description ? { description: d.description } : {};
      add({
        name: d.name,
        kind: "param",
        typeText: typeText(d.type) + value,
        def: d.nameSpan,
        ...desc,
      });
      enumValues(d.type, d.name);
    }
  }
  for (const d of itemsOf(policy, "Define")) {
    const formula = source.slice(d.expr.span.start, d.expr.span.end);
    const desc = d.description ? { description: d.description } : {};
    add({ name: d.name, kind: "define", typeText: `= ${formula}`, def: d.nameSpan, ...desc });
  }
  for (const d of itemsOf(policy, "Category")) {
    const values = d.values.map((v) => v.name).join("、");
    add({
      name: d.name,
      kind: "category",
      typeText: `${canonical("Category")}：${values}`,
      def: d.nameSpan,
    });
    for (const v of d.values)
      add({ name: v.name, kind: "value", typeText: `${d.name} 的类别`, def: v.span });
  }
  const refs: NameRef[] = [];
  collectRefs(policy.items, refs);
  return decls.map((d) => ({
    ...d,
    uses: refs.filter((r) => r.name === d.name && !sameSpan(r.span, d.def)).map((r) => r.span),
  }));
}

/** The clauses in source order, for the outline. */
export function indexClauses(policy: Policy): ClauseInfo[] {
  const parsed: ClauseInfo[] = itemsOf(policy, "Clause").map((c) => ({
    number: c.number,
    label: c.label,
    title: c.title,
    span: c.span,
    labelSpan: c.labelSpan,
  }));
  // A clause with a syntax error keeps its place in the outline while it is being fixed.
  const broken: ClauseInfo[] = (policy.broken ?? []).map((c) => ({ ...c, broken: true }));
  return [...parsed, ...broken].sort((a, b) => a.span.start - b.span.start);
}

/**
 * A guideline's names: its own declarations, and the names of the policy it builds on (marked
 * `inPolicy`, their definition being in the policy's text) with their uses in the guideline.
 */
export function indexGuidelineNames(
  guideline: Policy,
  source: string,
  policy?: Policy,
  policySource?: string,
): NameInfo[] {
  const own = indexNames(guideline, source);
  if (!policy || policySource === undefined) return own;
  const mine = new Set(own.map((n) => n.name));
  const refs: NameRef[] = [];
  collectRefs(guideline.items, refs);
  const inherited = indexNames(policy, policySource)
    .filter((n) => !mine.has(n.name))
    .map((n) => ({
      ...n,
      inPolicy: true,
      uses: refs.filter((r) => r.name === n.name).map((r) => r.span),
    }));
  return [...own, ...inherited];
}
