/**
 * Reading a policy version named on the command line: a file, or `FILE@REV` for the file as it was
 * at a git revision (`git show REV:./FILE`, run without a shell).
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { basename, dirname } from "node:path";
import { promisify } from "node:util";
import { CliError, readText } from "./io.js";

const run = promisify(execFile);

/** The text of a file or of `FILE@REV`, and a name for it in messages. */
export async function readVersion(spec: string): Promise<{ name: string; source: string }> {
  if (existsSync(spec)) return { name: spec, source: readText(spec) };
  const m = /^(.+)@([^@/\\]+)$/.exec(spec);
  if (!m) return { name: spec, source: readText(spec) };
  const [, file, rev] = m as unknown as [string, string, string];
  if (rev.startsWith("-")) throw new CliError(`版本名不能以“-”开头：${rev}`);
  // One revision only: a range (A..B, A...B) or a path (REV:FILE) is not a version of the file.
  if (rev.includes("..") || rev.includes(":"))
    throw new CliError(`版本名应为一个版本（如 HEAD~1、标签或提交号），不能是范围或路径：${rev}`);
  try {
    const { stdout } = await run(
      "git",
      ["-C", dirname(file), "show", `${rev}:./${basename(file)}`],
      {
        maxBuffer: 64 * 1024 * 1024,
        encoding: "utf8",
      },
    );
    return { name: spec, source: stdout };
  } catch (e) {
    const detail =
      (e as { stderr?: string }).stderr?.trim() || (e instanceof Error ? e.message : String(e));
    throw new CliError(`无法读取 ${file} 在版本 ${rev} 中的内容：${detail}`);
  }
}
