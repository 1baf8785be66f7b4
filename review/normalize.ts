/**
 * Trees without what does not change a rule's meaning: spans, the way a figure was written
 * (200万 vs 2,000,000元), the synonym chosen for a comparison (不少于 vs ≥), descriptions and the
 * award word. Two nodes with the same key compute the same thing.
 */
import { SPAN_FIELDS } from "../grammar/spans.js";
import { Dec, toPlain } from "../runtime/money.js";

/** Fields that only change how a rule reads, not what it computes. */
const SURFACE = new Set(["word", "description"]);
const LITERALS = new Set(["Money", "Percent", "Number", "Rate", "DateLit"]);

function plainNumber(v: string): string {
  try {
    return toPlain(new Dec(v));
  } catch {
    return v;
  }
}

/**
 * A copy of a node without spans and comments; unless `surface`, also without surface-only fields
 * and with figures in one canonical form.
 */
export function normalize(node: unknown, surface = false): unknown {
  if (Array.isArray(node)) return node.map((x) => normalize(x, surface));
  if (node === null || typeof node !== "object") return node;
  const o = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const literal = typeof o["kind"] === "string" && LITERALS.has(o["kind"] as string);
  for (const key of Object.keys(o).sort()) {
    if (SPAN_FIELDS.has(key)) continue;
    if (key === "comments" && o["kind"] === "Policy") continue;
    if (!surface && (SURFACE.has(key) || (literal && key === "text"))) continue;
    const v = o[key];
    if (v === undefined) continue;
    if (!surface && literal && key === "value" && typeof v === "string" && o["kind"] !== "DateLit")
      out[key] = plainNumber(v);
    else out[key] = normalize(v, surface);
  }
  // A unit-less number and an amount of money with the same value read the same in a rule.
  if (!surface && o["kind"] === "Number" && !o["unit"]) out["kind"] = "Money";
  return out;
}

/** A string key of a node's meaning; equal keys mean equal rules. With `surface`, of its wording too. */
export function nodeKey(node: unknown, surface = false): string {
  return JSON.stringify(normalize(node, surface)) ?? "undefined";
}

/** Whether two nodes mean the same (ignoring spans, number spelling and synonyms). */
export function sameNode(a: unknown, b: unknown): boolean {
  return nodeKey(a) === nodeKey(b);
}
