/**
 * Positions in the tree: the fields that say where a node was written, not what it means. Every
 * pass that compares trees (the formatter's proof, the reviewer's diff) drops them from here.
 */

/** The fields of tree nodes that hold a position (a `Span`). */
export const SPAN_FIELDS: ReadonlySet<string> = new Set([
  "span",
  "nameSpan",
  "labelSpan",
  "keySpan",
]);

/** Fields that hold line numbers rather than a `Span` (Header.lines): positions too, dropped alike. */
const LINE_FIELDS: ReadonlySet<string> = new Set(["lines"]);

/**
 * A copy of a tree without its positions and without fields set to undefined; `visit` may rewrite
 * each node copied (after its children).
 */
export function withoutSpans(
  node: unknown,
  visit: (out: Record<string, unknown>) => void = () => {},
): unknown {
  if (Array.isArray(node)) return node.map((x) => withoutSpans(x, visit));
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (v === undefined || SPAN_FIELDS.has(k) || LINE_FIELDS.has(k)) continue;
    out[k] = withoutSpans(v, visit);
  }
  visit(out);
  return out;
}
