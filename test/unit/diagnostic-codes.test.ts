/**
 * The diagnostic-code catalog (grammar/diagnostic-codes.ts) is the one list of codes: every code
 * written anywhere is in it, each entry has a Chinese meaning and help, a code is used with the
 * catalog's severity, and docs/diagnostics.md is generated from it.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, posix } from "node:path";
import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES, isDiagnosticCode } from "../../grammar/diagnostic-codes.js";
import { diagnosticsMarkdown } from "../../grammar/diagnostic-codes-to-doc.js";

const SOURCE_DIRS = ["grammar", "compiler", "runtime", "review", "language", "cli", "server"];
const ALL_DIRS = [...SOURCE_DIRS, "lsp", "playground/src", "test"];

function files(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = posix.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== "node_modules" && e.name !== "dist") out.push(...files(path, ext));
    } else if (ext.test(e.name)) out.push(path);
  }
  return out;
}

const CODE = /["'`[]([EW]\d{3})["'`\]]/g;
const HAN = /\p{Script=Han}/u;

/** Every code written in a source file or a golden, with where it was seen. */
function usedCodes(): Map<string, string> {
  const used = new Map<string, string>();
  for (const dir of ALL_DIRS)
    for (const f of files(dir, /\.(ts|expected)$/)) {
      if (f === "test/unit/diagnostic-codes.test.ts") continue;
      for (const m of readFileSync(f, "utf8").matchAll(CODE)) used.set(m[1]!, f);
    }
  return used;
}

describe("diagnostic-code catalog", () => {
  it("lists every code used in the sources, the hosts, the tests and the goldens", () => {
    const used = usedCodes();
    expect(used.size).toBeGreaterThan(40);
    const unknown = [...used].filter(([c]) => !isDiagnosticCode(c)).map(([c, f]) => `${c} (${f})`);
    expect(unknown).toEqual([]);
  });

  it("has no entry that nothing emits", () => {
    const emitted = new Set<string>();
    for (const dir of [...SOURCE_DIRS, "lsp", "playground/src"])
      for (const f of files(dir, /\.ts$/)) {
        if (f === "grammar/diagnostic-codes.ts") continue;
        for (const m of readFileSync(f, "utf8").matchAll(CODE)) emitted.add(m[1]!);
      }
    expect(Object.keys(DIAGNOSTIC_CODES).filter((c) => !emitted.has(c))).toEqual([]);
  });

  it("gives every code a Chinese meaning, a Chinese help and the severity its letter says", () => {
    for (const [code, spec] of Object.entries(DIAGNOSTIC_CODES)) {
      expect(code).toMatch(/^[EW]\d{3}$/);
      expect(spec.meaning, code).toMatch(HAN);
      expect(spec.help, code).toMatch(HAN);
      expect(spec.severity, code).toBe(code.startsWith("W") ? "warning" : "error");
    }
    const meanings = Object.values(DIAGNOSTIC_CODES).map((s) => s.meaning);
    expect(new Set(meanings).size, "two codes with the same meaning").toBe(meanings.length);
  });

  it("is used with the catalog's severity wherever a diagnostic is built", () => {
    const site =
      /(?:diag\(\s*"(error|warning|info)",\s*"([EW]\d{3})")|(?:cx\.(error|warn)\(\s*"([EW]\d{3})")|(?:severity:\s*"(error|warning|info)",\s*code:\s*"([EW]\d{3})")/g;
    let sites = 0;
    for (const dir of [...SOURCE_DIRS, "lsp", "playground/src"])
      for (const f of files(dir, /\.ts$/))
        for (const m of readFileSync(f, "utf8").matchAll(site)) {
          const severity = m[1] ?? (m[3] === "warn" ? "warning" : m[3]) ?? m[5];
          const code = m[2] ?? m[4] ?? m[6];
          sites++;
          expect(isDiagnosticCode(code!), `${code} in ${f}`).toBe(true);
          if (isDiagnosticCode(code!))
            expect(severity, `${code} in ${f}`).toBe(DIAGNOSTIC_CODES[code].severity);
        }
    expect(sites).toBeGreaterThan(60);
  });

  it("docs/diagnostics.md is generated from the catalog and up to date", () => {
    const path = join("docs", "diagnostics.md");
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(path, diagnosticsMarkdown());
    const doc = readFileSync(path, "utf8");
    expect(doc).toBe(diagnosticsMarkdown());
    for (const code of Object.keys(DIAGNOSTIC_CODES)) expect(doc).toContain(`| ${code} |`);
  });
});
