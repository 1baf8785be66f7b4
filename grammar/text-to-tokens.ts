/**
 * text → tokens. Hand-written because Chinese runs words together: at each position the lexer
 * takes the longest of (a) a name the policy declares and (b) a keyword; anything else is a free
 * name that stops right before the next keyword or declared name. Full-width forms are folded to
 * half-width one character for one character, so offsets stay those of the original text.
 */
import { createTokenInstance, type IToken, type TokenType } from "chevrotain";
import { Decimal } from "decimal.js";
import type { Comment, Span } from "./ast.js";
import { diag, LineMap, type Diagnostic } from "./diagnostics.js";
import {
  CLAUSE_ID_HELP,
  clauseIdAt,
  clauseNumber,
  MAX_SUB_CLAUSE,
  REJECTED_CLAUSE,
  rejectedClauseIdAt,
} from "./clause-ids.js";
import { KEYWORDS, RANK_UNIT, spellingTable, unitSpellings } from "./keywords.js";
import {
  clausePrefixedNameDiagnostic,
  declaresAt,
  malformedClauseIdAt,
  malformedClauseIdDiagnostic,
} from "./lex-hints.js";
import { longestNameStarts } from "./name-matcher.js";
import { CLAUSE_NUMBER_HELP, MAX_CLAUSE_NUMBER } from "./limits.js";
import * as T from "./tokens.js";
import { spellingsPattern, TYPE_KEYWORD } from "./words.js";
import {
  AMOUNT_UNIT_POWER,
  foldWidth,
  NUMBER_SOURCE,
  SMALL_UNIT_POWER,
} from "../runtime/text-forms.js";

/** Most significant digits of a number in a policy (see FACTOR_DIGITS in the runtime). */
const NUMBER_DIGITS = 17;

const D = Decimal.clone({ precision: 50, toExpNeg: -30, toExpPos: 40 });

/** The lexer's output: tokens for the parser, comments for the formatter, and diagnostics. */
export interface LexResult {
  readonly tokens: IToken[];
  readonly comments: Comment[];
  readonly diagnostics: Diagnostic[];
  /** Names the policy declares (found by a pre-scan), which win over keywords. */
  readonly declared: ReadonlySet<string>;
  readonly lines: LineMap;
}

const SPELLINGS = spellingTable();
const MAX_KW = Math.max(...KEYWORDS.flatMap((k) => k.spellings.map((s) => s.length)));
/** Unit spellings (㎡ → 平方米) from the unit table in keywords.ts. */
const UNIT_SPELLINGS = unitSpellings();
const DEFAULT_UNITS = [...UNIT_SPELLINGS.keys()];
/** The canonical spelling of a unit (declared units not in the table stand for themselves). */
const canonicalUnit = (unit: string): string => UNIT_SPELLINGS.get(unit) ?? unit;
/** The declaration words the pre-scan looks for, from the keyword table. */
const TYPE_WORDS = spellingsPattern(Object.values(TYPE_KEYWORD));
const DECL = new RegExp(`^[ \\t]*([^\\s#「“"]+)[ \\t]+(?:${TYPE_WORDS})(?![^\\s(])`);
const DEFINE = new RegExp(`(?:${spellingsPattern(["Define"])})[ \\t]+([^\\s=#]+)[ \\t]*=`);
const CATEGORY = new RegExp(
  `(?:${spellingsPattern(["Category"])})[ \\t]+([^\\s:#]+)[ \\t]*:[ \\t]*([^\\s#“"]+(?:[ \\t]*[、,][ \\t]*[^\\s#“"、,]+)*)`,
);
const ENUM = new RegExp(
  `(?:${spellingsPattern(["Enum"])})[ \\t]*([^\\s#“"、,]+(?:[ \\t]*[、,][ \\t]*[^\\s#“"、,]+)*)`,
);
const COUNT_UNIT = new RegExp(`(?:${spellingsPattern(["Count"])})[ \\t]*\\(([^)\\s]+)\\)`, "g");

