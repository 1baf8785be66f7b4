/**
 * Drafts and named versions in localStorage. The draft is written on every change, so a reload or
 * a crash never loses more than the keystroke in flight. Storage errors (quota, private mode) are
 * reported, never thrown at the editor.
 */
import type { FormState } from "../ui/form-values.js";

const DRAFT = "zhengce.draft";
const FORM = "zhengce.form";
const VERSIONS = "zhengce.versions";

/** A named version saved by the drafter. */
export interface Version {
  readonly id: string;
  readonly name: string;
  readonly source: string;
  /** ISO timestamp. */
  readonly savedAt: string;
}

/** Why the last write failed, in Chinese; null when it succeeded. */
export let storageProblem: string | null = null;

function write(key: string, value: string): boolean {
  try {
    localStorage.setItem(key, value);
    storageProblem = null;
    return true;
  } catch {
    storageProblem = "浏览器本地存储已满或不可用，草稿未能保存；请导出文件备份。";
    return false;
  }
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** The autosaved draft, if any. */
export function loadDraft(): string | null {
  return read(DRAFT);
}

/** Autosave the draft; returns false when storage refused it. */
export function saveDraft(source: string): boolean {
  return write(DRAFT, source);
}

/** The autosaved form, if any and well-formed. */
export function loadForm(): FormState | null {
  try {
    const v = JSON.parse(read(FORM) ?? "null") as unknown;
    if (
      v &&
      typeof v === "object" &&
      "values" in v &&
      typeof (v as FormState).values === "object"
    ) {
      const s = v as FormState;
      const context =
        s.context && typeof s.context.title === "string" ? { context: s.context } : {};
      return { date: typeof s.date === "string" ? s.date : "", values: s.values ?? {}, ...context };
    }
  } catch {
    // A corrupt entry is ignored: the form starts empty.
  }
  return null;
}

/** Autosave the form. */
export function saveForm(state: FormState): void {
  write(FORM, JSON.stringify(state));
}

/** The stored versions as one string: changes whenever any version does (in any tab). */
export function versionsRevision(): string {
  return read(VERSIONS) ?? "";
}

/** Save or replace the version with this id (a backup kept up to date). */
export function upsertVersion(v: Version): boolean {
  return store([v, ...listVersions().filter((x) => x.id !== v.id)]);
}

/** All saved versions, newest first. */
export function listVersions(): Version[] {
  try {
    const v = JSON.parse(read(VERSIONS) ?? "[]") as unknown;
    if (!Array.isArray(v)) return [];
    return v
      .filter((x): x is Version => !!x && typeof x.id === "string" && typeof x.source === "string")
      .map((x) => ({ ...x, name: String(x.name ?? "未命名"), savedAt: String(x.savedAt ?? "") }))
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  } catch {
    return [];
  }
}

function store(list: Version[]): boolean {
  return write(VERSIONS, JSON.stringify(list));
}

/** Save a new named version of `source`; null when storage refused it. */
export function saveVersion(name: string, source: string): Version | null {
  const v: Version = {
    id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    name: name.trim() || "未命名版本",
    source,
    savedAt: new Date().toISOString(),
  };
  return store([v, ...listVersions()]) ? v : null;
}

/** Rename a version. */
export function renameVersion(id: string, name: string): void {
  store(listVersions().map((v) => (v.id === id ? { ...v, name: name.trim() || v.name } : v)));
}

/** Delete a version. */
export function deleteVersion(id: string): void {
  store(listVersions().filter((v) => v.id !== id));
}

/** One version by id. */
export function getVersion(id: string): Version | undefined {
  return listVersions().find((v) => v.id === id);
}
