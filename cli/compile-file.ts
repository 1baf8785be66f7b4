/**
 * Compile a policy or a guideline file: a guideline (申报指南) is compiled together with the policy
 * its 基于 names, found relative to the guideline's own folder.
 */
import type { CompileOptions, CompileResult } from "../compiler/index.js";
import { diag, LineMap } from "../grammar/index.js";
import { CliError } from "./io.js";

/** Compile a file's source; guidelines are composed with their policy. */
export async function compileFile(
  file: string,
  source: string,
  options: CompileOptions = {},
): Promise<CompileResult & { policyFile?: string; policySource?: string }> {
  const { compile } = await import("../compiler/index.js");
  const { sourceKind, compileGuideline } = await import("../compiler/index.js");
  const kind = sourceKind(source);
  if (!kind.guideline) return compile(source, options);
  const { findPolicy } = await import("../compiler/node/index.js");
  if (kind.basedOn === undefined)
    return {
      ok: false,
      diagnostics: [
        diag(
          "error",
          "E412",
          "申报指南没有写所依据的政策",
          new LineMap(source).span(0, 0),
          "在标题下写一行：基于 “政策文件.zc” 或 基于 “政策标题”。",
        ),
      ],
    };
  const found = findPolicy(kind.basedOn, file);
  if (!found)
    throw new CliError(
      `${file}：找不到所依据的政策“${kind.basedOn}”（按文件路径或同一目录中政策的标题、文号查找）`,
      1,
    );
  return {
    ...compileGuideline(source, found.source, options),
    policyFile: found.file,
    policySource: found.source,
  };
}
