import type { LocalizedText } from '../localized-text.js';

/**
 * How a campaign runs:
 * - `creation` (创建): villages declare, self-assess, the township reviews, the county accepts,
 *   posts (公示) and names a county title;
 * - `annual` (年度考核): every subject in scope is enrolled at launch, nobody declares; self →
 *   township (villages only) → county; the grade and the county's 奖惩 outcome are recorded; no
 *   公示 or naming unless the county turns them on;
 * - `recommendation` (推荐): as creation up to 公示, then the county recommends its accepted list to
 *   the higher level within a quota and records that level's decision.
 */
export const campaignModes = ['creation', 'annual', 'recommendation'] as const;
export type CampaignMode = (typeof campaignModes)[number];

/** What a campaign assesses: villages (and communities), townships, or county units (县直单位). */
export const subjectLevels = ['village', 'township', 'county_unit'] as const;
export type SubjectLevel = (typeof subjectLevels)[number];

const modeNames: Record<CampaignMode, LocalizedText> = {
  creation: { zh: '示范创建', en: 'model creation' },
  annual: { zh: '年度考核', en: 'annual assessment' },
  recommendation: { zh: '向上推荐', en: 'recommendation upward' },
};

const subjectNames: Record<SubjectLevel, LocalizedText> = {
  village: { zh: '村（社区）', en: 'villages and communities' },
  township: { zh: '乡镇（街道）', en: 'townships' },
  county_unit: { zh: '县直单位', en: 'county units' },
};

/** One subject in a phrase (本村, 各状态乡镇数, 有验收分的单位). */
const subjectNouns: Record<SubjectLevel, LocalizedText> = {
  village: { zh: '村', en: 'village' },
  township: { zh: '乡镇', en: 'township' },
  county_unit: { zh: '单位', en: 'unit' },
};

/** What one subject is called in a count: 村, 个乡镇, 个单位. */
const subjectCounters: Record<SubjectLevel, LocalizedText> = {
  village: { zh: '个村', en: 'villages' },
  township: { zh: '个乡镇', en: 'townships' },
  county_unit: { zh: '个单位', en: 'units' },
};

/** @example campaignModeName('annual').zh // → '年度考核' */
export function campaignModeName(mode: CampaignMode): LocalizedText {
  return modeNames[mode];
}

/** @example subjectLevelName('county_unit').zh // → '县直单位' */
export function subjectLevelName(level: SubjectLevel): LocalizedText {
  return subjectNames[level];
}

/** One subject of a level in a phrase. @example subjectNoun('township').zh // → '乡镇' */
export function subjectNoun(level: SubjectLevel): LocalizedText {
  return subjectNouns[level];
}

/** The counter of a subject level in a count. @example subjectCounter('township').zh // → '个乡镇' */
export function subjectCounter(level: SubjectLevel): LocalizedText {
  return subjectCounters[level];
}

export function isCampaignMode(value: string): value is CampaignMode {
  return (campaignModes as readonly string[]).includes(value);
}

export function isSubjectLevel(value: string): value is SubjectLevel {
  return (subjectLevels as readonly string[]).includes(value);
}

/** What decides the path of a campaign. */
export interface CampaignFlow {
  readonly mode: CampaignMode;
  readonly subjectLevel: SubjectLevel;
  /** Annual campaigns only: whether the county turned on 公示 and naming. */
  readonly publicNotice?: boolean | undefined;
}

/** Whether subjects declare (creation, recommendation) or are all enrolled at launch (annual). */
export function subjectsDeclare(flow: Pick<CampaignFlow, 'mode'>): boolean {
  return flow.mode !== 'annual';
}

/** Whether a township reviews its subjects' self-assessments: for villages only. */
export function hasTownshipReview(flow: Pick<CampaignFlow, 'subjectLevel'>): boolean {
  return flow.subjectLevel === 'village';
}
