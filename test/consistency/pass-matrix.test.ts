/**
 * Issue 9 §4: every kind of tree node × every pass. Each good/ policy runs through check, code
 * generation (its cases), the document, the formatter (already formatted; same tree), guideline
 * composition (a guideline on it keeps every clause) and the diff (no change against itself). Each
 * node kind must occur in some good/ policy, and deleting or changing one occurrence of it must
 * give a non-empty change list. `KINDS` is typed against the AST's unions: a new kind does not
 * compile until it has a row here. The table is printed as docs/pass-matrix.md (kept current).
 *
 * The property test: two trees that differ once spans are dropped always give a non-empty change
 * list (random mutations of the good/ policies).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  compile,
  compileGuideline,
  parse,
  policyDocument,
  runCases,
} from "../../compiler/index.js";
import { formatSource } from "../../compiler/format/format.js";
import { policyDifference } from "../../compiler/format/compare-trees.js";
import type {
  AssertBody,
  AssertOperand,
  AwardForm,
  ClauseItem,
  Expectation,
  Expr,
  Policy,
  StackingItem,
  TopItem,
  TypeRef,
} from "../../grammar/index.js";
import { SPAN_FIELDS, withoutSpans } from "../../grammar/index.js";
import { astToChanges } from "../../review/ast-to-changes.js";
import { loadPolicy } from "../../runtime/index.js";
import { int, rng } from "../support/random.js";

type Kind =
  | Expr["kind"]
  | ClauseItem["kind"]
  | AwardForm["kind"]
  | StackingItem["kind"]
  | TopItem["kind"]
  | TypeRef["kind"]
  | AssertOperand["kind"]
  | AssertBody["kind"]
  | Expectation["kind"]
  | "Policy"
  | "Header"
  | "Input"
  | "Param";

/** Every node kind, and why it is missing from good/ where it must be (else undefined). */
const KINDS = {
  // expressions
  Money: undefined,
  Percent: undefined,
  Number: undefined,
  Rate: undefined,
  DateLit: undefined,
  Bool: undefined,
  Str: undefined,
  Name: undefined,
  AppDate: undefined,
  Binary: undefined,
  Neg: undefined,
  Compare: undefined,
  Logic: undefined,
  Not: undefined,
  InSet: undefined,
  If: undefined,
  Table: undefined,
  Brackets: undefined,
  Call: undefined,
  Sum: undefined,
  Record: undefined,
  History: undefined,
  // clause items (AnnualCap also stands in 叠加规则)
  Source: undefined,
  Condition: undefined,
  Exclude: undefined,
  Award: undefined,
  Step: undefined,
  AnnualCap: undefined,
  TotalCap: undefined,
  Once: undefined,
  PerYearLimit: undefined,
  Quota: undefined,
  YearsLimit: undefined,
  Stackable: undefined,
  Beneficiary: undefined,
  Payer: undefined,
  Benefit: undefined,
  Payment: undefined,
  Paid: undefined,
  Window: undefined,
  // award forms
  Ratio: undefined,
  Fixed: undefined,
  UpTo: undefined,
  Compute: undefined,
  CaseByCase: undefined,
  // 叠加规则
  HighestOnly: undefined,
  Deduct: undefined,
  Limit: undefined,
  // top-level items
  Open: "申报指南专用（开放条款），见 test/guideline",
  Exception: "申报指南专用（例外），见 test/guideline",
  Inputs: undefined,
  Params: undefined,
  Define: undefined,
  Category: undefined,
  Eligibility: undefined,
  Stacking: undefined,
  Clause: undefined,
  Case: undefined,
  Assert: undefined,
  // 断言
  ClauseAmount: undefined,
  TotalAmount: undefined,
  Value: undefined,
  Exclusive: undefined,
  // 期望 in cases
  amount: undefined,
  ineligible: undefined,
  needsDecision: undefined,
  notPaid: undefined,
  payable: undefined,
  // the policy, its header and declarations
  Policy: undefined,
  Header: undefined,
  Input: undefined,
  Param: undefined,
  // declared types
  money: undefined,
  moneyBy: undefined,
  moneyByYear: undefined,
  ratio: undefined,
  count: undefined,
  date: undefined,
  bool: undefined,
  text: undefined,
  enum: undefined,
} satisfies Record<Kind, string | undefined>;

const PASSES = ["检查", "生成代码与案例", "文档", "格式化", "申报指南组合", "对比"] as const;

const GOOD = "test/cases/good";
const files = readdirSync(GOOD)
  .filter((f) => f.endsWith(".zc"))
  .sort();
const sources = new Map(files.map((f) => [f, readFileSync(join(GOOD, f), "utf8")]));

/** Every node of a tree (objects with a string `kind`), with the object holding it. */
function nodes(
  node: unknown,
  out: { node: Record<string, unknown>; kind: string }[] = [],
): { node: Record<string, unknown>; kind: string }[] {
  if (Array.isArray(node)) for (const x of node) nodes(x, out);
  else if (typeof node === "object" && node !== null) {
    const o = node as Record<string, unknown>;
    if (typeof o["kind"] === "string") out.push({ node: o, kind: o["kind"] });
    for (const [k, v] of Object.entries(o)) if (!SPAN_FIELDS.has(k)) nodes(v, out);
  }
  return out;
}

