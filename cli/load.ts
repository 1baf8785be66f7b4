/**
 * Compile a policy file for a command. `eval` goes through a per-user cache of compiled scripts
 * keyed by the source and the compiler build, so a warm start never loads the compiler at all.
 *
 * A cached script is run only if it carries a valid HMAC under a per-user key kept in the cache
 * directory (0700, owned by this user, never a symlink): code planted at a cache path is ignored
 * and compiled afresh. Entries are written through exclusive, randomly named temporary files.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { statSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CompileResult } from "../compiler/index.js";
import { loadPolicy } from "../runtime/index.js";
import type { CompiledPolicy } from "../runtime/index.js";
import { preparePrivateDir, readNoFollow, writeExclusive } from "../runtime/node/index.js";
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

/** The cache directory made private, or undefined when it cannot be trusted. */
function privateCacheDir(): string | undefined {
  const dir = cacheDir();
  return preparePrivateDir(dir, "缓存目录") === undefined ? dir : undefined;
}

/** This user's cache key, created on first use. */
function cacheKey(dir: string): Buffer {
  const path = join(dir, "key");
  try {
    const key = readNoFollow(path);
    if (key.length === 32) return key;
  } catch {
    // none yet
  }
  writeExclusive(path, randomBytes(32));
  return readNoFollow(path);
}

const MAC_BYTES = 32;
const mac = (key: Buffer, js: string) => createHmac("sha256", key).update(js, "utf8").digest();

/** A compiled policy, from the cache when this source was compiled by this build before. */
export async function loadPolicyCached(file: string): Promise<CompiledPolicy> {
  const source = readText(file);
  // A guideline depends on its policy's text too: compile it each time.
  if (/^\s*申报指南/m.test(source)) return (await loadFile(file)).policy;
  const dir = privateCacheDir();
  if (!dir) return (await loadFile(file)).policy;
  const name = createHash("sha256").update(buildId()).update("\0").update(source).digest("hex");
  const path = join(dir, `${name}.js`);
  let key: Buffer | undefined;
  try {
    key = cacheKey(dir);
    const entry = readNoFollow(path);
    const js = entry.subarray(MAC_BYTES).toString("utf8");
    if (entry.length > MAC_BYTES && timingSafeEqual(entry.subarray(0, MAC_BYTES), mac(key, js)))
      return loadPolicy(js);
  } catch {
    // not cached yet, unreadable, or no key: compile and store
  }
  const { policy, result } = await loadFile(file);
  try {
    if (key) writeExclusive(path, Buffer.concat([mac(key, result.js!), Buffer.from(result.js!)]));
  } catch {
    // a read-only home is fine: the cache is only an optimisation
  }
  return policy;
}
