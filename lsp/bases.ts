/**
 * Finding the policy a guideline builds on, for the language server: the open documents first
 * (unsaved text counts), then files in the guideline's folder. `基于 “file.zc”` is a path relative
 * to the guideline; `基于 “政策标题”` names a policy of that folder by its title or 文号.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse } from "../compiler/index.js";

export interface FoundBase {
  readonly uri: string;
  readonly text: string;
}

/** Reads text by URI: an open document's current text, or the file on disk. */
export type TextOf = (uri: string) => string | undefined;

const MAX_FILES = 500;
const MAX_BYTES = 2_000_000;

function readFile(path: string): string | undefined {
  try {
    const st = statSync(path);
    return st.isFile() && st.size <= MAX_BYTES ? readFileSync(path, "utf8") : undefined;
  } catch {
    return undefined;
  }
}

function isPolicyNamed(text: string, ref: string): boolean {
  const h = parse(text).ast.header;
  return h?.form === "policy" && (h.title === ref || h.docNo === ref);
}

export function findBase(
  basedOn: string,
  guidelineUri: string,
  openDocs: ReadonlyMap<string, string>,
): FoundBase | undefined {
  if (!guidelineUri.startsWith("file:")) return undefined;
  const dir = dirname(fileURLToPath(guidelineUri));
  const ref = basedOn.trim().replace(/^《(.*)》$/, "$1");
  if (/\.zc$/i.test(ref)) {
    const uri = pathToFileURL(resolve(dir, ref)).href;
    const text = openDocs.get(uri) ?? readFile(fileURLToPath(uri));
    return text === undefined ? undefined : { uri, text };
  }
  for (const [uri, text] of openDocs) {
    if (uri === guidelineUri || !uri.startsWith("file:")) continue;
    if (dirname(fileURLToPath(uri)) === dir && isPolicyNamed(text, ref)) return { uri, text };
  }
  let names: string[] = [];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith(".zc"))
      .sort()
      .slice(0, MAX_FILES);
  } catch {
    return undefined;
  }
  for (const name of names) {
    const uri = pathToFileURL(join(dir, name)).href;
    if (uri === guidelineUri || openDocs.has(uri)) continue;
    const text = readFile(join(dir, name));
    if (text !== undefined && isPolicyNamed(text, ref)) return { uri, text };
  }
  return undefined;
}
