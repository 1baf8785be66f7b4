/**
 * The VS Code extension's TextMate grammar, generated from the keyword table: the committed files
 * match the generator; vscode-tmgrammar-test passes on test/editors/syntax.tmtest; and on the seed and
 * every good/ policy, each word the compiler's lexer reads as a keyword, string, number or comment
 * gets the matching TextMate scope (declared names are the language server's semantic tokens'
 * job: TextMate cannot know them).
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import oniguruma from "vscode-oniguruma";
import vsctm from "vscode-textmate";
import { textToTokens } from "../../compiler/index.js";
import { KEYWORD_SCOPE, languageConfiguration, textmateGrammar } from "../../editors/textmate.js";
import { KEYWORDS, type KeywordCategory } from "../../grammar/index.js";

const GRAMMAR = "editors/vscode/syntaxes/zhengce.tmLanguage.json";
const require = createRequire(import.meta.url);

async function loadGrammar() {
  const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () => vsctm.parseRawGrammar(readFileSync(GRAMMAR, "utf8"), GRAMMAR),
  });
  const g = await registry.loadGrammar("source.zc");
  if (!g) throw new Error("grammar did not load");
  return g;
}

/** The innermost scope at each UTF-16 offset of a text. */
function scopesByOffset(g: vsctm.IGrammar, text: string): string[][] {
  const out: string[][] = [];
  let stack = vsctm.INITIAL;
  for (const line of text.split("\n")) {
    const r = g.tokenizeLine(line, stack);
    const row: string[][] = [];
    for (const t of r.tokens) for (let i = t.startIndex; i < t.endIndex; i++) row[i] = t.scopes;
    for (let i = 0; i <= line.length; i++) out.push(row[i] ?? ["source.zc"]);
    stack = r.ruleStack;
  }
  return out;
}

const CATEGORY = new Map<string, KeywordCategory>(KEYWORDS.map((k) => [k.name, k.category]));

const policies = [
  "policies/jiading-2021-industrial-internet.zc",
  ...readdirSync("test/cases/good")
    .filter((f) => f.endsWith(".zc"))
    .map((f) => `test/cases/good/${f}`),
];

describe("TextMate grammar", () => {
  it("is what the keyword table generates (npm run build regenerates it)", () => {
    expect(JSON.parse(readFileSync(GRAMMAR, "utf8"))).toEqual(textmateGrammar());
    const config = readFileSync("editors/vscode/language-configuration.json", "utf8");
    expect(JSON.parse(config)).toEqual(languageConfiguration());
  });

  it("passes vscode-tmgrammar-test on the annotated sample", () => {
    const out = execFileSync(
      "node_modules/.bin/vscode-tmgrammar-test",
      ["-g", GRAMMAR, "test/editors/syntax.tmtest"],
      { encoding: "utf8" },
    );
    expect(out).toContain("run successfuly");
  });

  it.each(policies)("agrees with the compiler's lexer on %s", async (file) => {
    const g = await loadGrammar();
    const text = readFileSync(file, "utf8");
    const scopes = scopesByOffset(g, text);
    const lex = textToTokens(text);
    const wrong: string[] = [];
    let checked = 0;
    const check = (at: number, image: string, want: RegExp) => {
      checked++;
      const got = scopes[at] ?? [];
      if (!got.some((s) => want.test(s)))
        wrong.push(`${image}@${at}: 期望 ${want.source}，实为 ${got.join(" ")}`);
    };
    for (const t of lex.tokens) {
      const name = t.tokenType.name;
      const category = CATEGORY.get(name);
      if (category) {
        // A keyword glued to a declared name may be part of it in TextMate's reading: the
        // compiler knows the names, TextMate does not; only a keyword standing alone is checked.
        const before = text[t.startOffset - 1] ?? " ";
        const after = text[(t.endOffset ?? t.startOffset) + 1] ?? " ";
        if (/[\s，。：、（）“”]/.test(before) && /[\s，。：、（）“”0-9]/.test(after))
          check(
            t.startOffset,
            t.image,
            new RegExp(`^${KEYWORD_SCOPE[category].replace(/\./g, "\\.")}$`),
          );
      } else if (name === "Str") check(t.startOffset, t.image, /^(string|variable\.other\.quoted)/);
      else if (name === "Num" || name === "DateTok")
        check(t.startOffset, t.image, /^constant\.numeric/);
    }
    for (const c of lex.comments) check(c.span.start, c.text, /^comment/);
    expect(wrong).toEqual([]);
    // Most of the compiler's tokens were compared, not skipped.
    const candidates = lex.tokens.filter(
      (t) => CATEGORY.has(t.tokenType.name) || /^(Str|Num|DateTok)$/.test(t.tokenType.name),
    ).length;
    expect(checked).toBeGreaterThan(candidates * 0.6);
  });
});