const clone = <T>(x: T): T => structuredClone(x);
const changesOf = (a: Policy, b: Policy, src: string) => astToChanges(a, b, src, src).changes;

/** The place a node stands: its parent and the key (or index) that holds it. */
function placeOf(
  root: unknown,
  target: object,
): { parent: Record<string, unknown> | unknown[]; key: string | number } | undefined {
  if (typeof root !== "object" || root === null) return undefined;
  for (const [k, v] of Object.entries(root)) {
    if (SPAN_FIELDS.has(k)) continue;
    if (v === target)
      return { parent: root as Record<string, unknown>, key: Array.isArray(root) ? Number(k) : k };
    const found = placeOf(v, target);
    if (found) return found;
  }
  return undefined;
}

const FIGURE: Expr = {
  kind: "Money",
  value: "123456.78",
  text: "123456.78元",
  span: { start: 0, end: 0, line: 1, col: 1, endLine: 1, endCol: 1 },
};

/**
 * One construct changed: deleted from its list, or (a node a field holds) replaced by another
 * node of its union. Undefined when the node stands nowhere it can be changed.
 */
function mutateKind(ast: Policy, kind: string, nth: number): Policy | undefined {
  const copy = clone(ast);
  const found = nodes(copy).filter((n) => n.kind === kind)[nth];
  if (!found) return undefined;
  const place = placeOf(copy, found.node);
  if (!place) return undefined;
  if (Array.isArray(place.parent)) {
    place.parent.splice(place.key as number, 1);
    return copy;
  }
  const parent = place.parent;
  const key = place.key as string;
  if (key === "type") parent[key] = kind === "text" ? { kind: "bool" } : { kind: "text" };
  else if (key === "form")
    parent[key] =
      kind === "CaseByCase" ? { kind: "Fixed", amount: FIGURE } : { kind: "CaseByCase" };
  else if (key === "limit")
    parent[key] = { ...found.node, kind: kind === "Once" ? "Quota" : "Once", value: FIGURE };
  else parent[key] = kind === "Money" ? { ...FIGURE, value: "7", text: "7元" } : FIGURE;
  return copy;
}

describe("every node kind × every pass", () => {
  /** Kinds a deletion or change of which was diffed (and gave a change list). */
  const diffed = new Set<string>();
  const occurs = new Map<string, string[]>();
  for (const [f, src] of sources)
    for (const { kind } of nodes(parse(src).ast)) {
      const list = occurs.get(kind) ?? [];
      if (!list.includes(f)) occurs.set(kind, [...list, f]);
    }

  it("each kind occurs in some good/ policy (or says why not), and only kinds of the AST occur", () => {
    const missing = Object.entries(KINDS)
      .filter(([k, why]) => why === undefined && !occurs.has(k))
      .map(([k]) => k);
    expect(missing).toEqual([]);
    const unknown = [...occurs.keys()].filter((k) => !(k in KINDS));
    expect(unknown).toEqual([]);
  });

  for (const [f, src] of sources) {
    it(`${f}: check, code and cases, document, format, guideline, self-diff`, () => {
      const r = compile(src);
      expect(
        r.diagnostics.filter((d) => d.severity === "error"),
        "检查",
      ).toEqual([]);
      const outcomes = runCases(r.ast!, loadPolicy(r.js!));
      expect(
        outcomes.filter((o) => !o.passed).map((o) => o.title),
        "案例",
      ).toEqual([]);
      const ast = r.ast!;
      const doc = policyDocument(ast);
      for (const c of ast.items.filter((i) => i.kind === "Clause"))
        expect(doc, "文档").toContain(c.title);
      const formatted = formatSource(src);
      expect(formatted.text, "格式化").toBe(src);
      expect(policyDifference(ast, parse(formatted.text!).ast), "格式化后语法树").toBeUndefined();
      const guide = `申报指南 矩阵指南\n  基于 “${f}”\n  年度 2024\n`;
      const g = compileGuideline(guide, src, { emit: [] });
      expect(
        g.diagnostics.filter((d) => d.severity === "error"),
        "申报指南",
      ).toEqual([]);
      const clauses = (p: Policy | undefined) => p?.items.filter((i) => i.kind === "Clause").length;
      expect(clauses(g.ast), "申报指南").toBe(clauses(ast));
      expect(changesOf(ast, parse(src).ast, src), "对比自身").toEqual([]);
    });
  }

  it("deleting or changing any occurrence of any kind gives a non-empty change list", () => {
    const silent: string[] = [];
    let tried = 0;
    for (const [f, src] of sources) {
      const ast = parse(src).ast;
      const counts = new Map<string, number>();
      for (const { kind } of nodes(ast)) counts.set(kind, (counts.get(kind) ?? 0) + 1);
      for (const [kind, n] of counts)
        for (let i = 0; i < Math.min(n, 3); i++) {
          const b = mutateKind(ast, kind, i);
          if (!b || policyDifference(ast, b) === undefined) continue;
          tried++;
          if (!changesOf(ast, b, src).length) silent.push(`${f} ${kind}#${i}`);
          else diffed.add(kind);
        }
    }
    expect(tried).toBeGreaterThan(500);
    expect(silent).toEqual([]);
  });

  it("docs/pass-matrix.md is current", () => {
    const rows = Object.entries(KINDS).map(([k, why]) => {
      const cells = PASSES.map((p) =>
        occurs.has(k) && (p !== "对比" || diffed.has(k)) ? "✓" : "—",
      );
      return `| \`${k}\` | ${cells.join(" | ")} | ${occurs.has(k) ? "" : (why ?? "")} |`;
    });
    const md = [
      "# 语法树节点 × 编译各环节",
      "",
      "由 `test/consistency/pass-matrix.test.ts` 生成：每个 `test/cases/good/` 政策都经过下列各环节，",
      "✓ 表示该节点出现在这些政策中并随之通过；“对比”一栏还要求删去或改动该节点的每一处都产生非空的变更列表。",
      "“对比”一栏为 — 而节点出现的，是该节点无法单独删改（整份政策、标题部分）。",
      "",
      `| 节点 | ${PASSES.join(" | ")} | 说明 |`,
      `| --- | ${PASSES.map(() => "---").join(" | ")} | --- |`,
      ...rows,
      "",
    ].join("\n");
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync("docs/pass-matrix.md", md);
    expect(readFileSync("docs/pass-matrix.md", "utf8")).toBe(md);
  });
});

