/**
 * Limits that keep the work of every pass bounded by the input (issue 12): clause numbers stay
 * small integers (they become identifiers in generated code), and expressions nest only so deep
 * that no recursive pass (parser, checker, code generation, formatter, documents, language
 * services) can run out of stack.
 */
import type { IToken } from "chevrotain";
import type { Span } from "./ast.js";
import { SPAN_FIELDS } from "./spans.js";

/** The largest clause number: 第9999条. A number beyond it is refused (E030). */
export const MAX_CLAUSE_NUMBER = 9999;

/** Help for a clause number beyond {@link MAX_CLAUSE_NUMBER}. */
export const CLAUSE_NUMBER_HELP = `条款编号最大为 第${MAX_CLAUSE_NUMBER}条；请改用一个较小的、未使用的编号，并把原文编号写进标题或 原文 中。`;

/**
 * How many brackets, 并非, 负号 and 如果 may nest inside one another in the parser (E031). Real
 * policies nest two or three levels; the parser's stack would run out near 150.
 */
export const MAX_NESTING = 32;

/** Help for nesting beyond {@link MAX_NESTING}. */
export const NESTING_HELP = `括号、并非、负号和 如果…则…否则 最多嵌套 ${MAX_NESTING} 层；请把里层的部分写成 定义 中的一个名称，再在此处引用它。`;

/**
 * How deep the syntax tree of one block may be (E032), counting every node: a chain of a thousand
 * `+` is as deep as a thousand brackets for every pass that walks the tree.
 */
export const MAX_TREE_DEPTH = 128;

/** Help for a tree beyond {@link MAX_TREE_DEPTH}. */
export const TREE_DEPTH_HELP = `一个表达式最多由 ${MAX_TREE_DEPTH} 层运算组成（一长串 + 或 并且 每个算一层）；请把其中一部分写成 定义 中的名称，再在此处引用它。`;

/** Thrown by the parser at the token that opens one level too many; tokens-to-ast reports it. */
export class NestingTooDeep extends Error {
  constructor(readonly token: IToken) {
    super("nesting too deep");
    this.name = "NestingTooDeep";
  }
}

/** Whether an error is the engine running out of stack (the last line of defence). */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

interface Node {
  readonly kind: string;
  readonly span?: Span;
}

const isNode = (v: unknown): v is Node =>
  typeof v === "object" && v !== null && typeof (v as { kind?: unknown }).kind === "string";

/**
 * The first node (in walk order) that lies deeper than `max` nodes below `root`, or undefined.
 * Iterative, so it cannot itself run out of stack; linear in the size of the tree. It walks every
 * object and array below the root, counting only objects with a `kind` as levels, so it needs no
 * list of node kinds and cannot miss one.
 */
export function tooDeep(root: unknown, max = MAX_TREE_DEPTH): Node | undefined {
  // two stacks rather than a pair per object: this walk runs over every block (issue 12)
  const values: unknown[] = [root];
  const depths: number[] = [0];
  while (values.length) {
    const v = values.pop();
    const d = depths.pop()!;
    if (typeof v !== "object" || v === null) continue;
    const node = isNode(v);
    const depth = node ? d + 1 : d;
    if (depth > max && node) return v;
    if (Array.isArray(v)) {
      for (const c of v)
        if (typeof c === "object" && c !== null) {
          values.push(c);
          depths.push(depth);
        }
      continue;
    }
    for (const key in v) {
      if (SPAN_FIELDS.has(key)) continue; // spans hold no nodes
      const c = (v as Record<string, unknown>)[key];
      if (typeof c === "object" && c !== null) {
        values.push(c);
        depths.push(depth);
      }
    }
  }
  return undefined;
}
