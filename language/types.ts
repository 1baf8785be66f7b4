/**
 * What the language services know about a policy text: its declared names and its clauses.
 */
import type { ast } from "../compiler/index.js";

type Span = ast.Span;

/** A declared name: an input, parameter, definition, category or category value. */
export interface NameInfo {
  readonly name: string;
  readonly kind: "input" | "param" | "define" | "category" | "value";
  /** The type in Chinese (金额, 枚举：区级、市级 …). */
  readonly typeText: string;
  readonly description?: string;
  readonly def: Span;
  readonly uses: readonly Span[];
  /** Declared in the policy a guideline builds on: `def` is a span of that policy, not this text. */
  readonly inPolicy?: boolean;
}

/** A clause for the outline. */
export interface ClauseInfo {
  readonly number: ast.ClauseKey;
  readonly label: string;
  readonly title: string;
  readonly span: Span;
  readonly labelSpan: Span;
  /** The clause has a syntax error: only its heading is known (it is not compiled). */
  readonly broken?: true;
}
