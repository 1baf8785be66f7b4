/**
 * Applications a diff is judged on: the embedded cases of both versions, and applications read
 * from a JSON or CSV file. Each is projected onto a version's declared inputs, so that a field one
 * version dropped does not turn every application into an input error.
 */
import { itemsOf } from "../grammar/ast.js";
import { caseInput } from "../compiler/cases.js";
import { RESERVED_FIELDS } from "../runtime/validate.js";
import type { CompiledPolicy, EvaluateOptions } from "../runtime/types.js";
import type { Version } from "./version.js";

export interface Sample {
  /** How the reviewer knows it: 案例“第5条 市级 …”, 申报 3（某某公司）. */
  readonly label: string;
  readonly application: Readonly<Record<string, unknown>>;
  readonly options: EvaluateOptions;
}

/** The embedded cases of both versions; a case present in both with the same inputs counts once. */
export function caseSamples(a: Version, b: Version): Sample[] {
  const out: Sample[] = [];
  const seen = new Map<string, string>();
  for (const [v, tag] of [
    [a, "原版"],
    [b, "新版"],
  ] as const) {
    if (!v.ast) continue;
    for (const c of itemsOf(v.ast, "Case")) {
      const { application, options } = caseInput(c, v.ast);
      const key = JSON.stringify([application, options]);
      const prior = seen.get(c.title);
      if (prior === key) continue;
      const label = prior === undefined ? `案例“${c.title}”` : `案例“${c.title}”（${tag}）`;
      seen.set(c.title, key);
      out.push({ label, application, options });
    }
  }
  return out;
}

/** The application and options restricted to what a version declares (unknown fields dropped). */
export function project(
  policy: CompiledPolicy,
  s: Pick<Sample, "application" | "options">,
): { application: Record<string, unknown>; options: EvaluateOptions } {
  const known = new Set([...policy.meta.inputs, ...RESERVED_FIELDS].map((i) => i.name));
  const application: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s.application)) if (known.has(k)) application[k] = v;
  const params = s.options.params;
  if (!params) return { application, options: s.options };
  const declared = new Set(policy.meta.params.map((p) => p.name));
  const kept = Object.fromEntries(Object.entries(params).filter(([k]) => declared.has(k)));
  return { application, options: { ...s.options, params: kept } };
}

/** Split one CSV line into fields (RFC 4180 quoting). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Applications from CSV text: a header row of field names, one application per row; empty cells are omitted. */
export function parseCsv(text: string): Record<string, unknown>[] {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  const [head, ...rows] = lines;
  if (!head) return [];
  const names = csvFields(head).map((n) => n.trim());
  return rows.map((line) => {
    const cells = csvFields(line);
    const app: Record<string, unknown> = {};
    names.forEach((n, i) => {
      const v = (cells[i] ?? "").trim();
      if (n && v !== "") app[n] = v;
    });
    return app;
  });
}

/** Label applications from a file: by 申报主体 when given, else by position. */
export function fileSamples(apps: readonly unknown[], options: EvaluateOptions = {}): Sample[] {
  return apps.map((app, i) => {
    const rec = (typeof app === "object" && app !== null ? app : {}) as Record<string, unknown>;
    const who = typeof rec["申报主体"] === "string" ? `（${rec["申报主体"]}）` : "";
    return { label: `申报 ${i + 1}${who}`, application: rec, options };
  });
}
