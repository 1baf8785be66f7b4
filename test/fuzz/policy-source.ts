/**
 * Policy sources for compiler fuzzing: mutations of real policies (characters, lines, numbers,
 * hostile text), recombinations of their lines, and random token soups. Case `i` of seed `s` is
 * always the same text, so any failure can be reproduced from its number.
 */
import { KEYWORDS } from "../../grammar/keywords.js";
import { int, pick, rng } from "../support/random.js";
import { PAYLOADS, withPayload } from "./hostile.js";

type R = () => number;

const WORDS = [
  ...KEYWORDS.flatMap((k) => k.spellings),
  "：",
  "，",
  "、",
  "（",
  "）",
  "“",
  "”",
  "「",
  "」",
  "\n",
  "  ",
  "#",
  "-",
  "×",
  "÷",
  "+",
  "%",
  "200万",
  "30%",
  "1亿",
  "0",
  "第3条",
  "2025年2月30日",
  "2024年1月1日",
  "家",
  "元/千瓦时",
];
const NUMBERS = [
  "0",
  "-1",
  "0.001",
  "1e400",
  "99999999999999999999999999",
  "100000%",
  "0%",
  "1.005万",
  "１２",
  "9999年12月31日",
  "2024年2月29日",
  "2023年2月29日",
  "0000年1月1日",
  "NaN",
  "Infinity",
];

function mutateChars(s: string, r: R): string {
  for (let k = int(r, 1, 6); k > 0; k--) {
    const at = int(r, 0, s.length);
    switch (int(r, 0, 3)) {
      case 0:
        s = s.slice(0, at) + s.slice(at + int(r, 1, 20));
        break;
      case 1:
        s = s.slice(0, at) + pick(r, WORDS) + s.slice(at);
        break;
      case 2: {
        const from = int(r, 0, s.length);
        s = s.slice(0, at) + s.slice(from, from + int(r, 1, 40)) + s.slice(at);
        break;
      }
      default:
        s =
          s.slice(0, at) +
          String.fromCodePoint(int(r, 0, 1) ? int(r, 0x20, 0x9fff) : int(r, 0, 0x10ffff) & ~0x800) +
          s.slice(at);
    }
  }
  return s;
}

function mutateLines(s: string, r: R): string {
  const lines = s.split("\n");
  for (let k = int(r, 1, 4); k > 0; k--) {
    const i = int(r, 0, lines.length - 1);
    const j = int(r, 0, lines.length - 1);
    switch (int(r, 0, 4)) {
      case 0:
        lines.splice(i, 1);
        break;
      case 1:
        lines.splice(i, 0, lines[j]!);
        break;
      case 2:
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        break;
      case 3:
        lines[i] = lines[i]!.replace(/^\s*/, pick(r, ["", " ", "    ", "\t", "      "]));
        break;
      default:
        lines[i] = lines[i]!.replace(/\d[\d.,]*(万|亿|%|年\d+月\d+日)?/, pick(r, NUMBERS));
    }
  }
  return lines.join("\n");
}

/** Lines of several policies shuffled under one header: plausible statements in odd places. */
function recombine(corpus: readonly string[], r: R): string {
  const all = corpus.flatMap((c) => c.split("\n"));
  const out = [pick(r, corpus).split("\n")[0]!];
  for (let n = int(r, 5, 80); n > 0; n--) out.push(pick(r, all));
  return out.join("\n");
}

function soup(r: R): string {
  return Array.from({ length: int(r, 1, 80) }, () =>
    pick(r, [...WORDS, "甲", "乙", "项目投资"]),
  ).join(pick(r, [" ", "", "\n"]));
}

/** The `i`-th fuzz case of a run seeded with `seed`. */
export function policySource(corpus: readonly string[], seed: number, i: number): string {
  const r = rng((seed * 1_000_003 + i) >>> 0);
  const base = pick(r, corpus);
  const k = r();
  if (k < 0.35) return mutateChars(base, r);
  if (k < 0.6) return mutateLines(base, r);
  if (k < 0.7) return recombine(corpus, r);
  if (k < 0.8) return soup(r);
  // Hostile text in a valid policy, sometimes with a mutation on top.
  const hostile = withPayload(base, pick(r, PAYLOADS), int(r, 0, 1000));
  return r() < 0.3 ? mutateLines(hostile, r) : hostile;
}
