/**
 * Which source the page opens with: a share link first (then removed from the address bar, so a
 * reload keeps later edits), else the autosaved draft, else the seed policy. Opening a link never
 * silently discards a different draft: that draft is kept as a version.
 */
import { backupBeforeReplace } from "./backup.js";
import { loadDraft } from "./store/drafts.js";
import { decodeShare, isShareHash } from "./store/share.js";
import { SEED_SOURCE } from "./seed.js";

/** The opening source and a message for the drafter, if any. */
export async function openingSource(): Promise<{
  source: string;
  message?: string;
  /** The source came from a share link (not saved as the draft until it has compiled once). */
  shared?: boolean;
}> {
  const draft = loadDraft();
  const hash = location.hash;
  if (isShareHash(hash)) {
    history.replaceState(null, "", location.pathname + location.search);
    const shared = await decodeShare(hash);
    if ("source" in shared) {
      const backup = backupBeforeReplace(draft ?? "", shared.source, "打开分享链接");
      // Without a backup the draft stays: a link must never cost the drafter their text.
      if (!backup.ok) return { source: draft ?? SEED_SOURCE, message: backup.note };
      return {
        source: shared.source,
        message: `已打开分享链接中的政策${backup.note ? `；${backup.note}` : ""}。`,
        shared: true,
      };
    }
    return { source: draft ?? SEED_SOURCE, message: shared.error };
  }
  return { source: draft ?? SEED_SOURCE };
}
