/**
 * Hostile names and strings cannot break out of the generated code. (Mutated and random policies
 * are fuzzed in test/fuzz/; this file pins the specific escapes.)
 */
import { describe, expect, it } from "vitest";
import { compile, LineMap } from "../../compiler/index.js";
import { loadPolicy } from "../../runtime/index.js";

function checkRanges(src: string, diagnostics: ReturnType<typeof compile>["diagnostics"]): void {
  const map = new LineMap(src);
  for (const d of diagnostics) {
    expect(d.code).not.toBe("E999");
    expect(d.span.end).toBeLessThanOrEqual(src.length);
    expect(map.position(d.span.start)).toEqual({ line: d.span.line, col: d.span.col });
  }
}

describe("hostile names and strings", () => {
  const nasty = [
    '"',
    "'",
    "`",
    "${globalThis.__pwned = 1}",
    "*/",
    "/*",
    "\\",
    "\u2028",
    "\u2029",
    "</script>",
    "\r",
  ];
  it("cannot break out of the generated code", () => {
    for (const bad of nasty) {
      const title = `标题${bad}结束`.replace(/[\r\u2028\u2029]/g, "");
      const src = [
        `政策 ${title}`,
        `  文号 “文号${bad.replace(/[\r\n\u2028\u2029]/g, "")}”`,
        "申报信息",
        `  「投资${bad.replace(/[\r\n\u2028\u2029」]/g, "")}」 金额 “说明${bad.replace(/[\r\n\u2028\u2029]/g, "")}”`,
        `第1条 条款${bad.replace(/[\r\u2028\u2029]/g, "")}`,
        `  原文 “${bad.replace(/[\r\n\u2028\u2029]/g, "")}”`,
        `  资助 比例 30% 基数 「投资${bad.replace(/[\r\n\u2028\u2029」]/g, "")}」`,
        `  权益 “${bad.replace(/[\r\n\u2028\u2029]/g, "")}”`,
      ].join("\n");
      const result = compile(src);
      expect(
        result.ok,
        `${JSON.stringify(bad)}: ${result.diagnostics.map((d) => d.message).join("; ")}`,
      ).toBe(true);
      const policy = loadPolicy(result.js!);
      const field = policy.meta.inputs[0]!.name;
      const ev = policy.evaluate({ [field]: "100万" }, { date: "2024-01-01" });
      expect(ev.ok).toBe(true);
      if (ev.ok) expect(ev.result.clauses[0]!.amount).toBe("300000");
      expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
      // the TypeScript module must parse too: comments cannot be closed early
      expect(result.ts).toContain("// ");
      expect(result.ts!.includes("\u2028")).toBe(false);
    }
  });

  it("line separators inside titles and strings never end a comment or string early", () => {
    const src =
      "政策 甲\u2028乙\n申报信息\n  投资 金额 “说明\u2029”\n第1条 条款\u2028标题\n  原文 “原文\u2028”\n  资助 定额 1万\n";
    const result = compile(src);
    checkRanges(src, result.diagnostics);
    if (result.ok)
      expect(loadPolicy(result.js!).evaluate({ 投资: 1 }, { date: "2024-01-01" }).ok).toBe(true);
  });
});
