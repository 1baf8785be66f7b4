/**
 * The checker's state for one compile: symbols, inferred types and diagnostics. A new context is
 * made per compile; nothing is shared between compiles.
 */
import type { DefineDecl, Expr, InputDecl, ParamDecl, Span } from "../../grammar/ast.js";
import { diag, type Diagnostic, type Fix } from "../../grammar/diagnostics.js";
import type { DiagnosticCode } from "../../grammar/diagnostic-codes.js";
import type { Ty } from "./types.js";

export type Sym =
  | {
      readonly kind: "input";
      readonly name: string;
      readonly index: number;
      readonly ty: Ty;
      readonly decl: InputDecl;
    }
  | {
      readonly kind: "param";
      readonly name: string;
      readonly index: number;
      readonly ty: Ty;
      readonly decl: ParamDecl;
    }
  | {
      readonly kind: "define";
      readonly name: string;
      readonly index: number;
      ty: Ty | undefined;
      readonly decl: DefineDecl;
    }
  | {
      readonly kind: "category";
      readonly name: string;
      readonly values: readonly string[];
      readonly span: Span;
    };

export class CheckContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly types = new Map<Expr, Ty>();
  readonly symbols = new Map<string, Sym>();
  /** Category value → the ids of the category types that contain it. */
  readonly enumValues = new Map<string, string[]>();
  /** Parameters (by index) referenced while checking the current clause. */
  paramsUsed = new Set<number>();
  /** Names of defines being checked, to catch cycles. */
  readonly defining = new Set<string>();
  /** Every name reference resolved to its symbol (for go-to-definition and hover). */
  readonly references: { name: string; span: Span }[] = [];

  constructor(readonly declared: ReadonlySet<string>) {}

  error(code: DiagnosticCode, message: string, span: Span, help: string, fix?: Fix): void {
    this.diagnostics.push(diag("error", code, message, span, help, fix));
  }

  warn(code: DiagnosticCode, message: string, span: Span, help: string, fix?: Fix): void {
    this.diagnostics.push(diag("warning", code, message, span, help, fix));
  }

  /** Every name a reference could mean, for suggestions. */
  knownNames(): string[] {
    return [...this.symbols.keys(), ...this.enumValues.keys()];
  }
}
