/**
 * How the service describes a policy in listings and in `/health`: id, title, version, validity,
 * and, when the latest save does not compile, the diagnostics of that save.
 */
import { todayInChina } from "../runtime/index.js";
import type { LoadProblem, PolicyState } from "./policy-store.js";

/** `serving`: the file's latest content serves; `stale`: an older good version serves while the file
 * has errors; `failed`: the file has never compiled. */
export type PolicyStatus = "serving" | "stale" | "failed";

/** The status of one policy. */
export function statusOf(s: PolicyState): PolicyStatus {
  return !s.current ? "failed" : s.problem ? "stale" : "serving";
}

/** The problem part of a listing, without the rendered source text. */
export function problemView(p: LoadProblem): Record<string, unknown> {
  return { version: p.version, at: p.at, message: p.message, diagnostics: p.diagnostics };
}

/** One entry of `GET /policies`. */
export function policySummary(s: PolicyState, today = todayInChina()): Record<string, unknown> {
  const c = s.current;
  const meta = c?.policy.meta;
  const status = statusOf(s);
  const inForce =
    meta !== undefined &&
    (!meta.validFrom || today >= meta.validFrom) &&
    (!meta.validTo || today <= meta.validTo);
  return {
    id: s.id,
    status,
    ...(c && meta
      ? {
          title: meta.title,
          ...(meta.docNo ? { docNo: meta.docNo } : {}),
          form: c.form,
          ...(c.basedOn ? { basedOn: c.basedOn } : {}),
          version: c.version,
          loadedAt: c.loadedAt,
          validity: {
            from: meta.validFrom ?? null,
            to: meta.validTo ?? null,
            inForceToday: inForce,
            text: validityText(meta.validFrom, meta.validTo),
          },
          clauses: meta.clauses.map((x) => ({ number: x.number, label: x.label, title: x.title })),
          params: meta.params,
          warnings: c.warnings.length,
        }
      : {}),
    ...(s.problem ? { problem: problemView(s.problem) } : {}),
  };
}

function validityText(from?: string, to?: string): string {
  const zh = (d: string) => {
    const [y, m, day] = d.split("-");
    return `${y}年${Number(m)}月${Number(day)}日`;
  };
  if (from && to) return `${zh(from)}至${zh(to)}`;
  if (from) return `自${zh(from)}起施行`;
  if (to) return `有效期至${zh(to)}`;
  return "未规定有效期";
}
