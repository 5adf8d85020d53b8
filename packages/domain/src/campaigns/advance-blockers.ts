import type { LocalizedText } from '../localized-text.js';
import { subjectCounter, type SubjectLevel } from './campaign-mode.js';
import type { CampaignStage } from './campaign-stage.js';
import { lateStates } from './deadlines.js';
import { noticeEndsOn, type ParticipationState } from './participation.js';

/** One reason a campaign may not leave its stage yet. */
export interface AdvanceBlocker {
  readonly code:
    | 'NO_DECLARATIONS'
    | 'SELF_ASSESSMENT_OPEN'
    | 'TOWNSHIP_REVIEW_OPEN'
    | 'ACCEPTANCE_OPEN'
    | 'NOT_POSTED'
    | 'OBJECTIONS_OPEN'
    | 'NOTICE_NOT_OVER'
    | 'NOT_NAMED'
    | 'DECISIONS_OPEN'
    | 'LAST_STAGE';
  readonly count?: number;
  readonly message: LocalizedText;
}

/** What the API counts for a campaign (in the whole county or inside a scope). */
export interface AdvanceSituation {
  readonly stage: CampaignStage;
  readonly subjectLevel: SubjectLevel;
  /** Whether the county accepts self-assessed subjects directly (no township review). */
  readonly townshipReview?: boolean | undefined;
  /** How many participations are in each state. */
  readonly counts: Partial<Record<ParticipationState, number>>;
  /** The latest day a participation was posted (YYYY-MM-DD), if any. */
  readonly lastPostedOn?: string | null | undefined;
  readonly noticeDays: number;
  /** The county's calendar day (YYYY-MM-DD). */
  readonly today: string;
  /** Whether this stage is the last of the campaign's flow. */
  readonly lastStage: boolean;
}

/**
 * What keeps a campaign from leaving its current stage: open work counted per state, the public
 * notice still running, or the last stage reached. Empty: it may advance.
 *
 * @example
 * advanceBlockers({ stage: 'self_assess', subjectLevel: 'township', counts: { enrolled: 2 },
 *   noticeDays: 7, today: '2026-03-01', lastStage: false })[0].message.zh
 * // → '2个乡镇尚未提交自评'
 */
export function advanceBlockers(s: AdvanceSituation): AdvanceBlocker[] {
  if (s.lastStage) {
    return [{ code: 'LAST_STAGE', message: { zh: '已是最后阶段', en: 'This is the last stage' } }];
  }
  const counter = subjectCounter(s.subjectLevel);
  // the states that still owe work in this stage: the same list the deadlines' lights count
  const work = lateStates(s.stage, { townshipReview: s.townshipReview });
  const n = (states: readonly ParticipationState[]) =>
    states.reduce((sum, state) => sum + (s.counts[state] ?? 0), 0);
  const blockers: AdvanceBlocker[] = [];
  const open = (
    code: AdvanceBlocker['code'],
    states: readonly ParticipationState[],
    zh: string,
    en: string,
  ) => {
    const count = n(states);
    if (count > 0) {
      blockers.push({
        code,
        count,
        message: { zh: `${count}${counter.zh}${zh}`, en: `${count} ${counter.en} ${en}` },
      });
    }
  };
  switch (s.stage) {
    case 'declare':
      if (Object.values(s.counts).reduce((a, b) => a + (b ?? 0), 0) === 0) {
        blockers.push({
          code: 'NO_DECLARATIONS',
          message: { zh: `还没有${counter.zh.slice(1)}申报`, en: `No ${counter.en} have declared` },
        });
      }
      break;
    case 'self_assess':
      open('SELF_ASSESSMENT_OPEN', work, '尚未提交自评', 'have not submitted a self-assessment');
      break;
    case 'township_review':
      open('TOWNSHIP_REVIEW_OPEN', work, '尚未完成乡镇初审', 'await the township review');
      break;
    case 'county_acceptance':
      open('ACCEPTANCE_OPEN', work, '尚未完成县级验收', 'await county acceptance');
      break;
    case 'public_notice': {
      // of the open work, the objections are named on their own
      open(
        'NOT_POSTED',
        work.filter((state) => state !== 'objected'),
        '验收通过但尚未公示',
        'are accepted but not posted',
      );
      open(
        'OBJECTIONS_OPEN',
        work.filter((state) => state === 'objected'),
        '有未处理的异议',
        'have unresolved objections',
      );
      const ends = s.lastPostedOn ? noticeEndsOn(s.lastPostedOn.slice(0, 10), s.noticeDays) : null;
      if (ends && s.today <= ends) {
        blockers.push({
          code: 'NOTICE_NOT_OVER',
          message: { zh: `公示期至${ends}结束`, en: `The public notice runs until ${ends}` },
        });
      }
      break;
    }
    case 'naming':
      open('NOT_NAMED', work, '公示期满但尚未命名', 'are posted but not named');
      break;
    case 'recommend':
      open(
        'DECISIONS_OPEN',
        ['recommended'],
        '已推荐但尚未录入上级决定',
        'are recommended but the higher level’s decision is not recorded',
      );
      break;
    default:
      break;
  }
  return blockers;
}
