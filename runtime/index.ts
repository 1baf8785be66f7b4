/**
 * zhengce/runtime: what generated policy modules and services import.
 */
export * as rt from "./rt.js";
export { definePolicy, loadPolicy } from "./define.js";
export { evaluateBatch, type BatchItem } from "./batch.js";
export { Dec, roundMoney, toPlain } from "./money.js";
export { fmtDate, fmtMoney, fmtRatio, RANK_UNIT } from "./format.js";
export { moneyPlain, moneyText, showMoney, showSignedMoney, type MoneyText } from "./money-text.js";
export { RESERVED_FIELDS, WHOLE_UNITS, parseDate, parseValue, validate } from "./validate.js";
export { evaluationJson, evaluationText, incompleteText, resultText } from "./result-text.js";
export { notPaidReason, STATUS_WORD } from "./status-words.js";
export { shown } from "./shown.js";
export { amountInFigures, foldWidth, readAmountText, readChineseAmount } from "./text-forms.js";
export { todayInChina, useFastPath, type Plan } from "./run.js";
export { UNNAMED_PAYER } from "./payers.js";
export type * from "./types.js";
export { checkApplicant, checkApproved, checkOptions, OPTION_NAMES } from "./options.js";
export {
  checkLedger,
  clauseNumberOf,
  normalizeApplicant,
  optionDate,
  LEDGER_FIELDS,
} from "./ledger-entries.js";
export {
  JSON_NUMBER_DIGITS,
  jsonErrorText,
  jsonSyntaxError,
  numberTooPrecise,
  parseJsonText,
  type JsonSyntaxError,
} from "./json-text.js";
