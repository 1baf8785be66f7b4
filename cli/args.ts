/**
 * A small argument parser: positional arguments and `--flag [value]` options. Flags listed as
 * boolean take no value; a value never starts with `--` (`--host --no-state` is two flags).
 */
import { CliError } from "./io.js";

export interface Args {
  readonly positional: string[];
  readonly options: Map<string, string | true>;
}

/** Parse argv; `booleans` names flags that take no value. */
export function parseArgs(argv: readonly string[], booleans: readonly string[] = []): Args {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith("--") && a.length > 2) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (inline !== undefined) options.set(name, inline);
      else if (booleans.includes(name) || i + 1 >= argv.length || argv[i + 1]!.startsWith("--"))
        options.set(name, true);
      else options.set(name, argv[++i]!);
    } else positional.push(a);
  }
  return { positional, options };
}

/** A string option, or undefined when not given; given without a value, a Chinese error. */
export function opt(args: Args, name: string): string | undefined {
  const v = args.options.get(name);
  if (v === true) throw new CliError(`--${name} 后面应写一个值（例如 --${name} 值）`);
  return v;
}

/** Whether a flag was given. */
export function flag(args: Args, name: string): boolean {
  return args.options.has(name);
}
