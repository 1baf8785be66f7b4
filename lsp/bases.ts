/**
 * Finding the policy a guideline builds on, for the language server: the open documents first
 * (unsaved text counts), then files in the guideline's folder. `基于 “file.zc”` is a path relative
 * to the guideline; `基于 “政策标题”` names a policy of that folder by its title or 文号.
 *
 * A lookup runs on every change of an open guideline and of every document it may build on, so
 * what it reads is cached: a file's text and header by path, kept while its modification and change
 * times, size and inode stay the same; a folder's listing while the folder's modification time stays the same; an
 * open document's header while its text is the same. A base that changes on disk or in the editor
 * is therefore read again on the next lookup, and nothing else is.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse } from "../compiler/index.js";

export interface FoundBase {
  readonly uri: string;
  readonly text: string;
}

/** What a lookup needs of a text's header: is it a policy, and its title and 文号. */
interface Header {
  readonly policy: boolean;
  readonly title?: string;
  readonly docNo?: string;
}

/** What says a file may have changed: a new time, size or inode (a file renamed into place). */
interface Stamp {
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly size: number;
  readonly ino: number;
}

const sameStamp = (a: Stamp, b: Stamp) =>
  a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.size === b.size && a.ino === b.ino;

interface CachedFile {
  readonly stamp: Stamp;
  readonly text: string | undefined;
  header?: Header;
}

const MAX_FILES = 500;
const MAX_BYTES = 2_000_000;

/** How much work the lookups did, for tests of the cache. */
export interface BaseFinderStats {
  /** Lookups asked for. */
  lookups: number;
  /** Files read from disk. */
  reads: number;
  /** Texts parsed for their header. */
  parses: number;
  /** Folders listed. */
  listings: number;
}

function headerOf(text: string): Header {
  const h = parse(text).ast.header;
  return h?.form === "policy"
    ? {
        policy: true,
        ...(h.title !== undefined ? { title: h.title } : {}),
        ...(h.docNo !== undefined ? { docNo: h.docNo } : {}),
      }
    : { policy: false };
}

const named = (h: Header, ref: string) => h.policy && (h.title === ref || h.docNo === ref);

/** The base lookup of one server, with its caches. */
export class BaseFinder {
  readonly stats: BaseFinderStats = { lookups: 0, reads: 0, parses: 0, listings: 0 };
  private readonly files = new Map<string, CachedFile>();
  private readonly folders = new Map<string, { mtimeMs: number; names: readonly string[] }>();
  private readonly openHeaders = new Map<string, { text: string; header: Header }>();

  /** The policy `basedOn` names for the guideline at `guidelineUri`, or undefined. */
  find(
    basedOn: string,
    guidelineUri: string,
    openDocs: ReadonlyMap<string, string>,
  ): FoundBase | undefined {
    this.stats.lookups++;
    if (!guidelineUri.startsWith("file:")) return undefined;
    const dir = dirname(fileURLToPath(guidelineUri));
    const ref = basedOn.trim().replace(/^《(.*)》$/, "$1");
    if (/\.zc$/i.test(ref)) {
      const uri = pathToFileURL(resolve(dir, ref)).href;
      const text = openDocs.get(uri) ?? this.file(fileURLToPath(uri))?.text;
      return text === undefined ? undefined : { uri, text };
    }
    for (const [uri, text] of openDocs) {
      if (uri === guidelineUri || !uri.startsWith("file:")) continue;
      if (dirname(fileURLToPath(uri)) === dir && named(this.openHeader(uri, text), ref))
        return { uri, text };
    }
    for (const name of this.listing(dir)) {
      const uri = pathToFileURL(join(dir, name)).href;
      if (uri === guidelineUri || openDocs.has(uri)) continue;
      const f = this.file(join(dir, name));
      if (f?.text === undefined) continue;
      f.header ??= this.parseHeader(f.text);
      if (named(f.header, ref)) return { uri, text: f.text };
    }
    return undefined;
  }

  /** Forget an open document's header once it is closed. */
  closed(uri: string): void {
    this.openHeaders.delete(uri);
  }

  private parseHeader(text: string): Header {
    this.stats.parses++;
    return headerOf(text);
  }

  private openHeader(uri: string, text: string): Header {
    const c = this.openHeaders.get(uri);
    if (c && c.text === text) return c.header;
    const header = this.parseHeader(text);
    this.openHeaders.set(uri, { text, header });
    return header;
  }

  /** A file's text (undefined when it is not a readable file of a sensible size), cached. */
  private file(path: string): CachedFile | undefined {
    let st;
    try {
      st = statSync(path);
    } catch {
      this.files.delete(path);
      return undefined;
    }
    const stamp: Stamp = { mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, size: st.size, ino: st.ino };
    const c = this.files.get(path);
    if (c && sameStamp(c.stamp, stamp)) return c;
    let text: string | undefined;
    if (st.isFile() && st.size <= MAX_BYTES) {
      try {
        this.stats.reads++;
        text = readFileSync(path, "utf8");
      } catch {
        text = undefined;
      }
    }
    const entry: CachedFile = { stamp, text };
    this.files.set(path, entry);
    return entry;
  }

  /** The `.zc` files of a folder, sorted, at most MAX_FILES; cached while the folder is unchanged. */
  private listing(dir: string): readonly string[] {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(dir).mtimeMs;
    } catch {
      this.folders.delete(dir);
      return [];
    }
    const c = this.folders.get(dir);
    if (c && c.mtimeMs === mtimeMs) return c.names;
    let names: string[] = [];
    try {
      this.stats.listings++;
      names = readdirSync(dir)
        .filter((n) => n.endsWith(".zc"))
        .sort()
        .slice(0, MAX_FILES);
    } catch {
      names = [];
    }
    this.folders.set(dir, { mtimeMs, names });
    return names;
  }
}
