/**
 * The keyword table: the single source of truth for the language's words.
 * Tokens, editor highlighting, completion, hover docs and the language reference are generated
 * from this list. Adding a spelling here is enough to make the lexer, parser and editor accept it.
 */

/** How a keyword is used; drives highlighting and where completion offers it. */
export type KeywordCategory =
  | "section" // starts a top-level block
  | "header" // an item of the policy header
  | "type" // an input or parameter type
  | "statement" // a line inside a clause or block
  | "award" // a way of computing an amount
  | "step" // a step applied to an amount (caps, 就高 …)
  | "operator" // logic and comparison words
  | "bound" // bracket bounds (以上, 以下 …)
  | "function" // built-in functions
  | "literal"; // 是, 否 …

/** One keyword: its token name, every spelling the lexer accepts, and its documentation. */
export interface KeywordSpec<N extends string = KeywordName> {
  /** Token name used by the parser (ASCII, unique). */
  readonly name: N;
  /** Accepted spellings; the first is canonical and used by the formatter and documents. */
  readonly spellings: readonly [string, ...string[]];
  readonly category: KeywordCategory;
  /** What it means, in Chinese, for hover and reference docs. */
  readonly doc: string;
  /** A short example in the language. */
  readonly example: string;
}

const k = <N extends string>(
  name: N,
  spellings: [string, ...string[]],
  category: KeywordCategory,
  doc: string,
  example: string,
): KeywordSpec<N> => ({ name, spellings, category, doc, example });

