/**
 * The one catalog of diagnostic codes: code → meaning (a short Chinese title), severity and a
 * general help text. A code has one meaning everywhere — compiler, CLI, HTTP service, language
 * server and playground — and `diag()` takes a `DiagnosticCode`, so a code that is not listed here
 * does not compile. A diagnostic's own message and help may be more specific than this entry; they
 * never mean something else. docs/diagnostics.md is generated from this table (`npm run docs`).
 *
 * Ranges: E0xx the lexer, E1xx the parser, E2xx the checker, W3xx the checker's warnings, E4xx and
 * W4xx guideline (申报指南) composition and the base policy, E6xx the formatter, E999 internal.
 * Ranges reserved for work under way (those helpers add their entries here):
 * E030–E049 limits on hostile input; E240–E259 projects and periods; E260–E279 clause references
 * and sub-clauses; E280–E299 unit algebra and consistency; E300–E319 diagnostics that lead to the
 * fix; W430–W449 implausible-value warnings (compiler/check/implausible.ts); E500–E519
 * assertions and proofs.
 */
import type { Severity } from "./diagnostics.js";

export interface DiagnosticCodeSpec {
  /** What the code means, as a short Chinese title. */
  readonly meaning: string;
  readonly severity: Severity;
  /** What to do about it, in general; each diagnostic may say more. */
  readonly help: string;
}

