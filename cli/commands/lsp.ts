/**
 * `zhengce lsp`: the language server over stdio (editors start it; `--stdio` is accepted for
 * clients that always pass it).
 */
import type { Args } from "../args.js";

export async function run(_args: Args): Promise<number> {
  const { startServer } = await import("../../lsp/index.js");
  const connection = startServer();
  // The server answers until the client exits it; the process ends with the connection.
  await new Promise<void>((done) => connection.onExit(() => done()));
  return 0;
}
