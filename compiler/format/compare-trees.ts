/**
 * Tree comparison without spans: the formatter's proof that it changed layout and nothing else.
 */
import type { CompareOp, Policy } from "../../grammar/ast.js";
import { compareWord } from "../../grammar/words.js";
import { withoutSpans } from "../../grammar/spans.js";

/**
 * A copy of a tree with every span removed, and comparison symbols (>=) replaced by the word the
 * formatter writes for them (不低于): the same operator, spelled canonically.
 */
export function stripSpans(node: unknown): unknown {
  return withoutSpans(node, (out) => {
    if (out.kind === "Compare" && typeof out.word === "string" && /^[<>=!≥≤≠]/.test(out.word))
      out.word = compareWord(out.op as CompareOp);
  });
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
