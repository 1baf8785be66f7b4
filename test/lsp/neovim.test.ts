/**
 * End to end with a real editor: Debian's Neovim (0.7, built-in LSP client, headless) opens a
 * policy with a typo, receives the Chinese diagnostic at the right line and column, applies the
 * server's quick fix and writes the fixed file. `npm test` installs neovim where it is missing.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../../bin/zhengce.js", import.meta.url));
const LUA = fileURLToPath(new URL("./neovim.lua", import.meta.url));
const seed = readFileSync("policies/jiading-2021-industrial-internet.zc", "utf8");
const dir = mkdtempSync(join(tmpdir(), "zc-nvim-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("Neovim shows the Chinese diagnostic where the typo is, and its quick fix repairs the file", () => {
  const broken = seed.replace("资助 比例 30% 基数 项目实际投资", "资助 比例 30% 基数 项目实际投姿");
  const file = join(dir, "policy.zc");
  const out = join(dir, "out.json");
  writeFileSync(file, broken);
  execFileSync("nvim", ["--headless", "--clean", "-u", LUA, file], {
    cwd: dir,
    env: { ...process.env, ZC_OUT: out, ZC_BIN: BIN },
    timeout: 60_000,
    stdio: "ignore",
  });
  const result = JSON.parse(readFileSync(out, "utf8")) as {
    error?: string;
    diagnostics: { lnum: number; col: number; message: string; code: string }[];
    actions: string[];
    applied?: string;
  };
  expect(result.error).toBeUndefined();
  const lines = broken.split("\n");
  const lnum = lines.findIndex((l) => l.includes("项目实际投姿"));
  const byteCol = Buffer.byteLength(lines[lnum]!.slice(0, lines[lnum]!.indexOf("项目实际投姿")));
  const d = result.diagnostics.find((x) => x.message.includes("项目实际投姿"))!;
  expect(d).toBeDefined();
  // Neovim counts columns in bytes: the server's UTF-16 positions were converted correctly.
  expect({ lnum: d.lnum, col: d.col }).toEqual({ lnum, col: byteCol });
  expect(d.message).toMatch(/[\u4e00-\u9fff]/);
  expect(result.applied).toBe("改为“项目实际投资”");
  expect(readFileSync(file, "utf8")).toBe(seed);
});
