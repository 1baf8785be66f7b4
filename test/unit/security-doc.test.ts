/**
 * SECURITY.md cites the tests and files behind each guarantee (issue 12: it cited
 * test/unit/fuzz.test.ts, which did not exist). Every path it names must exist, and every guarantee
 * section must cite at least one test.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const doc = readFileSync("SECURITY.md", "utf8");
/** Paths written in backticks: a folder, a slash and a file name with an extension. */
const cited = [
  ...new Set(
    [...doc.matchAll(/`([\w.-]+(?:\/[\w.-]+)+\.(?:ts|mts|mjs|js|zc|md|json))`/g)].map((m) => m[1]!),
  ),
];

describe("SECURITY.md", () => {
  it("cites test files, and every cited path exists", () => {
    expect(cited.filter((p) => p.startsWith("test/")).length).toBeGreaterThan(10);
    expect(cited.filter((p) => !existsSync(p))).toEqual([]);
  });

  it("every guarantee section cites a test", () => {
    const sections = doc.split(/^### /m).slice(1);
    expect(sections.length).toBeGreaterThan(5);
    for (const s of sections) {
      const title = s.split("\n")[0];
      expect(/`(test|scripts)\/[^`]+`/.test(s), title).toBe(true);
    }
  });
});