describe("property: trees that differ give a change list", () => {
  /** Fields of free text a drafter writes (names, titles, reasons); other strings are closed sets. */
  const FREE_TEXT = new Set([
    "name",
    "title",
    "description",
    "reason",
    "who",
    "with",
    "text",
    "basis",
  ]);
  /** Literals keep how they were written in `text`: that is layout, not meaning. */
  const LITERALS = new Set(["Money", "Percent", "Number", "Rate", "DateLit"]);

  /**
   * A random change somewhere in the tree that a parse could give: a list element deleted, a
   * number (a figure's value, a count) or a truth value changed, or free text changed.
   */
  function mutate(ast: Policy, r: () => number): Policy {
    const copy = clone(ast);
    const slots: { holder: Record<string, unknown> | unknown[]; key: string | number }[] = [];
    const walk = (x: unknown) => {
      if (typeof x !== "object" || x === null) return;
      const literal = LITERALS.has((x as Record<string, unknown>)["kind"] as string);
      for (const [k, v] of Object.entries(x)) {
        if (SPAN_FIELDS.has(k) || k === "kind" || k === "comments") continue;
        if (Array.isArray(x)) slots.push({ holder: x, key: Number(k) });
        else if (typeof v === "boolean" || typeof v === "number")
          slots.push({ holder: x as Record<string, unknown>, key: k });
        else if (
          typeof v === "string" &&
          (/^-?\d+(\.\d+)?$/.test(v) || (FREE_TEXT.has(k) && !literal))
        )
          slots.push({ holder: x as Record<string, unknown>, key: k });
        walk(v);
      }
    };
    walk(copy);
    const s = slots[int(r, 0, slots.length - 1)]!;
    const holder = s.holder as Record<string | number, unknown>;
    const v = holder[s.key];
    if (Array.isArray(s.holder)) s.holder.splice(s.key as number, 1);
    else if (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v))
      holder[s.key] = String(Number(v) + 1);
    else if (typeof v === "string") holder[s.key] = `${v}甲`;
    else if (typeof v === "number") holder[s.key] = v + 1;
    else if (typeof v === "boolean") holder[s.key] = !v;
    return copy;
  }

  it("2,000 random mutations of the good/ policies: differing trees never give an empty change list", () => {
    const r = rng(20261203);
    const trees = [...sources].map(([f, src]) => ({ f, src, ast: parse(src).ast }));
    const silent: string[] = [];
    let differing = 0;
    for (let i = 0; i < 2000; i++) {
      const t = trees[i % trees.length]!;
      const b = mutate(t.ast, r);
      const same =
        JSON.stringify(withoutSpans({ ...t.ast, comments: [] })) ===
        JSON.stringify(withoutSpans({ ...b, comments: [] }));
      if (same) continue;
      differing++;
      let changes: readonly unknown[] = [];
      try {
        changes = changesOf(t.ast, b, t.src);
      } catch (e) {
        silent.push(`${t.f} #${i}: ${(e as Error).message}`);
        continue;
      }
      if (!changes.length) silent.push(`${t.f} #${i}: ${policyDifference(t.ast, b)}`);
    }
    expect(differing).toBeGreaterThan(1500);
    expect(silent.slice(0, 10)).toEqual([]);
  });
});
