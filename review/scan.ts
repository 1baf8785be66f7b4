/**
 * One-dimensional search for where two versions disagree. Along one input (an amount in 分, a
 * count, a day), every clause amount is piecewise linear, so the difference between versions
 * changes only at breakpoints. We evaluate at the candidate breakpoints of both versions and a
 * coarse grid, then bisect every interval whose ends disagree down to one unit, so each reported
 * range is exact to the unit and bounded by points actually evaluated.
 */

/** How the two versions compare at a point: equal, new higher, new lower, or differently (status only). */
export type Direction = "same" | "up" | "down" | "changed";

/** A maximal run of integer positions with one direction other than `same`; `hi` null = up to the end. */
export interface Segment {
  readonly lo: number;
  readonly hi: number | null;
  readonly direction: Exclude<Direction, "same">;
}

/** Integer candidates in [0, max]: each given point and a geometric grid. */
export function candidatePoints(points: readonly number[], max: number, ratio = 2): number[] {
  const out = new Set<number>([0, 1, max]);
  for (const p of points) {
    const x = Math.round(p);
    if (x >= 0 && x <= max) out.add(x);
  }
  for (let x = 1; x < max; x = Math.ceil(x * ratio)) out.add(x);
  return [...out].sort((a, b) => a - b);
}

/** A point's classification: the direction and the difference new − old in the axis' amount unit (NaN if none). */
export type Probe = readonly [Direction, number];

/** How far either side of a transition rounding may leave isolated equal or unequal points. */
const MAX_WINDOW = 400;

/**
 * Scan positions 0..max: classify each candidate, bisect between neighbours that differ (and probe
 * the middle of neighbours that agree), and return the runs that differ. Where the difference
 * grows slowly from zero, rounding to the unit can make isolated points agree or disagree; around
 * such a transition every position within the band where the difference is under one unit is
 * classified as well.
 */
export function scanLine(
  classify: (x: number) => Probe,
  candidates: readonly number[],
  max: number,
): Segment[] {
  const seen = new Map<number, Probe>();
  const at = (x: number): Probe => {
    let d = seen.get(x);
    if (d === undefined) {
      d = classify(x);
      seen.set(x, d);
    }
    return d;
  };
  const dense = (from: number, to: number) => {
    for (let x = Math.max(0, from); x <= Math.min(max, to); x++) at(x);
  };
  /** Around a transition at t (t−1 and t differ), classify the band where rounding decides. */
  const band = (t: number) => {
    const slopes = [Math.min(max, t + 1000), Math.max(0, t - 1001)]
      .filter((y) => y !== t)
      .map((y) => Math.abs((at(y)[1] - at(t)[1]) / (y - t)))
      .filter((x) => Number.isFinite(x) && x > 0);
    if (!slopes.length) return;
    const w = Math.min(MAX_WINDOW, Math.ceil(2 / Math.min(...slopes)) + 2);
    dense(t - w, t + w);
  };
  const refine = (p: number, q: number, probe: boolean): void => {
    if (q - p <= 1) {
      if (at(p)[0] !== at(q)[0]) band(q);
      return;
    }
    const dp = at(p)[0];
    const dq = at(q)[0];
    if (dp === dq && !probe) return;
    const m = Math.floor((p + q) / 2);
    const dm = at(m)[0];
    if (dp === dq && dm === dp) return;
    refine(p, m, false);
    refine(m, q, false);
  };
  const pts = [...new Set(candidates.filter((x) => x >= 0 && x <= max))].sort((a, b) => a - b);
  pts.forEach(at);
  for (let i = 0; i + 1 < pts.length; i++) refine(pts[i]!, pts[i + 1]!, true);
  // Transitions found at neighbouring candidates also get their rounding band.
  for (let i = 0; i + 1 < pts.length; i++)
    if (pts[i + 1]! - pts[i]! === 1 && at(pts[i]!)[0] !== at(pts[i + 1]!)[0]) band(pts[i + 1]!);
  const xs = [...seen.keys()].sort((a, b) => a - b);
  const out: Segment[] = [];
  let cur: { lo: number; hi: number; direction: Direction } | undefined;
  for (const x of xs) {
    const d = seen.get(x)![0];
    if (cur && cur.direction === d) {
      cur.hi = x;
      continue;
    }
    if (cur && cur.direction !== "same")
      out.push({ lo: cur.lo, hi: cur.hi, direction: cur.direction as Segment["direction"] });
    cur = { lo: x, hi: x, direction: d };
  }
  if (cur && cur.direction !== "same")
    out.push({
      lo: cur.lo,
      hi: cur.hi >= max ? null : cur.hi,
      direction: cur.direction as Segment["direction"],
    });
  return out;
}

/** Whether position x lies in one of the segments. */
export function inSegments(segments: readonly Segment[], x: number): Segment | undefined {
  return segments.find((s) => x >= s.lo && (s.hi === null || x <= s.hi));
}

/** A round position inside [lo, hi] (hi null: somewhat above lo), for a readable witness. */
export function nicePoint(lo: number, hi: number | null): number {
  const top = hi ?? Math.max(lo * 2, lo + 100);
  const mid = (lo + top) / 2;
  for (let g = 10 ** Math.ceil(Math.log10(Math.max(1, top))); g >= 1; g /= 10) {
    const near = Math.round(mid / g) * g;
    for (const x of [near, near + g, near - g]) if (x >= lo && x <= top) return x;
  }
  return lo;
}

/**
 * Join runs of one direction separated by gaps of at most `gap` positions (amounts so small that
 * rounding to 分 makes both versions agree); a joined run is marked `joined`.
 */
export function joinSegments(
  segments: readonly Segment[],
  gap: number,
): (Segment & { joined?: boolean })[] {
  const out: (Segment & { joined?: boolean })[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && last.hi !== null && last.direction === s.direction && s.lo - last.hi - 1 <= gap)
      out[out.length - 1] = { lo: last.lo, hi: s.hi, direction: s.direction, joined: true };
    else out.push(s);
  }
  return out;
}
