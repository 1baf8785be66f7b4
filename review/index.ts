/**
 * The review floor: what changed between two versions of a policy, for whom, and at what cost.
 * It compiles and runs both versions, so it sits above the compiler; it loads in the browser
 * (the playground's diff worker) as well as in Node. Node-only parts live in review/node/.
 */
export {
  budgetPlan,
  countChanges,
  diffPolicies,
  diffPrepared,
  prepare,
  type DiffOptions,
  type DiffReport,
  type Prepared,
} from "./diff-policies.js";
export { caseSamples, fileSamples, parseCsv, type Sample } from "./applications.js";
export { budgetText, reportText } from "./report-to-text.js";
export { budgetFigure, reportMoney, signedBudgetFigure, signedMoney } from "./report-figures.js";
export type { Change } from "./change.js";
export { targetBoundaries, type ClauseBoundaries } from "./boundaries.js";
export { finishBudget, mergeAcc, type Budget, type BudgetAcc } from "./budget.js";
export { budgetRange } from "./budget-range.js";
export { evaluatorOf } from "./budget-plan.js";
export type { Impact } from "./impact.js";
export type { ExplainedOutcome } from "./outcome.js";
export { scanTargets } from "./targets.js";
