import type { CampaignStage } from './campaign-stage.js';
import type { ParticipationActor, ParticipationState } from './participation.js';

/** The three columns of a score sheet (考核评分表): the subject's own, the township's, the county's. */
export const sheetColumns = ['self', 'township', 'county'] as const;
export type SheetColumn = (typeof sheetColumns)[number];

/** Who fills a column: the subject, its township, the county (or an inspector it assigned). */
const columnOfActor: Record<ParticipationActor, SheetColumn> = {
  village: 'self',
  township: 'township',
  county: 'county',
};

interface ColumnRule {
  readonly stages: readonly CampaignStage[];
  readonly states: readonly ParticipationState[];
}

const withReview: Record<SheetColumn, ColumnRule> = {
  self: {
    stages: ['self_assess', 'township_review'],
    states: ['declared', 'enrolled', 'returned'],
  },
  township: { stages: ['township_review'], states: ['self_assessed'] },
  county: { stages: ['county_acceptance'], states: ['township_approved'] },
};

const withoutReview: Record<SheetColumn, ColumnRule> = {
  self: { stages: ['self_assess'], states: ['declared', 'enrolled', 'returned'] },
  township: { stages: [], states: [] },
  county: { stages: ['county_acceptance'], states: ['self_assessed'] },
};

/**
 * The column an actor may fill in a participation in `state` while the campaign is at `stage`,
 * or null. An assigned inspector fills the county's column (pass `county`).
 *
 * @example
 * openColumn('township', 'township_review', 'self_assessed') // → 'township'
 * openColumn('county', 'county_acceptance', 'self_assessed', { townshipReview: false }) // → 'county'
 */
export function openColumn(
  actor: ParticipationActor,
  stage: CampaignStage,
  state: ParticipationState,
  flow?: { readonly townshipReview?: boolean | undefined },
): SheetColumn | null {
  const column = columnOfActor[actor];
  const rule = (flow?.townshipReview === false ? withoutReview : withReview)[column];
  return rule.stages.includes(stage) && rule.states.includes(state) ? column : null;
}
