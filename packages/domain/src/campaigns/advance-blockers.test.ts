import { describe, expect, it } from 'vitest';
import { advanceBlockers, type AdvanceSituation } from './advance-blockers.js';
import { lateStates, openWorkStates } from './deadlines.js';
import { participationStates } from './participation.js';

const base: AdvanceSituation = {
  stage: 'self_assess',
  subjectLevel: 'village',
  counts: {},
  noticeDays: 7,
  today: '2026-03-05',
  lastStage: false,
};
const codes = (s: Partial<AdvanceSituation>) =>
  advanceBlockers({ ...base, ...s }).map((b) => b.code);

describe('advanceBlockers', () => {
  it('counts open self-assessments, naming the subjects', () => {
    const [b] = advanceBlockers({ ...base, subjectLevel: 'township', counts: { enrolled: 15 } });
    expect(b).toMatchObject({ code: 'SELF_ASSESSMENT_OPEN', count: 15 });
    expect(b!.message.zh).toBe('15个乡镇尚未提交自评');
  });

  it.each([
    [{ stage: 'deploy' }, []],
    [{ stage: 'declare' }, ['NO_DECLARATIONS']],
    [{ stage: 'declare', counts: { declared: 1 } }, []],
    [{ stage: 'self_assess', counts: { self_assessed: 3 } }, []],
    [{ stage: 'township_review', counts: { self_assessed: 1 } }, ['TOWNSHIP_REVIEW_OPEN']],
    [{ stage: 'county_acceptance', counts: { township_approved: 1 } }, ['ACCEPTANCE_OPEN']],
    [{ stage: 'county_acceptance', counts: { self_assessed: 1 } }, []],
    [
      { stage: 'county_acceptance', townshipReview: false, counts: { self_assessed: 1 } },
      ['ACCEPTANCE_OPEN'],
    ],
    [{ stage: 'naming', counts: { posted: 2 } }, ['NOT_NAMED']],
    [{ stage: 'recommend', counts: { recommended: 2, posted: 1 } }, ['DECISIONS_OPEN']],
    [{ stage: 'concluded', lastStage: true }, ['LAST_STAGE']],
  ] as [Partial<AdvanceSituation>, string[]][])('%j is blocked by %j', (s, expected) => {
    expect(codes(s)).toEqual(expected);
  });

  it.each([
    ['2026-03-09', true],
    ['2026-03-10', false],
  ])('a notice posted on 2026-03-02 for 7 days still blocks on %s: %s', (today, blocked) => {
    const got = codes({ stage: 'public_notice', lastPostedOn: '2026-03-02', today });
    expect(got.includes('NOTICE_NOT_OVER')).toBe(blocked);
  });

  it.each(Object.keys(openWorkStates))(
    'in %s, exactly the states the deadlines call late block the advance',
    (stage) => {
      for (const townshipReview of [true, false]) {
        const late = lateStates(stage, { townshipReview });
        for (const state of participationStates) {
          const blocked = advanceBlockers({
            ...base,
            stage: stage as AdvanceSituation['stage'],
            townshipReview,
            counts: { [state]: 1 },
          }).some((b) => b.count === 1);
          expect(blocked, `${stage} ${state}`).toBe(late.includes(state));
        }
      }
    },
  );
});
