/**
 * Doc-tests (issue 11 §6): every ```zc example in docs/language-reference.md and README.md is
 * compiled; a whole policy (政策 …) must compile without errors and its cases must all pass; a
 * guideline (申报指南 …) is composed with the policy its 基于 names among the earlier examples; a
 * fragment must be an excerpt of a policy under policies/ or of an earlier example. A ```json block
 * after an example is evaluated against it (an application, or an envelope with options) and must
 * be valid; `total=N` states the expected total. An untagged block that is a whole policy counts
 * as ```zc. Every keyword of the keyword table must appear in the reference's examples.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  compile,
  compileGuideline,
  runCases,
  textToTokens,
  type CompileResult,
} from "../../compiler/index.js";
import { KEYWORDS } from "../../grammar/keywords.js";
import { SCOPE_EXAMPLE } from "../../grammar/reference-limits.js";
import { loadPolicy, type EvaluateOptions } from "../../runtime/index.js";

interface Block {
  readonly lang: string;
  readonly info: string;
  readonly text: string;
  readonly line: number;
}

/** Fenced code blocks of a Markdown file, with their 1-based opening line. */
export function fencedBlocks(markdown: string): Block[] {
  const out: Block[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    out.push({
      lang: open[1]!,
      info: open[2]!.trim(),
      text: body.join("\n") + "\n",
      line: start + 1,
    });
  }
  return out;
}

const firstWord = (src: string) =>
  src
    .split("\n")
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith("#"))
    ?.split(/\s/)[0] ?? "";
const titleOf = (src: string) => /^(?:政策|申报指南)[ \t]+(.+)$/m.exec(src)?.[1]?.trim() ?? "";
const norm = (s: string) =>
  s
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
/** A fragment's line stands for a source line: the same, or with the trailing “说明” left out. */
const sameLine = (f: string, w: string) => w === f || (w.startsWith(f + " “") && w.endsWith("”"));
/**
 * Whether the lines of `fragment` appear in `whole` in the same order (an abridged excerpt: lines
 * may be skipped between them, and a declaration's trailing description may be left out).
 */
function excerptOf(fragment: string, whole: string): boolean {
  const w = norm(whole);
  let at = 0;
  for (const line of norm(fragment)) {
    while (at < w.length && !sameLine(line, w[at]!)) at++;
    if (at++ >= w.length) return false;
  }
  return true;
}

const POLICIES = readdirSync("policies")
  .filter((f) => f.endsWith(".zc"))
  .map((f) => readFileSync(`policies/${f}`, "utf8"));

interface Compiled {
  readonly title: string;
  readonly source: string;
  readonly result: CompileResult;
}

/**
 * Check every block of a file; returns the compiled examples (for the keyword coverage). With
 * `fragments`, a ```zc block may be an excerpt of a tested policy instead of a whole one.
 */
function checkFile(path: string, fragments = false): Compiled[] {
  const blocks = fencedBlocks(readFileSync(path, "utf8"));
  const compiled: Compiled[] = [];
  let last: Compiled | undefined;
  for (const b of blocks) {
    const where = `${path}:${b.line}`;
    const kind = firstWord(b.text);
    const whole = kind === "政策" || kind === "申报指南";
    if (b.lang === "zc" || (b.lang === "" && whole)) {
      const sources = [...POLICIES, ...compiled.map((c) => c.source)];
      if (fragments && sources.some((s) => excerptOf(b.text, s))) continue;
      if (whole) {
        let result: CompileResult;
        if (kind === "政策") result = compile(b.text);
        else {
          const basedOn = /基于[ \t]+“([^”]+)”/.exec(b.text)?.[1];
          const base = compiled.find((c) => c.title === basedOn);
          expect(
            base,
            `${where}: 申报指南基于“${basedOn}”，应为本文件中前面的一个政策示例`,
          ).toBeDefined();
          result = compileGuideline(b.text, base!.source);
        }
        const errors = result.diagnostics.filter((d) => d.severity === "error");
        expect(
          errors.map((d) => `${d.span.line}:${d.code} ${d.message}`),
          where,
        ).toEqual([]);
        const outcomes = runCases(result.ast!, loadPolicy(result.js!));
        expect(outcomes.length, `${where}: 示例应带至少一个案例`).toBeGreaterThan(0);
        const failed = outcomes.filter((o) => !o.passed).map((o) => [o.title, o.failures]);
        expect(failed, where).toEqual([]);
        last = { title: titleOf(b.text), source: b.text, result };
        compiled.push(last);
      } else {
        expect.fail(
          fragments
            ? `${where}: 片段应摘自 policies/ 中的政策或前面的完整示例`
            : `${where}: 示例应是完整的政策（政策 …）或申报指南（申报指南 …），并带案例`,
        );
      }
    } else if (b.lang === "json" && last && /total=/.test(b.info)) {
      const data = JSON.parse(b.text) as Record<string, unknown>;
      const envelope = "application" in data;
      const { application, ...options } = envelope ? data : { application: data };
      const ev = loadPolicy(last.result.js!).evaluate(application, options as EvaluateOptions);
      expect(ev.ok, `${where}: ${JSON.stringify(!ev.ok && ev.errors)}`).toBe(true);
      const total = /total=(\S+)/.exec(b.info)![1];
      expect(ev.ok && ev.result.total, where).toBe(total);
    }
  }
  return compiled;
}

describe("doc-tests", () => {
  let reference: Compiled[] = [];
  it("docs/language-reference.md: every example compiles and its cases pass", () => {
    reference = checkFile("docs/language-reference.md");
    expect(reference.length).toBeGreaterThanOrEqual(14);
    expect(reference.map((c) => c.source)).toContain(SCOPE_EXAMPLE);
  });

  it("README.md: every example compiles or is an excerpt of a tested policy", () => {
    const blocks = fencedBlocks(readFileSync("README.md", "utf8")).filter((b) => b.lang === "zc");
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    checkFile("README.md", true);
  });

  it("every keyword of the keyword table has an example in the reference", () => {
    if (!reference.length) reference = checkFile("docs/language-reference.md");
    const used = new Set<string>();
    for (const c of reference)
      for (const t of textToTokens(c.source).tokens) used.add(t.tokenType.name);
    const missing = KEYWORDS.filter((k) => !used.has(k.name)).map(
      (k) => `${k.spellings[0]}（${k.name}）`,
    );
    expect(
      missing,
      "这些关键词在 docs/language-reference.md 的 ```zc 示例中没有出现：请在相应一节的示例中使用它，" +
        "并加一个案例固定它的效果（示例由 test/unit/reference-examples.test.ts 编译并运行）",
    ).toEqual([]);
  });
});
