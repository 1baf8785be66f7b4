/**
 * Messages between the version-diff view and the diff worker. The worker runs the compiler's
 * reviewer diff (`diffPolicies`, in stages) and answers with plain data whose figures are already
 * worded in Chinese, so the page needs no decimal arithmetic and never parses policy text as HTML.
 */
import type { Change } from "../../review/index.js";
import type { MoneyText } from "../../runtime/index.js";
import type { Span } from "./protocol.js";

export type { Change, Span };

/** What the page asks: compare two sources (old on the left, new on the right). */
export interface DiffRequest {
  readonly kind: "diff";
  readonly id: number;
  readonly oldSource: string;
  readonly newSource: string;
}

/** What the page sends: a comparison, or "stop the running one" (the view was closed). */
export type DiffMessage = DiffRequest | { readonly kind: "cancel" };

/** One side of a clause's outcome, with the explanation behind it. */
export interface SideView {
  /** `150万元`, `不符合`, `需决定（最高100万元）`. */
  readonly text: string;
  readonly explanation: readonly string[];
}

/** An application (an embedded case) whose outcome changes. */
export interface ImpactedView {
  readonly label: string;
  readonly totalBefore: string;
  readonly totalAfter: string;
  /** Signed: `+25万元`, `-25万元`, `0元`. */
  readonly delta: string;
  readonly direction: "up" | "down" | "same";
  readonly errors: readonly string[];
  readonly clauses: readonly {
    readonly clause: string;
    readonly before: SideView;
    readonly after: SideView;
  }[];
}

export interface ImpactView {
  readonly evaluated: number;
  readonly changed: readonly ImpactedView[];
}

/** A range of one input where the amount differs, with its verified witness. */
export interface RangeView {
  /** `项目已投入金额 16666666.69元 及以上：新版更高`. */
  readonly text: string;
  readonly direction: "up" | "down" | "other";
  /** The witness: the scanned input's value and both outcomes. */
  readonly value: string;
  readonly before: SideView;
  readonly after: SideView;
  readonly verified: boolean;
}

export interface BoundaryView {
  readonly clause: string;
  readonly slices: readonly {
    readonly context: string;
    readonly fixed: string;
    readonly ranges: readonly RangeView[];
  }[];
}

/** The budget over the synthetic population, every figure worded. */
export interface BudgetView {
  readonly size: number;
  readonly seed: number;
  readonly date: string;
  readonly clauses: readonly {
    readonly clause: string;
    readonly before: MoneyText;
    readonly after: MoneyText;
    readonly awardsBefore: number;
    readonly awardsAfter: number;
    /** Undefined when the clause's outlay is unchanged. */
    readonly delta?: MoneyText;
    readonly direction: "up" | "down" | "same";
  }[];
  /** Figures through the runtime's display formatter, with their exact values for the hover. */
  readonly totalBefore: MoneyText;
  readonly totalAfter: MoneyText;
  readonly delta: MoneyText;
  readonly direction: "up" | "down" | "same";
  readonly better: number;
  readonly worse: number;
  readonly same: number;
  readonly largestGain?: string;
  readonly largestLoss?: string;
  readonly invalid?: string;
  /** The stated assumptions (how the population is drawn, the date, quotas). */
  readonly notes: readonly string[];
}

/** What the worker answers; every message carries the id of the request it belongs to. */
export type DiffResponse =
  | {
      readonly kind: "changes";
      readonly id: number;
      /** Both versions compiled; without that only the change list is available. */
      readonly ok: boolean;
      readonly changes: readonly Change[];
      readonly counts: Readonly<Record<Change["effect"], number>>;
      /** The first error of each version that does not compile, in Chinese. */
      readonly problems: { readonly old?: string; readonly new?: string };
    }
  | { readonly kind: "progress"; readonly id: number; readonly text: string }
  | { readonly kind: "impact"; readonly id: number; readonly impact: ImpactView }
  | { readonly kind: "boundaries"; readonly id: number; readonly boundaries: BoundaryView[] }
  | { readonly kind: "budget"; readonly id: number; readonly budget: BudgetView }
  | { readonly kind: "done"; readonly id: number; readonly ms: number }
  | { readonly kind: "failed"; readonly id: number; readonly error: string };
