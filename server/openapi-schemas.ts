/**
 * The JSON Schemas of what the service returns (results, errors, ledger entries), shared by every
 * policy in the OpenAPI document. They mirror runtime/types.ts.
 */

const str = (description: string) => ({ type: "string", description });
const amount = (description: string) => ({
  type: "string",
  pattern: "^-?\\d+(\\.\\d+)?$",
  description,
});
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Component schemas shared by all policies. */
export const SHARED_SCHEMAS: Record<string, unknown> = {
  ExplainStep: {
    type: "object",
    required: ["text"],
    properties: {
      text: str("说明文字，如“项目已投入金额 800万元 × 30% = 240万元”"),
      amount: amount("本步之后的金额（元）"),
    },
  },
  ClauseResult: {
    type: "object",
    required: ["clause", "number", "title", "status", "eligible", "amount", "reasons", "steps"],
    properties: {
      clause: str("条款，如“第5条”"),
      number: { type: "integer" },
      title: str("条款标题"),
      status: {
        enum: ["awarded", "ineligible", "not-paid", "needs-decision", "benefit", "error"],
        description:
          "awarded 给予资助；ineligible 不符合；not-paid 符合条件但未支付（从高不重复，原因见 reasons 最后一条，应得金额见 entitled）；needs-decision 需决定；benefit 非资金支持；error 无法计算",
      },
      eligible: { type: "boolean" },
      amount: { anyOf: [amount("资助金额（元）"), { type: "null" }] },
      maximum: amount("按政策最高可得金额（元）"),
      entitled: amount("符合条件但未支付的条款本应得到的金额（元），不计入合计"),
      payable: amount("本次应拨付（负数为应追回）"),
      reasons: { type: "array", items: str("不符合、未支付或无法计算的原因") },
      steps: { type: "array", items: ref("ExplainStep") },
      benefit: str("非资金支持"),
      beneficiary: str("资金拨付对象"),
      payer: str("资金来源（本条或政策默认）"),
      stacksWith: str("可叠加的其他扶持"),
    },
  },
  EvaluationResult: {
    type: "object",
    required: [
      "policy",
      "date",
      "dateFrom",
      "inForce",
      "eligible",
      "reasons",
      "clauses",
      "total",
      "benefits",
      "steps",
    ],
    properties: {
      policy: str("政策名称"),
      docNo: str("文号"),
      date: { type: "string", format: "date", description: "申报日期" },
      dateFrom: {
        enum: ["application", "option", "today"],
        description:
          "申报日期的来源：申报材料中的“申报日期”、date 选项，或未给出时的今天（中国时间）",
      },
      inForce: { type: "boolean", description: "申报日期是否在有效期内" },
      eligible: { type: "boolean", description: "是否符合支持对象" },
      reasons: { type: "array", items: { type: "string" } },
      clauses: { type: "array", items: ref("ClauseResult") },
      total: amount("各条资助金额合计（元）"),
      byPayer: {
        type: "object",
        additionalProperties: amount("该资金来源支出的金额（元）"),
        description: "按资金来源分列的金额（政策写明资金来源时给出；各项之和等于 total）",
      },
      benefits: { type: "array", items: { type: "string" } },
      steps: { type: "array", items: ref("ExplainStep") },
    },
  },
  FieldError: {
    type: "object",
    required: ["field", "message"],
    properties: { field: str("出错的字段"), message: str("中文说明") },
  },
  Error: {
    type: "object",
    required: ["ok", "error"],
    properties: {
      ok: { const: false },
      error: str("中文错误说明"),
      errors: { type: "array", items: ref("FieldError") },
    },
  },
  LedgerEntry: {
    type: "object",
    required: ["applicant", "clause", "amount", "date"],
    properties: {
      applicant: str("申报主体"),
      clause: {
        anyOf: [{ type: "integer" }, { type: "string" }],
        description: '条款：9、"9" 或 "第9条"',
      },
      amount: {
        anyOf: [{ type: "number", minimum: 0 }, { type: "string" }],
        description: '已获资助金额（元），如 600000 或 "60万"；不能为负数',
      },
      date: { type: "string", format: "date" },
      project: str("项目"),
    },
  },
  Options: {
    type: "object",
    properties: {
      date: str("申报日期，如 2022-03-01；默认取申报材料中的“申报日期”或今天"),
      explain: { type: "boolean", description: "是否附带说明（默认 true）" },
      applicant: str("申报主体（用于台账）"),
      ledger: { type: "array", items: ref("LedgerEntry"), description: "此前已获资助（台账）" },
      approved: {
        type: "object",
        additionalProperties: { anyOf: [{ type: "number", minimum: 0 }, { type: "string" }] },
        description:
          '核定金额，键为 10、"10" 或 "第10条"，如 {"第10条": "80万"}；按政策的舍入规则舍入，不能为负数',
      },
      params: { type: "object", description: "参数取值（如申报指南设定的数量要求）" },
    },
  },
  Evaluated: {
    type: "object",
    required: ["ok", "policy", "version", "result"],
    properties: {
      ok: { const: true },
      policy: str("政策编号（文件名）"),
      version: str("政策版本（内容哈希）"),
      status: {
        enum: ["complete", "incomplete"],
        description: "incomplete：有条款无法计算（如参数待定），见 incomplete",
      },
      incomplete: {
        type: "array",
        items: str("无法计算的条款及原因"),
        description: "无法计算的条款",
      },
      result: ref("EvaluationResult"),
      explanation: str("中文说明全文"),
    },
  },
  BatchResult: {
    type: "object",
    required: ["ok", "policy", "version", "count", "failed", "items", "ledger"],
    properties: {
      ok: { const: true },
      policy: { type: "string" },
      version: { type: "string" },
      count: { type: "integer" },
      failed: { type: "integer", description: "申报材料有误的份数" },
      items: {
        type: "array",
        items: {
          type: "object",
          required: ["index", "ok"],
          properties: {
            index: { type: "integer", description: "在请求数组中的位置" },
            ok: { type: "boolean" },
            status: { enum: ["complete", "incomplete"] },
            incomplete: { type: "array", items: { type: "string" } },
            result: ref("EvaluationResult"),
            explanation: { type: "string" },
            errors: { type: "array", items: ref("FieldError") },
          },
        },
      },
      ledger: { type: "array", items: ref("LedgerEntry"), description: "计入本批资助后的台账" },
    },
  },
};
