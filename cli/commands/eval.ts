/**
 * `zhengce eval FILE --input APP.json [--date D] [--ledger F] [--approved F] [--params F]
 * [--applicant NAME] [--json] [--all]`: evaluates through the compiled module. `--input -` reads
 * standard input; an array of applications is a batch; an object with "application" or
 * "applications" is an envelope carrying the options, the shape the HTTP service accepts.
 * Every option is checked by the runtime, field by field. Exit 3 when a clause cannot be computed.
 */
import {
  evaluateBatch,
  evaluationJson,
  evaluationText,
  incompleteText,
  OPTION_NAMES,
  type CompiledPolicy,
  type Evaluation,
  type EvaluateOptions,
} from "../../runtime/index.js";
import { flag, opt, type Args } from "../args.js";
import { CliError, parseJson, readStdin, readText } from "../io.js";
import { loadPolicyCached } from "../load.js";

const USAGE =
  "用法：zhengce eval 政策文件.zc --input 申报材料.json [--date 2022-03-01] [--ledger 台账.json] [--approved 核定.json] [--params 参数.json] [--json]（zhengce eval --help 查看说明）";

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The envelope's keys besides the application(s): the options, as the service names them. */
const ENVELOPE_OPTIONS: readonly string[] = OPTION_NAMES.filter(
  (n) => n !== "quotaUsed" && n !== "today",
);

/** Split an envelope into the payload and its options; a bare application or array is the payload. */
function unwrap(data: unknown): { payload: unknown; options: Record<string, unknown> } {
  if (!isRecord(data)) return { payload: data, options: {} };
  const key = "applications" in data ? "applications" : "application" in data ? "application" : "";
  if (!key) return { payload: data, options: {} };
  const options: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [k, v] of Object.entries(data))
    if (k !== key) {
      if (ENVELOPE_OPTIONS.includes(k)) options[k] = v;
      else unknown.push(k);
    }
  if (unknown.length)
    throw new CliError(
      `输入文件中有未知的字段：${unknown.map((k) => `“${k.slice(0, 40)}”`).join("、")}（可用：${key}、${ENVELOPE_OPTIONS.join("、")}）`,
      1,
    );
  return { payload: data[key], options };
}

/** Options from the command line; each given twice (flag and envelope) is refused. */
async function gather(args: Args): Promise<{ payload: unknown; options: EvaluateOptions }> {
  const input = opt(args, "input")!;
  const text = input === "-" ? await readStdin() : readText(input);
  const { payload, options } = unwrap(parseJson(text, input === "-" ? "标准输入" : input));
  const fromFlags: Record<string, unknown> = {};
  for (const name of ["ledger", "approved", "params"]) {
    const file = opt(args, name);
    if (file) fromFlags[name] = parseJson(readText(file), file);
  }
  for (const name of ["date", "applicant"]) {
    const v = opt(args, name);
    if (v !== undefined) fromFlags[name] = v;
  }
  for (const name of Object.keys(fromFlags))
    if (name in options)
      throw new CliError(`--${name} 与输入文件中的“${name}”重复：请只给出一处`, 1);
  return { payload, options: { ...options, ...fromFlags } as EvaluateOptions };
}

const incomplete = (ev: Evaluation) => ev.ok && ev.result.clauses.some((c) => c.status === "error");

/** Run the eval command. */
export async function run(
  args: Args,
  out: (s: string) => void,
  err: (s: string) => void = out,
): Promise<number> {
  const file = args.positional[0];
  const json = flag(args, "json");
  if (!file || !opt(args, "input")) throw new CliError(USAGE);
  let payload: unknown;
  let options: EvaluateOptions;
  let policy: CompiledPolicy;
  try {
    policy = await loadPolicyCached(file); // compile errors first, as before reading the input
    ({ payload, options } = await gather(args));
  } catch (e) {
    // With --json the output stays JSON; the message also goes to standard error.
    if (json && e instanceof CliError)
      out(
        JSON.stringify({ ok: false, errors: [{ field: "(输入)", message: e.message }] }, null, 2),
      );
    throw e;
  }
  const all = flag(args, "all");
  const evaluations: { index?: number; evaluation: Evaluation }[] = Array.isArray(payload)
    ? evaluateBatch(policy, payload, options).items
    : [{ evaluation: policy.evaluate(payload, options) }];
  if (json) {
    const body = evaluations.map((i) => ({
      ...(i.index === undefined ? {} : { index: i.index }),
      ...(evaluationJson(i.evaluation) as object),
    }));
    out(JSON.stringify(Array.isArray(payload) ? body : body[0], null, 2));
  } else
    out(
      evaluations
        .map((i) =>
          i.index === undefined
            ? evaluationText(i.evaluation, all)
            : `【第 ${i.index + 1} 份申报】\n${evaluationText(i.evaluation, all)}`,
        )
        .join("\n\n"),
    );
  if (evaluations.some((i) => !i.evaluation.ok)) return 1;
  const partial = evaluations.filter((i) => incomplete(i.evaluation));
  if (partial.length) {
    for (const i of partial) err(incompleteText(i.evaluation));
    return 3;
  }
  return 0;
}
