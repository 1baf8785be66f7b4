// The zhengce VS Code extension: starts `zhengce lsp` (the project's CLI) as the language server
// for .zc files. Every language feature comes from the server; this file only connects them.
const { workspace, window } = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

/** @type {LanguageClient | undefined} */
let client;

function activate(context) {
  const config = workspace.getConfiguration("zhengce");
  const command = config.get("server.path") || "zhengce";
  const run = { command, args: ["lsp", "--stdio"], transport: TransportKind.stdio };
  client = new LanguageClient(
    "zhengce",
    "政策语言服务",
    { run, debug: run },
    {
      documentSelector: [{ scheme: "file", language: "zhengce" }],
      synchronize: { fileEvents: workspace.createFileSystemWatcher("**/*.zc") },
      outputChannel: window.createOutputChannel("政策语言服务"),
    },
  );
  context.subscriptions.push(client);
  return client.start().catch((err) => {
    window.showErrorMessage(
      `无法启动政策语言服务（${command} lsp）：${err && err.message ? err.message : err}。` +
        "请安装 zhengce（npm install -g zhengce），或在设置 zhengce.server.path 中写明它的路径。",
    );
  });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
