/**
 * The side panel's tabs, following the WAI-ARIA tabs pattern: one tab stop (the selected tab),
 * arrow keys, Home and End move between tabs and select them, each tab controls its panel. Each
 * panel keeps its own scroll position, so a tab never opens scrolled to another tab's place.
 */

/** Wires `[role=tablist]` inside `root`; `select` shows a tab's panel by its data-tab name. */
export class TabList {
  private readonly tabs: HTMLButtonElement[];
  private readonly scroll = new Map<string, number>();
  private current: string;

  constructor(
    private readonly scroller: HTMLElement,
    root: HTMLElement,
    private readonly onSelect: (tab: string) => void,
  ) {
    this.tabs = [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    this.current =
      this.tabs.find((t) => t.getAttribute("aria-selected") === "true")?.dataset["tab"] ?? "try";
    for (const tab of this.tabs) {
      const name = tab.dataset["tab"] ?? "";
      const panel = document.getElementById(`tab-${name}`);
      tab.id = `tabbtn-${name}`;
      tab.setAttribute("aria-controls", `tab-${name}`);
      panel?.setAttribute("aria-labelledby", tab.id);
      panel?.setAttribute("tabindex", "0");
      tab.addEventListener("click", () => this.select(name));
      tab.addEventListener("keydown", (e) => this.key(e, tab));
    }
    this.select(this.current, false);
  }

  /** The selected tab's name. */
  get selected(): string {
    return this.current;
  }

  /** Select a tab and show its panel (and, with `focus`, move focus to the tab). */
  select(name: string, focus = false): void {
    if (name !== this.current) this.scroll.set(this.current, this.scroller.scrollTop);
    for (const t of this.tabs) {
      const on = t.dataset["tab"] === name;
      t.setAttribute("aria-selected", String(on));
      t.tabIndex = on ? 0 : -1;
      const panel = document.getElementById(`tab-${t.dataset["tab"]}`);
      if (panel) panel.hidden = !on;
      if (on && focus) t.focus();
    }
    const changed = name !== this.current;
    this.current = name;
    this.onSelect(name);
    if (changed) this.scroller.scrollTop = this.scroll.get(name) ?? 0;
  }

  private key(e: KeyboardEvent, tab: HTMLButtonElement): void {
    const i = this.tabs.indexOf(tab);
    const n = this.tabs.length;
    const to: Record<string, number> = {
      ArrowRight: (i + 1) % n,
      ArrowLeft: (i - 1 + n) % n,
      Home: 0,
      End: n - 1,
    };
    const j = to[e.key];
    if (j === undefined) return;
    e.preventDefault();
    this.select(this.tabs[j]?.dataset["tab"] ?? "try", true);
  }
}
