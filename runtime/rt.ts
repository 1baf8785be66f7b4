/**
 * The namespace generated evaluators call into. Keep it small and stable: generated modules of
 * earlier versions import these names.
 */
export { ClauseRun, type Ctx } from "./clause.js";
export { fmtBool, fmtCount, fmtDate, fmtMoney, fmtRate, fmtRatio } from "./format.js";
export { countInYear, firstAward, sumAll, sumInYear } from "./ledger.js";
export {
  countScoped,
  firstScoped,
  scopeText,
  sumScoped,
  supportYear,
  yearsRefusal,
  type LimitScope,
} from "./limits.js";
export { history } from "./history.js";
export { bracketRow, decBrackets, decCmp, decs, intCmp } from "./bracket-rows.js";
export { Dec, dec, max, min, roundMoney, toPlain, ZERO } from "./money.js";
export { run, type Plan } from "./run.js";
export type { PolicyLimit } from "./policy-limits.js";
export { definePolicy } from "./define.js";
export { clauseAmount } from "./clause-refs.js";
export {
  awarded as fastAwarded,
  benefit as fastBenefit,
  decision as fastDecision,
  result as fastResult,
} from "./fast.js";
export { ck, decScaled, fall, isoDate, plain, rnd, scaledNumber, up } from "./fast-money.js";
export {
  caught,
  days,
  div,
  EvalFailure,
  failureText,
  outOfRange,
  raise,
  sumRecord,
  sumYears,
} from "./ops.js";
