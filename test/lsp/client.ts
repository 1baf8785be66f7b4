/**
 * A real language client for the tests: `zhengce lsp` started as editors start it (a child
 * process on stdio), spoken to with vscode-languageserver-protocol's node client connection.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  createProtocolConnection,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
} from "vscode-languageserver-protocol/node";

const BIN = fileURLToPath(new URL("../../bin/zhengce.js", import.meta.url));

export interface Client {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcess;
  /** The next diagnostics published for `uri` after this call (or already pending). */
  diagnostics(uri: string, after?: () => Promise<void> | void): Promise<Diagnostic[]>;
  /** The first diagnostics published for `uri` (after `after` runs) that satisfy `ok`. */
  diagnosticsUntil(
    uri: string,
    ok: (d: Diagnostic[]) => boolean,
    after?: () => Promise<void> | void,
  ): Promise<Diagnostic[]>;
  close(): Promise<void>;
}

export async function startClient(rootUri: string): Promise<Client> {
  const child = spawn(process.execPath, [BIN, "lsp", "--stdio"], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  // Listeners return true when they are done.
  const waiting = new Map<string, ((d: Diagnostic[]) => boolean)[]>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    const ws = waiting.get(p.uri) ?? [];
    waiting.set(
      p.uri,
      ws.filter((w) => !w(p.diagnostics)),
    );
  });
  const listen = (uri: string, ok: (d: Diagnostic[]) => boolean) =>
    new Promise<Diagnostic[]>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching diagnostics for ${uri}`)),
        15_000,
      );
      const w = (d: Diagnostic[]) => {
        if (!ok(d)) return false;
        clearTimeout(timer);
        resolve(d);
        return true;
      };
      waiting.set(uri, [...(waiting.get(uri) ?? []), w]);
    });
  connection.listen();
  await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri,
    capabilities: {
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: {},
        rename: { prepareSupport: true },
      },
    },
    workspaceFolders: [{ uri: rootUri, name: "policies" }],
  });
  await connection.sendNotification("initialized", {});
  return {
    connection,
    child,
    async diagnostics(uri, after) {
      const p = listen(uri, () => true);
      await after?.();
      return p;
    },
    async diagnosticsUntil(uri, ok, after) {
      const p = listen(uri, ok);
      await after?.();
      return p;
    },
    async close() {
      await connection.sendRequest("shutdown");
      await connection.sendNotification("exit");
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) resolve();
        else child.once("exit", () => resolve());
      });
      connection.dispose();
    },
  };
}
