/**
 * A small seeded pseudo-random generator (mulberry32) with one independent stream per index, so
 * that application i of a synthetic population is the same however the work is split.
 */

/** A generator of 32-bit unsigned integers. */
export type Rng = () => number;

/** mulberry32 from a 32-bit state: the one generator behind every seeded stream, tests' too. */
export function mulberry32(state: number): Rng {
  let s = state >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** The stream for one index under one seed. */
export function streamFor(seed: number, index: number): Rng {
  const s = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) >>> 0;
  return mulberry32(Math.imul(s ^ (s >>> 16), 0x7feb352d));
}

/** An integer in [lo, hi] (inclusive). */
export function intIn(rng: Rng, lo: number, hi: number): number {
  return lo + (rng() % (hi - lo + 1));
}

/** True with probability `percent` / 100. */
export function chance(rng: Rng, percent: number): boolean {
  return rng() % 100 < percent;
}
