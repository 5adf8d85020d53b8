import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze, problemShapeErrors } from './_internal/testing.js';
import { checkElection, type ElectionInput } from './check-election.js';

const organic = (version: string, article: number) => ({
  law: 'village_committees_organic_law',
  version,
  article,
});

const election = (over: Partial<ElectionInput>): ElectionInput => ({
  date: '2026-03-01',
  registeredVoters: 1000,
  ballotsCast: 600,
  seats: 1,
  round: 'first',
  candidates: [
    { id: 'wang', votes: 301 },
    { id: 'li', votes: 250 },
  ],
  ...over,
});

describe('checkElection', () => {
  it.each([
    ['2025-12-31', 500, false, '2018', 15],
    ['2025-12-31', 501, true, '2018', 15],
    ['2026-01-01', 500, false, '2025', 18],
    ['2026-01-01', 501, true, '2025', 18],
  ])(
    'on %s an election with %i of 1000 registered voters voting is valid: %s (%s Art. %i)',
    (date, ballotsCast, valid, version, article) => {
      const result = checkElection(
        election({ date, ballotsCast, candidates: [{ id: 'wang', votes: 400 }] }),
      );
      expect(result.valid).toBe(valid);
      expect(result.elected).toEqual(valid ? ['wang'] : []);
      expect(result.unfilledSeats).toBe(valid ? 0 : 1);
      expect(result.citations).toEqual([organic(version, article)]);
      expect(result.problems).toEqual(
        valid
          ? []
          : [
              expect.objectContaining({
                code: 'TURNOUT_NOT_MET',
                citation: organic(version, article),
              }),
            ],
      );
    },
  );

  it.each([
    ['first', 300, false],
    ['first', 301, true],
    ['runoff', 199, false],
    ['runoff', 200, true],
  ] as const)(
    'in a %s round a candidate with %i of 600 ballots is elected: %s',
    (round, votes, elected) => {
      const result = checkElection(election({ round, candidates: [{ id: 'wang', votes }] }));
      expect(result.valid).toBe(true);
      expect(result.elected).toEqual(elected ? ['wang'] : []);
      expect(result.unfilledSeats).toBe(elected ? 0 : 1);
      expect(result.problems).toEqual(
        elected
          ? []
          : [
              expect.objectContaining({
                code: 'SEATS_UNFILLED',
                severity: 'warning',
                citation: organic('2025', 18),
              }),
            ],
      );
    },
  );

  it('elects at most the number of seats, by votes', () => {
    const result = checkElection(
      election({
        seats: 2,
        candidates: [
          { id: 'c', votes: 320 },
          { id: 'a', votes: 400 },
          { id: 'b', votes: 350 },
        ],
      }),
    );
    expect(result.elected).toEqual(['a', 'b']);
    expect(result.unfilledSeats).toBe(0);
    expect(result.problems).toEqual([]);
  });

  it('a run-off elects the most votes among those with at least a third', () => {
    const result = checkElection(
      election({
        round: 'runoff',
        candidates: [
          { id: 'li', votes: 220 },
          { id: 'wang', votes: 250 },
        ],
      }),
    );
    expect(result.elected).toEqual(['wang']);
  });

  it.each([
    ['first', 350, 350, ['a'], 1],
    ['first', 350, 349, ['a', 'b'], 0],
    ['runoff', 250, 250, ['a'], 1],
    ['runoff', 250, 249, ['a', 'b'], 0],
  ] as const)(
    'in a %s round with b at %i and c at %i for the last seat, a tie elects neither',
    (round, b, c, elected, unfilled) => {
      const result = checkElection(
        election({
          round,
          seats: 2,
          candidates: [
            { id: 'a', votes: 400 },
            { id: 'b', votes: b },
            { id: 'c', votes: c },
          ],
        }),
      );
      expect(result.elected).toEqual(elected);
      expect(result.unfilledSeats).toBe(unfilled);
      const tie = result.problems.find((p) => p.code === 'TIE_AT_LAST_SEAT');
      if (unfilled === 1) {
        expect(tie).toMatchObject({ severity: 'warning', citation: organic('2025', 18) });
      } else {
        expect(tie).toBeUndefined();
      }
    },
  );

  it.each([
    ['ballots above registered voters', { ballotsCast: 1001 }, 'ballotsCast'],
    ['votes above ballots', { candidates: [{ id: 'wang', votes: 601 }] }, 'candidates[0].votes'],
    [
      'a duplicate candidate',
      {
        candidates: [
          { id: 'wang', votes: 1 },
          { id: 'wang', votes: 2 },
        ],
      },
      'candidates[1].id',
    ],
    [
      'more votes than ballots allow',
      {
        candidates: [
          { id: 'wang', votes: 400 },
          { id: 'li', votes: 300 },
        ],
      },
      'candidates',
    ],
    ['fractional seats', { seats: 1.5 }, 'seats'],
    ['a negative count', { ballotsCast: -1 }, 'ballotsCast'],
    ['a malformed date', { date: '2026-13-01' }, 'date'],
    ['an unknown round', { round: 'third' as never }, 'round'],
  ])('%s is INVALID_INPUT with the field and every boolean false', (_title, over, field) => {
    const result = checkElection(election(over));
    expect(result.valid).toBe(false);
    expect(result.elected).toEqual([]);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ code: 'INVALID_INPUT', field }),
    );
  });

  it('never mutates its input, elects at most the seats and every problem is well formed', () => {
    const arb = fc
      .record({
        registeredVoters: fc.integer({ min: 1, max: 300 }),
        seats: fc.integer({ min: 1, max: 3 }),
        round: fc.constantFrom('first' as const, 'runoff' as const),
        date: fc.constantFrom('2025-12-31', '2026-01-01'),
      })
      .chain((base) =>
        fc.integer({ min: 0, max: base.registeredVoters }).chain((ballotsCast) =>
          fc.array(fc.integer({ min: 0, max: ballotsCast }), { maxLength: 6 }).map((votes) => ({
            ...base,
            ballotsCast,
            candidates: votes.map((v, i) => ({ id: `c${i}`, votes: v })),
          })),
        ),
      );
    fc.assert(
      fc.property(arb, (input) => {
        const copy = JSON.parse(JSON.stringify(input)) as unknown;
        const result = checkElection(deepFreeze(input));
        expect(input).toEqual(copy);
        expect(result.elected.length).toBeLessThanOrEqual(input.seats);
        expect(
          problemShapeErrors(result.problems, [
            'TURNOUT_NOT_MET',
            'TIE_AT_LAST_SEAT',
            'SEATS_UNFILLED',
          ]),
        ).toEqual([]);
      }),
    );
  });
});
