/** The seed policy and random applications to it, the same for every run (a fixed LCG seed). */
import { readFileSync } from "node:fs";

export const SEED = "policies/jiading-2021-industrial-internet.zc";

/** The seed with its 待定 parameter (服务企业数量要求) set to 10家, as the baselines assume. */
export function seedSource(): string {
  return readFileSync(SEED, "utf8").replace(
    "服务企业数量要求 数量（家） 待定",
    "服务企业数量要求 数量（家） = 10家",
  );
}

/** Applications that exercise every monetary clause of the seed. */
export function applications(n: number): Record<string, unknown>[] {
  let s = 12345;
  const r = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const base = { 注册地在本区: true, 法人企业: true, 经营状态正常: true, 信用记录良好: true };
  const amount = () => Math.floor(r() * 2e9) / 100;
  const shapes: (() => Record<string, unknown>)[] = [
    () => ({ 获智能工厂授牌: true, 项目实际投资: amount() }),
    () => ({ 通过两化融合贯标认证: true }),
    () => ({ 工业互联网企业: true, 实现股改上市挂牌: true }),
    () => ({
      认定为标杆示范项目: true,
      项目级别: ["区级", "市级", "国家级"][Math.floor(r() * 3)],
      项目已投入金额: amount(),
      已获上级补助金额: Math.floor(amount() * 10) / 100,
    }),
    () => ({
      工业互联网服务商: true,
      服务区内企业数量: Math.floor(r() * 20),
      实际发生服务金额: amount(),
    }),
    () => ({
      平台条件达标: true,
      平台建设总投入: amount(),
      土建投入: Math.floor(amount() * 20) / 100,
    }),
    () => ({
      举办重大活动: true,
      活动级别: "全国性",
      已事前备案: true,
      专项审计确认费用: amount(),
    }),
  ];
  return Array.from({ length: n }, (_, i) => ({ ...base, ...shapes[i % shapes.length]!() }));
}
