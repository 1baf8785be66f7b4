/**
 * The zhengce command line. Each command lives in cli/commands/ and is loaded only when used,
 * which keeps `zhengce eval` quick to start.
 */
import { parseArgs, type Args } from "./args.js";
import { CliError } from "./io.js";

type Command = (args: Args, out: (s: string) => void) => number | Promise<number>;

/** Commands by name, with their usage line. Later features register here. */
const COMMANDS: Record<string, { usage: string; load: () => Promise<{ run: Command }> }> = {
  check: {
    usage: "check 文件或目录…            检查政策，列出错误与警告",
    load: () => import("./commands/check.js"),
  },
  compile: {
    usage: "compile 文件 --out 目录        生成 TypeScript 模块与 ES 模块",
    load: () => import("./commands/compile.js"),
  },
  eval: {
    usage: "eval 文件 --input 申报.json [--date 日期] [--json] [--all]  计算资助金额并说明理由",
    load: () => import("./commands/eval.js"),
  },
  test: {
    usage: "test [文件或目录]             运行政策中的案例",
    load: () => import("./commands/test.js"),
  },
  fmt: {
    usage: "fmt [--write|--check] 文件或目录…  统一政策文件的格式（与 Prettier 插件一致）",
    load: () => import("./commands/fmt.js"),
  },
  diff: {
    usage:
      "diff 旧版 新版 [--json] [--cases 文件] [--population N --seed S] [--exit-code]  两个版本的变化及其影响",
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
    usage: "serve [目录] [--port 8080] [--host 127.0.0.1]  以 HTTP 服务提供政策计算",
    load: () => import("./commands/serve.js"),
  },
};

const BOOLEAN_FLAGS = ["json", "all", "help", "write", "check", "no-state", "exit-code", "stdio"];

function usage(): string {
  return [
    "用法：zhengce <命令> …",
    "",
    ...Object.values(COMMANDS).map((c) => `  zhengce ${c.usage}`),
  ].join("\n");
}

/** Run the CLI with arguments (without node and script); returns the exit code. */
export async function main(
  argv: readonly string[],
  out: (s: string) => void = (s) => process.stdout.write(s + "\n"),
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help") {
    out(usage());
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    out(`未知命令“${name}”\n\n${usage()}`);
    return 2;
  }
  try {
    const mod = await cmd.load();
    return await mod.run(parseArgs(rest, BOOLEAN_FLAGS), out);
  } catch (e) {
    if (e instanceof CliError) {
      out(e.message);
      return e.exitCode;
    }
    throw e;
  }
}
