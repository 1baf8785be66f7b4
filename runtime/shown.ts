/**
 * A received value as a message shows it, in one quote style (“…”) like every Chinese message:
 * strings in “”, arrays and small objects with their strings in “” too (never JSON's "…"), large
 * ones described; bounded to 40 characters.
 */
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function quoted(v: unknown, depth: number): string {
  if (typeof v === "string") return `“${v.slice(0, 41)}”`;
  if (Array.isArray(v))
    return v.length <= 8 && depth < 2
      ? `[${v.map((x) => quoted(x, depth + 1)).join(", ")}]`
      : `[数组，${v.length} 项]`;
  if (isRecord(v)) {
    const keys = Object.keys(v);
    return keys.length <= 8 && depth < 2
      ? `{${keys.map((k) => `“${k.slice(0, 41)}”: ${quoted(v[k], depth + 1)}`).join(", ")}}`
      : `{对象，${keys.length} 个字段}`;
  }
  return JSON.stringify(v) ?? String(v); // NaN and Infinity read null, as in JSON
}

/** A short rendering of a received value for a message. */
export function shown(v: unknown): string {
  const s = quoted(v, 0);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
