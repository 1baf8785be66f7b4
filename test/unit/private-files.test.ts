/**
 * runtime/node/private-files.ts, shared by the CLI's compile cache and the service's state
 * directory (issue 9: one place for what both did): a private directory is refused when it is a
 * symlink, not a directory, or cannot be made; it is made 0700; writes never go through a planted
 * symlink; reads do not follow one.
 */
import {
  chmodSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { preparePrivateDir, readNoFollow, writeExclusive } from "../../runtime/node/index.js";

const temp = () => mkdtempSync(join(tmpdir(), "zc-private-"));

describe("private files", () => {
  it("a directory is created or made 0700; a symlink or a file is refused, saying which", () => {
    const root = temp();
    const fresh = join(root, "a", "b");
    expect(preparePrivateDir(fresh, "缓存目录")).toBeUndefined();
    expect(statSync(fresh).mode & 0o777).toBe(0o700);
    const open = join(root, "open");
    expect(preparePrivateDir(open, "状态目录")).toBeUndefined();
    chmodSync(open, 0o755);
    expect(preparePrivateDir(open, "状态目录")).toBeUndefined();
    expect(statSync(open).mode & 0o777).toBe(0o700);
    const link = join(root, "link");
    symlinkSync(fresh, link);
    expect(preparePrivateDir(link, "状态目录")).toBe(`状态目录 ${link} 是符号链接，不使用`);
    const file = join(root, "file");
    writeFileSync(file, "");
    expect(preparePrivateDir(file, "缓存目录")).toMatch(/^缓存目录 .*file 无法使用：EEXIST$/);
    expect(preparePrivateDir(join(file, "x"), "缓存目录")).toMatch(/无法使用：ENOTDIR$/);
  });

  it("writeExclusive replaces a planted symlink instead of writing through it; no temporary is left", () => {
    const dir = temp();
    const victim = join(dir, "victim");
    writeFileSync(victim, "keep");
    const path = join(dir, "entry.json");
    symlinkSync(victim, path);
    writeExclusive(path, "new");
    expect(readFileSync(victim, "utf8")).toBe("keep");
    expect(lstatSync(path).isSymbolicLink()).toBe(false);
    expect(readFileSync(path, "utf8")).toBe("new");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(["entry.json", "victim"]);
    expect(() => writeExclusive(join(dir, "missing", "x"), "y")).toThrow();
    expect(readdirSync(dir).sort()).toEqual(["entry.json", "victim"]);
  });

  it("readNoFollow reads a file but refuses a symlink at its name", () => {
    const dir = temp();
    const real = join(dir, "real");
    writeFileSync(real, "内容");
    expect(readNoFollow(real).toString("utf8")).toBe("内容");
    const link = join(dir, "link");
    symlinkSync(real, link);
    expect(() => readNoFollow(link)).toThrow(/ELOOP/);
  });
});
