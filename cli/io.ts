/**
 * File and stream helpers for the CLI: Chinese errors instead of stack traces.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { jsonErrorText, parseJsonText } from "../runtime/index.js";

/** The error a command reports and exits with. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Read a text file or fail with a Chinese message. */
export function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(
      code === "ENOENT" ? `找不到文件：${path}` : `无法读取文件 ${path}：${code ?? String(e)}`,
    );
  }
}

/** Read standard input to the end. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Parse JSON or fail with a Chinese message naming the source, the line and the column. */
export function parseJson(text: string, source: string): unknown {
  const r = parseJsonText(text);
  if (r.ok) return r.value;
  throw new CliError(`${source} 不是有效的 JSON：${jsonErrorText(r.error)}`);
}

/** Policy files under a path: the file itself, or every .zc file below a folder (sorted). */
export function policyFiles(path: string): string[] {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new CliError(`找不到文件或目录：${path}`);
  }
  if (!st.isDirectory()) return [path];
  const out: string[] = [];
  for (const name of readdirSync(path).sort()) {
    const full = join(path, name);
    if (statSync(full).isDirectory()) out.push(...policyFiles(full));
    else if (name.endsWith(".zc")) out.push(full);
  }
  return out;
}
