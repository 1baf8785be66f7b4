/**
 * Numbers that become part of generated code (issue 12): a clause number names a function
 * (`clause5`) and indexes ledgers, a count is compared against. Each is checked before it is
 * written, so a number the checker let through by mistake fails the compile (E999) instead of
 * producing a module that does not load (`function clause1e+21`).
 */
import type { ClauseKey } from "../../grammar/ast.js";
import { clauseIdentSuffix } from "../../grammar/clause-ids.js";
import { MAX_CLAUSE_NUMBER } from "../../grammar/limits.js";
import { lit } from "./emit.js";

/**
 * The clause key as code: a non-negative integer no larger than MAX_CLAUSE_NUMBER, or a
 * sub-clause key ("3之一", "3（一）") of that form only, as a string literal.
 */
export function clauseNumberCode(n: ClauseKey): string {
  if (typeof n === "string") {
    const article = Number(/^\d+/.exec(n)?.[0]);
    if (!(article <= MAX_CLAUSE_NUMBER)) throw new Error(`条款编号 ${n} 不能写入生成的代码`);
    clauseIdentSuffix(n); // throws unless the key has exactly the sub-clause form
    return lit(n);
  }
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_CLAUSE_NUMBER)
    throw new Error(`条款编号 ${String(n)} 不能写入生成的代码`);
  return String(n);
}

/** The name of a clause's function in generated code: `clause5`, `clause3_zhi_1`, `clause3_item_1`. */
export function clauseFunctionName(n: ClauseKey): string {
  clauseNumberCode(n);
  return `clause${clauseIdentSuffix(n)}`;
}

/** A count (名额, 每年限申报) as a numeric literal: a safe non-negative integer. */
export function countCode(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`数量 ${String(n)} 不能写入生成的代码`);
  return String(n);
}
