#!/usr/bin/env node
// Regenerate the VS Code extension's grammar and language configuration from the keyword table
// (run after `npm run build`); a test keeps the committed files in sync.
import { writeFileSync } from "node:fs";
import { languageConfiguration, textmateGrammar } from "../dist/editors/textmate.js";

const out = (path, data) =>
  writeFileSync(
    new URL(`../editors/vscode/${path}`, import.meta.url),
    JSON.stringify(data, null, 2) + "\n",
  );
out("syntaxes/zhengce.tmLanguage.json", textmateGrammar());
out("language-configuration.json", languageConfiguration());
console.log(
  "已生成 editors/vscode/syntaxes/zhengce.tmLanguage.json 与 language-configuration.json",
);
