/**
 * Tree comparison without spans: the formatter's proof that it changed layout and nothing else.
 */
import type { CompareOp, Policy } from "../../grammar/ast.js";
import { compareWord } from "../../grammar/words.js";

const isSpan = (v: unknown): boolean =>
  typeof v === "object" &&
  v !== null &&
  "start" in v &&
  "end" in v &&
  "line" in v &&
  "col" in v &&
  "endLine" in v &&
  "endCol" in v;

/**
 * A copy of a tree with every span removed, and comparison symbols (>=) replaced by the word the
 * formatter writes for them (不低于): the same operator, spelled canonically.
 */
export function stripSpans(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripSpans);
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (v === undefined || isSpan(v)) continue;
    out[k] = stripSpans(v);
  }
  if (out.kind === "Compare" && typeof out.word === "string" && /^[<>=!≥≤≠]/.test(out.word))
    out.word = compareWord(out.op as CompareOp);
  return out;
}

/** The first path at which two trees differ, or undefined when they are equal. */
export function firstDifference(a: unknown, b: unknown, path = ""): string | undefined {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return path || "/";
    if (a.length !== b.length) return `${path}（长度 ${a.length} ≠ ${b.length}）`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        `${path}.${k}`,
      );
      if (d) return d;
    }
    return undefined;
  }
  return Object.is(a, b) ? undefined : `${path}（${JSON.stringify(a)} ≠ ${JSON.stringify(b)}）`;
}

/** Where two policies differ once spans are ignored (comments compared by text). */
export function policyDifference(a: Policy, b: Policy): string | undefined {
  const strip = (p: Policy) => ({
    ...(stripSpans({ ...p, comments: [] }) as object),
    comments: p.comments.map((c) => c.text).sort(),
  });
  return firstDifference(strip(a), strip(b));
}
