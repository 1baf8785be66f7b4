#!/usr/bin/env node
// Regenerate docs/language-reference.md from the keyword table and docs/diagnostics.md from the
// diagnostic-code catalog (run after `npm run build`).
import { writeFileSync } from "node:fs";
import { referenceMarkdown } from "../dist/grammar/keywords-to-reference.js";
import { diagnosticsMarkdown } from "../dist/grammar/diagnostic-codes-to-doc.js";

writeFileSync(new URL("../docs/language-reference.md", import.meta.url), referenceMarkdown());
console.log("已生成 docs/language-reference.md");
writeFileSync(new URL("../docs/diagnostics.md", import.meta.url), diagnosticsMarkdown());
console.log("已生成 docs/diagnostics.md");
