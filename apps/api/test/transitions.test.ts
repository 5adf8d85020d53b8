// Every transition the domain does not allow is refused by the API, with a reason.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { allowedParticipationEvents, participationStates } from '@fazhi/domain';
import { useTestDatabase } from './harness.js';
import { expectError } from './expect-error.js';
import { campaignInSelfAssessment, X_VILLAGE } from './campaign-fixture.js';

const t = useTestDatabase();

const events = {
  submit_self_assessment: {
    event: { type: 'submit_self_assessment' },
    who: 'clerk',
    level: 'village',
    stage: 'self_assess',
  },
  approve: {
    event: { type: 'approve' },
    who: 'township',
    level: 'township',
    stage: 'township_review',
  },
  return: {
    event: { type: 'return', reason: '材料不全' },
    who: 'township',
    level: 'township',
    stage: 'township_review',
  },
  accept: { event: { type: 'accept' }, who: 'county', level: 'county', stage: 'county_acceptance' },
  fail: {
    event: { type: 'fail', reason: '得分不足' },
    who: 'county',
    level: 'county',
    stage: 'county_acceptance',
  },
  post: { event: { type: 'post' }, who: 'county', level: 'county', stage: 'public_notice' },
  object: {
    event: { type: 'object', objector: { name: '王五', contact: '138', content: '异议' } },
    who: 'county',
    level: 'county',
    stage: 'public_notice',
  },
  resolve_objection: {
    event: { type: 'resolve_objection', upheld: false, reason: '查无实据' },
    who: 'county',
    level: 'county',
    stage: 'public_notice',
  },
  name: { event: { type: 'name' }, who: 'county', level: 'county', stage: 'naming' },
  withdraw: {
    event: { type: 'withdraw', reason: '退出' },
    who: 'county',
    level: 'county',
    stage: 'public_notice',
  },
} as const;

const forbidden = participationStates.flatMap((state) =>
  (Object.keys(events) as (keyof typeof events)[])
    .filter((type) => !allowedParticipationEvents(state, events[type].level).includes(type))
    .map((type) => [state, type] as const),
);

describe('participations.transition', () => {
  it('the table of forbidden transitions is not empty and leaves the allowed ones out', () => {
    expect(forbidden.length).toBeGreaterThan(60);
    expect(forbidden).not.toContainEqual(['self_assessed', 'approve']);
    expect(forbidden).toContainEqual(['named', 'withdraw']);
  });

  it.each(forbidden)(
    'from %s, %s is refused with a reason and changes nothing',
    async (state, type) => {
      const { ids } = await campaignInSelfAssessment(t, [X_VILLAGE]);
      const id = ids[X_VILLAGE]!;
      const spec = events[type];
      await t.db.execute(sql`update campaigns set stage = ${spec.stage}`);
      await t.db.execute(sql`update participations set state = ${state}, posted_on = '2026-01-01'`);
      const caller = await t.as(spec.who);
      const version = (await caller.participations.get({ id })).participation.version;
      const error = await expectError(
        caller.participations.transition({ id, version, event: spec.event as never }),
        'PRECONDITION_FAILED',
      );
      expect(error.problemCode).toBe('TRANSITION_NOT_ALLOWED');
      expect(error.messages.zh).toContain('不能执行此操作');
      const after = await caller.participations.get({ id });
      expect(after.participation).toMatchObject({ state, version });
    },
  );
});
