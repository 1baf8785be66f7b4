/**
 * The zhengce command line. Each command lives in cli/commands/ and is loaded only when used,
 * which keeps `zhengce eval` quick to start.
 */
import { parseArgs, type Args } from "./args.js";
import { CliError } from "./io.js";

type Command = (
  args: Args,
  out: (s: string) => void,
  err: (s: string) => void,
) => number | Promise<number>;

/** Commands by name, with their usage line. Later features register here. */
const COMMANDS: Record<
  string,
  { usage: string; help?: string; load: () => Promise<{ run: Command }> }
> = {
  check: {
    usage:
      "check 文件或目录… [--prove [--prove-timeout 毫秒]] [--json]  检查政策，列出错误与警告；--prove 用求解器证明每条断言，或给出经实际计算验证的反例",
    load: () => import("./commands/check.js"),
  },
  compile: {
    usage: "compile 文件 --out 目录        生成 TypeScript 模块与 ES 模块",
    load: () => import("./commands/compile.js"),
  },
  eval: {
    usage:
      "eval 文件 --input 申报.json [--date 日期] [--ledger 台账.json] [--approved 核定.json] [--params 参数.json] [--applicant 名称] [--json] [--all]  计算资助金额并说明理由",
    help: [
      "  --input 文件     申报材料（JSON）；“-” 读标准输入；数组为批量申报；",
      '                   也可以是与 HTTP 服务相同的信封：{"application": {…}, "date", "ledger", "approved", "params", "applicant"}',
      "  --date 日期      申报日期（2022-03-01）；与申报材料中的“申报日期”不一致时报错；都未给出时按今天（中国时间）",
      '  --ledger 文件    台账：已获资助的数组 [{"applicant", "clause", "amount", "date"}]',
      '  --approved 文件  核定金额：{"第10条": "80万"}',
      '  --params 文件    参数取值：{"服务企业数量要求": 10}',
      "  --applicant 名称 申报主体（对照台账）",
      "  --json           输出 JSON；出错时也输出 JSON（错误说明同时写到标准错误）",
      "  --all            列出不适用条款的原因",
      "退出码：0 成功；1 申报材料或选项有误；2 用法或文件有误；3 有条款无法计算（如参数待定），结果仍然输出",
    ].join("\n"),
    load: () => import("./commands/eval.js"),
  },
  test: {
    usage: "test [文件或目录] [--coverage]  运行政策中的案例",
    help: [
      "  --coverage       列出每一条的案例覆盖：哪些条件、上限、步骤、表格行和分档有案例覆盖，哪些没有",
      "                   （删去一项规则后有案例的结果改变，即为有案例依赖它；表格行与分档按案例的说明是否走到）",
      "每个文件的汇总行写明有几个条款没有案例。退出码：0 全部通过；1 有案例未通过",
    ].join("\n"),
    load: () => import("./commands/test.js"),
  },
  fmt: {
    usage: "fmt [--write|--check] 文件或目录…  统一政策文件的格式（与 Prettier 插件一致）",
    load: () => import("./commands/fmt.js"),
  },
  diff: {
    usage:
      "diff 旧版 新版 [--json] [--cases 文件] [--population N --seed S] [--exit-code] [--prove] [--property 性质]  两个版本的变化及其影响；--property “无人减少；合计增加不超过 300万；只影响 第5条”逐条证明或给出反例",
    load: () => import("./commands/diff.js"),
  },
  doc: {
    usage: "doc 文件 [--format md|html] [--out 文件]  生成政策或申报指南文档",
    load: () => import("./commands/doc.js"),
  },
  schema: {
    usage: "schema 文件                   输出申报材料的 JSON Schema",
    load: () => import("./commands/schema.js"),
  },
  lsp: {
    usage:
      "lsp [--stdio]                 语言服务器（LSP，标准输入输出），供 VS Code、Neovim 等编辑器使用",
    load: () => import("./commands/lsp.js"),
  },
  serve: {
    usage:
      "serve [目录] [--port 8080] [--host 127.0.0.1] [--allow-host 名称]  以 HTTP 服务提供政策计算",
    load: () => import("./commands/serve.js"),
  },
};

const BOOLEAN_FLAGS = [
  "json",
  "all",
  "help",
  "write",
  "check",
  "no-state",
  "exit-code",
  "stdio",
  "coverage",
  "prove",
];

function usage(): string {
  return [
    "用法：zhengce <命令> …",
    "",
    ...Object.values(COMMANDS).map((c) => `  zhengce ${c.usage}`),
  ].join("\n");
}

/** Run the CLI with arguments (without node and script); returns the exit code. Errors go to `err`
 * (standard error; the same sink as `out` when only `out` is given, as tests do). */
export async function main(
  argv: readonly string[],
  out?: (s: string) => void,
  err?: (s: string) => void,
): Promise<number> {
  const stdout = out ?? ((s: string) => void process.stdout.write(s + "\n"));
  const stderr = err ?? out ?? ((s: string) => void process.stderr.write(s + "\n"));
  try {
    return await dispatch(argv, stdout, stderr);
  } catch (e) {
    // Chinese first; the engine's detail after it, for a bug report.
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    stderr(`zhengce：内部错误，命令未能完成（这是 zhengce 的缺陷，请报告）。\n详情：${detail}`);
    return 70;
  }
}

async function dispatch(
  argv: readonly string[],
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help") {
    out(usage());
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    err(`未知命令“${name}”\n\n${usage()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    out(`用法：zhengce ${cmd.usage}${cmd.help ? `\n\n${cmd.help}` : ""}`);
    return 0;
  }
  try {
    const mod = await cmd.load();
    return await mod.run(parseArgs(rest, BOOLEAN_FLAGS), out, err);
  } catch (e) {
    if (e instanceof CliError) {
      err(e.message);
      return e.exitCode;
    }
    throw e;
  }
}
