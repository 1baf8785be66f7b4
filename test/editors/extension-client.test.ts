/**
 * The VS Code extension's own client code (editors/vscode/src/extension.js bundled by the same vite
 * config as the .vsix's dist/extension.js, here into a folder of its own) started as VS Code would start it: `activate()` runs vscode-languageclient's node client,
 * which launches `zhengce lsp` and completes the handshake with the real server. VS Code itself
 * cannot be installed here, so its `vscode` module is a stand-in that answers every call with
 * another stand-in; only the settings and the error message are real.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../../bin/zhengce.js", import.meta.url));

interface Client {
  isRunning(): boolean;
  initializeResult?: { capabilities: Record<string, unknown>; serverInfo?: { name: string } };
}
interface Extension {
  activate(context: { subscriptions: unknown[] }): Promise<unknown>;
  deactivate(): Promise<void> | undefined;
}

let serverPath: string | undefined;
const errors: string[] = [];

/** A stand-in for any part of the VS Code API: every property, call and `new` gives another. */
function standIn(path: string): unknown {
  return new Proxy(function () {}, {
    get(_t, k) {
      if (k === "then" || typeof k === "symbol") return undefined;
      if (path === "vscode" && k === "version") return "1.96.0";
      if (path === "vscode.workspace" && k === "getConfiguration")
        return () => ({ get: (n: string) => (n === "server.path" ? serverPath : undefined) });
      if (path === "vscode.window" && k === "showErrorMessage")
        return (m: string) => void errors.push(m);
      return standIn(`${path}.${String(k)}`);
    },
    apply: () => standIn(`${path}()`),
    construct: () => standIn(`new ${path}`) as object,
  });
}

type Load = (request: string, ...rest: unknown[]) => unknown;
const loader = Module as unknown as { _load: Load };
const original = loader._load;
let extension: Extension;
const out = mkdtempSync(join(tmpdir(), "zc-extension-"));

beforeAll(() => {
  execFileSync(
    "node_modules/.bin/vite",
    ["build", "--config", "editors/vscode/vite.config.ts", "--outDir", out, "--emptyOutDir"],
    { stdio: "ignore" },
  );
  const vscode = standIn("vscode");
  loader._load = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === "vscode" ? vscode : original.call(this, request, ...rest);
  };
  extension = createRequire(import.meta.url)(join(out, "extension.js")) as Extension;
});
afterAll(() => {
  loader._load = original;
  rmSync(out, { recursive: true, force: true });
});

it("activate() starts `zhengce lsp` with vscode-languageclient and completes the handshake", async () => {
  serverPath = BIN;
  const subscriptions: unknown[] = [];
  await extension.activate({ subscriptions });
  const client = subscriptions[0] as Client;
  expect(client.isRunning()).toBe(true);
  expect(client.initializeResult?.serverInfo?.name).toBe("zhengce");
  const caps = client.initializeResult!.capabilities;
  for (const c of ["hoverProvider", "completionProvider", "codeActionProvider", "codeLensProvider"])
    expect(caps[c], c).toBeTruthy();
  expect(errors).toEqual([]);
  await extension.deactivate();
  expect(client.isRunning()).toBe(false);
}, 60_000);

it("a missing zhengce command is a Chinese error message naming the setting", async () => {
  serverPath = "/nonexistent/zhengce";
  await extension.activate({ subscriptions: [] });
  // vscode-languageclient shows its own English message too; ours is the Chinese one.
  const ours = errors.filter((m) => m.startsWith("无法启动政策语言服务"));
  expect(ours).toHaveLength(1);
  expect(ours[0]).toContain("无法启动政策语言服务（/nonexistent/zhengce lsp）");
  expect(ours[0]).toContain("zhengce.server.path");
}, 60_000);
