/**
 * Shared test plumbing for the command line: run `zhengce` in-process through `cli/main.ts` and
 * keep what it wrote, the way a terminal shows it (standard output and error interleaved) and apart.
 */
import { main } from "../../cli/main.js";

/** What one run of the CLI returned and wrote. */
export interface CliRun {
  /** The exit code. */
  readonly code: number;
  /** Everything written, standard output and error interleaved in order, one line each. */
  readonly lines: readonly string[];
  /** `lines` joined with newlines. */
  readonly out: string;
  /** Standard output only. */
  readonly stdout: string;
  /** Standard error only. */
  readonly stderr: string;
}

/** Run `zhengce ARGV…` in this process and collect its output. */
export async function runCli(...argv: string[]): Promise<CliRun> {
  const lines: string[] = [];
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(
    argv,
    (s) => {
      lines.push(s);
      stdout.push(s);
    },
    (s) => {
      lines.push(s);
      stderr.push(s);
    },
  );
  return {
    code,
    lines,
    out: lines.join("\n"),
    stdout: stdout.join("\n"),
    stderr: stderr.join("\n"),
  };
}
