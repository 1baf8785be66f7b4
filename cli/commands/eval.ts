/**
 * `zhengce eval FILE --input APP.json [--date YYYY-MM-DD] [--json] [--all]`: evaluates through the
 * compiled module. `--input -` reads standard input; an array of applications is a batch.
 */
import { evaluateBatch } from "../../runtime/index.js";
import type { EvaluateOptions } from "../../runtime/index.js";
import { flag, opt, type Args } from "../args.js";
import { CliError, parseJson, readStdin, readText } from "../io.js";
import { loadPolicyCached } from "../load.js";
import { evaluationJson, evaluationText } from "../../runtime/index.js";

/** Run the eval command. */
export async function run(args: Args, out: (s: string) => void): Promise<number> {
  const file = args.positional[0];
  const input = opt(args, "input");
  if (!file || !input)
    throw new CliError(
      "用法：zhengce eval 政策文件.zc --input 申报材料.json [--date 2022-03-01] [--json]",
    );
  const policy = await loadPolicyCached(file);
  const text = input === "-" ? await readStdin() : readText(input);
  const data = parseJson(text, input === "-" ? "标准输入" : input);
  const date = opt(args, "date");
  const params = opt(args, "params");
  const options: EvaluateOptions = {
    ...(date ? { date } : {}),
    ...(params ? { params: parseJson(readText(params), params) as Record<string, unknown> } : {}),
  };
  const json = flag(args, "json");
  if (Array.isArray(data)) {
    const { items } = evaluateBatch(policy, data, options);
    if (json)
      out(
        JSON.stringify(
          items.map((i) => ({ index: i.index, ...(evaluationJson(i.evaluation) as object) })),
          null,
          2,
        ),
      );
    else
      out(
        items
          .map(
            (i) =>
              `【第 ${i.index + 1} 份申报】\n${evaluationText(i.evaluation, flag(args, "all"))}`,
          )
          .join("\n\n"),
      );
    return items.some((i) => !i.evaluation.ok) ? 1 : 0;
  }
  const ev = policy.evaluate(data, options);
  out(json ? JSON.stringify(evaluationJson(ev), null, 2) : evaluationText(ev, flag(args, "all")));
  return ev.ok ? 0 : 1;
}
