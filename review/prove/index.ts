/**
 * Exact review with an SMT solver (Z3): a compiled policy's rules as solver terms, diffs proven
 * or shown with regions and verified witnesses. Kept apart from the sampling diff, and loading the
 * solver only when a proof is asked for.
 */
export {
  proveDiff,
  type ProofReport,
  type ProofStatus,
  type ProveOptions,
  type ProvedTarget,
} from "./prove-diff.js";
export type { Region, Witness } from "./regions.js";
export {
  parseProperties,
  propertyText,
  type PropertyResult,
  type PropertyStatus,
  type ReviewProperty,
} from "./properties.js";
export { closeSolver } from "./z3.js";
export { assertionText, proofText } from "./proof-to-text.js";
export {
  assertionDiagnostics,
  proveAssertions,
  proveChecked,
  type AssertionReport,
  type AssertionResult,
  type AssertionStatus,
  type AssertOptions,
} from "./assertions.js";
