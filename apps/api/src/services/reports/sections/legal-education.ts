// 普法宣传: the figure providers of the section. The 普法 register (activities, 法律明白人 and
// 宣讲员 rosters, the annual plan) plugs in here by adding its provider to the list; until one
// gives figures the section says 本年度暂无登记.
import type { SectionProvider } from '../report-types.js';

export const legalEducationProviders: SectionProvider[] = [];
