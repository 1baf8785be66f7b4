/**
 * The seed policy, compiled once for a script.
 */
import { readFileSync } from "node:fs";
import { compile } from "../../../compiler/compile.js";
import { loadPolicy } from "../../../runtime/define.js";
import type { CompiledPolicy } from "../../../runtime/types.js";

export const SEED_ID = "jiading-2021-industrial-internet";
export const SEED_PATH = `policies/${SEED_ID}.zc`;

/** Compile a policy source into a loaded module (throws if it does not compile). */
export function loadSource(source: string): CompiledPolicy {
  const r = compile(source, { emit: ["js"] });
  if (!r.ok || !r.js)
    throw new Error(`政策无法编译：${r.diagnostics.map((d) => d.message).join("；")}`);
  return loadPolicy(r.js);
}

/** The seed policy's source and compiled module. */
export function loadSeed(): { source: string; policy: CompiledPolicy } {
  const source = readFileSync(SEED_PATH, "utf8");
  return { source, policy: loadSource(source) };
}
