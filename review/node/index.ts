/**
 * The review floor's Node-only part: budgets on worker threads, and the solver-backed proofs
 * (review/prove/, loaded only when a proof is asked for). The browser never loads this.
 */
export { budgetParallel } from "./budget-parallel.js";
export {
  assertionDiagnostics,
  assertionText,
  closeSolver,
  proveAssertions,
  proveChecked,
  type AssertionReport,
  parseProperties,
  proofText,
  type PropertyResult,
  type ReviewProperty,
  proveDiff,
  type ProofReport,
  type ProveOptions,
} from "../prove/index.js";
