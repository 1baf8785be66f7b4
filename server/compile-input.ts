/**
 * What a served file compiles from: a policy from its own text; a guideline (申报指南) from its text
 * and the policy its 基于 names (found as the CLI finds it). The version covers both texts, so a
 * guideline gets a new version when the policy under it changes.
 */
import { createHash } from "node:crypto";
import { realpathSync } from "node:fs";
import { isInside } from "./watch-folder.js";
import { sourceKind } from "../compiler/index.js";
import { findPolicy } from "../compiler/node/index.js";

export interface CompileInput {
  readonly source: string;
  readonly guideline: boolean;
  /** For a guideline: the policy it builds on, when found. */
  readonly policy?: { readonly file: string; readonly source: string };
  /** For a guideline: its 基于, when that names no policy. */
  readonly missing?: string;
  /** For a guideline: its 基于 names a file outside the served folder, which is not read. */
  readonly outside?: boolean;
}

/**
 * Read what a file needs besides its own text. Never throws. With `folder`, the policy a guideline
 * builds on must lie inside that folder (real path): a 基于 pointing elsewhere is not read, and
 * the folder's watcher then sees every file a served guideline depends on.
 */
export function compileInput(file: string, source: string, folder?: string): CompileInput {
  let kind: ReturnType<typeof sourceKind>;
  try {
    kind = sourceKind(source);
  } catch {
    return { source, guideline: false };
  }
  if (!kind.guideline) return { source, guideline: false };
  if (kind.basedOn === undefined) return { source, guideline: true };
  try {
    const policy = findPolicy(kind.basedOn, file);
    if (policy && folder && !isInside(realpathSync(folder), realpathSync(policy.file)))
      return { source, guideline: true, missing: kind.basedOn, outside: true };
    return policy
      ? { source, guideline: true, policy }
      : { source, guideline: true, missing: kind.basedOn };
  } catch {
    return { source, guideline: true, missing: kind.basedOn };
  }
}

/** The content version: the first 16 hex digits of SHA-256 over the text(s) compiled. */
export function inputVersion(input: CompileInput): string {
  const h = createHash("sha256").update(input.source, "utf8");
  if (input.policy) h.update("\u0000").update(input.policy.source, "utf8");
  return h.digest("hex").slice(0, 16);
}
