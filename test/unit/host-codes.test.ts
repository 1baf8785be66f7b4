/**
 * The same problem has the same code and message in every host: a guideline with no 基于 (E412)
 * and one whose 基于 names no policy (E413), through the CLI, the HTTP service, the language
 * service (LSP) and the playground's worker. Before the shared builder the language service said
 * E413 for a guideline without 基于, the CLI threw an uncoded error for a missing base, and the
 * service reported no diagnostic at all.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileFile } from "../../cli/compile-file.js";
import { compileGuideline, parse } from "../../compiler/index.js";
import { analyze } from "../../language/index.js";
import { compileGuidelineSource, type Resolved } from "../../playground/src/worker/guideline.js";
import type { Toolchain } from "../../playground/src/worker/compiler-bridge.js";
import { compileInput } from "../../server/compile-input.js";
import { compileVersion } from "../../server/policy-store.js";

const NO_BASE = "申报指南 测试指南\n  年度 2024\n";
const UNKNOWN = "申报指南 测试指南\n  基于 “不存在的政策.zc”\n  年度 2024\n";

type Seen = readonly { code: string; message: string }[];
const seen = (ds: readonly { code: string; message: string }[]): Seen =>
  ds.map((d) => ({ code: d.code, message: d.message }));

async function viaCli(source: string): Promise<Seen> {
  const dir = mkdtempSync(join(tmpdir(), "zc-codes-"));
  const file = join(dir, "g.zc");
  writeFileSync(file, source);
  return seen((await compileFile(file, source, { emit: [] })).diagnostics);
}

function viaService(source: string): Seen {
  const dir = mkdtempSync(join(tmpdir(), "zc-codes-"));
  const file = join(dir, "g.zc");
  writeFileSync(file, source);
  const r = compileVersion("g", file, compileInput(file, source, dir));
  if (r.ok) throw new Error("served a guideline without its policy");
  return seen(r.problem.diagnostics);
}

const viaLanguage = (source: string): Seen => seen(analyze(source).diagnostics);

function viaPlayground(source: string): Seen {
  const tc = { parse, compileGuideline } as unknown as Toolchain;
  const none: Resolved = { base: undefined, choices: [], explicit: false, key: "" };
  const g = parse(source).ast;
  return seen(compileGuidelineSource(tc, none, source, g).out.diagnostics);
}

describe("a guideline without its policy gets one code in every host", () => {
  for (const [what, source, expected] of [
    ["no 基于", NO_BASE, [{ code: "E412", message: "申报指南没有写所依据的政策" }]],
    [
      "a 基于 that names no policy",
      UNKNOWN,
      [{ code: "E413", message: "找不到所依据的政策“不存在的政策.zc”" }],
    ],
  ] as const)
    it(what, async () => {
      expect(await viaCli(source), "CLI").toEqual(expected);
      expect(viaService(source), "service").toEqual(expected);
      expect(viaLanguage(source), "language service").toEqual(expected);
      expect(viaPlayground(source), "playground").toEqual(expected);
    });
});
