/**
 * Guidelines (申报指南) in the worker: find the policy a guideline's 基于 names among the
 * playground's own policies (the built-in seed and the saved versions, by file name, version name,
 * title or 文号), compose the two with the compiler, and describe the result for the page: the
 * chosen base, the year and window, the open and closed clauses, and where each value comes from.
 */
import type { Header, Policy } from "../../../grammar/index.js";
import { LineMap, type Diagnostic } from "../../../grammar/index.js";
import { missingBaseDiagnostic, provenanceText } from "../../../compiler/index.js";
import type { BaseCandidate, ClauseInfo, GuidelineInfo, NameInfo } from "../protocol.js";
import { indexClauses, indexGuidelineNames } from "../../../language/index.js";
import type { CompileResult, Toolchain } from "./compiler-bridge.js";

interface Known {
  readonly candidate: BaseCandidate;
  readonly header: Header | undefined;
}

/** The candidates; their headers are parsed when a guideline first needs them, once per text. */
export class Bases {
  private list: readonly BaseCandidate[] = [];
  private readonly headers = new Map<string, Header | undefined>();

  constructor(private readonly tc: Toolchain) {}

  set(list: readonly BaseCandidate[]): void {
    this.list = list;
    const texts = new Set(list.map((c) => c.source));
    for (const s of this.headers.keys()) if (!texts.has(s)) this.headers.delete(s);
  }

  /** Policies only: a guideline cannot be the base of another. */
  get policies(): readonly Known[] {
    return this.list
      .map((candidate) => {
        if (!this.headers.has(candidate.source))
          this.headers.set(candidate.source, this.tc.parse(candidate.source).header);
        return { candidate, header: this.headers.get(candidate.source) };
      })
      .filter((k) => k.header?.form === "policy");
  }
}

const stem = (s: string) => s.replace(/\.zc$/i, "");

/** Does `basedOn` name this candidate? */
function names(basedOn: string, k: Known): boolean {
  const ref = basedOn.trim().replace(/^《(.*)》$/, "$1");
  const file = stem(ref.split(/[\\/]/).pop() ?? ref);
  if (k.candidate.names.some((n) => n === ref || stem(n) === file)) return true;
  return k.header?.title === ref || k.header?.docNo === ref;
}

/** The span of the 基于 line's string, or the header's, for a diagnostic. */
function basedOnSpan(source: string, header: Header | undefined) {
  const m = /基于[ \t]*(“[^”\n]*”|"[^"\n]*")/.exec(source);
  const map = new LineMap(source);
  if (m) {
    const start = m.index + m[0].length - m[1]!.length;
    return map.span(start, start + m[1]!.length);
  }
  return header?.span ?? map.span(0, 0);
}

/** What compiling a guideline gives the worker. */
export interface CompiledGuideline {
  readonly out: CompileResult;
  readonly names: NameInfo[];
  readonly clauses: ClauseInfo[];
  readonly info: GuidelineInfo;
}

function failed(
  d: Diagnostic,
  info: GuidelineInfo,
  guideline: Policy,
  source: string,
): CompiledGuideline {
  return {
    out: { ok: false, diagnostics: [d], ast: guideline },
    names: indexGuidelineNames(guideline, source),
    clauses: indexClauses(guideline),
    info,
  };
}

/** The base a guideline uses: the drafter's choice, else the seed or the newest version it names. */
export interface Resolved {
  readonly base: Known | undefined;
  readonly choices: GuidelineInfo["choices"];
  readonly explicit: boolean;
  /** Changes whenever the base or its text does: part of the worker's cache key. */
  readonly key: string;
}

/** Resolve a guideline's 基于 among the known policies (cheap: no parsing). */
export function resolveBase(
  bases: Bases,
  basedOn: string | undefined,
  chosen: string | undefined,
): Resolved {
  const policies = bases.policies;
  const choices = policies.map((k) => ({
    id: k.candidate.id,
    label: k.candidate.label,
    matches: basedOn !== undefined && names(basedOn, k),
  }));
  const explicit = policies.find((k) => k.candidate.id === chosen);
  const matching = policies.filter((_, i) => choices[i]!.matches);
  const base = explicit ?? matching.find((k) => k.candidate.id === "seed") ?? matching[0];
  const key = base ? `${base.candidate.id}\u0000${base.candidate.source}` : "";
  return { base, choices, explicit: !!explicit, key };
}

/** The base as the panel names it: its label, and its title and 文号 rather than a file name. */
function baseInfo(k: Known): NonNullable<GuidelineInfo["base"]> {
  const { id, label, savedAt } = k.candidate;
  return {
    id,
    label,
    ...(k.header?.title ? { title: k.header.title } : {}),
    ...(k.header?.docNo ? { docNo: k.header.docNo } : {}),
    ...(savedAt ? { savedAt } : {}),
  };
}

/** Compose and compile a guideline (parsed as `guideline`) with its resolved base; never throws. */
export function compileGuidelineSource(
  tc: Toolchain,
  r: Resolved,
  source: string,
  guideline: Policy,
): CompiledGuideline {
  const header = guideline.header;
  const basedOn = header?.basedOn;
  const { base, choices, explicit } = r;
  const info: GuidelineInfo = {
    basedOn: basedOn ?? "",
    base: base ? baseInfo(base) : null,
    choices,
    explicit,
    ...(header?.year !== undefined ? { year: header.year } : {}),
    ...(header?.window ? { window: header.window } : {}),
    open: [],
    closed: [],
    provenance: [],
  };
  const choose = "也可在右侧“申报指南”中选择政策版本。";
  if (basedOn === undefined && !explicit)
    return failed(
      missingBaseDiagnostic(
        { kind: "unwritten" },
        header?.span ?? new LineMap(source).span(0, 0),
        `在标题下写一行：基于 “政策文件.zc” 或 基于 “政策标题”，${choose}`,
      ),
      info,
      guideline,
      source,
    );
  if (!base)
    return failed(
      missingBaseDiagnostic(
        { kind: "not-found", basedOn: basedOn ?? "" },
        basedOnSpan(source, header),
        `按内置示例政策和本浏览器中保存的版本查找（文件名、版本名称、政策标题或文号）；${choose}`,
      ),
      info,
      guideline,
      source,
    );
  const out = tc.compileGuideline(source, base.candidate.source);
  const own = out.guideline ?? guideline;
  const eff = out.ast?.header;
  return {
    out,
    names: indexGuidelineNames(own, source, out.policy, base.candidate.source),
    clauses: indexClauses(own),
    info: {
      ...info,
      ...(eff?.year !== undefined ? { year: eff.year } : {}),
      ...(eff?.window ? { window: eff.window } : {}),
      open: out.open,
      closed: out.closed,
      provenance: out.provenance.map((p) => ({ ...p, text: provenanceText(p) })),
    },
  };
}
