/**
 * A checked policy (or the effective policy of a guideline) → a document in Markdown or HTML.
 */
import type { Policy } from "../../grammar/ast.js";
import { guidelineToOutline, type GuidelineParts } from "./guideline-to-outline.js";
import { outlineToHtml } from "./outline-to-html.js";
import { outlineToMarkdown } from "./outline-to-markdown.js";
import { policyToOutline, type Outline } from "./policy-to-outline.js";

export type DocFormat = "md" | "html";

/** Render an outline in a format. */
export function renderOutline(outline: Outline, format: DocFormat): string {
  return format === "html" ? outlineToHtml(outline) : outlineToMarkdown(outline);
}

/** Render a policy as a document. The policy should have passed the checker. */
export function policyDocument(policy: Policy, format: DocFormat = "md"): string {
  return renderOutline(policyToOutline(policy), format);
}

/** Render a compiled guideline (its effective policy and provenance) as a 申报指南 document. */
export function guidelineDocument(parts: GuidelineParts, format: DocFormat = "md"): string {
  return renderOutline(guidelineToOutline(parts), format);
}
