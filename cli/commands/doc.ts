/**
 * `zhengce doc FILE [--format md|html] [--out F]`: renders a policy or a guideline as a document
 * in the official style. The prose is generated from the checked rules.
 */
import { writeFileSync } from "node:fs";
import type { GuidelineResult } from "../../compiler/index.js";
import { guidelineDocument, policyDocument, type DocFormat } from "../../compiler/index.js";
import { opt, type Args } from "../args.js";
import { CliError } from "../io.js";
import { loadFile } from "../load.js";

/** Run the doc command. */
export async function run(args: Args, out: (s: string) => void): Promise<number> {
  const file = args.positional[0];
  if (!file)
    throw new CliError("用法：zhengce doc 政策文件.zc [--format md|html] [--out 输出文件]");
  const format = opt(args, "format") ?? "md";
  if (format !== "md" && format !== "html")
    throw new CliError(`--format 只能是 md 或 html，收到“${format}”`);
  const { result } = await loadFile(file);
  const g = result as Partial<GuidelineResult>;
  const text =
    g.guideline && g.policy
      ? guidelineDocument(
          {
            effective: result.ast!,
            guideline: g.guideline,
            policy: g.policy,
            provenance: g.provenance ?? [],
            open: g.open ?? [],
            closed: g.closed ?? [],
          },
          format as DocFormat,
        )
      : policyDocument(result.ast!, format as DocFormat);
  const target = opt(args, "out");
  if (target) {
    writeFileSync(target, text);
    out(`已生成 ${target}`);
  } else out(text.replace(/\n$/, ""));
  return 0;
}
