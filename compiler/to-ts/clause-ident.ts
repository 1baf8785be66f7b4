/**
 * Numbers that become part of generated code (issue 12): a clause number names a function
 * (`clause5`) and indexes ledgers, a count is compared against. Each is checked before it is
 * written, so a number the checker let through by mistake fails the compile (E999) instead of
 * producing a module that does not load (`function clause1e+21`).
 */
import { MAX_CLAUSE_NUMBER } from "../../grammar/limits.js";

/** The clause number as code: a non-negative integer no larger than MAX_CLAUSE_NUMBER. */
export function clauseNumberCode(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_CLAUSE_NUMBER)
    throw new Error(`条款编号 ${String(n)} 不能写入生成的代码`);
  return String(n);
}

/** The name of a clause's function in generated code: `clause5`. */
export function clauseFunctionName(n: number): string {
  return `clause${clauseNumberCode(n)}`;
}

/** A count (名额, 每年限申报) as a numeric literal: a safe non-negative integer. */
export function countCode(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`数量 ${String(n)} 不能写入生成的代码`);
  return String(n);
}
