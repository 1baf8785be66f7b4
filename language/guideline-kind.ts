/**
 * Is a text a guideline (申报指南)? A cheap test on its first line, spelled from the keyword table,
 * that both the page and the worker use before parsing anything.
 */
import { KEYWORDS } from "../grammar/index.js";

const GUIDELINE = KEYWORDS.find((k) => k.name === "Guideline")?.spellings ?? [];

/** True when the first line that is not blank or a comment starts with 申报指南. */
export function looksLikeGuideline(source: string): boolean {
  for (const line of source.split("\n", 200)) {
    const t = line.trim();
    if (!t || t.startsWith("#")) continue;
    return GUIDELINE.some((w) => t.startsWith(w));
  }
  return false;
}
