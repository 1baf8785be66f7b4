/**
 * `zhengce compile FILE --out DIR`: writes the TypeScript module and an ES module a plain Node
 * program can import (both import the runtime from the zhengce package).
 */
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { compile } from "../../compiler/index.js";
import { opt, type Args } from "../args.js";
import { CliError, readText } from "../io.js";
import { formatDiagnostics } from "../load.js";

/** Make sure `--out` is a directory (created if absent), or fail with a Chinese message. */
function outDir(dir: string): void {
  let isDir: boolean | undefined;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = undefined;
  }
  if (isDir === false) throw new CliError(`--out 应为输出目录，但“${dir}”是一个文件`);
  if (isDir) return;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new CliError(
      `无法创建输出目录 ${dir}：${(e as NodeJS.ErrnoException).code ?? String(e)}`,
    );
  }
}

/** Run the compile command. */
export async function run(args: Args, out: (s: string) => void): Promise<number> {
  const file = args.positional[0];
  const dir = opt(args, "out");
  if (!file || !dir) throw new CliError("用法：zhengce compile 政策文件.zc --out 输出目录");
  const source = readText(file);
  const runtime = opt(args, "runtime");
  const result = compile(source, {
    emit: ["ts", "esm"],
    ...(runtime ? { runtimeImport: runtime } : {}),
  });
  if (!result.ok || !result.ts || !result.esm) {
    out(await formatDiagnostics(result, source, file));
    return 1;
  }
  const name = basename(file).replace(/\.zc$/, "");
  outDir(dir);
  // The generator's output is already laid out line by line; Prettier makes it read like hand code.
  const prettier = await import("prettier");
  writeFileSync(
    join(dir, `${name}.ts`),
    await prettier.format(result.ts, { parser: "typescript", printWidth: 100 }),
  );
  writeFileSync(
    join(dir, `${name}.mjs`),
    await prettier.format(result.esm, { parser: "babel", printWidth: 100 }),
  );
  out(`已生成 ${join(dir, `${name}.ts`)} 与 ${join(dir, `${name}.mjs`)}`);
  return 0;
}
