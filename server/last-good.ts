/**
 * The last version of each policy that compiled, kept on disk so that a restarted service whose
 * file is broken at start-up still serves it (marked stale) instead of answering 503. What is kept
 * is the source text, not generated code: on restart it is compiled again like any policy file.
 *
 * Entries are keyed by the served folder and the policy id, and record both, so one state directory
 * never answers for another folder. The directory is the user's alone (0700, not a symlink, owned
 * by this user); entries are written to a fresh temporary file created exclusively (O_EXCL, random
 * name) and renamed into place, and read without following symlinks.
 */
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  closeSync,
  constants,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
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
  try {
    mkdirSync(stateDir, { recursive: true, mode: 0o700 });
    const st = lstatSync(stateDir);
    if (st.isSymbolicLink()) return `状态目录 ${stateDir} 是符号链接，不使用`;
    if (!st.isDirectory()) return `状态目录 ${stateDir} 不是目录，不使用`;
    const uid = process.getuid?.();
    if (uid !== undefined && st.uid !== uid) return `状态目录 ${stateDir} 属于其他用户，不使用`;
    if ((st.mode & 0o777) !== 0o700) chmodSync(stateDir, 0o700);
    return undefined;
  } catch (e) {
    return `状态目录 ${stateDir} 无法使用：${(e as NodeJS.ErrnoException).code ?? String(e)}`;
  }
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
  const path = entryFor(stateDir, folder, id);
  const tmp = `${path}.${randomBytes(12).toString("hex")}.tmp`;
  try {
    // "wx": O_CREAT | O_EXCL, so a planted file or symlink at the name makes this fail, never followed
    writeFileSync(tmp, JSON.stringify({ folder: resolve(folder), id, input }), {
      mode: 0o600,
      flag: "wx",
    });
    renameSync(tmp, path); // replaces a symlink at `path` rather than writing through it
  } catch {
    rmSync(tmp, { force: true });
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
  let fd: number | undefined;
  try {
    fd = openSync(entryFor(stateDir, folder, id), constants.O_RDONLY | constants.O_NOFOLLOW);
    const data = JSON.parse(readFileSync(fd, "utf8")) as {
      folder?: unknown;
      id?: unknown;
      input?: CompileInput;
    };
    if (data.folder !== resolve(folder) || data.id !== id) return undefined;
    if (typeof data.input?.source !== "string") return undefined;
    return data.input;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
