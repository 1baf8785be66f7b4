/**
 * The page's side of guidelines (申报指南): the policies a guideline may build on (the built-in
 * seed and every saved version), kept in step with storage (also when another tab saves one), and
 * the drafter's explicit choice of base, remembered across reloads.
 */
import type { BaseCandidate } from "./protocol.js";
import { SEED_FILE, SEED_SOURCE } from "./seed.js";
import { listVersions, versionsRevision } from "./store/drafts.js";
import type { CompilerClient } from "./worker-client.js";

const CHOICE = "zhengce.guidelineBase";

const when = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : d.toLocaleString("zh-CN", { hour12: false });
};

/** Every policy a guideline may build on, the seed first. */
export function baseCandidates(): BaseCandidate[] {
  return [
    { id: "seed", label: "内置示例政策", names: [SEED_FILE], source: SEED_SOURCE },
    ...listVersions().map((v) => ({
      id: v.id,
      label: `版本“${v.name}”`,
      savedAt: when(v.savedAt),
      names: [v.name],
      source: v.source,
    })),
  ];
}

/** Keeps the worker's list of bases current and holds the drafter's choice. */
export class GuidelineBases {
  private sent: string | null = null;
  private chosen: string;

  constructor(private readonly client: CompilerClient) {
    let saved = "";
    try {
      saved = localStorage.getItem(CHOICE) ?? "";
    } catch {
      // No storage: the choice lasts for this page only.
    }
    this.chosen = saved;
  }

  /** Send the bases to the worker if they changed since last time. */
  sync(): void {
    const rev = versionsRevision();
    if (rev === this.sent) return;
    this.sent = rev;
    this.client.setBases(baseCandidates());
  }

  /** The explicitly chosen base's id, or "" to follow the 基于 line. */
  get choice(): string {
    return this.chosen;
  }

  set choice(id: string) {
    this.chosen = id;
    try {
      localStorage.setItem(CHOICE, id);
    } catch {
      // Kept in memory only.
    }
  }

  /** A candidate's text by id. */
  source(id: string): string | undefined {
    return baseCandidates().find((c) => c.id === id)?.source;
  }
}
