/**
 * The language server's guideline base lookup is cached (issue 15): a guideline's 基于 is not
 * resolved by reading and parsing its folder on every change and every request. Files are read
 * again when they change on disk, open documents are parsed again when their text changes, and a
 * folder is listed again when files come or go; requests between changes look nothing up. The
 * server runs in this process on an in-memory connection, with a BaseFinder the test can count.
 */
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import {
  createProtocolConnection,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
} from "vscode-languageserver-protocol/node";
import { BaseFinder } from "../../lsp/bases.js";
import { startServer } from "../../lsp/server.js";
import { SEED_FILE } from "../support/seed.js";

const SEED = readFileSync(SEED_FILE, "utf8");
const TITLE = "嘉定区工业互联网创新发展专项支持实施意见";
/** The 2024 guideline, built on the seed by its title (so the folder has to be searched). */
const GUIDE = readFileSync("policies/jiading-2024-guideline.zc", "utf8").replace(
  "基于 “jiading-2021-industrial-internet.zc”",
  `基于 “${TITLE}”`,
);
const OTHER = "政策 另一项政策\n申报信息\n  营业收入 金额\n\n第1条 奖励\n  奖励 定额 1万\n";

let dir: string;
const pathOf = (name: string) => join(dir, name);
const uriOf = (name: string) => pathToFileURL(pathOf(name)).href;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "zc-bases-"));
  copyFileSync(SEED_FILE, pathOf("a-policy.zc"));
  writeFileSync(pathOf("b-other.zc"), OTHER);
  writeFileSync(pathOf("guideline.zc"), GUIDE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Rewrite a file in place and move its time on, as an editor saving it would. */
function rewrite(name: string, text: string, seconds: number) {
  writeFileSync(pathOf(name), text);
  const t = new Date(Date.now() + seconds * 1000);
  utimesSync(pathOf(name), t, t);
}

describe("BaseFinder", () => {
  it("reads and parses the folder once, then again only what changed", () => {
    const f = new BaseFinder();
    const none = new Map<string, string>();
    const first = f.find(TITLE, uriOf("guideline.zc"), none);
    expect(first).toEqual({ uri: uriOf("a-policy.zc"), text: SEED });
    expect(f.stats).toMatchObject({ reads: 1, parses: 1, listings: 1 });
    for (let i = 0; i < 5; i++) expect(f.find(TITLE, uriOf("guideline.zc"), none)).toEqual(first);
    expect(f.stats).toMatchObject({ reads: 1, parses: 1, listings: 1 });

    // The base changes on disk: read and parsed again, the folder not listed again.
    const edited = SEED.replace("# ", "# 改过 ");
    rewrite("a-policy.zc", edited, 10);
    expect(f.find(TITLE, uriOf("guideline.zc"), none)?.text).toBe(edited);
    expect(f.stats).toMatchObject({ reads: 2, parses: 2, listings: 1 });

    // The base stops being that policy: the next file is read, and nothing matches.
    rewrite("a-policy.zc", edited.replace(`政策 ${TITLE}`, "政策 改名的政策"), 20);
    expect(f.find(TITLE, uriOf("guideline.zc"), none)).toBeUndefined();
    expect(f.stats).toMatchObject({ reads: 4, parses: 4, listings: 1 });

    // A new file in the folder: listed again, and found.
    copyFileSync(SEED_FILE, pathOf("c-copy.zc"));
    expect(f.find(TITLE, uriOf("guideline.zc"), none)?.uri).toBe(uriOf("c-copy.zc"));
    expect(f.stats.listings).toBe(2);
    rmSync(pathOf("c-copy.zc"));
    rewrite("a-policy.zc", SEED, 30);
  });

  it("an open document is parsed once per text, and wins over the file", () => {
    const f = new BaseFinder();
    const unsaved = SEED.replace("# ", "# 未保存 ");
    const open = new Map([[uriOf("a-policy.zc"), unsaved]]);
    expect(f.find(TITLE, uriOf("guideline.zc"), open)?.text).toBe(unsaved);
    expect(f.find(TITLE, uriOf("guideline.zc"), open)?.text).toBe(unsaved);
    expect(f.stats.parses).toBe(1);
    const typed = unsaved.replace("# 未保存 ", "# 未保存，又改 ");
    expect(
      f.find(TITLE, uriOf("guideline.zc"), new Map([[uriOf("a-policy.zc"), typed]]))?.text,
    ).toBe(typed);
    expect(f.stats.parses).toBe(2);
  });
});

/** A client connected to a server in this process. */
function connect(bases: BaseFinder): {
  client: ProtocolConnection;
  diagnostics: (
    uri: string,
    ok: (d: Diagnostic[]) => boolean,
    act: () => unknown,
  ) => Promise<Diagnostic[]>;
} {
  const up = new PassThrough();
  const down = new PassThrough();
  startServer(createConnection(ProposedFeatures.all, up, down), bases);
  const client = createProtocolConnection(
    new StreamMessageReader(down),
    new StreamMessageWriter(up),
  );
  const waiting: {
    uri: string;
    ok: (d: Diagnostic[]) => boolean;
    done: (d: Diagnostic[]) => void;
  }[] = [];
  client.onNotification(PublishDiagnosticsNotification.type, (p) => {
    for (const w of [...waiting])
      if (w.uri === p.uri && w.ok(p.diagnostics)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.done(p.diagnostics);
      }
  });
  client.listen();
  return {
    client,
    diagnostics: (uri, ok, act) =>
      new Promise((done, fail) => {
        const timer = setTimeout(
          () => fail(new Error(`no matching diagnostics for ${uri}`)),
          30_000,
        );
        waiting.push({ uri, ok, done: (d) => (clearTimeout(timer), done(d)) });
        void act();
      }),
  };
}

describe("zhengce lsp with the cache", () => {
  it("requests look nothing up; a change of the base re-checks the guideline; closing it goes back to the file", async () => {
    const bases = new BaseFinder();
    const { client, diagnostics } = connect(bases);
    await client.sendRequest("initialize", { processId: null, rootUri: null, capabilities: {} });
    await client.sendNotification("initialized", {});
    const guide = { uri: uriOf("guideline.zc") };
    const base = { uri: uriOf("a-policy.zc") };
    const errors = (d: Diagnostic[]) => d.filter((x) => x.severity === 1);
    const clean = await diagnostics(
      guide.uri,
      () => true,
      () =>
        client.sendNotification("textDocument/didOpen", {
          textDocument: { ...guide, languageId: "zhengce", version: 1, text: GUIDE },
        }),
    );
    expect(errors(clean)).toEqual([]);
    const afterOpen = { ...bases.stats };
    expect(afterOpen.reads).toBeGreaterThan(0);
    expect(afterOpen.lookups).toBeGreaterThan(0);

    // Hover, outline, completion, lenses: answered from the analysis, no lookup at all.
    for (let i = 0; i < 3; i++) {
      await client.sendRequest("textDocument/hover", {
        textDocument: guide,
        position: { line: 2, character: 2 },
      });
      await client.sendRequest("textDocument/documentSymbol", { textDocument: guide });
      await client.sendRequest("textDocument/completion", {
        textDocument: guide,
        position: { line: 3, character: 2 },
      });
      await client.sendRequest("textDocument/codeLens", { textDocument: guide });
    }
    expect(bases.stats).toEqual(afterOpen);

    // The drafter opens the base and breaks a name the guideline uses: the guideline is re-checked.
    const broken = SEED.replaceAll("实际发生服务金额", "服务合同金额");
    const failing = await diagnostics(
      guide.uri,
      (d) => errors(d).length > 0,
      async () => {
        await client.sendNotification("textDocument/didOpen", {
          textDocument: { ...base, languageId: "zhengce", version: 1, text: SEED },
        });
        await client.sendNotification("textDocument/didChange", {
          textDocument: { ...base, version: 2 },
          contentChanges: [{ text: broken }],
        });
      },
    );
    expect(errors(failing).length).toBeGreaterThan(0);
    const afterEdit = { ...bases.stats };
    expect(afterEdit.reads).toBe(afterOpen.reads);

    // Closed without saving: the guideline follows the file on disk again, read from the cache.
    const back = await diagnostics(
      guide.uri,
      (d) => errors(d).length === 0,
      () => client.sendNotification("textDocument/didClose", { textDocument: base }),
    );
    expect(errors(back)).toEqual([]);
    expect(bases.stats.reads).toBe(afterOpen.reads);
    await client.sendRequest("shutdown");
    client.dispose();
  });
});
