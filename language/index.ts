/**
 * zhengce's language services: pure functions of a policy text (and, for a guideline, of the
 * policy it builds on), with no DOM and no Node-only calls. The playground's editor and
 * `zhengce lsp` (every other editor) answer from the same functions.
 */
export { analyze, scriptOf, type Analysis, type BaseText } from "./analysis.js";
export { diagnosticsOf, quickFixes, toLspDiagnostic, DIAGNOSTIC_SOURCE } from "./diagnostics.js";
export { completionItems, keywordDocumentation, templatePreview } from "./completion.js";
export { hoverAt } from "./hover-at.js";
export { keywordHover, nameHover } from "./hover.js";
export { escapeMarkdown } from "./markdown.js";
export {
  definition,
  references,
  rename,
  renameRange,
  RenameRefused,
  type NavSource,
} from "./navigation.js";
export { documentSymbols, foldingRanges } from "./outline.js";
export { semanticTokens, SEMANTIC_LEGEND } from "./semantic-tokens.js";
export { formatEdits } from "./formatting.js";
export { spanToRange } from "./positions.js";
export { clauseTemplates, type ClauseTemplate } from "./templates.js";
export { indexClauses, indexGuidelineNames, indexNames } from "./name-index.js";
export { wordAt, type Word } from "./word-at.js";
export { CATEGORY_ZH, NAME_KIND_ZH, SPELLINGS } from "./words.js";
export type { ClauseInfo, NameInfo } from "./types.js";
export { caseOutcomes, codeLenses, inlayHints } from "./case-results.js";
export { looksLikeGuideline } from "./guideline-kind.js";
export { AUTO_CLOSING, BRACKETS, LINE_COMMENT } from "./editor-config.js";
