/**
 * `zhengce lsp` over stdio with a real client connection: every language feature on the seed, a
 * quick fix applied, formatting idempotent, incremental sync, and a guideline following its base.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { TextEdit } from "vscode-languageserver-protocol/node";
import { startClient, type Client } from "./client.js";

const SEED = "policies/jiading-2021-industrial-internet.zc";
const GUIDE = "policies/jiading-2024-guideline.zc";
const seedText = readFileSync(SEED, "utf8");

let dir: string;
let client: Client;
const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;
let version = 1;

async function open(name: string, text: string) {
  const uri = uriOf(name);
  return client.diagnostics(uri, () =>
    client.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "zhengce", version: version++, text },
    }),
  );
}

const positionOf = (text: string, needle: string, nth = 0) => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`not found: ${needle}`);
  const before = text.slice(0, at).split("\n");
  return { line: before.length - 1, character: before[before.length - 1]!.length };
};

const apply = (text: string, edits: TextEdit[]) =>
  TextDocument.applyEdits(TextDocument.create("x", "zhengce", 0, text), edits);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zc-lsp-"));
  copyFileSync(SEED, join(dir, "jiading-2021-industrial-internet.zc"));
  copyFileSync(GUIDE, join(dir, "guideline.zc"));
  client = await startClient(pathToFileURL(dir).href);
});
afterAll(async () => {
  await client?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("zhengce lsp", () => {
  it("opens the seed with no errors, and answers each feature", async () => {
    const ds = await open("seed.zc", seedText);
    expect(ds.filter((d) => d.severity === 1)).toEqual([]);
    const uri = uriOf("seed.zc");
    const td = { uri };

    const completion = (await client.connection.sendRequest("textDocument/completion", {
      textDocument: td,
      position: { line: 0, character: 0 },
    })) as { label: string; kind: number }[];
    const labels = completion.map((c) => c.label);
    expect(labels).toContain("上限");
    expect(labels).toContain("项目实际投资");
    expect(labels.some((l) => l.startsWith("条款："))).toBe(true);

    const use = positionOf(seedText, "项目实际投资", 2);
    const hover = (await client.connection.sendRequest("textDocument/hover", {
      textDocument: td,
      position: use,
    })) as { contents: { value: string } };
    expect(hover.contents.value).toContain("项目实际投资");
    expect(hover.contents.value).toContain("申报信息");
    const kwHover = (await client.connection.sendRequest("textDocument/hover", {
      textDocument: td,
      position: positionOf(seedText, "  上限 200万"),
    })) as { contents: { value: string } } | null;
    // The position is the indentation; one character in is the keyword itself.
    const onCap = (await client.connection.sendRequest("textDocument/hover", {
      textDocument: td,
      position: { ...positionOf(seedText, "  上限 200万"), character: 3 },
    })) as { contents: { value: string } };
    expect(kwHover).toBeNull();
    expect(onCap.contents.value).toContain("关键字");

    const def = (await client.connection.sendRequest("textDocument/definition", {
      textDocument: td,
      position: use,
    })) as { range: { start: { line: number } } }[];
    expect(def).toHaveLength(1);
    const declLine = seedText.split("\n").findIndex((l) => /^\s+项目实际投资 /.test(l));
    expect(def[0]!.range.start.line).toBe(declLine);

    const refs = (await client.connection.sendRequest("textDocument/references", {
      textDocument: td,
      position: use,
      context: { includeDeclaration: true },
    })) as unknown[];
    // The declaration and seven uses (one in a 断言); the name inside 原文 and descriptions is
    // text, not a use.
    const lines = (refs as { range: { start: { line: number } } }[]).map((r) => r.range.start.line);
    const expected = seedText
      .split("\n")
      .flatMap((l, i) =>
        !/^\s*原文/.test(l) && l.replace(/“[^”]*”/g, "").includes("项目实际投资") ? [i] : [],
      );
    expect(lines.sort((a, b) => a - b)).toEqual(expected);
    expect(expected).toHaveLength(8);

    const clauseDef = (await client.connection.sendRequest("textDocument/definition", {
      textDocument: td,
      position: { ...positionOf(seedText, "期望 第1条 150万"), character: 6 },
    })) as { range: { start: { line: number } } }[];
    expect(clauseDef[0]!.range.start.line).toBe(positionOf(seedText, "第1条 支持企业").line);

    const symbols = (await client.connection.sendRequest("textDocument/documentSymbol", {
      textDocument: td,
    })) as { name: string }[];
    expect(symbols.map((s) => s.name)).toContain("第5条 推广工业互联网创新应用及标杆建设");
    expect(symbols.map((s) => s.name)).toContain("申报信息");

    const folds = (await client.connection.sendRequest("textDocument/foldingRange", {
      textDocument: td,
    })) as { startLine: number; endLine: number }[];
    expect(folds.some((f) => f.startLine === positionOf(seedText, "第5条 推广").line)).toBe(true);

    const tokens = (await client.connection.sendRequest("textDocument/semanticTokens/full", {
      textDocument: td,
    })) as { data: number[] };
    expect(tokens.data.length % 5).toBe(0);
    expect(tokens.data.length / 5).toBeGreaterThan(500);
  });

  it("renames a name everywhere, cases included, and refuses a keyword", async () => {
    const uri = uriOf("seed.zc");
    const use = positionOf(seedText, "项目实际投资", 2);
    const edit = (await client.connection.sendRequest("textDocument/rename", {
      textDocument: { uri },
      position: use,
      newName: "实际投资额",
    })) as { changes: Record<string, TextEdit[]> };
    const renamed = apply(seedText, edit.changes[uri]!);
    const code = renamed.split("\n").filter((l) => !/^\s*原文/.test(l));
    expect(code.join("\n").replace(/“[^”]*”/g, "")).not.toContain("项目实际投资");
    // 原文 quotes the policy text: a rename never rewrites it.
    expect(renamed).toContain("按不超过项目实际投资的30%予以资助");
    expect(renamed).toContain("输入 获智能工厂授牌 是，实际投资额 500万");
    const ds = await open("renamed.zc", renamed);
    expect(ds.filter((d) => d.severity === 1)).toEqual([]);

    await expect(
      client.connection.sendRequest("textDocument/prepareRename", {
        textDocument: { uri },
        position: { ...positionOf(seedText, "  上限 200万"), character: 3 },
      }),
    ).rejects.toThrow(/关键字/);
  });

  it("reports a typo in Chinese at its line and column, and its quick fix repairs it", async () => {
    const broken = seedText.replace(
      "资助 比例 30% 基数 项目实际投资",
      "资助 比例 30% 基数 项目实际投姿",
    );
    const ds = await open("typo.zc", broken);
    const err = ds.find((d) => d.severity === 1)!;
    const at = positionOf(broken, "项目实际投姿");
    expect(err.range.start).toEqual(at);
    expect(err.message).toMatch(/项目实际投姿/);
    const actions = (await client.connection.sendRequest("textDocument/codeAction", {
      textDocument: { uri: uriOf("typo.zc") },
      range: err.range,
      context: { diagnostics: [err] },
    })) as { title: string; edit: { changes: Record<string, TextEdit[]> } }[];
    expect(actions[0]!.title).toBe("改为“项目实际投资”");
    const fixed = apply(broken, actions[0]!.edit.changes[uriOf("typo.zc")]!);
    expect(fixed).toBe(seedText);
  });

  it("syncs incrementally: a ranged change is answered with new diagnostics", async () => {
    const uri = uriOf("seed.zc");
    const cap = positionOf(seedText, "上限 200万");
    const ds = await client.diagnostics(uri, () =>
      client.connection.sendNotification("textDocument/didChange", {
        textDocument: { uri, version: version++ },
        contentChanges: [
          {
            range: { start: cap, end: { ...cap, character: cap.character + 2 } },
            text: "上线",
          },
        ],
      }),
    );
    expect(ds.some((d) => d.severity === 1 && d.range.start.line === cap.line)).toBe(true);
    const back = await client.diagnostics(uri, () =>
      client.connection.sendNotification("textDocument/didChange", {
        textDocument: { uri, version: version++ },
        contentChanges: [{ text: seedText }],
      }),
    );
    expect(back.filter((d) => d.severity === 1)).toEqual([]);
  });

  it("formats, and formatting again changes nothing", async () => {
    const messy = seedText
      .replace("  上限 200万", "  上限   200万")
      .replace(/\n\n第2条/, "\n\n\n\n第2条");
    await open("messy.zc", messy);
    const edits = (await client.connection.sendRequest("textDocument/formatting", {
      textDocument: { uri: uriOf("messy.zc") },
      options: { tabSize: 2, insertSpaces: true },
    })) as TextEdit[];
    expect(edits).toHaveLength(1);
    const once = apply(messy, edits);
    expect(once).not.toContain("上限   200万");
    await open("once.zc", once);
    const again = (await client.connection.sendRequest("textDocument/formatting", {
      textDocument: { uri: uriOf("once.zc") },
      options: { tabSize: 2, insertSpaces: true },
    })) as TextEdit[];
    expect(again).toEqual([]);
  });

  it("puts case results in code lenses and inlay hints", async () => {
    const uri = uriOf("seed.zc");
    const lenses = (await client.connection.sendRequest("textDocument/codeLens", {
      textDocument: { uri },
    })) as { range: { start: { line: number } }; command: { title: string } }[];
    const cases = seedText.split("\n").filter((l) => l.startsWith("案例 ")).length;
    const caseLenses = lenses.filter((l) => /^[✓✗]/.test(l.command.title));
    expect(caseLenses).toHaveLength(cases);
    expect(caseLenses.every((l) => l.command.title.startsWith("✓ 通过"))).toBe(true);
    const first = lenses.find(
      (l) => l.range.start.line === positionOf(seedText, "第1条 支持").line,
    );
    expect(first!.command.title).toMatch(/^试算（案例“第1条 .*”）：\d/);

    const hints = (await client.connection.sendRequest("textDocument/inlayHint", {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 100000, character: 0 } },
    })) as { position: { line: number }; label: string }[];
    const line = positionOf(seedText, "  期望 第1条 150万").line;
    expect(hints.find((h) => h.position.line === line)!.label).toContain("实际：150万元");

    // A failing case says what was expected and what came out.
    const wrong = seedText.replace("  期望 第1条 150万", "  期望 第1条 151万");
    await open("wrong.zc", wrong);
    const wrongLenses = (await client.connection.sendRequest("textDocument/codeLens", {
      textDocument: { uri: uriOf("wrong.zc") },
    })) as { command: { title: string } }[];
    const failed = wrongLenses.filter((l) => l.command.title.startsWith("✗ 失败"));
    expect(failed).toHaveLength(1);
    expect(failed[0]!.command.title).toMatch(/151万/);
  });

  it("checks a guideline against its base, and again when the base changes", async () => {
    const guide = readFileSync(GUIDE, "utf8");
    const ds = await open("guideline.zc", guide);
    expect(ds.filter((d) => d.severity === 1)).toEqual([]);
    // The drafter removes 实际发生服务金额 from the open policy: the guideline that uses it breaks.
    const baseUri = uriOf("jiading-2021-industrial-internet.zc");
    const baseText = readFileSync(join(dir, "jiading-2021-industrial-internet.zc"), "utf8");
    await open("jiading-2021-industrial-internet.zc", baseText);
    const changed = baseText.replaceAll("实际发生服务金额", "服务合同金额");
    const hasError = (d: { severity?: number }[]) => d.some((x) => x.severity === 1);
    const guideDs = await client.diagnosticsUntil(uriOf("guideline.zc"), hasError, () =>
      client.connection.sendNotification("textDocument/didChange", {
        textDocument: { uri: baseUri, version: version++ },
        contentChanges: [{ text: changed }],
      }),
    );
    const uses = positionOf(guide, "基数 实际发生服务金额").line;
    expect(guideDs.some((d) => d.severity === 1 && d.range.start.line === uses)).toBe(true);

    const orphan = guide.replace("jiading-2021-industrial-internet.zc", "missing.zc");
    const orphanDs = await open("orphan.zc", orphan);
    expect(orphanDs[0]!.code).toBe("E413");
    expect(orphanDs[0]!.message).toContain("missing.zc");
  });
});
