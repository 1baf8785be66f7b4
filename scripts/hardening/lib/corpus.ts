/**
 * The policy texts fuzzing starts from: the seed and the golden test policies.
 */
import { readdirSync, readFileSync } from "node:fs";

/** Every valid policy in the repository (run from the repository root). */
export function policyCorpus(): string[] {
  const files = [
    ...readdirSync("policies")
      .filter((f) => f.endsWith(".zc"))
      .map((f) => `policies/${f}`),
    ...readdirSync("test/cases/good")
      .filter((f) => f.endsWith(".zc"))
      .map((f) => `test/cases/good/${f}`),
  ];
  // Sorted, so that a case number names the same text on every machine (for the same corpus).
  return files.sort().map((f) => readFileSync(f, "utf8"));
}
