/**
 * Where a proof's time goes: wall-clock milliseconds and counts per phase (translation to terms,
 * solver queries by purpose, witness evaluation by the compiled versions), so that the bench can
 * say what is slow. Cheap enough to be always on.
 */
export type Phase = "load" | "terms" | "assert" | "search" | "cut" | "optimum" | "witness";

export interface PhaseFigures {
  readonly ms: number;
  readonly count: number;
}

export class Profile {
  private readonly figures = new Map<Phase, { ms: number; count: number }>();

  /** Add one timed step of a phase. */
  add(phase: Phase, ms: number): void {
    const f = this.figures.get(phase) ?? { ms: 0, count: 0 };
    f.ms += ms;
    f.count++;
    this.figures.set(phase, f);
  }

  time<T>(phase: Phase, f: () => T): T {
    const t0 = performance.now();
    try {
      return f();
    } finally {
      this.add(phase, performance.now() - t0);
    }
  }

  async timeAsync<T>(phase: Phase, f: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await f();
    } finally {
      this.add(phase, performance.now() - t0);
    }
  }

  /** The figures, phase by phase (milliseconds rounded to 0.1). */
  snapshot(): Partial<Record<Phase, PhaseFigures>> {
    const out: Partial<Record<Phase, PhaseFigures>> = {};
    for (const [k, f] of this.figures) out[k] = { ms: Math.round(f.ms * 10) / 10, count: f.count };
    return out;
  }
}
