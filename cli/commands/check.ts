/**
 * `zhengce check FILE…`: diagnostics with positions, source lines and help; exit 1 on errors.
 * `--prove` also proves each 断言 with the Z3 solver, or refutes it with an application the
 * compiled policy evaluates (E510, an error); `--prove-timeout MS` limits each assertion;
 * `--json` prints the diagnostics and the proofs as JSON.
 */
import { compileFile } from "../compile-file.js";
import { flag, opt, type Args } from "../args.js";
import { CliError, policyFiles, readText } from "../io.js";
import { formatDiagnostics } from "../load.js";
import { loadPolicy } from "../../runtime/index.js";
import type { AssertionReport } from "../../review/node/index.js";

/** Run the check command. */
export async function run(args: Args, out: (s: string) => void): Promise<number> {
  const files = (args.positional.length ? args.positional : ["policies"]).flatMap(policyFiles);
  const prove = flag(args, "prove");
  const json = flag(args, "json");
  const t = opt(args, "prove-timeout");
  if (t !== undefined && !/^\d+$/.test(t))
    throw new CliError(`--prove-timeout 应为非负整数（毫秒）：收到“${t}”`);
  const timeoutMs = t === undefined ? undefined : Number(t);
  let errors = 0;
  let warnings = 0;
  const reports: { file: string; diagnostics: unknown[]; assertions?: AssertionReport }[] = [];
  const solver = prove ? await import("../../review/node/index.js") : undefined;
  try {
    for (const file of files) {
      const source = readText(file);
      const result = await compileFile(file, source, { emit: prove ? ["js"] : [] });
      let assertions: AssertionReport | undefined;
      if (solver && result.ok && result.checked && result.js) {
        assertions = await solver.proveChecked(
          result.checked,
          loadPolicy(result.js),
          timeoutMs ? { timeoutMs } : {},
        );
        result.diagnostics.push(...solver.assertionDiagnostics(assertions));
      }
      if (json)
        reports.push({
          file,
          diagnostics: result.diagnostics,
          ...(assertions ? { assertions } : {}),
        });
      else {
        if (result.diagnostics.length) out((await formatDiagnostics(result, source, file)) + "\n");
        if (assertions?.results.length)
          out([`${file}：`, ...solver!.assertionText(assertions), ""].join("\n"));
      }
      errors += result.diagnostics.filter((d) => d.severity === "error").length;
      warnings += result.diagnostics.filter((d) => d.severity === "warning").length;
    }
  } finally {
    if (solver) await solver.closeSolver();
  }
  if (json) out(JSON.stringify({ files: reports, errors, warnings }, null, 2));
  else out(`检查了 ${files.length} 个文件：${errors} 个错误，${warnings} 个警告`);
  return errors ? 1 : 0;
}
