/**
 * The latest analysis from the worker, shared by the editor's language features and the panels.
 * The last good name and clause index is kept while the source has errors, so that hover and the
 * outline keep working mid-edit.
 */
import type { Analysis, NameInfo } from "./protocol.js";

type Listener = (a: Analysis) => void;

/** Holds the latest analysis and notifies subscribers. */
export class AnalysisStore {
  private latest: Analysis | null = null;
  private names = new Map<string, NameInfo>();
  private readonly listeners: Listener[] = [];

  /** The latest analysis, or null before the first one. */
  get current(): Analysis | null {
    return this.latest;
  }

  /** The declared names, from the last analysis that had an AST. */
  get nameIndex(): ReadonlyMap<string, NameInfo> {
    return this.names;
  }

  /** Record a fresh analysis and tell every subscriber. */
  set(a: Analysis): void {
    this.latest = a;
    if (a.names.length || a.clauses.length) this.names = new Map(a.names.map((n) => [n.name, n]));
    for (const l of this.listeners) l(a);
  }

  /** Fill in the cases of the current analysis when they arrive after it. */
  setCases(source: string, cases: Analysis["cases"]): boolean {
    if (!this.latest || this.latest.source !== source) return false;
    this.latest = { ...this.latest, cases, casesPending: false };
    return true;
  }

  /** Call `l` on every new analysis. */
  subscribe(l: Listener): void {
    this.listeners.push(l);
  }
}
