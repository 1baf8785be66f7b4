/**
 * The Prettier plugin for `.zc` files: `prettier --write policies/` formats policies and guidelines
 * exactly as `zhengce fmt` does. The parser hands Prettier every comment in the root's `comments`
 * array; the printer places and prints them all itself (the language is line-oriented, so a comment
 * belongs to a line, not to an expression node) and marks them printed.
 */
import type { Parser, Plugin, Printer, SupportLanguage } from "prettier";
import type { Policy } from "../../grammar/ast.js";
import { parse } from "../compile.js";
import { renderDiagnostic } from "../../grammar/diagnostics.js";
import { guidelineNames } from "./find-policy.js";
import { policyToDoc, printDoc, verifyFormatted } from "../format/format.js";

/** A comment as Prettier tracks it. */
interface PrettierComment {
  readonly type: "Comment";
  readonly value: string;
  readonly start: number;
  readonly end: number;
  printed?: boolean;
}

/** The root node Prettier sees: the parsed policy and its comments. */
interface ZhengceRoot {
  readonly type: "ZhengceFile";
  readonly policy: Policy;
  /** Names of the policy a guideline builds on. */
  readonly known: readonly string[];
  readonly start: number;
  readonly end: number;
  /** Prettier takes this array off the root before printing. */
  comments?: PrettierComment[];
  /** The same comment objects, kept to mark them printed. */
  readonly ownComments: PrettierComment[];
}

type Node = ZhengceRoot | PrettierComment;

/** Registers `.zc` files as the zhengce language. */
export const languages: SupportLanguage[] = [
  {
    name: "zhengce",
    parsers: ["zhengce"],
    extensions: [".zc"],
    vscodeLanguageIds: ["zhengce"],
  },
];

/** Parses with the compiler's parser; syntax errors are thrown as Prettier expects. */
export const parsers: Record<string, Parser<Node>> = {
  zhengce: {
    astFormat: "zhengce",
    parse(text: string, options: { filepath?: string }): ZhengceRoot {
      const known = options.filepath ? guidelineNames(text, options.filepath) : new Set<string>();
      const { ast, diagnostics } = parse(text, known);
      const errors = diagnostics.filter((d) => d.severity === "error");
      if (errors.length) {
        const first = errors[0]!;
        const message = errors.map((d) => renderDiagnostic(d, text)).join("\n\n");
        throw Object.assign(new SyntaxError(message), {
          loc: { start: { line: first.span.line, column: first.span.col } },
        });
      }
      const comments: PrettierComment[] = ast.comments.map((c) => ({
        type: "Comment",
        value: c.text,
        start: c.span.start,
        end: c.span.end,
      }));
      return {
        type: "ZhengceFile",
        policy: ast,
        known: [...known],
        start: 0,
        end: text.length,
        comments,
        ownComments: comments,
      };
    },
    locStart: (node: Node) => node.start,
    locEnd: (node: Node) => node.end,
  },
};

/** Prints the whole file, proving the output parses back to the same tree. */
export const printers: Record<string, Printer<Node>> = {
  zhengce: {
    print(path, options) {
      const root = path.node;
      if (root.type !== "ZhengceFile") return "";
      const doc = policyToDoc(options.originalText, root.policy, root.policy.comments, root.known);
      const text = printDoc(doc, options.printWidth);
      const problem = verifyFormatted(root.policy, text, root.known);
      if (problem) throw new Error(`${problem.message}\n${problem.help ?? ""}`);
      for (const c of root.ownComments) c.printed = true;
      return doc;
    },
  },
};

/** The repository's width; a project's Prettier configuration may override it. */
export const defaultOptions = { printWidth: 100 };

const plugin: Plugin<Node> = { languages, parsers, printers, defaultOptions };
export default plugin;
