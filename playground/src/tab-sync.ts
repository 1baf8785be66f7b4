/**
 * Two tabs, one draft. Every tab autosaves to the same draft, so the last one to save would
 * silently win. Tabs announce themselves on a BroadcastChannel (the storage event where there is
 * none); when another tab opens the draft or changes it, this tab warns in Chinese and keeps the
 * other tab's latest text as a version, so that neither text is ever lost.
 */
import { saveVersion, upsertVersion } from "./store/drafts.js";
import { byId, toast } from "./ui/dom.js";

/** Every message names its tab by when it was opened (“18:02:11 打开的标签页”). */
type Message =
  | { readonly kind: "hello" | "here" | "bye"; readonly tab: string; readonly opened?: string }
  | {
      readonly kind: "draft";
      readonly tab: string;
      readonly text: string;
      readonly opened?: string;
    };

/** What the watcher needs from the page. */
export interface TabSyncActions {
  current(): string;
  replace(text: string): void;
  versionsChanged(): void;
}

const DRAFT = "zhengce.draft";
const now = () => new Date().toLocaleString("zh-CN", { hour12: false });
const clock = () => new Date().toLocaleTimeString("zh-CN", { hour12: false });

/** Watches other tabs editing the same draft. */
export class TabSync {
  private readonly tab = Math.random().toString(36).slice(2, 10);
  /** When this tab was opened: what backups from it are named by. */
  private readonly opened = clock();
  private otherOpened = "";
  private readonly channel: BroadcastChannel | null =
    typeof BroadcastChannel === "function" ? new BroadcastChannel("zhengce.draft") : null;
  private readonly others = new Set<string>();
  private backupId: string | null = null;
  private otherText: string | null = null;
  private pending: number | null = null;
  private dismissed = false;

  constructor(private readonly actions: TabSyncActions) {
    if (this.channel) {
      this.channel.onmessage = (e: MessageEvent<Message>) => this.receive(e.data);
      this.post({ kind: "hello", tab: this.tab });
    } else {
      window.addEventListener("storage", (e) => {
        if (e.key === DRAFT && e.newValue !== null)
          this.receive({ kind: "draft", tab: "?", text: e.newValue });
      });
    }
    window.addEventListener("pagehide", () => {
      this.flush();
      this.post({ kind: "bye", tab: this.tab });
    });
    byId("btn-dismiss-tabs").addEventListener("click", () => {
      this.dismissed = true;
      byId("tab-warning").hidden = true;
    });
    byId("btn-take-other").addEventListener("click", () => this.takeOther());
  }

  /** This tab saved its draft: tell the others (after keeping their latest text). */
  published(text: string): void {
    this.flush();
    this.post({ kind: "draft", tab: this.tab, text });
  }

  private post(m: Message): void {
    this.channel?.postMessage({ ...m, opened: this.opened });
  }

  private receive(m: Message): void {
    if (m.tab === this.tab) return;
    if (m.kind === "bye") {
      this.others.delete(m.tab);
      if (!this.others.size) byId("tab-warning-text").textContent = "另一个标签页已关闭。";
      return;
    }
    if (!this.others.has(m.tab) && m.kind !== "draft") this.dismissed = false;
    this.others.add(m.tab);
    if (m.kind === "hello") this.post({ kind: "here", tab: this.tab });
    if (m.kind !== "draft") {
      return this.warn(
        "这份草稿已在另一个标签页中打开。两个标签页共用同一份自动保存的草稿，后保存的会覆盖先保存的；请只在一个标签页中编辑。",
      );
    }
    if (m.text === this.actions.current()) return;
    this.otherText = m.text;
    this.otherOpened = m.opened ?? "";
    this.backupId ??= `tab-${this.tab}-${Date.now().toString(36)}`;
    // Written at most every 300 ms while the other tab types, and before this tab saves.
    this.pending ??= window.setTimeout(() => this.flush(), 300);
    this.warn(
      "另一个标签页修改了同一份草稿。为免互相覆盖，它的内容已自动保存为版本“另一标签页的草稿”；本页内容仍是当前草稿，两份都不会丢失。",
    );
  }

  /** Keep the other tab's latest text as a version (one version per other tab, kept current). */
  private flush(): void {
    if (this.pending !== null) window.clearTimeout(this.pending);
    this.pending = null;
    if (this.otherText === null || !this.backupId) return;
    const ok = upsertVersion({
      id: this.backupId,
      name: `另一标签页的草稿（${this.otherOpened ? `${this.otherOpened} 打开的标签页，` : ""}自动备份 ${now()}）`,
      source: this.otherText,
      savedAt: new Date().toISOString(),
    });
    if (!ok) toast("浏览器本地存储已满，另一标签页的草稿未能备份；请导出文件。");
    this.actions.versionsChanged();
  }

  private warn(text: string): void {
    byId("tab-warning-text").textContent = text;
    byId<HTMLButtonElement>("btn-take-other").hidden = this.otherText === null;
    if (!this.dismissed) byId("tab-warning").hidden = false;
  }

  /** Switch to the other tab's text, keeping this tab's as a version first. */
  private takeOther(): void {
    if (this.otherText === null) return;
    this.flush();
    const mine = this.actions.current();
    const v = saveVersion(`本标签页的草稿（${this.opened} 打开的标签页，自动备份 ${now()}）`, mine);
    this.actions.replace(this.otherText);
    this.actions.versionsChanged();
    byId("tab-warning").hidden = true;
    toast(
      v
        ? `已载入另一标签页的内容；本页原内容已保存为版本“${v.name}”。`
        : "已载入另一标签页的内容。",
    );
  }
}
