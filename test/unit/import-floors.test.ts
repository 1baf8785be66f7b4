/**
 * The layout's floors, read from every import (README, 设计): grammar/ and runtime/ at the bottom,
 * then compiler/, then review/, then the hosts cli/, server/ and playground/. An import may only run
 * down; a host imports a lower folder only through its index.ts (or node/index.ts for Node-only
 * parts); nothing the browser loads reaches a `node:` module or a node/ folder.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

const FLOOR: Readonly<Record<string, number>> = {
  grammar: 0,
  runtime: 0,
  compiler: 1,
  review: 2,
  language: 2,
  cli: 3,
  server: 3,
  playground: 3,
  lsp: 3,
};
const HOSTS = new Set(["cli", "server", "playground", "lsp"]);
/**
 * Imports within one floor that are allowed: the CLI's `serve` and `lsp` commands start those
 * hosts; the grammar reads figures and full-width forms with the runtime's readers (never the
 * other way: generated modules load the runtime without the parser).
 */
const SAME_FLOOR = new Set(["cli→server", "cli→lsp", "grammar→runtime"]);

/** One import: the importing file and the specifier, both as written (paths from the repo root). */
export interface Import {
  readonly from: string;
  readonly spec: string;
}

const top = (file: string) => file.split("/")[0] ?? "";
const isNodePart = (file: string) => file.split("/")[1] === "node";
const inBrowser = (file: string) => file.startsWith("playground/src/");

/** Where a relative specifier lands, as a .ts path from the repo root. */
function target(imp: Import): string {
  return posix.normalize(posix.join(posix.dirname(imp.from), imp.spec)).replace(/\.js$/, ".ts");
}

/** Why an import breaks the floors, or undefined when it is fine. */
export function violation(imp: Import): string | undefined {
  const src = top(imp.from);
  if (imp.spec.startsWith("node:")) {
    if (inBrowser(imp.from)) return "浏览器载入的代码引用了 Node 模块";
    if (!HOSTS.has(src) && !isNodePart(imp.from)) return "Node 模块只能在 node/ 文件夹或宿主中引用";
    return undefined;
  }
  if (!imp.spec.startsWith(".")) return undefined;
  const to = target(imp);
  const dst = top(to);
  if (isNodePart(to) && !isNodePart(imp.from) && !HOSTS.has(src))
    return "node/ 部分只能由同一 node/ 文件夹或宿主引用";
  if (isNodePart(to) && inBrowser(imp.from)) return "浏览器载入的代码引用了 node/ 部分";
  if (dst === src || !(dst in FLOOR) || !(src in FLOOR)) return undefined;
  const [a, b] = [FLOOR[src] ?? 0, FLOOR[dst] ?? 0];
  if (b > a) return `向上引用：${src}（第 ${a} 层）引用了 ${dst}（第 ${b} 层）`;
  if (b === a && !SAME_FLOOR.has(`${src}→${dst}`)) return `同层引用：${src} 引用了 ${dst}`;
  if (HOSTS.has(src) && !HOSTS.has(dst)) {
    const entries = [`${dst}/index.ts`, `${dst}/node/index.ts`];
    if (!entries.includes(to)) return `宿主越过 index.ts：${src} 引用了 ${to}`;
  }
  return undefined;
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = posix.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== "node_modules" && e.name !== "dist") out.push(...sources(path));
    } else if (/\.(ts|mts)$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

/** Every import, export-from and dynamic import of a file. */
function importsOf(file: string): Import[] {
  const text = readFileSync(join(root, file), "utf8");
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => ({ from: file, spec: f.fileName }));
}

const files = Object.keys(FLOOR).flatMap(sources);
const imports = files.flatMap(importsOf);

describe("import floors", () => {
  it("reads a real tree: every floor has files and imports", () => {
    for (const dir of Object.keys(FLOOR))
      expect(
        files.some((f) => top(f) === dir),
        dir,
      ).toBe(true);
    expect(imports.length).toBeGreaterThan(300);
  });

  it("no import runs up a floor, across a floor, or past a lower folder's index.ts", () => {
    const bad = imports.flatMap((i) => {
      const why = violation(i);
      return why ? [`${i.from} → ${i.spec}：${why}`] : [];
    });
    expect(bad).toEqual([]);
  });

  it("nothing reachable from the playground imports a Node module or a node/ folder", () => {
    const byFile = new Map<string, Import[]>();
    for (const i of imports) byFile.set(i.from, [...(byFile.get(i.from) ?? []), i]);
    const seen = new Set<string>();
    const todo = files.filter(inBrowser);
    const bad: string[] = [];
    while (todo.length) {
      const f = todo.pop() as string;
      if (seen.has(f)) continue;
      seen.add(f);
      if (isNodePart(f)) bad.push(f);
      for (const i of byFile.get(f) ?? []) {
        if (i.spec.startsWith("node:")) bad.push(`${f} → ${i.spec}`);
        else if (i.spec.startsWith(".")) todo.push(target(i));
      }
    }
    expect(seen.size).toBeGreaterThan(100);
    expect(seen.has("grammar/keywords.ts") && seen.has("review/diff-policies.ts")).toBe(true);
    expect(bad).toEqual([]);
  });

  it("the rule catches each kind of bad import", () => {
    const cases: [string, string][] = [
      ["grammar/parse-expr.ts", "../compiler/compile.js"],
      ["runtime/run.ts", "../review/change.js"],
      ["runtime/validate.ts", "../grammar/keywords.js"],
      ["compiler/compile.ts", "../review/diff-policies.js"],
      ["review/scan.ts", "../cli/io.js"],
      ["server/routes.ts", "../cli/main.js"],
      ["cli/load.ts", "../compiler/compile.js"],
      ["playground/src/main.ts", "../../review/node/index.js"],
      ["playground/src/main.ts", "node:fs"],
      ["compiler/guideline/compose.ts", "node:fs"],
      ["review/budget.ts", "./node/budget-parallel.js"],
    ];
    for (const [from, spec] of cases)
      expect(violation({ from, spec }), `${from} → ${spec}`).toBeDefined();
    const fine: [string, string][] = [
      ["compiler/compile.ts", "../grammar/tokens-to-ast.js"],
      ["cli/load.ts", "../compiler/index.js"],
      ["cli/commands/diff.ts", "../../review/node/index.js"],
      ["cli/commands/serve.ts", "../../server/http-server.js"],
      ["compiler/node/find-policy.ts", "node:fs"],
      ["grammar/text-to-tokens.ts", "../runtime/text-forms.js"],
    ];
    for (const [from, spec] of fine)
      expect(violation({ from, spec }), `${from} → ${spec}`).toBeUndefined();
  });
});
