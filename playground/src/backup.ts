/**
 * No lost work: before anything replaces the editor's whole text (示例政策, opening a version,
 * import, a share link), the current text is kept as a named version, and the toast says which.
 * Ctrl+Z does not survive a reload; a version does. Nothing is saved for an empty text, the
 * unchanged seed, or a text that is already a version.
 */
import { SEED_SOURCE } from "./seed.js";
import { listVersions, saveVersion, storageProblem } from "./store/drafts.js";

/** What keeping the current text gave: a sentence for the toast, or a refusal. */
export type Backup =
  { readonly ok: true; readonly note: string } | { readonly ok: false; readonly note: string };

/** A short local time for version names: 2026-12-02 17:05:09. */
export function stamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/**
 * Keep `current` as a version before it is replaced by `next`, because of `action` (e.g. “打开示例政策”).
 */
export function backupBeforeReplace(current: string, next: string, action: string): Backup {
  // The unchanged seed needs no copy: 示例政策 opens it again at any time.
  if (!current.trim() || current === next || current === SEED_SOURCE) return { ok: true, note: "" };
  const same = listVersions().find((v) => v.source === current);
  if (same) return { ok: true, note: `原草稿已在版本“${same.name}”中` };
  const v = saveVersion(`${action}前的草稿（自动备份 ${stamp()}）`, current);
  if (!v) {
    return {
      ok: false,
      note: `原草稿未能保存为版本（${storageProblem ?? "本地存储不可用"}），没有替换；请先导出文件备份。`,
    };
  }
  return { ok: true, note: `原草稿已保存为版本“${v.name}”` };
}
