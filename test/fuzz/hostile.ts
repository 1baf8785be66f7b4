/**
 * Hostile text for policies: payloads that would run code, end a string or comment early, or
 * break a line, if any reached generated code other than through a JSON string literal or a
 * stripped line comment. Running any of them sets `globalThis.__zc_pwned`.
 */

/** Payloads; each one, if executed, sets globalThis.__zc_pwned. */
export const PAYLOADS: readonly string[] = [
  '"); globalThis.__zc_pwned = 1; ("',
  "'); globalThis.__zc_pwned = 1; ('",
  "`); globalThis.__zc_pwned = 1; (`",
  "${globalThis.__zc_pwned = 1}",
  "*/ globalThis.__zc_pwned = 1; /*",
  "\n globalThis.__zc_pwned = 1; //",
  "\u2028globalThis.__zc_pwned = 1;//",
  "\u2029globalThis.__zc_pwned = 1;//",
  "\r globalThis.__zc_pwned = 1;",
  '\\"); globalThis.__zc_pwned = 1; //',
  "</script><script>globalThis.__zc_pwned = 1</script>",
  "}); globalThis.__zc_pwned = 1; ({",
  "\u0000\u0085\ufeff",
  "__proto__",
  "constructor",
  "”); globalThis.__zc_pwned = 1; (“",
  "」 金额 “x” globalThis.__zc_pwned = 1",
];

/** Whether a payload ran. */
export function pwned(): boolean {
  return (globalThis as Record<string, unknown>).__zc_pwned !== undefined;
}

/** Insert a payload where policy text allows free text: titles, strings, names, comments. */
export function withPayload(source: string, payload: string, where: number): string {
  const lines = source.split("\n");
  const spots: number[] = [];
  lines.forEach((l, i) => {
    if (/“[^”]*”|^政策 |^第\d+条 |#/.test(l)) spots.push(i);
  });
  if (!spots.length) return `${source}\n# ${payload}`;
  const i = spots[where % spots.length]!;
  const line = lines[i]!;
  lines[i] = line.includes("“")
    ? line.replace(/“([^”]*)”/, (_m, s: string) => `“${s}${payload}”`)
    : line.includes("#")
      ? `${line}${payload}`
      : `${line}${payload}`;
  return lines.join("\n");
}
