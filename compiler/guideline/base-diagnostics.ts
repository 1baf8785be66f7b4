/**
 * The diagnostics every host reports when a guideline (申报指南) has no policy to build on: the
 * CLI, the HTTP service, the language server and the playground each find the base their own way,
 * but the problem gets the same code and message everywhere (E412, E413, E416).
 */
import { diag, type Diagnostic, type Span } from "../../grammar/index.js";
import { DIAGNOSTIC_CODES } from "../../grammar/diagnostic-codes.js";

/** Why a guideline has no base: no 基于 line, a 基于 that names nothing, or a base out of bounds. */
export type MissingBase =
  | { readonly kind: "unwritten" }
  | { readonly kind: "not-found"; readonly basedOn: string }
  | { readonly kind: "outside"; readonly basedOn: string };

/** The one diagnostic for a missing base; `help` adds how this host looks for it. */
export function missingBaseDiagnostic(missing: MissingBase, span: Span, help?: string): Diagnostic {
  switch (missing.kind) {
    case "unwritten":
      return diag(
        "error",
        "E412",
        "申报指南没有写所依据的政策",
        span,
        help ?? DIAGNOSTIC_CODES.E412.help,
      );
    case "not-found":
      return diag(
        "error",
        "E413",
        `找不到所依据的政策“${missing.basedOn}”`,
        span,
        help ?? DIAGNOSTIC_CODES.E413.help,
      );
    case "outside":
      return diag(
        "error",
        "E416",
        `申报指南所依据的政策“${missing.basedOn}”在服务目录之外，不予读取`,
        span,
        help ?? DIAGNOSTIC_CODES.E416.help,
      );
  }
}

/** The missing base for a guideline's 基于 (undefined when it wrote none). */
export function missingBase(basedOn: string | undefined): MissingBase {
  return basedOn === undefined ? { kind: "unwritten" } : { kind: "not-found", basedOn };
}
