/**
 * Compile a policy file for a command. `eval` goes through a per-user cache of compiled scripts
 * keyed by the source and the compiler build, so a warm start never loads the compiler at all.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CompileResult } from "../compiler/index.js";
import { loadPolicy } from "../runtime/index.js";
import type { CompiledPolicy } from "../runtime/index.js";
import { CliError, readText } from "./io.js";

/** Diagnostics as text, errors and warnings, each with its source line and caret. */
export async function formatDiagnostics(
  result: CompileResult,
  source: string,
  file: string,
): Promise<string> {
  const { renderDiagnostic } = await import("../grammar/index.js");
  return result.diagnostics.map((d) => renderDiagnostic(d, source, file)).join("\n\n");
}

/** Compile a file; on errors, fail with every diagnostic rendered. */
export async function loadFile(
  file: string,
): Promise<{ source: string; result: CompileResult; policy: CompiledPolicy }> {
  const source = readText(file);
  const { compileFile } = await import("./compile-file.js");
  const result = await compileFile(file, source);
  if (!result.ok || !result.js) {
    const errors = result.diagnostics.filter((d) => d.severity === "error").length;
    throw new CliError(
      `${await formatDiagnostics(result, source, file)}\n\n${file}：${errors} 个错误，无法继续`,
      1,
    );
  }
  return { source, result, policy: loadPolicy(result.js) };
}

function cacheDir(): string {
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "zhengce");
}

/** The compiler build's identity: this file's time, which changes with every build. */
function buildId(): string {
  try {
    return String(statSync(fileURLToPath(import.meta.url)).mtimeMs);
  } catch {
    return "dev";
  }
}

/** A compiled policy, from the cache when this source was compiled by this build before. */
export async function loadPolicyCached(file: string): Promise<CompiledPolicy> {
  const source = readText(file);
  // A guideline depends on its policy's text too: compile it each time.
  if (/^\s*申报指南/m.test(source)) return (await loadFile(file)).policy;
  const key = createHash("sha256").update(buildId()).update("\0").update(source).digest("hex");
  const path = join(cacheDir(), `${key}.js`);
  try {
    return loadPolicy(readFileSync(path, "utf8"));
  } catch {
    // not cached yet (or unreadable): compile and store
  }
  const { policy, result } = await loadFile(file);
  try {
    mkdirSync(cacheDir(), { recursive: true, mode: 0o700 });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, result.js!, { mode: 0o600 });
    renameSync(tmp, path);
  } catch {
    // a read-only home is fine: the cache is only an optimisation
  }
  return policy;
}
