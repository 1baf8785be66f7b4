import { mulberry32 } from "../../review/prng.js";

/** A seeded PRNG in [0, 1) (the review floor's mulberry32) so that random tests are reproducible. */
export function rng(seed: number): () => number {
  const next = mulberry32(seed);
  return () => next() / 4294967296;
}

/** An integer in [lo, hi]. */
export function int(r: () => number, lo: number, hi: number): number {
  return lo + Math.floor(r() * (hi - lo + 1));
}

/** One element of an array. */
export function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** A money amount in 元 as an exact decimal string with up to two decimals (built from 分). */
export function moneyString(r: () => number, maxYuan: number): string {
  const fen = BigInt(int(r, 0, maxYuan)) * 100n + BigInt(int(r, 0, 99));
  const s = fen.toString().padStart(3, "0");
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}
