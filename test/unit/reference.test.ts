import { readFileSync, writeFileSync } from "node:fs";
import { expect, it } from "vitest";
import { referenceMarkdown } from "../../grammar/keywords-to-reference.js";
import { KEYWORDS } from "../../grammar/keywords.js";

it("docs/language-reference.md is generated from the keyword table and up to date", () => {
  const path = "docs/language-reference.md";
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(path, referenceMarkdown());
  expect(readFileSync(path, "utf8")).toBe(referenceMarkdown());
});

it("every keyword spelling is unique and documented", () => {
  const seen = new Map<string, string>();
  for (const k of KEYWORDS) {
    expect(k.doc.length, k.name).toBeGreaterThan(0);
    expect(k.example.length, k.name).toBeGreaterThan(0);
    for (const s of k.spellings) {
      expect(seen.get(s), `${s} is spelled by ${seen.get(s)} and ${k.name}`).toBeUndefined();
      seen.set(s, k.name);
    }
  }
});
