import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedParticipationEvents,
  noticeEndsOn,
  participationStateName,
  participationStates,
  transitionParticipation,
  type ParticipationActor,
  type ParticipationEvent,
  type ParticipationState,
} from './participation.js';

const rules = { minSelfScore: 90, minAcceptedScore: 85, noticeDays: 7 };
const at = (state: ParticipationState, postedOn?: string) => ({ state, postedOn });

describe('transitionParticipation', () => {
  it('runs a village from declaration to naming, with one return on the way', () => {
    const steps: [
      ParticipationState,
      ParticipationEvent,
      ParticipationActor,
      ParticipationState,
    ][] = [
      ['declared', { type: 'submit_self_assessment', selfScore: 92 }, 'village', 'self_assessed'],
      ['self_assessed', { type: 'return', reason: '缺少村务公开台账' }, 'township', 'returned'],
      ['returned', { type: 'submit_self_assessment', selfScore: 93.5 }, 'village', 'self_assessed'],
      ['self_assessed', { type: 'approve' }, 'township', 'township_approved'],
      ['township_approved', { type: 'accept', acceptedScore: 88 }, 'county', 'county_accepted'],
      ['county_accepted', { type: 'post', on: '2026-03-02' }, 'county', 'posted'],
      ['posted', { type: 'name', on: '2026-03-10' }, 'county', 'named'],
    ];
    for (const [from, event, actor, to] of steps) {
      expect(transitionParticipation(at(from, '2026-03-02'), event, actor, rules)).toEqual({
        ok: true,
        state: to,
      });
    }
  });

  it.each([
    ['declared', { type: 'approve' }],
    ['self_assessed', { type: 'accept', acceptedScore: 99 }],
    ['returned', { type: 'approve' }],
    ['county_failed', { type: 'post', on: '2026-03-02' }],
    ['named', { type: 'withdraw', reason: '不再参加' }],
    ['withdrawn', { type: 'submit_self_assessment', selfScore: 95 }],
    ['removed', { type: 'name', on: '2026-04-01' }],
    ['posted', { type: 'approve' }],
  ] as [ParticipationState, ParticipationEvent][])(
    'refuses from %s the event %j',
    (state, event) => {
      const result = transitionParticipation(at(state), event, 'county', rules);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems[0]!.code).toBe('TRANSITION_NOT_ALLOWED');
    },
  );

  it.each([
    [{ type: 'submit_self_assessment', selfScore: 95 }, 'declared', 'township'],
    [{ type: 'approve' }, 'self_assessed', 'village'],
    [{ type: 'approve' }, 'self_assessed', 'county'],
    [{ type: 'accept', acceptedScore: 95 }, 'township_approved', 'township'],
  ] as [ParticipationEvent, ParticipationState, ParticipationActor][])(
    'refuses %j by the wrong level',
    (event, state, actor) => {
      const result = transitionParticipation(at(state), event, actor, rules);
      expect(result).toMatchObject({ ok: false, problems: [{ code: 'ACTOR_NOT_ALLOWED' }] });
    },
  );

  it.each([
    [89.99, false],
    [90, true],
    [90.01, true],
  ])(
    'a self-assessed score of %s against a minimum of 90 may be submitted: %s',
    (selfScore, ok) => {
      const result = transitionParticipation(
        at('declared'),
        { type: 'submit_self_assessment', selfScore },
        'village',
        rules,
      );
      expect(result.ok).toBe(ok);
      if (!result.ok) expect(result.problems[0]!.code).toBe('SELF_SCORE_TOO_LOW');
    },
  );

  it.each([
    [84.99, false],
    [85, true],
  ])('an accepted score of %s against a pass mark of 85 passes: %s', (acceptedScore, ok) => {
    expect(
      transitionParticipation(
        at('township_approved'),
        { type: 'accept', acceptedScore },
        'county',
        rules,
      ).ok,
    ).toBe(ok);
  });

  it('a vetoed village cannot be accepted, whatever its score', () => {
    const result = transitionParticipation(
      at('township_approved'),
      { type: 'accept', acceptedScore: 99, vetoed: true },
      'county',
      rules,
    );
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'VETOED' }] });
  });

  it.each(['return', 'fail', 'withdraw'] as const)('%s needs a reason', (type) => {
    const state = type === 'fail' ? 'township_approved' : 'self_assessed';
    const actor = type === 'fail' ? 'county' : 'township';
    const result = transitionParticipation(at(state), { type, reason: '  ' }, actor, rules);
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'REASON_REQUIRED' }] });
  });

  it.each([
    ['2026-03-09', false],
    ['2026-03-10', true],
  ])('after posting on 2026-03-02 for 7 days, naming on %s is allowed: %s', (on, ok) => {
    const result = transitionParticipation(
      at('posted', '2026-03-02'),
      { type: 'name', on },
      'county',
      rules,
    );
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.problems[0]!.code).toBe('NOTICE_NOT_OVER');
  });

  it('an objection holds the village until the county resolves it', () => {
    const objector = { name: '王五', contact: '13800000000', content: '村务公开不及时' };
    expect(
      transitionParticipation(at('posted'), { type: 'object', objector }, 'county', rules),
    ).toEqual({ ok: true, state: 'objected' });
    expect(
      transitionParticipation(at('objected'), { type: 'name', on: '2026-05-01' }, 'county', rules)
        .ok,
    ).toBe(false);
    expect(
      transitionParticipation(
        at('objected'),
        { type: 'resolve_objection', upheld: true, reason: '查证属实' },
        'county',
        rules,
      ),
    ).toEqual({ ok: true, state: 'removed' });
    expect(
      transitionParticipation(
        at('objected'),
        { type: 'resolve_objection', upheld: false, reason: '查无实据' },
        'county',
        rules,
      ),
    ).toEqual({ ok: true, state: 'posted' });
    const anonymous = transitionParticipation(
      at('posted'),
      { type: 'object', objector: { ...objector, name: '' } },
      'county',
      rules,
    );
    expect(anonymous).toMatchObject({ ok: false, problems: [{ code: 'OBJECTION_INCOMPLETE' }] });
  });

  it('every refusal has a code and both messages, and no input is changed', () => {
    const events: ParticipationEvent[] = [
      { type: 'submit_self_assessment', selfScore: 10 },
      { type: 'approve' },
      { type: 'return', reason: '' },
      { type: 'accept', acceptedScore: 1, vetoed: true },
      { type: 'fail', reason: '' },
      { type: 'post', on: '2026-02-30' },
      { type: 'object', objector: { name: '', contact: '', content: '' } },
      { type: 'resolve_objection', upheld: true, reason: '' },
      { type: 'name', on: 'tomorrow' },
      { type: 'withdraw', reason: '' },
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...participationStates),
        fc.constantFrom(...events),
        fc.constantFrom<ParticipationActor>('village', 'township', 'county'),
        (state, event, actor) => {
          const snapshot = Object.freeze({ state, postedOn: '2026-03-02' });
          const frozen = JSON.stringify(event);
          const result = transitionParticipation(snapshot, Object.freeze(event), actor, rules);
          expect(JSON.stringify(event)).toBe(frozen);
          if (!result.ok) {
            expect(result.problems.length).toBeGreaterThan(0);
            for (const p of result.problems) {
              expect(p.code).toMatch(/^[A-Z_]+$/);
              expect(p.message.zh).not.toBe('');
              expect(p.message.en).not.toBe('');
            }
          }
        },
      ),
    );
  });
});

