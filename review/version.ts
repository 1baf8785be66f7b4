/**
 * One version of a policy as the diff needs it: its source, its tree, and its compiled evaluator
 * (the same one the CLI, the service and the playground run), or the diagnostics that prevent it.
 */
import type { Policy } from "../grammar/ast.js";
import { compile, parse } from "../compiler/compile.js";
import type { Checked } from "../compiler/check/check-policy.js";
import type { Diagnostic } from "../grammar/diagnostics.js";
import { loadPolicy } from "../runtime/define.js";
import type { CompiledPolicy } from "../runtime/types.js";

export interface Version {
  readonly source: string;
  /** The parsed tree; present unless the text could not be parsed at all. */
  readonly ast?: Policy;
  /** The compiled evaluator; absent when the policy has errors. */
  readonly policy?: CompiledPolicy;
  /** The factory script `loadPolicy` takes (what worker threads receive). */
  readonly js?: string;
  /** The checked policy behind it (the prover translates it). */
  readonly checked?: Checked;
  readonly diagnostics: readonly Diagnostic[];
}

/** Compile one version; a policy with errors still yields its tree for the change list. */
export function loadVersion(source: string): Version {
  const result = compile(source, { emit: ["js"] });
  if (result.ok && result.js && result.ast)
    return {
      source,
      ast: result.ast,
      policy: loadPolicy(result.js),
      js: result.js,
      ...(result.checked ? { checked: result.checked } : {}),
      diagnostics: result.diagnostics,
    };
  const ast = result.ast ?? parse(source).ast;
  return { source, ast, diagnostics: result.diagnostics };
}
