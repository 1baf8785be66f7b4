/**
 * Files only this user may plant or read, for the hosts' caches and state (the CLI's compile
 * cache, the service's last good sources). Node-only: generated modules and the browser never load
 * it.
 *
 * A private directory is the user's alone (0700, a real directory, not a symlink, owned by this
 * user). Files in it are written through a fresh temporary file created exclusively (O_EXCL,
 * random name) and renamed into place, so a planted file or symlink is never written through, and
 * read without following a symlink at their name.
 */
import { randomBytes } from "node:crypto";
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
  writeFileSync,
} from "node:fs";

/**
 * Create `dir` if needed and make it private (0700). Returns why it cannot be used (a symlink, not
 * a directory, another user's, or the error), in Chinese, or undefined when it is ready.
 */
export function preparePrivateDir(dir: string, what: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    if (st.isSymbolicLink()) return `${what} ${dir} 是符号链接，不使用`;
    if (!st.isDirectory()) return `${what} ${dir} 不是目录，不使用`;
    const uid = process.getuid?.();
    if (uid !== undefined && st.uid !== uid) return `${what} ${dir} 属于其他用户，不使用`;
    if ((st.mode & 0o777) !== 0o700) chmodSync(dir, 0o700);
    return undefined;
  } catch (e) {
    return `${what} ${dir} 无法使用：${(e as NodeJS.ErrnoException).code ?? String(e)}`;
  }
}

/** Read a file without following a symlink at its name (throws, as readFileSync does). */
export function readNoFollow(path: string): Buffer {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Write a file (0600) through an exclusive temporary file renamed into place: the rename replaces a
 * symlink at `path` rather than writing through it. Throws when it cannot, leaving no temporary.
 */
export function writeExclusive(path: string, data: string | Buffer): void {
  const tmp = `${path}.${randomBytes(12).toString("hex")}.tmp`;
  try {
    // "wx": O_CREAT | O_EXCL, so a planted file or symlink at the name makes this fail
    writeFileSync(tmp, data, { mode: 0o600, flag: "wx" });
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