const TABLE = [
  // Sections
  k(
    "Policy",
    ["政策"],
    "section",
    "政策标题，其后整行为标题。",
    "政策 嘉定区工业互联网创新发展专项支持实施意见",
  ),
  k(
    "Guideline",
    ["申报指南"],
    "section",
    "申报指南标题：基于某项政策的年度指南。",
    "申报指南 2024年度申报指南",
  ),
  k(
    "Inputs",
    ["申报信息"],
    "section",
    "声明申报材料中的各项信息（输入）及其类型。",
    "申报信息\n  项目实际投资 金额 “项目实际投资额”",
  ),
  k(
    "Params",
    ["参数"],
    "section",
    "声明政策参数；可留待申报指南确定（待定）。",
    "参数\n  服务企业数量要求 数量（家） 待定",
  ),
  k(
    "Define",
    ["定义"],
    "section",
    "定义一个由其他信息计算得出的值。",
    "定义 平台投入 = 平台建设总投入 - 土建投入",
  ),
  k(
    "Category",
    ["分类"],
    "section",
    "声明一组类别，可作为枚举类型或明细的键。",
    "分类 费用类别：设备购置、软件购置、土建工程",
  ),
  k(
    "Eligibility",
    ["支持对象"],
    "section",
    "所有条款共同的申报资格条件。",
    "支持对象\n  条件 注册地在本区",
  ),
  k(
    "Stacking",
    ["叠加规则"],
    "section",
    "与其他条款、其他政策资金的叠加规则。",
    "叠加规则\n  从高不重复",
  ),
  k(
    "Assert",
    ["断言"],
    "section",
    "政策应当满足的性质：对任何有效申报成立。zhengce check --prove 用求解器证明，或给出不成立的申报（经实际计算验证）。条款金额为叠加规则之后本条的资助金额（不予资助、需核定、无法计算时为 0）；右边的金额按政策的舍入规则取到分。",
    "断言 总额 不超过 1000万",
  ),
  k(
    "With",
    ["与"],
    "operator",
    "断言中并列的条款：第1条 与 第5条 不同时适用。",
    "断言 第1条 与 第5条 不同时适用",
  ),
  k(
    "NotTogether",
    ["不同时适用"],
    "operator",
    "断言：所列条款中任何两条不会对同一申报同时适用（给出资助、需核定或给予权益）。",
    "断言 第1条 与 第5条 不同时适用",
  ),
  k("Case", ["案例"], "section", "内嵌测试案例：输入与期望结果。", "案例 “智能工厂 未达上限”"),
  // Header items
  k("DocNo", ["文号"], "header", "政策文号。", "文号 “嘉经〔2021〕12号”"),
  k("Issuer", ["发布机关"], "header", "发布机关。", "发布机关 “上海市嘉定区经济委员会”"),
  k("Published", ["发布日期"], "header", "发布日期。", "发布日期 2021年6月18日"),
  k(
    "Validity",
    ["有效期"],
    "header",
    "生效与失效日期（均含当日）。",
    "有效期 2021年6月18日 至 2025年12月31日",
  ),
  k(
    "AppliesTo",
    ["适用于"],
    "header",
    "有效期所约束的日期：写一个已声明的日期项（如 立项日期、认定日期），有效期只约束项目何时立项或认定，有效期届满后该项目以后各年度的资助照常按本政策计算；不写则有效期约束申报日期。申报期与条款的申报期始终约束申报日期。",
    "有效期 2020年1月1日 至 2022年12月31日 适用于 立项日期",
  ),
  k("To", ["至"], "header", "区间的终点（含）。", "2021年6月18日 至 2025年12月31日"),
  k("Rounding", ["舍入"], "header", "金额舍入规则；默认到分、四舍五入。", "舍入 到元 向下取整"),
  k("ToFen", ["到分"], "header", "舍入到分（0.01元）。", "舍入 到分"),
  k("ToJiao", ["到角"], "header", "舍入到角（0.1元）。", "舍入 到角"),
  k("ToYuan", ["到元"], "header", "舍入到元。", "舍入 到元"),
  k("HalfUp", ["四舍五入"], "header", "四舍五入。", "舍入 到分 四舍五入"),
  k("Down", ["向下取整", "截尾"], "header", "向零方向舍去。", "舍入 到元 向下取整"),
  k("Up", ["向上取整"], "header", "远离零方向进位。", "舍入 到元 向上取整"),
  k(
    "Repeal",
    ["废止"],
    "header",
    "政策被后续文件废止的日期（自该日起不再适用）。",
    "废止 2023年7月1日 依据 “嘉经〔2023〕5号”",
  ),
  k("Basis", ["依据"], "header", "废止或调整所依据的文件。", "依据 “嘉经〔2023〕5号”"),
  k(
    "Window",
    ["申报期"],
    "header",
    "申报受理期间（含起止日）。",
    "申报期 2024年3月1日 至 2024年4月30日",
  ),
  k(
    "BasedOn",
    ["基于"],
    "header",
    "申报指南所依据的政策，或案例所继承的案例。",
    "基于 “嘉定区工业互联网创新发展专项支持实施意见”",
  ),
  k("GuidelineYear", ["年度"], "header", "申报指南所属的年度；申报日期须在该年度内。", "年度 2024"),
  k(
    "Open",
    ["开放"],
    "section",
    "申报指南：本年度开放申报的条款；未列出的条款本年度不受理。",
    "开放 第1条、第5条、第7条",
  ),
  k(
    "Exception",
    ["例外"],
    "section",
    "申报指南：经批准可突破政策标准（提高比例或上限）的条款及其依据。",
    "例外 第5条 “经区政府批准，本年度市级项目上限提高至600万元”",
  ),
  k(
    "Source",
    ["原文"],
    "statement",
    "条款所依据的政策原文，用于说明与文档。",
    "原文 “按不超过项目实际投资的30%予以资助”",
  ),
  // Types
  k("Money", ["金额"], "type", "金额（元），精确十进制。", "项目实际投资 金额"),
  k(
    "Ratio",
    ["比例"],
    "type",
    "比例（百分数）；在资助中表示按基数的比例计算。",
    "资助 比例 30% 基数 项目实际投资",
  ),
  k("Count", ["数量"], "type", "数量，可带单位：数量（家）。", "服务企业数量 数量（家）"),
  k(
    "Rank",
    ["名次"],
    "type",
    "名次：第1名最靠前，数字越小越靠前；写作 第10名、前十名。比较按名次的先后：不低于 第10名、位列 前十名 指第1至第10名，高于 第10名 指第1至第9名，低于 第10名 指第11名及以后。",
    "行业排名 名次",
  ),
  k("Date", ["日期"], "type", "日期；案例中表示申报日期。", "开工日期 日期"),
  k("Bool", ["是否"], "type", "是/否。", "获智能工厂授牌 是否"),
  k("Text", ["文本"], "type", "文本。", "项目名称 文本"),
  k("Enum", ["枚举"], "type", "取值为列出的类别之一。", "项目级别 枚举 区级、市级、国家级"),
  k(
    "Per",
    ["按"],
    "type",
    "按类别取值（表），或按类别/年度分列的金额明细。",
    "上限 按 项目级别：区级 200万，市级 500万",
  ),
  k("PerYear", ["按年"], "type", "按年度分列的金额明细。", "年度研发投入 金额 按年"),
  k("Default", ["默认"], "type", "未填写时的取值。", "上年度存在严重失信 是否 默认 否"),
  k(
    "Unset",
    ["待定"],
    "type",
    "参数留待申报指南确定；未设定时计算会报错。",
    "服务企业数量要求 数量（家） 待定",
  ),
  // Clause statements
  k(
    "Condition",
    ["条件"],
    "statement",
    "资助条件；不满足时不予资助，并列出原因。",
    "条件 获智能工厂授牌",
  ),
  k("Exclude", ["排除"], "statement", "排除情形；满足时不予资助。", "排除 上年度存在严重失信"),
  k(
    "Unless",
    ["除非"],
    "statement",
    "条件的豁免情形。",
    "条件 开工日期 不早于 2021年1月1日 除非 经批准延期",
  ),
  k(
    "Award",
    ["资助", "奖励", "补贴", "补助"],
    "statement",
    "资助金额的计算方式。",
    "资助 定额 20万",
  ),
  k("Base", ["基数"], "award", "比例资助的计算基数。", "资助 比例 30% 基数 项目实际投资"),
  k("Fixed", ["定额", "一次性给予"], "award", "固定金额。", "奖励 定额 20万"),
  k("UpTo", ["最高"], "award", "最高金额，经评审核定；有核定金额时按核定金额。", "资助 最高 100万"),
  k(
    "Compute",
    ["计算"],
    "award",
    "按表达式计算金额（单价、利率、期间等）。",
    "补贴 计算 年节电量 × 0.2元/千瓦时",
  ),
  k(
    "CaseByCase",
    ["一事一议"],
    "award",
    "一事一议：需决定，按核定金额，不受比例和上限限制。",
    "资助 一事一议",
  ),
  k(
    "Brackets",
    ["分档"],
    "award",
    "按某一数值所在区间分档取值。",
    "资助 定额 分档 营业收入：\n  1亿以上 不满5亿：50万\n  5亿以上：100万",
  ),
  k("Otherwise", ["其他"], "award", "表或分档中其余情形。", "其他：0"),
  k(
    "Cap",
    ["上限"],
    "step",
    "金额上限，可按类别；“含”表示与其他资金合计不超过上限。",
    "上限 200万 含 已获上级补助",
  ),
  k(
    "Including",
    ["含"],
    "step",
    "上限包含的其他资金；分档边界“（含）”表示含该数。",
    "上限 200万 含 已获上级补助",
  ),
  k("Excluding", ["不含"], "bound", "分档边界“（不含）”表示不含该数。", "1亿（不含）以上"),
  k("TakeHigher", ["就高"], "step", "取较高者。", "就高 上级要求配套金额 当 上级要求配套"),
  k("TakeLower", ["就低"], "step", "取较低者。", "就低 实际发生费用"),
  k("TopUp", ["补差"], "step", "补足差额：扣减已获得的金额，不低于0。", "补差 已获区级资助"),
  k("When", ["当"], "step", "步骤的适用条件。", "就高 配套金额 当 上级要求配套"),
  k(
    "AnnualCap",
    ["年度累计上限"],
    "step",
    "同一申报主体本条款每个自然年度累计上限。",
    "年度累计上限 100万",
  ),
  k("TotalCap", ["累计上限"], "step", "同一申报主体本条款历年累计上限。", "累计上限 300万"),
  k("Once", ["一次性"], "statement", "同一申报主体本条款只能获得一次。", "一次性"),
  k(
    "PerYearLimit",
    ["每年限"],
    "statement",
    "同一申报主体每年本条款限申报的项目数。",
    "每年限 1 项",
  ),
  k(
    "Quota",
    ["名额"],
    "statement",
    "每年认定名额上限（批量评估时按申报日期先后）。",
    "名额 每年 20",
  ),
  k("Yearly", ["每年"], "statement", "每个自然年度。", "名额 每年 20"),
  k(
    "ConsecutiveYears",
    ["连续支持"],
    "statement",
    "同一项目按自然年连续支持至多 N 年，年数由台账中该项目本条的资助推算（不由申报人填写）；第 N+1 年不予支持，中间有一年未获支持即连续中断。",
    "连续支持 3 年",
  ),
  k(
    "YearsSinceFirst",
    ["自首次获得支持起"],
    "statement",
    "同一项目自首次获得本条支持的年度起 N 个自然年内可再获支持（不要求每年连续），由台账推算。",
    "自首次获得支持起 3 年内",
  ),
  k(
    "ScopeProject",
    ["同一项目", "单个项目", "每个项目"],
    "statement",
    "限额的范围：同一申报主体的同一申报项目（按申报材料的“申报项目”与台账的 project 对照）。写在累计上限、年度累计上限、一次性、每年限、名额之前。",
    "同一项目 累计上限 500万",
  ),
  k(
    "ScopeApplicant",
    ["单个企业", "同一企业", "同一单位", "单个单位", "同一申报主体", "每个企业"],
    "statement",
    "限额的范围：同一申报主体（不论项目）。累计上限、年度累计上限、一次性、每年限未写范围时即按此计。",
    "单个企业 年度累计上限 100万",
  ),
  k(
    "ScopePolicy",
    ["全部企业", "本政策"],
    "statement",
    "限额的范围：本政策全部申报主体合计（如每年认定名额）。名额未写范围时即按此计。",
    "全部企业 年度累计上限 2000万",
  ),
  k(
    "Stackable",
    ["可叠加"],
    "statement",
    "明确允许与其他政策叠加，不适用叠加规则的扣除。",
    "可叠加 “区上市挂牌补贴政策”",
  ),
  k(
    "Beneficiary",
    ["受益人"],
    "statement",
    "资金拨付对象（不是申报主体时）。",
    "受益人 “园区运营方”",
  ),
  k("Benefit", ["权益"], "statement", "非资金支持。", "权益 “开通绿色通道”"),
  k(
    "Payer",
    ["资金来源"],
    "statement",
    "本条资金由谁支出：区级财政、市级财政、省级财政、中央财政，或引号中的专项资金名称；写在政策开头时为各条的默认。计算结果、文档和预算按资金来源分列。",
    "资金来源 区级财政",
  ),
  k("PayerDistrict", ["区级财政"], "literal", "资金来源：区级财政。", "资金来源 区级财政"),
  k("PayerCity", ["市级财政"], "literal", "资金来源：市级财政。", "资金来源 市级财政"),
  k("PayerProvince", ["省级财政"], "literal", "资金来源：省级财政。", "资金来源 省级财政"),
  k("PayerCentral", ["中央财政"], "literal", "资金来源：中央财政。", "资金来源 中央财政"),
  k(
    "Payment",
    ["拨付"],
    "statement",
    "分期拨付：按阶段的累计拨付比例；可追回多拨资金。",
    "拨付 按 项目阶段：开工 30%，验收 100%",
  ),
  k("Paid", ["已拨付"], "statement", "此前已拨付的金额，用于结算。", "已拨付 此前已拨付金额"),
  k(
    "HighestOnly",
    ["从高不重复"],
    "statement",
    "同一申报项目符合多个条款的，只按金额最高的一项资助。",
    "从高不重复",
  ),
  k(
    "Deduct",
    ["扣除"],
    "statement",
    "扣除同一项目已获其他同级扶持的金额（不低于0）。",
    "扣除 已获区镇其他扶持金额",
  ),
  // Operators
  k("And", ["并且", "且"], "operator", "并且。", "注册地在本区 并且 法人企业"),
  k("Or", ["或者", "或"], "operator", "或者。", "市级 或者 国家级"),
  k("Not", ["并非"], "operator", "否定。", "并非 上年度存在严重失信"),
  k("If", ["如果"], "operator", "条件取值：如果 … 则 … 否则 …", "如果 首次认定 则 20万 否则 10万"),
  k("Then", ["则"], "operator", "条件成立时的取值。", "如果 A 则 20万 否则 0"),
  k("Else", ["否则"], "operator", "条件不成立时的取值。", "如果 A 则 20万 否则 0"),
  k("Gt", ["超过", "大于", "高于", "多于"], "operator", "大于（不含该数）。", "营业收入 超过 1亿"),
  k(
    "Ge",
    ["不低于", "不少于", "达到", "不小于", "位列"],
    "operator",
    "大于或等于（含该数）；用于名次时指不落后于该名次：位列 前十名、不低于 第10名 即第1至第10名。",
    "服务企业数量 不少于 10家",
  ),
  k(
    "Lt",
    ["低于", "少于", "小于", "不满", "不足"],
    "operator",
    "小于（不含该数）。",
    "营业收入 不满 1亿",
  ),
  k(
    "Le",
    ["不超过", "不高于", "不多于", "不大于"],
    "operator",
    "小于或等于（含该数）。",
    "项目投资 不超过 500万",
  ),
  k("Eq", ["等于"], "operator", "等于。", "项目级别 等于 国家级"),
  k("Ne", ["不等于"], "operator", "不等于。", "项目级别 不等于 区级"),
  k("In", ["属于"], "operator", "属于所列类别之一。", "项目级别 属于 市级、国家级"),
  k("NotIn", ["不属于"], "operator", "不属于所列类别。", "企业类型 不属于 房地产"),
  k("Before", ["早于"], "operator", "日期早于（不含当日）。", "开工日期 早于 2021年1月1日"),
  k("After", ["晚于"], "operator", "日期晚于（不含当日）。", "竣工日期 晚于 2022年12月31日"),
  k("NotBefore", ["不早于"], "operator", "日期不早于（含当日）。", "开工日期 不早于 2021年6月18日"),
  k("NotAfter", ["不晚于"], "operator", "日期不晚于（含当日）。", "竣工日期 不晚于 2025年12月31日"),
  // Bracket bounds
  k("AtLeast", ["以上"], "bound", "分档下界，含该数（“以上”含本数）。", "1亿以上：50万"),
  k("AtMost", ["以下"], "bound", "分档上界，含该数（“以下”含本数）。", "1亿以下：10万"),
  // Functions
  k(
    "Sum",
    ["合计"],
    "function",
    "明细求和；可限于所列项目或年度区间。",
    "合计 费用明细 限 设备购置、软件购置",
  ),
  k("Only", ["限"], "function", "合计时只计所列项目。", "合计 费用明细 限 设备购置、软件购置"),
  k("From", ["自"], "function", "合计的起始年度（含）。", "合计 年度研发投入 自 2019年 至 2021年"),
  k("Year", ["年份"], "function", "日期所在年份。", "年份（申报日期）"),
  k(
    "Days",
    ["天数"],
    "function",
    "两个日期之间的天数（含首日不含末日）。",
    "天数（起息日，到期日）",
  ),
  k("AppDate", ["申报日期"], "function", "本次申报的日期。", "开工日期 不早于 申报日期"),
  k(
    "HistYearsPaid",
    ["已获支持年数"],
    "function",
    "同一项目此前获得本条资助的自然年数（由台账推算，不由申报人填写）。",
    "已获支持年数 不超过 2年",
  ),
  k(
    "HistPaidLastYear",
    ["上年度已获支持"],
    "function",
    "同一项目上一自然年是否获得本条资助（由台账推算）。",
    "条件 上年度已获支持",
  ),
  k(
    "HistReceived",
    ["累计已获资助"],
    "function",
    "同一项目此前获得本条资助的合计金额（由台账推算）。",
    "上限 500万 - 累计已获资助",
  ),
  k(
    "HistBaseUsed",
    ["已用基数"],
    "function",
    "同一项目此前各笔本条资助的计算基数之和（台账的 base），如已贴息的贷款额度。",
    "上限 项目总投资 × 50% - 已用基数",
  ),
  k(
    "HistSupportYear",
    ["支持年度"],
    "function",
    "本次是同一项目获得本条支持的第几年：首次获得支持的自然年为第1年（由台账推算）。",
    "比例 如果 支持年度 等于 1年 则 50% 否则 30%",
  ),
  // Literals
  k("Yes", ["是"], "literal", "是。", "获智能工厂授牌 是"),
  k("No", ["否"], "literal", "否。", "上年度存在严重失信 否"),
  // Cases
  k(
    "Given",
    ["输入"],
    "statement",
    "案例的申报信息。",
    "输入 获智能工厂授牌 是，项目实际投资 500万",
  ),
  k(
    "Prior",
    ["已获"],
    "statement",
    "案例中此前已获得的资助（台账）。",
    "已获 第9条 60万 日期 2022年3月1日",
  ),
  k(
    "OfProject",
    ["所属项目"],
    "statement",
    "案例中已获资助所属的申报项目（台账的 project）；可再写“基数”记下该笔资助的计算基数。",
    "已获 第1条 150万 日期 2022年3月1日 所属项目 “智能工厂一期” 基数 500万",
  ),
  k("Approved", ["核定"], "statement", "案例中评审核定的金额。", "核定 第10条 80万"),
  k("Expect", ["期望"], "statement", "案例的期望结果。", "期望 第1条 150万"),
  k("Total", ["总额"], "statement", "全部条款资助合计。", "期望 总额 150万"),
  k("Ineligible", ["不符合"], "statement", "期望不予资助。", "期望 第1条 不符合"),
  k(
    "NeedsDecision",
    ["需决定"],
    "statement",
    "期望需决定（一事一议、最高限额待核定）。",
    "期望 第12条 需决定",
  ),
  k(
    "NotPaid",
    ["未支付"],
    "statement",
    "期望符合条件但不予支付（从高不重复：已按金额更高的一条资助，或已获扶持不低于本条）；可写原因。",
    "期望 第2条 未支付 原因 “从高不重复”",
  ),
  k("Reason", ["原因"], "statement", "期望的原因包含的文字。", "期望 第1条 不符合 原因 “未获授牌”"),
];