export const DIAGNOSTIC_CODES = {
  // E0xx — the lexer (text-to-tokens)
  E001: {
    meaning: "引号或「」没有闭合",
    severity: "error",
    help: "在本行内补上闭合的 ” 或 」。",
  },
  E002: {
    meaning: "日期不存在",
    severity: "error",
    help: "检查月份和日期，例如 2025年12月31日。",
  },
  E003: {
    meaning: "无法识别的字符",
    severity: "error",
    help: "删除这些字符，或把文字放在引号“”中。",
  },
  E004: {
    meaning: "几个词粘连在一起，无法安全拆分",
    severity: "error",
    help: "在词之间加空格；若是一个新名称，先在申报信息中声明它，或写成「名称」。",
  },
  E005: {
    meaning: "不可用的条款编号写法（第3条第2款、第三部分第2条、行首列表编号，以及 第3.1条、A3 等）",
    severity: "error",
    help: "条款编号写作 第N条，子条款写作 第N条之M 或 第N条（M）；款、项、分部分、列表编号和小数或字母编号（第3条第2款、第三部分第2条、（一）、一、、3.1、A3）写进标题或 原文。",
  },
  E006: {
    meaning: "数字的有效数字过多",
    severity: "error",
    help: "金额、比例和数量最多写17位有效数字。",
  },
  // E030–E049 — limits on hostile input (grammar/limits.ts)
  E030: {
    meaning: "条款编号过大",
    severity: "error",
    help: "条款编号最大为 第9999条；原文编号写进标题或 原文。",
  },
  E031: {
    meaning: "括号、并非、负号或 如果 嵌套过深",
    severity: "error",
    help: "最多嵌套 32 层；把里层的部分写成 定义 中的名称再引用。",
  },
  E032: {
    meaning: "表达式过长或嵌套过深",
    severity: "error",
    help: "一个表达式最多 128 层运算；把其中一部分写成 定义 中的名称再引用。",
  },
  E033: {
    meaning: "名额或每年限的数不是整数",
    severity: "error",
    help: "写 1 到 1000000 之间的项目个数，如 名额 每年 20。",
  },
  E034: {
    meaning: "编译超过时间限制",
    severity: "error",
    help: "编译被停止，仍按上一个能编译的版本工作。请检查最近的改动：特别长的名称、很长的表格或大段重复的文字会使编译变慢；把它们拆成几个条款或 定义 后再保存。",
  },
  // E1xx — the parser (tokens-to-ast)
  E100: {
    meaning: "语法错误",
    severity: "error",
    help: "按提示补上或删去词语；关键词表见 docs/language-reference.md。",
  },
  // E2xx — the checker (check/)
  E201: {
    meaning: "未声明的名称",
    severity: "error",
    help: "先在 申报信息、参数、定义 或 分类 中声明它，或改为已声明的名称。",
  },
  E202: {
    meaning: "算式的类型不对",
    severity: "error",
    help: "金额只能乘除比例或数量；金额乘金额没有意义。",
  },
  E204: {
    meaning: "比较的两边不能相比",
    severity: "error",
    help: "比较的两边应是同一类数值；类别只能比较是否相等。",
  },
  E205: {
    meaning: "表达式的类型或写法不符合要求",
    severity: "error",
    help: "按提示改写为所需类型的表达式。",
  },
  E206: {
    meaning: "不是可选的类别",
    severity: "error",
    help: "使用声明中列出的类别。",
  },
  E207: {
    meaning: "表格缺少类别",
    severity: "error",
    help: "为每个类别写一行，或加一行 其他 … 作为其余情形。",
  },
  E208: {
    meaning: "表格中类别重复",
    severity: "error",
    help: "每种类别只能写一行。",
  },
  E209: {
    meaning: "分档重叠",
    severity: "error",
    help: "相邻两档应一档含本数、一档不含，如 1亿以上 不满5亿；5亿以上。",
  },
  E210: {
    meaning: "分档有空缺",
    severity: "error",
    help: "让相邻两档首尾相接，或加一行 其他：…。",
  },
  E211: {
    meaning: "分档永远不会被用到",
    severity: "error",
    help: "检查上下界和“其他”的位置。",
  },
  E212: {
    meaning: "条款编号重复",
    severity: "error",
    help: "每个条款编号只能出现一次；请重新编号。",
  },
  E213: {
    meaning: "名称重复声明",
    severity: "error",
    help: "每个名称只能声明一次；请改用另一个名称。",
  },
  E214: {
    meaning: "定义循环引用",
    severity: "error",
    help: "定义之间不能循环引用。",
  },
  E215: {
    meaning: "单价与数量的单位不一致",
    severity: "error",
    help: "使用与单价同一单位的数量，或改写单价的单位。",
  },
  E216: {
    meaning: "案例引用了不存在的条款",
    severity: "error",
    help: "期望 中写政策已有的条款编号。",
  },
  E217: {
    meaning: "申报信息不是明细",
    severity: "error",
    help: "明细只用于 金额 按 分类 或 金额 按年 的申报信息。",
  },
  E218: {
    meaning: "除数为零",
    severity: "error",
    help: "请检查除数。",
  },
  E219: {
    meaning: "找不到案例所基于的案例",
    severity: "error",
    help: "基于 之后写另一个案例的名称。",
  },
  E220: {
    meaning: "支持对象中写了不能写的内容",
    severity: "error",
    help: "支持对象中只能写 条件、排除 和 原文；资助方式写在具体条款中。",
  },
  E221: {
    meaning: "缺少政策标题",
    severity: "error",
    help: "文件开头写：政策 政策名称。",
  },
  E222: {
    meaning: "有效期或申报期的起始日期晚于终止日期（政策或条款不受理任何申报）",
    severity: "error",
    help: "检查 … 至 … 的两个日期。",
  },
  E223: {
    meaning: "条款有多个资助方式",
    severity: "error",
    help: "每个条款只写一种资助方式；不同情形用 如果…则…否则…，或拆成两个条款。",
  },
  E224: {
    meaning: "没有资助方式，上限等步骤无从计算",
    severity: "error",
    help: "先写 资助 …。",
  },
  E225: {
    meaning: "已拨付 缺少 拨付",
    severity: "error",
    help: "写 拨付 按 阶段：… 说明各阶段累计拨付比例。",
  },
  // E240–E259 — projects and periods
  E240: {
    meaning: "有效期 适用于 的不是已声明的日期项",
    severity: "error",
    help: "适用于 之后写申报信息中声明为 日期 的一项，如 立项日期 日期，再写 有效期 … 至 … 适用于 立项日期；不写 适用于 则有效期约束申报日期。",
  },
  E241: {
    meaning: "名次不存在",
    severity: "error",
    help: "名次从第1名算起：写 第1名、第10名、前十名。",
  },
  E242: {
    meaning: "名次的比较写法不明确",
    severity: "error",
    help: "名次只与名次比较，数字越小越靠前：写 不低于 第10名、位列 前十名（第1至第10名）、高于 第10名（第1至第9名）、低于 第10名（第11名及以后）；“超过”“不超过”“大于”等用于名次时含义不明，不能使用。",
  },
  E243: {
    meaning: "名次不能参与运算或分档",
    severity: "error",
    help: "名次只用于比较，如 条件 行业排名 位列 前十名；按名次给不同金额时写 如果 行业排名 位列 前三名 则 50万 否则 20万。",
  },
  // W3xx — the checker's warnings
  W301: {
    meaning: "条款用到的参数尚未设定",
    severity: "warning",
    help: "在申报指南中设定参数，或在声明处写 = 取值。",
  },
  W302: {
    meaning: "条款没有资助方式或权益",
    severity: "warning",
    help: "加一行 资助 …，或 权益 “…”。",
  },
  W303: {
    meaning: "重复写了一次性",
    severity: "warning",
    help: "删去重复的一行。",
  },
  // E260–E279 — clause references and sub-clauses (grammar/clause-ids.ts)
  E260: {
    meaning: "子条款编号过大",
    severity: "error",
    help: "子条款序号最多到九十九（第3条之九十九、第3条（九十九））；更多的条款请另起编号。",
  },
  E261: {
    meaning: "引用了不存在的条款的金额",
    severity: "error",
    help: "第N条金额 只能引用本政策中存在的条款；检查条款编号（提示中列出现有条款）。",
  },
  E262: {
    meaning: "条款之间循环引用金额",
    severity: "error",
    help: "一条的金额不能依赖它自己（直接、经其他条款或经定义）；提示中给出引用的路径，去掉其中一处引用。",
  },
  E263: {
    meaning: "在条款计算之前确定的位置引用了条款金额",
    severity: "error",
    help: "支持对象、叠加规则、默认值、参数和案例不能用 第N条金额；把它写进需要它的条款。",
  },
  E264: {
    meaning: "案例期望的资金来源不在政策中",
    severity: "error",
    help: "资金来源须是政策开头或某一条写明的 资金来源（区级财政、市级财政、省级财政、中央财政或引号中的专项资金名称）。",
  },
  E265: {
    meaning: "一个条款写了多个资金来源",
    severity: "error",
    help: "每条只写一个 资金来源；由两级财政分担的，拆成两条，后一条用 第N条金额 引用前一条。",
  },
  E266: {
    meaning: "引用的条款没有资助金额",
    severity: "error",
    help: "只能引用写了 资助 … 的条款的金额；只有权益的条款没有金额。",
  },
  // E280–E299 — amounts and units (issue #10 §5)
  E280: {
    meaning: "用作金额的是带单位的数量：漏写了单价",
    severity: "error",
    help: "数量乘以同单位的单价才是金额，如 租赁面积 × 租赁天数 × 2元/平方米/天。",
  },
  // E300–E319 — diagnostics that lead to the fix
  E300: {
    meaning: "名称以条款编号开头，会被读成新的条款",
    severity: "error",
    help: "把名称写在「」之间（声明处和每一处使用），或改名。",
  },
  E302: {
    meaning: "函数参数中的“，”被读成了表格的下一行",
    severity: "error",
    help: "把表格放进括号，或把它作为最后一个参数。",
  },
  // E4xx / W4xx — guidelines (申报指南) and the policy they build on
  E401: {
    meaning: "所依据的政策有错误",
    severity: "error",
    help: "先用 zhengce check 检查并修正所依据的政策。",
  },
  E402: {
    meaning: "申报指南提高了政策的标准",
    severity: "error",
    help: "申报指南只能降低标准；确需提高的，写 例外 第N条 “依据”。",
  },
  E403: {
    meaning: "申报指南不能修改这一项",
    severity: "error",
    help: "申报指南可以增加条件、排除，降低比例、金额、上限、名额；其他规则请修订政策。",
  },
  E404: {
    meaning: "政策中没有所调整的条款",
    severity: "error",
    help: "申报指南只能调整政策已有的条款。",
  },
  E406: {
    meaning: "申报指南设定的参数与政策的声明不符",
    severity: "error",
    help: "只设定政策已声明的参数，类型与政策相同。",
  },
  E407: {
    meaning: "申报期超出政策有效期",
    severity: "error",
    help: "申报期须在政策有效期之内。",
  },
  E408: {
    meaning: "申报指南不能修改政策的标题事项",
    severity: "error",
    help: "删除这一行；它由政策规定。",
  },
  E410: {
    meaning: "申报指南的数值无法与政策比较",
    severity: "error",
    help: "比例、金额和上限请写具体数值（表格须与政策按同样的类别分列）。",
  },
  E411: {
    meaning: "申报指南不能修改叠加规则",
    severity: "error",
    help: "叠加规则由政策规定；如需修改请修订政策。",
  },
  E412: {
    meaning: "申报指南没有写所依据的政策",
    severity: "error",
    help: "在标题下写一行：基于 “政策文件.zc” 或 基于 “政策标题”。",
  },
  E413: {
    meaning: "找不到申报指南所依据的政策",
    severity: "error",
    help: "把所依据的政策放在同一目录（或工作区），或在 基于 后写它的文件名、标题或文号。",
  },
  E414: {
    meaning: "这不是申报指南",
    severity: "error",
    help: "申报指南以 申报指南 标题 开头，并写 基于 “政策文件”。",
  },
  E415: {
    meaning: "政策条款没有资助方式，申报指南无从调整",
    severity: "error",
    help: "删除这一行。",
  },
  E416: {
    meaning: "申报指南所依据的政策在服务目录之外",
    severity: "error",
    help: "把所依据的政策放进服务目录。",
  },
  E417: {
    meaning: "申报指南对同一条款写了两次",
    severity: "error",
    help: "把对同一条款的调整写在一处。",
  },
  W401: {
    meaning: "申报期不在年度之内",
    severity: "warning",
    help: "请核对 年度 与 申报期。",
  },
  W402: {
    meaning: "声明了例外，但指南没有调整该条",
    severity: "warning",
    help: "删除这一行，或在该条中写出调整。",
  },
  // W430–W449 — implausible values: figures that type-check but are almost always a slip
  W430: {
    meaning: "比例超过 100%",
    severity: "warning",
    help: "资助或拨付多于基数几乎总是笔误（如把 13% 写成 130%）；若确是政策原意，请在注释中写明依据。",
  },
  W431: {
    meaning: "上限低于本条的定额",
    severity: "warning",
    help: "定额永远不会全额发放：检查两个金额是否写反或多写、少写了一位；只在某些情形下封顶时写 上限 … 当 …。",
  },
  W432: {
    meaning: "条件或合计中的日期范围终止早于起始（条件永不成立，合计为零）",
    severity: "warning",
    help: "这样的范围是空的（条件永远不成立，合计为零）：检查两个日期是否写反，或年份是否写错。",
  },
  W433: {
    meaning: "合计的终止年份后紧跟乘除运算",
    severity: "warning",
    help: "自 … 至 … 的终点读到算式结束：合计 明细 自 2022年 至 2023年 × 1% 的终止年份是 2023年 × 1%。要对合计再乘除，请加括号：（合计 明细 自 2022年 至 2023年） × 1%。",
  },
  // E500–E519 — assertions (断言) and their proofs (compiler/check/check-asserts.ts, review/prove/)
  E500: {
    meaning: "断言引用了不存在的条款",
    severity: "error",
    help: "断言中的条款编号须是本政策已有的条款；检查编号是否写错。",
  },
  E501: {
    meaning: "断言中同一条款列了两次",
    severity: "error",
    help: "不同时适用 列出的条款各写一次。",
  },
  E502: {
    meaning: "不同时适用只能列条款",
    severity: "error",
    help: "写作 断言 第1条 与 第5条 不同时适用；总额 不能与条款并列。",
  },
  E510: {
    meaning: "断言不成立",
    severity: "error",
    help: "求解器找到了不满足断言的申报，并用编译后的政策实际计算验证；修改规则，或修改断言。",
  },
  W510: {
    meaning: "断言未能证明",
    severity: "warning",
    help: "求解器未能在时限内给出结论，或政策用到了尚未翻译为求解器约束的写法；断言既未证明也未否定。",
  },
  // E6xx — the formatter
  E601: {
    meaning: "格式化结果无法重新解析",
    severity: "error",
    help: "这是格式化程序的缺陷，原文未被改动；请把政策文本报告给开发者。",
  },
  E602: {
    meaning: "格式化会改变政策内容",
    severity: "error",
    help: "这是格式化程序的缺陷，原文未被改动；请把政策文本报告给开发者。",
  },
  // E999 — a defect of zhengce itself
  E999: {
    meaning: "编译器内部错误",
    severity: "error",
    help: "这是 zhengce 的缺陷，请附上政策文本报告给开发者。",
  },
} as const satisfies Readonly<Record<string, DiagnosticCodeSpec>>;

/** A code listed in the catalog; `diag()` accepts nothing else. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** Is this string a catalogued code (for codes that arrive as text, e.g. from an editor)? */
export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.hasOwn(DIAGNOSTIC_CODES, code);
}
