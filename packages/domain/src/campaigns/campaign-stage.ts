import type { LocalizedText } from '../localized-text.js';
import { hasTownshipReview, subjectsDeclare, type CampaignFlow } from './campaign-mode.js';
import type { ParticipationEventType } from './participation.js';

/**
 * Every stage a campaign may pass through, in order (a campaign passes through those of its flow,
 * see `campaignStagesOf`): 部署 → 申报 → 自评 → 乡镇初审 → 县级验收 → 公示 → 命名 → 推荐 → 复核 → 结束.
 */
export const campaignStages = [
  'deploy',
  'declare',
  'self_assess',
  'township_review',
  'county_acceptance',
  'public_notice',
  'naming',
  'recommend',
  'recheck',
  'concluded',
] as const;
export type CampaignStage = (typeof campaignStages)[number];

const stageNames: Record<CampaignStage, LocalizedText> = {
  deploy: { zh: '部署', en: 'deployment' },
  declare: { zh: '申报', en: 'declaration' },
  self_assess: { zh: '自评', en: 'self-assessment' },
  township_review: { zh: '乡镇初审', en: 'township review' },
  county_acceptance: { zh: '县级验收', en: 'county acceptance' },
  public_notice: { zh: '公示', en: 'public notice' },
  naming: { zh: '命名', en: 'naming' },
  recommend: { zh: '向上推荐', en: 'recommendation' },
  recheck: { zh: '复核', en: 're-check' },
  concluded: { zh: '已结束', en: 'concluded' },
};

/** @example campaignStageName('public_notice').zh // → '公示' */
export function campaignStageName(stage: CampaignStage): LocalizedText {
  return stageNames[stage];
}

/**
 * The stages of a campaign's flow, in order.
 *
 * @example
 * campaignStagesOf({ mode: 'annual', subjectLevel: 'township' })
 * // → ['deploy', 'self_assess', 'county_acceptance', 'concluded']
 */
export function campaignStagesOf(flow: CampaignFlow): CampaignStage[] {
  const review: CampaignStage[] = hasTownshipReview(flow) ? ['township_review'] : [];
  const declare: CampaignStage[] = subjectsDeclare(flow) ? ['declare'] : [];
  const start: CampaignStage[] = [
    'deploy',
    ...declare,
    'self_assess',
    ...review,
    'county_acceptance',
  ];
  switch (flow.mode) {
    case 'creation':
      return [...start, 'public_notice', 'naming', 'recheck'];
    case 'annual':
      return [
        ...start,
        ...(flow.publicNotice ? (['public_notice', 'naming'] as const) : []),
        'concluded',
      ];
    case 'recommendation':
      return [...start, 'public_notice', 'recommend', 'concluded'];
  }
}

/** The stage after `stage` in the flow, or null at its last stage (or a stage not in it). */
export function nextCampaignStage(flow: CampaignFlow, stage: CampaignStage): CampaignStage | null {
  const stages = campaignStagesOf(flow);
  const i = stages.indexOf(stage);
  return i < 0 ? null : (stages[i + 1] ?? null);
}

/** The stages in which each participation event may be sent. */
const eventStages: Record<ParticipationEventType, readonly CampaignStage[]> = {
  submit_self_assessment: ['self_assess', 'township_review'],
  approve: ['township_review'],
  return: ['township_review'],
  accept: ['county_acceptance'],
  fail: ['county_acceptance'],
  post: ['public_notice'],
  object: ['public_notice'],
  resolve_objection: ['public_notice', 'naming', 'recommend'],
  name: ['naming'],
  recommend: ['recommend'],
  record_decision: ['recommend'],
  withdraw: [
    'declare',
    'self_assess',
    'township_review',
    'county_acceptance',
    'public_notice',
    'naming',
    'recommend',
  ],
};

/** The events a participation may be sent, in the order of the state machine. */
export const participationEventTypes = Object.keys(eventStages) as [
  ParticipationEventType,
  ...ParticipationEventType[],
];

/**
 * Whether an event may be sent while the campaign is at `stage`.
 *
 * @example
 * eventAllowedAt('approve', 'county_acceptance') // → false
 */
export function eventAllowedAt(event: ParticipationEventType, stage: CampaignStage): boolean {
  return eventStages[event].includes(stage);
}
