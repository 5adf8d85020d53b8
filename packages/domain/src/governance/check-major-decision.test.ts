import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromCivil, formatDate } from './_internal/dates.js';
import { deepFreeze, problemShapeErrors } from './_internal/testing.js';
import { checkMajorDecision, type MajorDecisionInput } from './check-major-decision.js';
import type { CountySettings } from './rules.js';

const regulation = (article: number) => ({
  law: 'major_administrative_decisions_regulation',
  version: '2019',
  article,
});

const decision = (over: Partial<MajorDecisionInput>): MajorDecisionInput => ({
  professionalOrTechnical: false,
  mayAffectStabilityOrSafety: false,
  publicComment: { openedOn: '2026-03-01', closesOn: '2026-03-31' },
  legalityReview: {
    submittedOn: '2026-04-01',
    completedOn: '2026-04-10',
    legalAdviserOpinion: true,
  },
  collectiveDiscussionOn: '2026-04-15',
  partyCommitteeReportedOn: '2026-04-16',
  issuedOn: '2026-04-20',
  ...over,
});

const codes = (input: MajorDecisionInput) =>
  checkMajorDecision(input).problems.map((p) => [p.code, p.severity, p.citation]);

describe('checkMajorDecision', () => {
  it('a lawful procedure is ok and cites the rules applied', () => {
    const result = checkMajorDecision(decision({}));
    expect(result).toEqual({
      ok: true,
      problems: [],
      citations: [
        regulation(14),
        regulation(15),
        regulation(25),
        regulation(28),
        regulation(26),
        regulation(31),
      ],
    });
  });

  it.each([
    ['2026-03-31', undefined, true],
    ['2026-03-30', undefined, false],
    ['2026-03-30', '突发公共卫生事件需尽快决策', true],
  ])(
    'public comment opened on 2026-03-01 (first day not counted) closing on %s with reason %s is ok: %s',
    (closesOn, shortPeriodReason, ok) => {
      const input = decision({
        publicComment: {
          openedOn: '2026-03-01',
          closesOn,
          ...(shortPeriodReason ? { shortPeriodReason } : {}),
        },
      });
      expect(checkMajorDecision(input).ok).toBe(ok);
      expect(codes(input)).toEqual(
        ok ? [] : [['PUBLIC_COMMENT_TOO_SHORT', 'error', regulation(15)]],
      );
    },
  );

  it.each([
    // Art. 14: public comment is one way of hearing the public; Art. 15 applies only when used
    ['a hearing', { hearing: { materialsSentOn: '2026-03-01', heldOn: '2026-03-08' } }, {}, []],
    ['a symposium', { otherParticipation: [{ form: 'symposium', on: '2026-03-05' }] }, {}, []],
    ['no form at all', {}, {}, [['PUBLIC_PARTICIPATION_MISSING', 'error', regulation(14)]]],
    ['no form, a matter not disclosed by law', { notDisclosable: true }, {}, []],
    [
      'a hearing where the county requires public comment',
      { hearing: { materialsSentOn: '2026-03-01', heldOn: '2026-03-08' } },
      { publicCommentRequired: true },
      [['PUBLIC_COMMENT_MISSING', 'error', undefined]],
    ],
  ] as Array<[string, Partial<MajorDecisionInput>, CountySettings, unknown[]]>)(
    'a decision without public comment, heard by %s',
    (_title, over, settings, expected) => {
      const { publicComment: _omitted, ...rest } = decision(over);
      const result = checkMajorDecision(rest, settings);
      expect(result.problems.map((p) => [p.code, p.severity, p.citation])).toEqual(expected);
      expect(result.ok).toBe(expected.length === 0);
      expect(result.citations).not.toContainEqual(regulation(15));
    },
  );

  it.each([
    // Art. 19: a professional or technical matter needs 专家论证 before the discussion
    [true, undefined, false],
    [true, '2026-04-15', true],
    [true, '2026-04-16', false],
    [false, undefined, true],
  ])(
    'professional or technical %s, expert review on %s: ok %s',
    (professionalOrTechnical, on, ok) => {
      const input = decision({
        professionalOrTechnical,
        ...(on ? { expertReview: { on } } : {}),
      });
      expect(codes(input)).toEqual(ok ? [] : [['EXPERT_REVIEW_MISSING', 'error', regulation(19)]]);
      if (professionalOrTechnical) {
        expect(checkMajorDecision(input).citations).toContainEqual(regulation(19));
      }
    },
  );

  it.each([
    // Art. 22: a decision that may harm social stability or public safety needs 风险评估
    [true, undefined, undefined, false],
    [true, '2026-04-14', undefined, true],
    [true, '2026-04-16', undefined, false],
    [true, undefined, true, true],
    [false, undefined, undefined, true],
  ])(
    'may affect stability or safety %s, risk assessment on %s (already assessed %s): ok %s',
    (mayAffectStabilityOrSafety, on, riskAlreadyAssessed, ok) => {
      const input = decision({
        mayAffectStabilityOrSafety,
        ...(on ? { riskAssessment: { on } } : {}),
        ...(riskAlreadyAssessed ? { riskAlreadyAssessed } : {}),
      });
      expect(codes(input)).toEqual(
        ok ? [] : [['RISK_ASSESSMENT_MISSING', 'error', regulation(22)]],
      );
    },
  );

  it.each([
    [true, true],
    [false, false],
  ])('a legality review with legal advisers’ opinions %s is ok: %s', (legalAdviserOpinion, ok) => {
    const input = decision({
      legalityReview: { submittedOn: '2026-04-01', completedOn: '2026-04-10', legalAdviserOpinion },
    });
    expect(codes(input)).toEqual(
      ok ? [] : [['LEGAL_ADVISER_NOT_INVOLVED', 'error', regulation(28)]],
    );
  });

  it.each([
    ['2026-04-08', true],
    ['2026-04-07', false],
  ])('hearing materials sent on 2026-04-01 for a hearing on %s are in time: %s', (heldOn, ok) => {
    const input = decision({ hearing: { materialsSentOn: '2026-04-01', heldOn } });
    const result = checkMajorDecision(input);
    expect(result.ok).toBe(ok);
    expect(result.citations).toContainEqual(regulation(16));
    expect(codes(input)).toEqual(ok ? [] : [['HEARING_NOTICE_TOO_SHORT', 'error', regulation(16)]]);
  });

  it.each([
    // Art. 26: working days after the submission and before the day of the discussion
    // (2026-04-01 is a Wednesday), however quickly the reviewer answered
    ['2026-04-01', '2026-04-13', [], [], 7],
    ['2026-04-01', '2026-04-10', [], [], 6],
    ['2026-04-01', '2026-04-13', ['2026-04-06'], [], 6],
    ['2026-04-01', '2026-04-13', ['2026-04-06'], ['2026-04-04'], 7],
    ['2026-04-02', '2026-04-14', [], [], 7],
    ['2026-04-02', '2026-04-13', [], [], 6],
  ])(
    'a draft sent for legality review on %s, discussed on %s (holidays %j, make-up days %j), allowed %i working days',
    (submittedOn, collectiveDiscussionOn, holidays, extraWorkingDays, days) => {
      const input = decision({
        legalityReview: { submittedOn, completedOn: submittedOn, legalAdviserOpinion: true },
        collectiveDiscussionOn,
        partyCommitteeReportedOn: collectiveDiscussionOn,
        issuedOn: collectiveDiscussionOn,
        holidays,
        extraWorkingDays,
      });
      const result = checkMajorDecision(input);
      expect(result.ok).toBe(true);
      expect(codes(input)).toEqual(
        days >= 7 ? [] : [['LEGALITY_REVIEW_TOO_SHORT', 'warning', regulation(26)]],
      );
      if (days < 7) expect(result.problems[0]?.message.en).toContain(`sent ${days} working days`);
    },
  );

  it('a reviewer who answers in one day does not shorten the time the sender allowed', () => {
    const input = decision({
      legalityReview: {
        submittedOn: '2026-04-01',
        completedOn: '2026-04-02',
        legalAdviserOpinion: true,
      },
    });
    expect(codes(input)).toEqual([]);
  });

  it.each([
    ['2026-04-15', true],
    ['2026-04-16', false],
  ])(
    'a legality review completed on %s for a discussion on 2026-04-15 is in time: %s',
    (completedOn, ok) => {
      const input = decision({
        legalityReview: { submittedOn: '2026-04-01', completedOn, legalAdviserOpinion: true },
        collectiveDiscussionOn: '2026-04-15',
      });
      expect(checkMajorDecision(input).ok).toBe(ok);
      expect(codes(input)).toEqual(
        ok ? [] : [['LEGALITY_REVIEW_AFTER_DISCUSSION', 'error', regulation(25)]],
      );
    },
  );

  it('a draft never reviewed for legality may not be discussed', () => {
    const { legalityReview: _omitted, ...rest } = decision({});
    expect(codes(rest)).toEqual([['LEGALITY_REVIEW_MISSING', 'error', regulation(25)]]);
  });

  it.each([
    ['2026-04-20', true],
    ['2026-04-21', false],
    [undefined, false],
  ])(
    'a report to the Party committee on %s for a decision issued on 2026-04-20 is in time: %s',
    (partyCommitteeReportedOn, ok) => {
      const { partyCommitteeReportedOn: _omitted, ...rest } = decision({});
      const input = partyCommitteeReportedOn ? { ...rest, partyCommitteeReportedOn } : rest;
      expect(checkMajorDecision(input).ok).toBe(ok);
      expect(codes(input)).toEqual(
        ok ? [] : [['PARTY_COMMITTEE_NOT_REPORTED', 'error', regulation(31)]],
      );
    },
  );

  it.each([
    ['2019-08-31', false],
    ['2019-09-01', true],
  ])(
    'the regulation applies to decisions issued from 2019-09-01: %s applies: %s',
    (issuedOn, applies) => {
      const result = checkMajorDecision(
        decision({
          publicComment: { openedOn: '2019-07-01', closesOn: '2019-07-31' },
          legalityReview: {
            submittedOn: '2019-08-01',
            completedOn: '2019-08-12',
            legalAdviserOpinion: true,
          },
          collectiveDiscussionOn: '2019-08-20',
          partyCommitteeReportedOn: '2019-08-21',
          issuedOn,
        }),
      );
      expect(result.ok).toBe(applies);
      expect(result.problems.map((p) => p.code)).toEqual(applies ? [] : ['LAW_NOT_IN_FORCE']);
    },
  );

  it.each([
    [
      { publicComment: { openedOn: '2026-03-01', closesOn: '2026-02-28' } },
      'publicComment.closesOn',
    ],
    [{ issuedOn: '2026-04-14' }, 'issuedOn'],
    [{ holidays: ['2026-04-31'] }, 'holidays[0]'],
    [{ collectiveDiscussionOn: '2026/04/15' }, 'collectiveDiscussionOn'],
    [{ hearing: { materialsSentOn: '2026-04-09', heldOn: '2026-04-08' } }, 'hearing.heldOn'],
    [
      {
        legalityReview: {
          submittedOn: '2026-04-10',
          completedOn: '2026-04-09',
          legalAdviserOpinion: true,
        },
      },
      'legalityReview.completedOn',
    ],
    [{ professionalOrTechnical: 'yes' }, 'professionalOrTechnical'],
    [{ expertReview: { on: '2026-02-30' } }, 'expertReview.on'],
    [{ otherParticipation: [{ form: 'banquet', on: '2026-03-05' }] }, 'otherParticipation[0].form'],
    [
      { publicComment: { openedOn: '2026-03-01', closesOn: '2026-03-02', shortPeriodReason: ' ' } },
      'publicComment.shortPeriodReason',
    ],
  ] as unknown as Array<[Partial<MajorDecisionInput>, string]>)(
    'impossible input %j is INVALID_INPUT on %s',
    (over, field) => {
      const result = checkMajorDecision(decision(over));
      expect(result.ok).toBe(false);
      expect(result.problems).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field })]);
    },
  );

  it('never mutates its input and every problem is well formed', () => {
    const day = fc.integer({ min: dayFromCivil(2026, 1, 1), max: dayFromCivil(2026, 3, 1) });
    const arb = fc
      .record({
        start: day,
        comment: fc.integer({ min: 0, max: 40 }),
        review: fc.integer({ min: 0, max: 15 }),
        gap: fc.integer({ min: -3, max: 5 }),
        report: fc.integer({ min: 0, max: 6 }),
        holidays: fc.array(day, { maxLength: 5 }),
      })
      .map(({ start, comment, review, gap, report, holidays }) => {
        const completed = start + comment + review;
        const discussion = Math.max(completed + gap, start + comment);
        return {
          professionalOrTechnical: false,
          mayAffectStabilityOrSafety: false,
          publicComment: { openedOn: formatDate(start), closesOn: formatDate(start + comment) },
          legalityReview: {
            submittedOn: formatDate(start + comment),
            completedOn: formatDate(completed),
            legalAdviserOpinion: true,
          },
          collectiveDiscussionOn: formatDate(discussion),
          partyCommitteeReportedOn: formatDate(discussion + report),
          issuedOn: formatDate(discussion + 3),
          holidays: holidays.map(formatDate),
        };
      });
    fc.assert(
      fc.property(arb, (input) => {
        const copy = JSON.parse(JSON.stringify(input)) as unknown;
        const result = checkMajorDecision(deepFreeze(input));
        expect(input).toEqual(copy);
        expect(
          problemShapeErrors(result.problems, [
            'PUBLIC_COMMENT_TOO_SHORT',
            'LEGALITY_REVIEW_TOO_SHORT',
            'LEGALITY_REVIEW_AFTER_DISCUSSION',
            'PARTY_COMMITTEE_NOT_REPORTED',
          ]),
        ).toEqual([]);
      }),
    );
  });
});
