/**
 * `zhengce schema FILE`: the JSON Schema of an application to the policy.
 */
import { type Args } from "../args.js";
import { CliError } from "../io.js";
import { loadFile } from "../load.js";

/** Run the schema command. */
export async function run(args: Args, out: (s: string) => void): Promise<number> {
  const file = args.positional[0];
  if (!file) throw new CliError("用法：zhengce schema 政策文件.zc");
  out(JSON.stringify((await loadFile(file)).policy.schema, null, 2));
  return 0;
}
