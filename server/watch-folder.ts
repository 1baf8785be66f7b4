/**
 * Watching a folder of policy files: `fs.watch` for prompt notice, and a periodic stat of every
 * file as a fallback (network drives, editors that swap files, platforms where watch misses events).
 */
import { lstatSync, readdirSync, realpathSync, statSync, watch, type FSWatcher } from "node:fs";
import { join, relative, isAbsolute } from "node:path";

export interface FolderWatch {
  /** Stop watching and polling. */
  close(): void;
}

/** A file's identity and content signature: a change in any part means "look again". */
export function signature(path: string): string | undefined {
  try {
    const st = statSync(path);
    return st.isFile() ? `${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why a file of the served folder must not be read, or undefined when it may: a symlink whose
 * target lies outside the folder (its text would otherwise be served as a policy).
 */
export function outsideFolder(dir: string, file: string): string | undefined {
  try {
    if (!lstatSync(file).isSymbolicLink()) return undefined;
    if (isInside(realpathSync(dir), realpathSync(file))) return undefined;
  } catch {
    // a dangling link
  }
  return "该文件是指向服务目录之外的符号链接，不予读取";
}

/** Whether `path` lies within `dir` (both real paths). */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
}

/** Names of the policy files in a folder (not recursive), sorted. */
export function policyNames(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => n.endsWith(".zc"))
      .sort();
  } catch {
    return [];
  }
}

/**
 * Call `onChange(name)` when a `.zc` file in `dir` may have been created, changed or removed.
 * Spurious calls are fine: the caller compares content before acting.
 */
export function watchFolder(
  dir: string,
  onChange: (name: string) => void,
  options: { pollMs: number; useWatch: boolean },
): FolderWatch {
  const seen = new Map<string, string>();
  for (const name of policyNames(dir)) seen.set(name, signature(join(dir, name)) ?? "");
  let watcher: FSWatcher | undefined;
  if (options.useWatch) {
    try {
      watcher = watch(dir, { persistent: false }, (_event, name) => {
        if (name && String(name).endsWith(".zc")) onChange(String(name));
        else poll(); // no file name: look at everything
      });
      watcher.on("error", () => {
        watcher?.close();
        watcher = undefined; // polling carries on
      });
    } catch {
      watcher = undefined;
    }
  }
  const poll = () => {
    const names = new Set(policyNames(dir));
    for (const name of names) {
      const sig = signature(join(dir, name)) ?? "";
      if (seen.get(name) !== sig) {
        seen.set(name, sig);
        onChange(name);
      }
    }
    for (const name of [...seen.keys()])
      if (!names.has(name)) {
        seen.delete(name);
        onChange(name);
      }
  };
  const timer = setInterval(poll, options.pollMs);
  timer.unref();
  return {
    close() {
      clearInterval(timer);
      watcher?.close();
    },
  };
}
