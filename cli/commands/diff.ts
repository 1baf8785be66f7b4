/**
 * `zhengce diff OLD NEW [--json] [--cases FILE.json|csv] [--population N --seed S] [--date D]
 * [--params FILE] [--threads N] [--slices N]`: what changed between two versions of a policy, in
 * words, and whose subsidy changes by how much. OLD and NEW are files or `FILE@REV` (a git
 * revision). `--slices` caps the boundary slices per clause (0 skips the boundary search).
 * `--prove` adds the exact diff (Z3): each changed clause and the total proven unchanged, or the
 * regions where amounts differ with verified witnesses; `--prove-timeout MS` limits each query.
 * `--property "无人减少；合计增加不超过 300万；只影响 第5条"` (implies --prove) checks a reviewer's
 * properties across the versions, each proven or refuted with a verified witness; the exit code
 * is 1 when one is refuted.
 */
import { parseCsv, fileSamples, type Sample } from "../../review/index.js";
import {
  budgetParallel,
  closeSolver,
  parseProperties,
  proofText,
  proveDiff,
} from "../../review/node/index.js";
import type { ProofReport } from "../../review/node/index.js";
import { budgetPlan, diffPrepared, prepare } from "../../review/index.js";
import { budgetText, reportText } from "../../review/index.js";
import { renderDiagnostic } from "../../grammar/index.js";
import { flag, opt, type Args } from "../args.js";
import { readVersion } from "../git-source.js";
import { CliError, parseJson, readText } from "../io.js";

const USAGE =
  '用法：zhengce diff 旧版.zc 新版.zc [--json] [--cases 申报.json|申报.csv] [--population 100000 --seed 1] [--date 2024-03-01] [--params 参数.json] [--slices 6] [--prove [--prove-timeout 毫秒]] [--property "无人减少；合计增加不超过 300万；只影响 第5条"]\n' +
  "      旧版、新版可写作 文件@版本（如 policies/a.zc@HEAD~1），读取 git 中该版本的文件";

function readApplications(file: string): Sample[] {
  const text = readText(file);
  if (/\.csv$/i.test(file)) return fileSamples(parseCsv(text));
  const data = parseJson(text, file);
  return fileSamples(Array.isArray(data) ? data : [data]);
}

function positiveInt(args: Args, name: string): number | undefined {
  const v = opt(args, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new CliError(`--${name} 应为非负整数：收到“${v}”`);
  return Number(v);
}

/** Run the diff command. */
export async function run(args: Args, out: (s: string) => void): Promise<number> {
  const [oldSpec, newSpec] = args.positional;
  if (!oldSpec || !newSpec) throw new CliError(USAGE);
  const [a, b] = await Promise.all([readVersion(oldSpec), readVersion(newSpec)]);
  const casesFile = opt(args, "cases");
  const size = positiveInt(args, "population");
  const seed = positiveInt(args, "seed") ?? 1;
  const date = opt(args, "date");
  const paramsFile = opt(args, "params");
  const params = paramsFile
    ? (parseJson(readText(paramsFile), paramsFile) as Record<string, unknown>)
    : undefined;
  const prepared = prepare(a.source, b.source);
  const slices = positiveInt(args, "slices");
  const report = diffPrepared(prepared, {
    ...(slices !== undefined ? { boundaries: slices > 0, slicesPerClause: slices } : {}),
    ...(casesFile ? { applications: readApplications(casesFile) } : {}),
  });
  if (!report.ok) {
    const errs = [
      ...report.diagnostics.old
        .filter((d) => d.severity === "error")
        .map((d) => renderDiagnostic(d, a.source, a.name)),
      ...report.diagnostics.new
        .filter((d) => d.severity === "error")
        .map((d) => renderDiagnostic(d, b.source, b.name)),
    ];
    if (flag(args, "json")) out(JSON.stringify(report, null, 2));
    else out([reportText(report), "", "有版本无法编译，只列出文本变化：", ...errs].join("\n"));
    return 1;
  }
  let budget;
  let seconds: number | undefined;
  if (size) {
    const started = performance.now();
    const threads = positiveInt(args, "threads");
    budget = await budgetParallel(
      prepared.old,
      prepared.new,
      budgetPlan(prepared, {
        size,
        seed,
        ...(date ? { date } : {}),
        ...(params ? { params } : {}),
      }),
      size,
      threads,
    );
    seconds = (performance.now() - started) / 1000;
  }
  let proof: ProofReport | undefined;
  const asked = opt(args, "property");
  const props = asked === undefined ? undefined : parseProperties(asked);
  if (props?.errors.length) throw new CliError(props.errors.join("\n"));
  if (flag(args, "prove") || props) {
    const timeoutMs = positiveInt(args, "prove-timeout");
    try {
      proof = await proveDiff(prepared, {
        ...(timeoutMs ? { timeoutMs } : {}),
        ...(props ? { properties: props.properties } : {}),
      });
    } finally {
      await closeSolver();
    }
  }
  // `--exit-code`, as in git diff: 1 when a rule changed, for review gates in CI; a property
  // refuted (or not proven) fails the review as well.
  const failed = proof?.properties?.some((r) => r.status !== "proven") ?? false;
  const code = (flag(args, "exit-code") && report.counts.rule > 0) || failed ? 1 : 0;
  if (flag(args, "json")) {
    out(
      JSON.stringify(
        {
          ...report,
          ...(budget ? { budget: { ...budget, seconds } } : {}),
          ...(proof ? { proof } : {}),
        },
        null,
        2,
      ),
    );
    return code;
  }
  out(reportText(report));
  out(
    proof
      ? ["", ...proofText(proof)].join("\n")
      : "\n以上金额范围由抽样搜索得到，未作证明；用 --prove 求证（已证明不变，或列出全部金额不同的区域）",
  );
  if (budget) out(["", ...budgetText(budget, seconds, budget.threads)].join("\n"));
  return code;
}
