/**
 * What every editor configures the same way: the comment marker, bracket pairs (full-width ones
 * too) and the pairs that close themselves. The playground's Monaco and the VS Code extension's
 * language configuration are both built from these.
 */

export const LINE_COMMENT = "#";

/** Pairs that are brackets (matched, highlighted, indented). */
export const BRACKETS: readonly (readonly [string, string])[] = [
  ["（", "）"],
  ["(", ")"],
  ["「", "」"],
  ["《", "》"],
  ["〔", "〕"],
];

/** Pairs the editor closes as the drafter types the opening one. */
export const AUTO_CLOSING: readonly (readonly [string, string])[] = [["“", "”"], ...BRACKETS];
