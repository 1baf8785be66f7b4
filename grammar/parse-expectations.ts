/**
 * What each grammar rule expects, in Chinese, with an example (issue 11 §5): a parse error names
 * what belongs there ("此处应为表达式") and shows how to write it, never the bare "此处应为内容".
 * A test checks that every rule of the parser has an entry here.
 */

export interface Expectation {
  /** What the rule stands for, as it reads after "此处应为". */
  readonly what: string;
  /** A help text with an example. */
  readonly help: string;
}

const EXPR_HELP =
  "此处应为表达式，例如 200万、30%、项目投资 × 30%、（项目投资 - 土建投入） × 30%、" +
  "如果 首次认定 则 20万 否则 10万、按 项目级别：区级 200万，市级 500万。";
const expr: Expectation = { what: "表达式", help: EXPR_HELP };
const caseHelp =
  "案例的每一行以关键词开头，如 输入 项目投资 500万、已获 第9条 60万 日期 2022年3月1日、核定 第10条 80万、期望 第1条 150万。";

/** Rule name → what it expects. */
export const RULE_EXPECTATIONS: Readonly<Record<string, Expectation>> = {
  policy: {
    what: "政策",
    help: "政策文件以 政策 开头，如 政策 嘉定区工业互联网创新发展专项支持实施意见。",
  },
  header: {
    what: "政策标题",
    help: "政策标题之下可写：文号 “嘉经〔2021〕12号”、有效期 2021年6月18日 至 2025年12月31日、舍入 到分 四舍五入。",
  },
  topItem: {
    what: "新的一节（申报信息、参数、定义、分类、支持对象、叠加规则、第N条、案例）",
    help: "每一节以关键词或条款编号开头，写在行首，如 申报信息、参数、第1条 标题、案例 “标题”。",
  },
  payerName: {
    what: "资金来源（区级财政、市级财政、省级财政、中央财政，或引号中的专项资金名称）",
    help: "资金来源写作 资金来源 区级财政，或 资金来源 “工业互联网专项资金”。",
  },
  inputsSection: {
    what: "申报信息",
    help: "申报信息之下每行声明一项，如 项目实际投资 金额 “说明”。",
  },
  inputDecl: {
    what: "申报信息声明",
    help: "每项申报信息写作 名称 类型，如 项目实际投资 金额、项目级别 枚举 区级、市级 默认 区级。",
  },
  paramsSection: {
    what: "参数",
    help: "参数之下每行声明一项，如 服务企业数量要求 数量（家） 待定。",
  },
  paramDecl: {
    what: "参数声明",
    help: "每个参数写作 名称 类型 取值，如 服务企业数量要求 数量（家） 待定、配套比例 比例 默认 50%。",
  },
  typeRef: {
    what: "类型（金额、比例、数量、日期、是否、文本、枚举）",
    help: "类型可写：金额、比例、数量（家）、日期、是否、文本、枚举 区级、市级。",
  },
  defineDecl: {
    what: "定义",
    help: "定义写作 定义 名称 = 表达式，如 定义 平台投入 = 平台建设总投入 - 土建投入。",
  },
  categoryDecl: {
    what: "分类",
    help: "分类写作 分类 名称：类别、类别，如 分类 费用类别：设备购置、软件购置。",
  },
  eligibility: {
    what: "支持对象",
    help: "支持对象之下写 条件 …、排除 …，如 条件 注册地在本区 并且 法人企业。",
  },
  stacking: { what: "叠加规则", help: "叠加规则之下可写 从高不重复、扣除 已获区镇其他扶持金额。" },
  clause: { what: "条款", help: "条款以 第N条 开头，其后是标题，如 第1条 支持企业两化深度融合。" },
  clauseItem: {
    what: "条款内容",
    help: "条款内容以关键词开头，如 条件、资助、上限、原文、一次性。",
  },
  stepItem: {
    what: "上限或调整（上限、就高、就低、补差）",
    help: "可写 上限 200万、上限 200万 含 已获上级补助金额、就高 配套金额 当 上级要求配套、补差 已获区级资助。",
  },
  countWithUnit: {
    what: "数目",
    help: "此处应为一个整数，可带单位，如 每年限 1 项、名额 每年 20。",
  },
  awardForm: {
    what: "资助方式（比例、定额、最高、计算、一事一议）",
    help: "资助方式可写：比例 30% 基数 …、定额 20万、最高 100万、计算 …、一事一议。",
  },
  nameList: { what: "名称列表", help: "名称之间用、分隔，如 设备购置、软件购置。" },
  expr,
  ifExpr: expr,
  orExpr: expr,
  andExpr: expr,
  notExpr: expr,
  cmpExpr: expr,
  addExpr: expr,
  mulExpr: expr,
  unary: {
    what: "数值或名称",
    help: "这里需要一个数值（如 200万、30%）、已声明的名称，或写在（）中的表达式。",
  },
  primary: {
    what: "数值或名称",
    help: "这里需要一个数值（如 200万、30%）、已声明的名称，或写在（）中的表达式。",
  },
  call: {
    what: "函数",
    help: "函数写作 就高（甲，乙）、就低（甲，乙）、年份（申报日期）、天数（起息日，到期日）。",
  },
  sum: {
    what: "合计",
    help: "合计写作 合计 费用明细 限 设备购置、软件购置，或 合计 年度研发投入 自 2019年 至 2021年。",
  },
  table: { what: "表格", help: "表格写作 按 项目级别：区级 200万，市级 500万，其他 100万。" },
  tableRow: {
    what: "表格行",
    help: "表格的每一行写作 类别 取值，行之间用，分隔，如 区级 200万，市级 500万。",
  },
  brackets: {
    what: "分档",
    help: "分档写作 分档 营业收入：1亿以上 不满5亿：50万；5亿以上：100万。",
  },
  bracketRow: { what: "分档", help: "每一档写作 界限：取值，如 1亿以上 不满5亿：50万、其他：0。" },
  boundWord: {
    what: "分档界限（以上、以下、超过、不满、（含）、（不含））",
    help: "分档界限写在数值后，如 1亿以上、5亿以下、1亿（不含）以上。",
  },
  upperBound: { what: "分档上界", help: "上界写作 不满5亿、5亿以下 或 5亿（含）以下。" },
  caseDecl: { what: "案例", help: caseHelp },
  caseItem: { what: "案例内容", help: caseHelp },
  inputEntry: {
    what: "案例输入",
    help: "输入写作 名称 取值，之间用，分隔，如 输入 项目投资 500万，项目级别 市级。",
  },
  record: {
    what: "明细",
    help: "明细写作 键 金额、键 金额，如 设备购置 100万、软件购置 50万 或 2023年 100万、2024年 120万。",
  },
  expectation: {
    what: "期望结果",
    help: "期望写作 期望 第1条 150万、期望 第1条 不符合 原因 “…”、期望 第12条 需决定、期望 总额 150万。",
  },
  openClauses: { what: "开放的条款", help: "开放写作 开放 第1条、第5条。" },
  exceptionDecl: { what: "例外", help: "例外写作 例外 第5条 “依据”。" },
  assertDecl: {
    what: "断言",
    help: "断言写作 断言 总额 不超过 1000万、断言 第5条 不超过 项目已投入金额 × 30%，或 断言 第1条 与 第5条 不同时适用；可再写 当 条件 与引号中的说明。",
  },
  scopedLimit: {
    what: "带范围的限额",
    help: "范围之后写限额，如 同一项目 累计上限 500万、单个企业 年度累计上限 100万、单个企业 一次性、单个企业 每年限 1 项、全部企业 名额 每年 20。",
  },
  limitScope: {
    what: "限额的范围（同一项目、单个企业、全部企业）",
    help: "限额的范围写作 同一项目、单个企业 或 全部企业，如 同一项目 累计上限 500万。",
  },
};

/** The innermost rule of a rule stack that has an entry (the last one, normally). */
export function expectationOf(ruleStack: readonly string[] | undefined): Expectation | undefined {
  for (let i = (ruleStack?.length ?? 0) - 1; i >= 0; i--) {
    const e = RULE_EXPECTATIONS[ruleStack![i]!];
    if (e) return e;
  }
  return undefined;
}