describe('allowedParticipationEvents', () => {
  it('lists what each level may do in a state', () => {
    expect(allowedParticipationEvents('self_assessed', 'township')).toEqual([
      'approve',
      'return',
      'withdraw',
    ]);
    expect(allowedParticipationEvents('posted', 'county')).toEqual([
      'object',
      'name',
      'recommend',
      'withdraw',
    ]);
    expect(allowedParticipationEvents('named', 'county')).toEqual([]);
    expect(allowedParticipationEvents('returned', 'village')).toEqual([
      'submit_self_assessment',
      'withdraw',
    ]);
  });
});

describe('noticeEndsOn', () => {
  it.each([
    ['2026-03-02', 7, '2026-03-09'],
    ['2026-02-25', 7, '2026-03-04'],
    ['2026-12-28', 5, '2027-01-02'],
  ])('a notice posted on %s for %i days ends on %s', (postedOn, days, ends) => {
    expect(noticeEndsOn(postedOn, days)).toBe(ends);
  });

  it('is null for a malformed date', () => {
    expect(noticeEndsOn('2026-02-30', 7)).toBeNull();
  });
});

describe('participationStateName', () => {
  it('names every state in both languages', () => {
    for (const s of participationStates) {
      expect(participationStateName(s).zh).not.toBe('');
      expect(participationStateName(s).en).not.toBe('');
    }
  });
});

describe('flows without a township review', () => {
  const noReview = { ...rules, townshipReview: false };
  it('the county accepts a self-assessed township directly, and nobody approves', () => {
    expect(
      transitionParticipation(
        at('self_assessed'),
        { type: 'accept', acceptedScore: 90 },
        'county',
        noReview,
      ),
    ).toEqual({ ok: true, state: 'county_accepted' });
    expect(
      transitionParticipation(at('self_assessed'), { type: 'approve' }, 'township', noReview).ok,
    ).toBe(false);
    expect(allowedParticipationEvents('self_assessed', 'county', noReview)).toEqual([
      'accept',
      'fail',
      'withdraw',
    ]);
  });

  it('an enrolled subject self-assesses like a declared one', () => {
    expect(
      transitionParticipation(
        at('enrolled'),
        { type: 'submit_self_assessment', selfScore: 95 },
        'village',
        noReview,
      ),
    ).toEqual({ ok: true, state: 'self_assessed' });
  });
});

describe('recommendation', () => {
  it('a posted village is recommended, then named or not by the higher level', () => {
    expect(transitionParticipation(at('posted'), { type: 'recommend' }, 'county', rules)).toEqual({
      ok: true,
      state: 'recommended',
    });
    const decision = {
      awardingBody: '金华市司法局',
      documentNumber: '金司〔2026〕8号',
      decidedOn: '2026-11-02',
    };
    expect(
      transitionParticipation(
        at('recommended'),
        { type: 'record_decision', awarded: true, ...decision },
        'county',
        rules,
      ),
    ).toEqual({ ok: true, state: 'named' });
    expect(
      transitionParticipation(
        at('recommended'),
        { type: 'record_decision', awarded: true, ...decision, documentNumber: ' ' },
        'county',
        rules,
      ),
    ).toMatchObject({ ok: false, problems: [{ code: 'DECISION_INCOMPLETE' }] });
    expect(
      transitionParticipation(
        at('recommended'),
        { type: 'record_decision', awarded: false },
        'county',
        rules,
      ),
    ).toEqual({ ok: true, state: 'not_selected' });
    expect(transitionParticipation(at('posted'), { type: 'recommend' }, 'township', rules).ok).toBe(
      false,
    );
  });
});
