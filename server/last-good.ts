/**
 * The last version of each policy that compiled, kept on disk so that a restarted service whose
 * file is broken at start-up still serves it (marked stale) instead of answering 503. What is kept
 * is the source text, not generated code: on restart it is compiled again like any policy file.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import type { CompileInput } from "./compile-input.js";

/** Where a served folder's last good sources live: one folder per served folder, per user. */
export function defaultStateDir(dir: string): string {
  const base = process.env.XDG_STATE_HOME ?? join(homedir(), ".local", "state");
  const key = createHash("sha256").update(resolve(dir)).digest("hex").slice(0, 16);
  return join(base, "zhengce", "serve", key);
}

const fileFor = (stateDir: string, id: string) =>
  join(stateDir, `${createHash("sha256").update(id).digest("hex").slice(0, 32)}.json`);

/** Remember what a version compiled from; a failure to write only loses this safety net. */
export function saveLastGood(stateDir: string, id: string, input: CompileInput): void {
  try {
    mkdirSync(stateDir, { recursive: true, mode: 0o700 });
    const path = fileFor(stateDir, id);
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ id, input }), { mode: 0o600 });
    renameSync(tmp, path);
  } catch {
    // read-only or full disk: the service still runs, without restart memory
  }
}

/** What the last good version of `id` compiled from, if remembered. */
export function loadLastGood(stateDir: string, id: string): CompileInput | undefined {
  try {
    const data = JSON.parse(readFileSync(fileFor(stateDir, id), "utf8")) as {
      id?: unknown;
      input?: CompileInput;
    };
    if (data.id !== id || typeof data.input?.source !== "string") return undefined;
    return data.input;
  } catch {
    return undefined;
  }
}