// Sticky patterns and tables made once, not per character (issue 12: lexing time per row).
const RANK = /(第|前)(\d{1,4}|[一二两三四五六七八九十百]{1,4})名(?![额次单])/y;
const DATE = /(\d{4})(?:年(\d{1,2})月(\d{1,2})日|-(\d{1,2})-(\d{1,2})(?!\d))/y;
const NUMBER = new RegExp(NUMBER_SOURCE, "y");
const RATE = /\/([^\s\d#,;:()、]+)/y;
/** 10^k as decimals for the amount words (万, 亿). */
const UNIT_FACTOR = new Map(Object.values(AMOUNT_UNIT_POWER).map((k) => [k, new D(10).pow(k)]));
const SINGLE: Readonly<Record<string, TokenType>> = {
  "(": T.LParen,
  ")": T.RParen,
  ":": T.Colon,
  ",": T.Comma,
  ";": T.Semi,
  "、": T.Dun,
  "=": T.Assign,
  "+": T.Plus,
  "-": T.Minus,
  "−": T.Minus,
  "×": T.Times,
  "*": T.Times,
  "÷": T.Divide,
  "/": T.Divide,
};

const isHan = (c: number): boolean =>
  (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
const isNameStart = (c: number): boolean =>
  isHan(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNameChar = (c: number): boolean => isNameStart(c) || (c >= 48 && c <= 57) || c === 0xb7;

/** Names a policy declares, found before lexing so that they can contain keyword characters. */
export function prescanNames(text: string): { names: Set<string>; units: Set<string> } {
  const names = new Set<string>();
  const units = new Set<string>(DEFAULT_UNITS);
  const add = (raw: string) => {
    const n = raw.trim();
    if (n && !SPELLINGS.has(n) && !/^[「“"]/.test(n) && /^[^\d\s]/.test(n)) names.add(n);
  };
  const list = (raw: string) => raw.split(/[、,，]/).forEach(add);
  for (const line of text.split("\n")) {
    const decl = DECL.exec(line);
    if (decl) add(decl[1]!);
    const def = DEFINE.exec(line);
    if (def) add(def[1]!);
    const cat = CATEGORY.exec(line);
    if (cat) {
      add(cat[1]!);
      list(cat[2]!);
    }
    const en = ENUM.exec(line);
    if (en) list(en[1]!);
    for (const u of line.matchAll(COUNT_UNIT)) units.add(u[1]!);
  }
  return { names, units };
}

function validDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * Turn policy source text into tokens, comments and lexical diagnostics. Never throws. `known`
 * adds names declared elsewhere (a guideline uses the names of the policy it builds on).
 */
export function textToTokens(source: string, known: Iterable<string> = []): LexResult {
  const text = foldWidth(source);
  const lines = new LineMap(source);
  const { names, units } = prescanNames(text);
  for (const n of known) names.add(n);
  const nameStarts = longestNameStarts(text, names);
  const unitList = [...units].sort((a, b) => b.length - a.length);
  const tokens: IToken[] = [];
  const comments: Comment[] = [];
  const diagnostics: Diagnostic[] = [];
  let pos = 0;
  let lineStart = true; // only whitespace since the last newline

  const span = (s: number, e: number): Span => lines.span(s, e);
  const push = (type: TokenType, start: number, end: number, payload?: unknown): IToken => {
    const a = lines.position(start);
    const b = lines.position(end - 1);
    const tok = createTokenInstance(
      type,
      source.slice(start, end),
      start,
      end - 1,
      a.line,
      b.line,
      a.col,
      b.col,
    );
    if (payload !== undefined) (tok as IToken & { payload: unknown }).payload = payload;
    tokens.push(tok);
    lineStart = false;
    return tok;
  };
  const keywordAt = (p: number): number => {
    for (let len = Math.min(MAX_KW, text.length - p); len > 0; len--) {
      if (SPELLINGS.has(text.slice(p, p + len))) return len;
    }
    return 0;
  };
  const declaredAt = (p: number): number => nameStarts[p]!;
  const restOfLine = (p: number): number => {
    const nl = text.indexOf("\n", p);
    return nl < 0 ? text.length : nl;
  };

  /** The rest of the line as a title (after 政策 or a clause number at the start of a line). */
  const title = () => {
    let s = pos;
    while (s < text.length && (text[s] === " " || text[s] === "\t")) s++;
    let e = restOfLine(s);
    const hash = text.slice(s, e).search(/\s#/);
    if (hash >= 0) e = s + hash;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) push(T.Title, s, e, source.slice(s, e));
    pos = e;
  };

  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    const ch = text[pos]!;
    if (ch === "\n") {
      pos++;
      lineStart = true;
      continue;
    }
    if (ch === " " || ch === "\t" || ch === "\r" || c === 0xfeff || ch === "。") {
      pos++;
      continue;
    }
    // comments: # … or // …
    if (ch === "#" || (ch === "/" && text[pos + 1] === "/")) {
      const e = restOfLine(pos);
      comments.push({ text: source.slice(pos, e).replace(/\s+$/, ""), span: span(pos, e) });
      pos = e;
      continue;
    }
    const wasLineStart = lineStart;
    // strings: “…” (nested quotes balance), "…", and 「…」 for names that contain keywords
    if (ch === "“" || ch === '"') {
      const close = ch === "“" ? "”" : '"';
      let depth = 1;
      let e = pos + 1;
      while (e < text.length && text[e] !== "\n") {
        if (ch === "“" && text[e] === "“") depth++;
        else if (text[e] === close && --depth === 0) break;
        e++;
      }
      if (e >= text.length || text[e] === "\n") {
        diagnostics.push(
          diag("error", "E001", "引号没有闭合", span(pos, e), `在本行末尾补上 ${close}。`, {
            title: `补上 ${close}`,
            span: span(e, e),
            text: close,
          }),
        );
        push(T.Str, pos, e, source.slice(pos + 1, e));
        pos = e;
      } else {
        push(T.Str, pos, e + 1, source.slice(pos + 1, e));
        pos = e + 1;
      }
      continue;
    }
    if (ch === "「") {
      const e = text.indexOf("」", pos);
      const nl = restOfLine(pos);
      if (e < 0 || e > nl) {
        diagnostics.push(
          diag("error", "E001", "「 没有闭合", span(pos, nl), "名称写在「」之间，请补上 」。"),
        );
        pos = nl;
        continue;
      }
      push(T.Name, pos, e + 1, source.slice(pos + 1, e));
      pos = e + 1;
      continue;
    }
    // places: 第10名, 前十名 (a rank: 1 is the best); a declared name that starts here wins
    RANK.lastIndex = pos;
    const rk = ch === "第" || ch === "前" ? RANK.exec(text) : null;
    if (rk && declaredAt(pos) < rk[0].length) {
      const n = clauseNumber(rk[2]!);
      const end = pos + rk[0].length;
      if (!(n >= 1))
        diagnostics.push(
          diag(
            "error",
            "E241",
            `名次“${source.slice(pos, end)}”不存在`,
            span(pos, end),
            "名次从第1名算起：写 第1名、第10名、前十名。",
          ),
        );
      push(T.Num, pos, end, { kind: "count", value: String(Math.max(1, n)), unit: RANK_UNIT });
      pos = end;
      continue;
    }
    // clause numbers; at the start of a line they open a clause and the rest of the line is its title
    const cm = clauseIdAt(text, pos);
    const dnHere = declaredAt(pos);
    if (cm && dnHere > cm.len) {
      // a declared name that begins with a clause number (第一条经认定): E300, read as the name
      const name = text.slice(pos, pos + dnHere);
      const sp = span(pos, pos + dnHere);
      const isDecl = declaresAt(text, pos, dnHere);
      diagnostics.push(
        clausePrefixedNameDiagnostic(name, text.slice(pos, pos + cm.len), sp, isDecl),
      );
      push(T.Name, pos, pos + dnHere, name);
      pos += dnHere;
      continue;
    }
    const column1 = pos === 0 || text[pos - 1] === "\n";
    const malformed = malformedClauseIdAt(text, pos, column1, dnHere);
    if (malformed > 0) {
      const e = pos + malformed;
      diagnostics.push(malformedClauseIdDiagnostic(source.slice(pos, e), span(pos, e)));
      push(T.ClauseNo, pos, e, REJECTED_CLAUSE);
      pos = e;
      if (wasLineStart) title();
      continue;
    }
    const rejected = rejectedClauseIdAt(text, pos, cm ? cm.len : 0, wasLineStart);
    if (rejected > 0) {
      const e = pos + rejected;
      const id = source.slice(pos, e);
      diagnostics.push(
        diag("error", "E005", `“${id}”不是可用的条款编号`, span(pos, e), CLAUSE_ID_HELP),
      );
      // a rejected id still opens a clause (so its body parses), under a number no clause has
      push(T.ClauseNo, pos, e, REJECTED_CLAUSE);
      pos = e;
      if (wasLineStart) title();
      continue;
    }
    if (cm) {
      const n = cm.article;
      const tooLarge = !(n <= MAX_CLAUSE_NUMBER);
      if (tooLarge) {
        const e = pos + cm.len;
        diagnostics.push(
          diag(
            "error",
            "E030",
            `条款编号“${source.slice(pos, e)}”过大`,
            span(pos, e),
            CLAUSE_NUMBER_HELP,
          ),
        );
      }
      const subTooLarge = cm.sub !== undefined && !(cm.sub <= MAX_SUB_CLAUSE);
      if (subTooLarge && !tooLarge)
        diagnostics.push(
          diag(
            "error",
            "E260",
            `子条款编号“${source.slice(pos, pos + cm.len)}”过大`,
            span(pos, pos + cm.len),
            `子条款序号最多到${MAX_SUB_CLAUSE}（第3条之九十九、第3条（九十九））；更多的条款请另起编号，如 第31条。`,
          ),
        );
      push(T.ClauseNo, pos, pos + cm.len, tooLarge || subTooLarge ? REJECTED_CLAUSE : cm.key);
      pos += cm.len;
      if (wasLineStart) title();
      continue;
    }
    // dates: 2025年12月31日 or 2025-12-31
    DATE.lastIndex = pos;
    const dm = DATE.exec(text);
    if (dm) {
      const y = Number(dm[1]);
      const m = Number(dm[2] ?? dm[4]);
      const d = Number(dm[3] ?? dm[5]);
      const end = pos + dm[0].length;
      if (!validDate(y, m, d)) {
        diagnostics.push(
          diag(
            "error",
            "E002",
            `日期“${source.slice(pos, end)}”不存在`,
            span(pos, end),
            "请检查月份和日期，例如 2025年12月31日。",
          ),
        );
      }
      push(T.DateTok, pos, end, `${y}-${pad2(m)}-${pad2(d)}`);
      pos = end;
      continue;
    }
    // numbers with their units: 200万元, 1.5亿, 2,000,000元, 30%, 0.2元/千瓦时, 10家
    NUMBER.lastIndex = pos;
    const nm = NUMBER.exec(text);
    if (nm) {
      let e = pos + nm[0].length;
      let value = new D(nm[0].replace(/,/g, ""));
      if (value.sd() > NUMBER_DIGITS)
        diagnostics.push(
          diag(
            "error",
            "E006",
            `数字“${nm[0].length > 40 ? nm[0].slice(0, 40) + "…" : nm[0]}”的有效数字超过${NUMBER_DIGITS}位`,
            span(pos, pos + nm[0].length),
            "政策中的金额、比例和数量最多写17位有效数字，以免计算时先被舍入。",
          ),
        );
      let payload: T.NumberPayload;
      // 2千万, 1.5千万, 5百元: 千/百 multiply the unit that follows (never 千瓦时).
      const small = SMALL_UNIT_POWER[text[e]!];
      if (small && (AMOUNT_UNIT_POWER[text[e + 1]!] !== undefined || text[e + 1] === "元")) {
        value = value.mul(new D(10).pow(small));
        e++;
      }
      if (text[e] === "%") {
        payload = { kind: "percent", value: value.div(100).toString() };
        e++;
      } else if (AMOUNT_UNIT_POWER[text[e]!] !== undefined || text[e] === "元") {
        const power = AMOUNT_UNIT_POWER[text[e]!];
        if (power !== undefined) value = value.mul(UNIT_FACTOR.get(power)!);
        if (text[e] !== "元") e++;
        if (text[e] === "元") e++;
        RATE.lastIndex = e;
        const rm = text[e - 1] === "元" ? RATE.exec(text) : null;
        const unit = rm ? (unitList.find((u) => rm[1]!.startsWith(u)) ?? rm[1]!) : undefined;
        if (rm && unit) {
          e += 1 + unit.length;
          // Compound rates: 2元/平方米/天 is 元 per 平方米 per 天; a further unit must end the word.
          const per = [canonicalUnit(unit)];
          for (;;) {
            const next =
              text[e] === "/" ? unitList.find((u) => text.startsWith(u, e + 1)) : undefined;
            if (!next || isNameChar(text.charCodeAt(e + 1 + next.length))) break;
            per.push(canonicalUnit(next));
            e += 1 + next.length;
          }
          payload = { kind: "rate", value: value.toString(), unit: per.join("/") };
        } else payload = { kind: "money", value: value.toString() };
      } else {
        const unit = unitList.find((u) => text.startsWith(u, e));
        payload = unit
          ? { kind: "count", value: value.toString(), unit: canonicalUnit(unit) }
          : { kind: "count", value: value.toString() };
        if (unit) e += unit.length;
      }
      push(T.Num, pos, e, payload);
      pos = e;
      continue;
    }
    // names and keywords
    if (isNameStart(c)) {
      const kw = isHan(c) ? keywordAt(pos) : 0;
      const dn = declaredAt(pos);
      if (dn > 0 && dn >= kw) {
        push(T.Name, pos, pos + dn, text.slice(pos, pos + dn));
        pos += dn;
      } else if (kw > 0) {
        const spec = SPELLINGS.get(text.slice(pos, pos + kw))!;
        pos += kw;
        push(T.KW[spec.name], pos - kw, pos);
        if (wasLineStart && (spec.name === "Policy" || spec.name === "Guideline")) title();
      } else {
        let e = pos + 1;
        while (
          e < text.length &&
          isNameChar(text.charCodeAt(e)) &&
          !(isHan(text.charCodeAt(e)) && keywordAt(e) > 0) &&
          declaredAt(e) === 0
        )
          e++;
        push(T.Name, pos, e, text.slice(pos, e));
        pos = e;
      }
      continue;
    }
    // punctuation and symbols
    const two = text.slice(pos, pos + 2);
    const sym2 = T.SYMBOL_KEYWORDS[two];
    if (sym2) {
      push(T.KW[sym2], pos, pos + 2);
      pos += 2;
      continue;
    }
    const sym1 = T.SYMBOL_KEYWORDS[ch];
    const type = sym1 ? T.KW[sym1] : SINGLE[ch];
    if (type) {
      push(type, pos, pos + 1);
      pos++;
      continue;
    }
    // anything else: report once per run of unknown characters
    let e = pos + 1;
    while (e < text.length && !/[\s\w\u3400-\u9fff“"「#()(:,;、=+\-×*÷/]/.test(text[e]!)) e++;
    diagnostics.push(
      diag(
        "error",
        "E003",
        `无法识别的字符“${source.slice(pos, e)}”`,
        span(pos, e),
        "删除这些字符，或把文字放在引号“”中。",
      ),
    );
    pos = e;
  }
  glueCheck(tokens, source, lines, diagnostics);
  return { tokens, comments, diagnostics, declared: names, lines };
}

/** Two names written together cannot be split safely: report where and show the fixed text. */
function glueCheck(tokens: IToken[], source: string, lines: LineMap, out: Diagnostic[]): void {
  for (let i = 1; i < tokens.length; i++) {
    const a = tokens[i - 1]!;
    const b = tokens[i]!;
    if (a.tokenType !== T.Name || b.tokenType !== T.Name) continue;
    if (a.endOffset! + 1 !== b.startOffset || a.image.startsWith("「") || b.image.startsWith("「"))
      continue;
    const s = lines.span(a.startOffset, b.endOffset! + 1);
    const fixed = `${a.image} ${b.image}`;
    out.push(
      diag(
        "error",
        "E004",
        `“${a.image}${b.image}”由两个词粘连而成，无法安全拆分`,
        s,
        `若是两个词，请在中间加空格：${fixed}；若是一个新名称，请先在申报信息中声明它，或写成「${a.image}${b.image}」。`,
        { title: `拆分为“${fixed}”`, span: s, text: fixed },
      ),
    );
  }
  void source;
}
