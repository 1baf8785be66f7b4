/**
 * The grammar floor for hosts: the keyword table everything draws its words from, the syntax tree,
 * spans, line maps and diagnostics as data. The parser itself (text-to-tokens.ts, tokens-to-ast.ts)
 * is reached through the compiler's `parse`, so a page that only needs the words does not load it.
 */
export { KEYWORDS, canonical, keyword, spellingTable } from "./keywords.js";
export type { KeywordCategory, KeywordSpec } from "./keywords.js";
export { assertNever, itemsOf } from "./ast.js";
export type * from "./ast.js";
export {
  diag,
  displayWidth,
  renderDiagnostic,
  sortDiagnostics,
  LineMap,
  type Diagnostic,
  type Fix,
  type Severity,
} from "./diagnostics.js";
export {
  DIAGNOSTIC_CODES,
  isDiagnosticCode,
  type DiagnosticCode,
  type DiagnosticCodeSpec,
} from "./diagnostic-codes.js";
export { exprToText, bracketLabel, nameText, typeText } from "./expr-to-text.js";
export { isClauseTarget } from "./ast.js";
export { assertOperandText, assertStatementText } from "./assert-to-text.js";
export { SPAN_FIELDS, withoutSpans } from "./spans.js";
export {
  CLAUSE_ID_HELP,
  clauseIdentSuffix,
  clauseKeyText,
  clauseOrder,
  type ClauseKey,
} from "./clause-ids.js";
export { compileTimeoutDiagnostic, durationText } from "./time-limit.js";
