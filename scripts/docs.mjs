#!/usr/bin/env node
// Regenerate docs/language-reference.md from the keyword table (run after `npm run build`).
import { writeFileSync } from "node:fs";
import { referenceMarkdown } from "../dist/grammar/keywords-to-reference.js";

writeFileSync(new URL("../docs/language-reference.md", import.meta.url), referenceMarkdown());
console.log("已生成 docs/language-reference.md");
