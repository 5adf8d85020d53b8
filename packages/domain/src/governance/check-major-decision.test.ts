import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromCivil, formatDate } from './_internal/dates.js';
import { deepFreeze, problemShapeErrors } from './_internal/testing.js';
import { checkMajorDecision, type MajorDecisionInput } from './check-major-decision.js';

const regulation = (article: number) => ({
  law: 'major_administrative_decisions_regulation',
  version: '2019',
  article,
});

const decision = (over: Partial<MajorDecisionInput>): MajorDecisionInput => ({
  publicComment: { openedOn: '2026-03-01', closesOn: '2026-03-31' },
  legalityReview: { submittedOn: '2026-04-01', completedOn: '2026-04-10' },
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
      citations: [regulation(15), regulation(25), regulation(26), regulation(31)],
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

  it('a decision without public comment is not ok', () => {
    const { publicComment: _omitted, ...rest } = decision({});
    expect(codes(rest)).toEqual([['PUBLIC_COMMENT_MISSING', 'error', regulation(15)]]);
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
    ['2026-04-01', '2026-04-10', [], [], 7],
    ['2026-04-02', '2026-04-10', [], [], 6],
    ['2026-04-01', '2026-04-10', ['2026-04-06'], [], 6],
    ['2026-04-01', '2026-04-10', ['2026-04-06'], ['2026-04-04'], 7],
    ['2026-04-01', '2026-04-09', [], [], 6],
  ])(
    'a legality review from %s to %s (holidays %j, make-up days %j) lasted %i working days',
    (submittedOn, completedOn, holidays, extraWorkingDays, days) => {
      const input = decision({
        legalityReview: { submittedOn, completedOn },
        holidays,
        extraWorkingDays,
      });
      const result = checkMajorDecision(input);
      expect(result.ok).toBe(true);
      expect(codes(input)).toEqual(
        days >= 7 ? [] : [['LEGALITY_REVIEW_TOO_SHORT', 'warning', regulation(26)]],
      );
      if (days < 7) expect(result.problems[0]?.message.en).toContain(`this took ${days}`);
    },
  );

  it.each([
    ['2026-04-15', true],
    ['2026-04-16', false],
  ])(
    'a legality review completed on %s for a discussion on 2026-04-15 is in time: %s',
    (completedOn, ok) => {
      const input = decision({
        legalityReview: { submittedOn: '2026-04-01', completedOn },
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
          legalityReview: { submittedOn: '2019-08-01', completedOn: '2019-08-12' },
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
      { legalityReview: { submittedOn: '2026-04-10', completedOn: '2026-04-09' } },
      'legalityReview.completedOn',
    ],
    [
      { publicComment: { openedOn: '2026-03-01', closesOn: '2026-03-02', shortPeriodReason: ' ' } },
      'publicComment.shortPeriodReason',
    ],
  ] as Array<[Partial<MajorDecisionInput>, string]>)(
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
          publicComment: { openedOn: formatDate(start), closesOn: formatDate(start + comment) },
          legalityReview: {
            submittedOn: formatDate(start + comment),
            completedOn: formatDate(completed),
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
