/**
 * Shared fixtures for tests on the seed policy (policies/jiading-2021-industrial-internet.zc).
 */

/** The seed policy's path, relative to the repository root (where the tests run). */
export const SEED_FILE = "policies/jiading-2021-industrial-internet.zc";

/** The four general conditions every clause of the seed asks for (第3条 of the policy text). */
export const SEED_ELIGIBLE = {
  注册地在本区: true,
  法人企业: true,
  经营状态正常: true,
  信用记录良好: true,
} as const;

/** An applicant that held an international event (第9条, 200万 of audited costs). */
export const SEED_EVENT = {
  ...SEED_ELIGIBLE,
  申报主体: "上海某科技有限公司",
  举办重大活动: true,
  活动级别: "国际性",
  已事前备案: true,
  专项审计确认费用: "200万",
} as const;
