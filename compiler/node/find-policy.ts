/**
 * Finding the policy a guideline builds on (Node only): `基于 “file.zc”` is a path relative to the
 * guideline's folder; `基于 “政策标题”` names a policy in that folder by its title.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse } from "../compile.js";
import { policyNames, sourceKind } from "../guideline/compile-guideline.js";

/** The policy file and text a guideline's 基于 refers to, or undefined when there is none. */
export function findPolicy(
  basedOn: string,
  guidelineFile: string,
): { file: string; source: string } | undefined {
  const dir = dirname(resolve(guidelineFile));
  const ref = basedOn.trim().replace(/^《(.*)》$/, "$1");
  if (/\.zc$/i.test(ref)) {
    const file = resolve(dir, ref);
    return existsSync(file) ? { file, source: readFileSync(file, "utf8") } : undefined;
  }
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith(".zc")) continue;
    const file = join(dir, name);
    if (file === resolve(guidelineFile)) continue;
    const source = readFileSync(file, "utf8");
    const h = parse(source).ast.header;
    if (h?.form === "policy" && (h.title === ref || h.docNo === ref)) return { file, source };
  }
  return undefined;
}

/** The names a file may use without declaring them: its policy's, when the file is a guideline. */
export function guidelineNames(source: string, file: string): ReadonlySet<string> {
  const kind = sourceKind(source);
  if (!kind.guideline || kind.basedOn === undefined) return new Set();
  const found = findPolicy(kind.basedOn, file);
  return found ? policyNames(found.source) : new Set();
}
