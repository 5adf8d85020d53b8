import type { LocalizedText } from '../localized-text.js';
import type { CampaignMode } from './campaign-mode.js';

/** The levels of a title (称号), lowest first: county, city, province, national. */
export const titleLevels = ['county', 'municipal', 'provincial', 'national'] as const;
export type TitleLevel = (typeof titleLevels)[number];

const levelNames: Record<TitleLevel, LocalizedText> = {
  county: { zh: '县级', en: 'county' },
  municipal: { zh: '市级', en: 'municipal' },
  provincial: { zh: '省级', en: 'provincial' },
  national: { zh: '全国', en: 'national' },
};

/** @example titleLevelName('provincial').zh // → '省级' */
export function titleLevelName(level: TitleLevel): LocalizedText {
  return levelNames[level];
}

/** The level below, or null for a county title. @example lowerTitleLevel('national') // → 'provincial' */
export function lowerTitleLevel(level: TitleLevel): TitleLevel | null {
  const i = titleLevels.indexOf(level);
  return i > 0 ? titleLevels[i - 1]! : null;
}

export interface CampaignLevelProblem {
  readonly code: 'LEVEL_ABOVE_COUNTY' | 'LEVEL_NOT_ABOVE_COUNTY';
  readonly message: LocalizedText;
}

/**
 * Whether a county's campaign of `mode` may be about a title of `level`: a county never names
 * above its own level, so creation and annual campaigns are county-level; a recommendation goes
 * to a higher level, which names.
 *
 * @example
 * campaignLevelProblem('creation', 'provincial')?.code // → 'LEVEL_ABOVE_COUNTY'
 */
export function campaignLevelProblem(
  mode: CampaignMode,
  level: TitleLevel,
): CampaignLevelProblem | null {
  if (mode === 'recommendation') {
    return level === 'county'
      ? {
          code: 'LEVEL_NOT_ABOVE_COUNTY',
          message: {
            zh: '向上推荐须选择市级及以上称号，县级称号由本县创建命名',
            en: 'A recommendation is for a title above the county; the county names its own titles',
          },
        }
      : null;
  }
  return level === 'county'
    ? null
    : {
        code: 'LEVEL_ABOVE_COUNTY',
        message: {
          zh: `县级不能命名${levelNames[level].zh}称号，请改用“向上推荐”`,
          en: `A county cannot name a ${levelNames[level].en} title; use a recommendation instead`,
        },
      };
}
