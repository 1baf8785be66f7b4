/**
 * zhengce: the compiler's public API.
 */
export {
  compile,
  factoryScript,
  parse,
  withoutStackingJs,
  type CompileOptions,
  type CompileResult,
} from "./compile.js";
/** The lexer, for editors that colour exactly the words the compiler reads. */
export { textToTokens } from "../grammar/text-to-tokens.js";
export {
  renderDiagnostic,
  sortDiagnostics,
  LineMap,
  type Diagnostic,
  type Fix,
  type Severity,
} from "../grammar/diagnostics.js";
export { exprToText, bracketLabel, nameText } from "../grammar/expr-to-text.js";
export type * as ast from "../grammar/ast.js";
export type { Checked } from "./check/check-policy.js";
export { KEYWORDS, type KeywordSpec, type KeywordCategory } from "../grammar/keywords.js";
export { runCases, caseInput, exprToJson, type CaseOutcome } from "./cases.js";
export {
  clausesWithoutCase,
  coverageSummary,
  uncoveredWhy,
  policyCoverage,
  type ClauseCoverage,
  type CoverageItem,
} from "./coverage.js";
export { formatSource, type FormatOptions, type FormatResult } from "./format/format.js";
export {
  compileGuideline,
  preparePolicy,
  sourceKind,
  policyNames,
  type GuidelineResult,
  type PreparedPolicy,
} from "./guideline/compile-guideline.js";
export { provenanceText, type Provenance } from "./guideline/provenance.js";
export {
  missingBase,
  missingBaseDiagnostic,
  type MissingBase,
} from "./guideline/base-diagnostics.js";
export { policyDocument, guidelineDocument, type DocFormat } from "./to-doc/render.js";
export { compileTimeoutDiagnostic, durationText } from "../grammar/time-limit.js";
export { assertionProbe, type AssertionProbe } from "./assertion-probe.js";
export { isRankTy, RANK_OP } from "./check/types.js";
