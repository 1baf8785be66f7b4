/**
 * The last version of each policy that compiled, kept on disk so that a restarted service whose
 * file is broken at start-up still serves it (marked stale) instead of answering 503. What is kept
 * is the source text, not generated code: on restart it is compiled again like any policy file.
 *
 * Entries are keyed by the served folder and the policy id, and record both, so one state directory
 * never answers for another folder. The directory is private and its entries are written and read
 * as runtime/node's private files (exclusive temporary file renamed into place, no symlink
 * followed).
 */
import { createHash } from "node:crypto";
import { unlinkSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { preparePrivateDir, readNoFollow, writeExclusive } from "../runtime/node/index.js";
import type { CompileInput } from "./compile-input.js";

/** Where a served folder's last good sources live: one folder per served folder, per user. */
export function defaultStateDir(dir: string): string {
  const base = process.env.XDG_STATE_HOME ?? join(homedir(), ".local", "state");
  const key = createHash("sha256").update(resolve(dir)).digest("hex").slice(0, 16);
  return join(base, "zhengce", "serve", key);
}

/**
 * Create the state directory if needed and make it private (0700). Returns why it cannot be used
 * (a symlink, not a directory, another user's), or undefined when it is ready.
 */
export function prepareStateDir(stateDir: string): string | undefined {
  return preparePrivateDir(stateDir, "状态目录");
}

const entryFor = (stateDir: string, folder: string, id: string) =>
  join(
    stateDir,
    `${createHash("sha256").update(resolve(folder)).update("\u0000").update(id).digest("hex").slice(0, 32)}.json`,
  );

/** Remember what a version compiled from; a failure to write only loses this safety net. */
export function saveLastGood(
  stateDir: string,
  folder: string,
  id: string,
  input: CompileInput,
): void {
  try {
    writeExclusive(
      entryFor(stateDir, folder, id),
      JSON.stringify({ folder: resolve(folder), id, input }),
    );
  } catch {
    // read-only or full disk: the service still runs, without restart memory
  }
}

/** Forget a policy whose file was deleted, so a later file with its name starts afresh. */
export function forgetLastGood(stateDir: string, folder: string, id: string): void {
  try {
    unlinkSync(entryFor(stateDir, folder, id));
  } catch {
    // nothing remembered
  }
}

/** What the last good version of `id` in `folder` compiled from, if remembered. */
export function loadLastGood(
  stateDir: string,
  folder: string,
  id: string,
): CompileInput | undefined {
  try {
    const text = readNoFollow(entryFor(stateDir, folder, id)).toString("utf8");
    const data = JSON.parse(text) as {
      folder?: unknown;
      id?: unknown;
      input?: CompileInput;
    };
    if (data.folder !== resolve(folder) || data.id !== id) return undefined;
    if (typeof data.input?.source !== "string") return undefined;
    return data.input;
  } catch {
    return undefined;
  }
}
