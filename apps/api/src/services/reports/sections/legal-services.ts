// 公共法律服务: the figure providers of the section. The legal-adviser register (一村一法律顾问
// coverage, duty days, services) and the monthly 社区矫正 / 安置帮教 figures plug in here by
// adding their providers to the list; until one gives figures the section says 本年度暂无登记.
import type { SectionProvider } from '../report-types.js';

export const legalServiceProviders: SectionProvider[] = [];
