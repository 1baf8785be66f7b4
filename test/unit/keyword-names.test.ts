/**
 * Keyword names are a type drawn from the keyword table: a misspelt name is a compile error
 * (checked by `npm run lint`, which type-checks the tests: an unused @ts-expect-error fails it),
 * and every table from a tree's closed word set to keywords names real keywords.
 */
import { describe, expect, it } from "vitest";
import { canonical, KEYWORDS, type KeywordName } from "../../grammar/keywords.js";
import { KW } from "../../grammar/tokens.js";
import {
  CALL_KEYWORD,
  COMPARE_KEYWORD,
  KEYWORD_COMPARE,
  STEP_KEYWORD,
} from "../../grammar/words.js";

describe("keyword names", () => {
  it("a misspelt keyword does not compile", () => {
    // @ts-expect-error "Cpa" is not a keyword
    expect(() => canonical("Cpa")).toThrow();
    // @ts-expect-error KW has no token for a misspelt name
    expect(KW.TakeHiger).toBeUndefined();
    const ok: KeywordName = "TakeHigher";
    expect(canonical(ok)).toBe("就高");
  });

  it("every keyword has a token, and every word table names existing keywords", () => {
    for (const k of KEYWORDS) expect(KW[k.name].name).toBe(k.name);
    const names = new Set(KEYWORDS.map((k) => k.name));
    for (const table of [CALL_KEYWORD, COMPARE_KEYWORD, STEP_KEYWORD])
      for (const name of Object.values(table)) expect(names.has(name), name).toBe(true);
    expect(KEYWORD_COMPARE.size).toBe(Object.keys(COMPARE_KEYWORD).length);
  });
});
