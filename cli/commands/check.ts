/**
 * `zhengce check FILE…`: diagnostics with positions, source lines and help; exit 1 on errors.
 */
import { compileFile } from "../compile-file.js";
import { type Args } from "../args.js";
import { policyFiles, readText } from "../io.js";
import { formatDiagnostics } from "../load.js";

/** Run the check command. */
export async function run(args: Args, out: (s: string) => void): Promise<number> {
  const files = (args.positional.length ? args.positional : ["policies"]).flatMap(policyFiles);
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const source = readText(file);
    const result = await compileFile(file, source, { emit: [] });
    if (result.diagnostics.length) out((await formatDiagnostics(result, source, file)) + "\n");
    errors += result.diagnostics.filter((d) => d.severity === "error").length;
    warnings += result.diagnostics.filter((d) => d.severity === "warning").length;
  }
  out(`检查了 ${files.length} 个文件：${errors} 个错误，${warnings} 个警告`);
  return errors ? 1 : 0;
}
