/**
 * outline → Markdown. Policy text is escaped so that nothing in it becomes Markdown syntax.
 */
import type { Outline } from "./policy-to-outline.js";

/** Escape text so that Markdown shows it literally. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`).replace(/^(\s*)([-+=]|\d+\.)/gm, "$1\\$2");
}

/** Render an outline as Markdown. */
export function outlineToMarkdown(o: Outline): string {
  const e = escapeMarkdown;
  const out: string[] = [];
  if (o.issuer) out.push(e(o.issuer), "");
  if (o.docNo) out.push(e(o.docNo), "");
  out.push(`# ${e(o.title)}`, "");
  for (const n of o.notes) out.push(e(n), "");
  for (const s of o.sections) {
    out.push(`## ${e(s.heading)}`, "");
    for (const p of s.paragraphs) out.push(`${p.lead ? `**${e(p.lead)}**` : ""}${e(p.text)}`, "");
  }
  if (o.issuer || o.date) {
    out.push("---", "");
    if (o.issuer) out.push(e(o.issuer), "");
    if (o.date) out.push(e(o.date), "");
  }
  return out.join("\n").replace(/\n+$/, "\n");
}
