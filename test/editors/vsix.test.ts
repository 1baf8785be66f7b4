/**
 * The VS Code extension packages as a .vsix with @vscode/vsce (the same steps as
 * `npm run package:vscode`, after the build generated the grammar): the archive holds the bundled
 * client, the grammar, the language configuration and the manifest.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import { expect, it } from "vitest";

it("packages the extension with vsce", () => {
  execFileSync("node_modules/.bin/vite", ["build", "--config", "editors/vscode/vite.config.ts"], {
    stdio: "ignore",
  });
  const bundle = readFileSync("editors/vscode/dist/extension.js", "utf8");
  // Only the editor's own module stays outside the bundle.
  const required = [...bundle.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
  const builtin = new Set(builtinModules);
  const outside = required.filter((r) => !r!.startsWith("node:") && !builtin.has(r!));
  expect([...new Set(outside)]).toEqual(["vscode"]);
  const vsix = "editors/vscode/test-package.vsix";
  try {
    execFileSync(
      "../../node_modules/.bin/vsce",
      ["package", "--no-dependencies", "--allow-missing-repository", "--out", "test-package.vsix"],
      { cwd: "editors/vscode", stdio: "ignore" },
    );
    const zip = readFileSync(vsix).toString("latin1");
    for (const entry of [
      "extension/package.json",
      "extension/dist/extension.js",
      "extension/syntaxes/zhengce.tmLanguage.json",
      "extension/language-configuration.json",
    ])
      expect(zip).toContain(entry);
    expect(zip).not.toContain("extension/src/");
  } finally {
    rmSync(vsix, { force: true });
  }
});
