/**
 * Compile a policy or a guideline file: a guideline (申报指南) is compiled together with the policy
 * its 基于 names, found relative to the guideline's own folder.
 */
import type { CompileOptions, CompileResult } from "../compiler/index.js";
import { LineMap } from "../grammar/index.js";

const WHERE = "按文件路径或同一目录中政策的标题、文号查找；也可在 基于 后写政策的文件名。";

/** Compile a file's source; guidelines are composed with their policy. */
export async function compileFile(
  file: string,
  source: string,
  options: CompileOptions = {},
): Promise<CompileResult & { policyFile?: string; policySource?: string }> {
  const { compile, sourceKind, compileGuideline, missingBase, missingBaseDiagnostic } =
    await import("../compiler/index.js");
  const kind = sourceKind(source);
  if (!kind.guideline) return compile(source, options);
  const { findPolicy } = await import("../compiler/node/index.js");
  const found = kind.basedOn === undefined ? undefined : findPolicy(kind.basedOn, file);
  if (!found) {
    const missing = missingBase(kind.basedOn);
    const help = missing.kind === "unwritten" ? undefined : WHERE;
    const span = new LineMap(source).span(0, 0);
    return { ok: false, diagnostics: [missingBaseDiagnostic(missing, span, help)] };
  }
  return {
    ...compileGuideline(source, found.source, options),
    policyFile: found.file,
    policySource: found.source,
  };
}
