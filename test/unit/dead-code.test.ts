/**
 * Issue 9 §3: dead code goes, and stays gone. An exported function, constant or class of the
 * source floors that nothing uses (not its own file, not another module, not a test) is dead;
 * unused locals and imports are refused by tsc (`noUnusedLocals`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const SOURCE = ["grammar", "runtime", "compiler", "review", "language", "cli", "server", "lsp"];
const READERS = [...SOURCE, "playground/src", "editors", "bench", "scripts", "test", "examples"];

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = posix.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== "node_modules" && e.name !== "dist") out.push(...files(path));
    } else if (/\.(ts|mts|mjs|js)$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

/** Exported names that no file mentions except at their declaration. */
export function unusedExports(texts: ReadonlyMap<string, string>, sources: readonly string[]) {
  const out: string[] = [];
  for (const file of sources) {
    const text = texts.get(file) ?? "";
    for (const m of text.matchAll(/^export (?:async )?(?:function\*?|const|let|class) (\w+)/gm)) {
      const word = new RegExp(`(?<![\\w$])${m[1]}(?![\\w$])`, "g");
      const own = (text.match(word) ?? []).length;
      const used = own > 1 || [...texts].some(([f, t]) => f !== file && word.test(t));
      if (!used) out.push(`${file}: ${m[1]}`);
    }
  }
  return out;
}

describe("dead code", () => {
  it("every exported function, constant and class of the source floors is used", () => {
    const all = READERS.flatMap(files);
    const texts = new Map(all.map((f) => [f, readFileSync(join(root, f), "utf8")]));
    const sources = all.filter(
      (f) => SOURCE.includes(f.split("/")[0] ?? "") || f.startsWith("playground/src/"),
    );
    expect(sources.length).toBeGreaterThan(200);
    expect(unusedExports(texts, sources)).toEqual([]);
  });

  it("the detector finds an export nobody uses", () => {
    const texts = new Map([
      [
        "a.ts",
        "export function used() {}\nexport const dead = 1;\nexport function self() {}\nself();",
      ],
      ["b.ts", 'import { used } from "./a.js";\nused();'],
    ]);
    expect(unusedExports(texts, ["a.ts"])).toEqual(["a.ts: dead"]);
  });

  it("tsc refuses unused locals and imports", () => {
    const config = JSON.parse(readFileSync(join(root, "tsconfig.json"), "utf8")) as {
      compilerOptions: Record<string, unknown>;
    };
    expect(config.compilerOptions["noUnusedLocals"]).toBe(true);
  });
});
