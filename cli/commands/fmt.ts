/**
 * `zhengce fmt [--write|--check] FILE…`: formats policies and guidelines the way the Prettier
 * plugin does. Without a flag it prints the formatted text; --write rewrites files in place;
 * --check lists files that are not formatted and exits 1.
 */
import { writeFileSync } from "node:fs";
import { renderDiagnostic } from "../../grammar/index.js";
import { formatSource } from "../../compiler/index.js";
import { guidelineNames } from "../../compiler/node/index.js";
import { flag, opt, type Args } from "../args.js";
import { CliError, policyFiles, readText } from "../io.js";

/** Run the fmt command. */
export function run(args: Args, out: (s: string) => void): number {
  if (!args.positional.length)
    throw new CliError("用法：zhengce fmt [--write|--check] [--width 100] 文件或目录…");
  const files = args.positional.flatMap(policyFiles);
  const width = opt(args, "width");
  const printWidth = width ? Number(width) : 100;
  if (!Number.isInteger(printWidth) || printWidth < 20)
    throw new CliError(`--width 应为不小于20的整数，收到“${width}”`);
  const write = flag(args, "write");
  const check = flag(args, "check");
  let failed = 0;
  let unformatted = 0;
  let rewritten = 0;
  for (const file of files) {
    const source = readText(file);
    const r = formatSource(source, { printWidth, known: guidelineNames(source, file) });
    if (!r.ok || r.text === undefined) {
      failed++;
      out(r.diagnostics.map((d) => renderDiagnostic(d, source, file)).join("\n\n"));
      continue;
    }
    if (check) {
      if (r.changed) {
        unformatted++;
        out(`${file}：格式不规范`);
      }
    } else if (write) {
      if (r.changed) {
        writeFileSync(file, r.text);
        rewritten++;
        out(`${file}：已格式化`);
      }
    } else out(r.text.replace(/\n$/, ""));
  }
  if (check)
    out(`检查了 ${files.length} 个文件：${unformatted} 个需要格式化，${failed} 个无法格式化`);
  else if (write)
    out(`格式化了 ${rewritten} 个文件（共 ${files.length} 个），${failed} 个无法格式化`);
  return failed || unformatted ? 1 : 0;
}