/** A keyword's token name: a misspelt name does not compile. */
export type KeywordName = (typeof TABLE)[number]["name"];

/** All keywords of the language. Order does not matter: the lexer matches the longest spelling. */
export const KEYWORDS: readonly KeywordSpec[] = TABLE;

/** Every spelling mapped to its keyword; used by the lexer. */
export function spellingTable(): Map<string, KeywordSpec> {
  const map = new Map<string, KeywordSpec>();
  for (const kw of KEYWORDS) for (const s of kw.spellings) map.set(s, kw);
  return map;
}

/** Look up a keyword by token name. */
export function keyword(name: KeywordName): KeywordSpec {
  const found = KEYWORDS.find((kw) => kw.name === name);
  if (!found) throw new Error(`unknown keyword ${name}`);
  return found;
}

/** The canonical spelling of a keyword token name. */
export function canonical(name: KeywordName): string {
  return keyword(name).spellings[0];
}

/** The payer keywords (资金来源 区级财政 …); a payer not among them is a named fund, written in quotes. */
export const PAYER_KEYWORDS = [
  "PayerDistrict",
  "PayerCity",
  "PayerProvince",
  "PayerCentral",
] as const satisfies readonly KeywordName[];

/** Whether a payer is written as a keyword (区级财政) rather than a quoted fund name. */
export function isPayerWord(who: string): boolean {
  return PAYER_KEYWORDS.some((n) => canonical(n) === who);
}

export { UNITS, unitSpellings, type UnitSpec } from "../runtime/units.js";

/** The unit of a rank (名次): `第10名` and `前十名` are counts in this unit, 1 the best. */
export const RANK_UNIT = canonical("Rank");
