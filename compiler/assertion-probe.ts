/**
 * The amounts and conditions an assertion (断言) compares, computed by the compiler's own code:
 * a small policy with the same 申报信息, 参数, 分类 and 定义 and one clause per value
 * (`资助 定额 …`, rounded by the policy's rule; negative or not computable is an error) and per
 * 当 condition (`条件 …` with a 权益: granted when it holds). The prover evaluates a witness
 * application with it, so that a refutation never rests on the solver's translation alone.
 */
import type { AssertDecl, Clause, ClauseItem, Expr, Policy, TopItem } from "../grammar/ast.js";
import { itemsOf } from "../grammar/ast.js";
import { checkPolicy, type Checked } from "./check/check-policy.js";
import { toModule } from "./to-ts/module.js";

/** Which probe clause computes which part of an assertion (by the assertion's index). */
export interface AssertionProbe {
  /** The factory script for `loadPolicy`; undefined when the probe does not compile. */
  readonly js?: string;
  readonly parts: readonly { readonly value?: number; readonly when?: number }[];
}

/** The probe policy for the assertions of a checked policy. */
export function assertionProbe(checked: Checked): AssertionProbe {
  const policy = checked.policy;
  const asserts = itemsOf(policy, "Assert");
  const clauses: Clause[] = [];
  const parts = asserts.map((a) => {
    const part: { value?: number; when?: number } = {};
    if (a.body.kind === "Compare" && a.body.right.kind === "Value") {
      part.value = clauses.length + 1;
      clauses.push(probeClause(a, part.value, [fixed(a, a.body.right.expr)]));
    }
    if (a.when) {
      part.when = clauses.length + 1;
      const cond: ClauseItem = { kind: "Condition", expr: a.when, span: a.span };
      const granted: ClauseItem = { kind: "Benefit", text: "成立", span: a.span };
      clauses.push(probeClause(a, part.when, [cond, granted]));
    }
    return part;
  });
  if (!clauses.length) return { parts };
  const keep = (i: TopItem) =>
    i.kind === "Inputs" || i.kind === "Params" || i.kind === "Category" || i.kind === "Define";
  const probe: Policy = {
    kind: "Policy",
    header: {
      kind: "Header",
      form: "policy",
      title: `${policy.header?.title ?? ""}（断言取值）`,
      ...(policy.header?.rounding ? { rounding: policy.header.rounding } : {}),
      span: policy.span,
    },
    items: [...policy.items.filter(keep), ...clauses],
    comments: [],
    span: policy.span,
  };
  const c = checkPolicy(probe, checked.cx.declared);
  if (c.cx.diagnostics.some((d) => d.severity === "error")) return { parts };
  return { js: toModule(c, "factory"), parts };
}

function fixed(a: AssertDecl, amount: Expr): ClauseItem {
  return { kind: "Award", form: { kind: "Fixed", amount }, word: "资助", span: a.span };
}

function probeClause(a: AssertDecl, n: number, items: ClauseItem[]): Clause {
  return {
    kind: "Clause",
    number: n,
    label: `第${n}条`,
    title: "断言取值",
    items,
    labelSpan: a.span,
    span: a.span,
  };
}
