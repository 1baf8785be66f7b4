/**
 * Options shared by the hardening scripts: `--short` (or ZHENGCE_SHORT=1) for the CI-sized run,
 * `--seed N`, `--n N` to override the count, `--json` for machine-readable figures.
 */

export interface RunOptions {
  readonly short: boolean;
  readonly seed: number;
  readonly json: boolean;
  /** The count to use: `--n`, else the short or full default. */
  count(short: number, full: number): number;
  /** A numeric option `--name N`. */
  num(name: string, fallback: number): number;
}

/** Parse the process arguments. */
export function runOptions(argv: readonly string[] = process.argv.slice(2)): RunOptions {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const short = argv.includes("--short") || process.env.ZHENGCE_SHORT === "1";
  const n = get("n");
  return {
    short,
    seed: Number(get("seed") ?? 1),
    json: argv.includes("--json"),
    count: (s, f) => (n ? Number(n) : short ? s : f),
    num: (name, fallback) => (get(name) !== undefined ? Number(get(name)) : fallback),
  };
}

/** Print a summary and exit with 1 when there were failures. */
export function finish(
  title: string,
  figures: Record<string, unknown>,
  failures: readonly string[],
): never {
  process.stdout.write(`\n== ${title} ==\n`);
  for (const [k, v] of Object.entries(figures))
    process.stdout.write(`${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}\n`);
  if (failures.length) {
    process.stdout.write(`失败 ${failures.length} 项（最多列出 20 项）：\n`);
    for (const f of failures.slice(0, 20)) process.stdout.write(`  ✗ ${f}\n`);
  } else process.stdout.write("结果：通过\n");
  process.exit(failures.length ? 1 : 0);
}
