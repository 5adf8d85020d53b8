import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze, problemShapeErrors } from './_internal/testing.js';
import { checkRecall, type RecallInput } from './check-recall.js';

const organic = (version: string, article: number) => ({
  law: 'village_committees_organic_law',
  version,
  article,
});

describe('checkRecall', () => {
  it.each([
    // the motion counts villagers with the right to vote (1100 here), not the 1000 registered
    ['2025-12-31', { eligibleVoters: 1100, initiatingVoters: 220 }, true, '2018', 16],
    ['2025-12-31', { eligibleVoters: 1100, initiatingVoters: 219 }, false, '2018', 16],
    ['2025-12-31', { eligibleVoters: 1100, initiatingVoters: 200 }, false, '2018', 16],
    ['2026-01-01', { eligibleVoters: 1100, initiatingVoters: 220 }, true, '2025', 19],
    ['2026-01-01', { eligibleVoters: 1100, initiatingVoters: 219 }, false, '2025', 19],
    ['2026-01-01', { eligibleVoters: 900, initiatingVoters: 180 }, true, '2025', 19],
    ['2026-01-01', { eligibleVoters: 900, initiatingVoters: 179 }, false, '2025', 19],
    ['2026-01-01', { representatives: 30, initiatingRepresentatives: 10 }, true, '2025', 19],
    ['2026-01-01', { representatives: 30, initiatingRepresentatives: 9 }, false, '2025', 19],
  ] as const)(
    'on %s a recall moved by %j (1000 registered) is initiated: %s',
    (date, movers, initiated, version, article) => {
      const result = checkRecall({ date, registeredVoters: 1000, ...movers });
      expect(result.initiated).toBe(initiated);
      expect(result.passed).toBe(false);
      expect(result.citations).toEqual([organic(version, article)]);
      expect(result.problems).toEqual(
        initiated
          ? []
          : [
              expect.objectContaining({
                code: 'RECALL_NOT_INITIATED',
                citation: organic(version, article),
              }),
            ],
      );
    },
  );

  it.each([
    ['2025-12-31', 500, 400, false, ['RECALL_TURNOUT_NOT_MET'], '2018', 16],
    ['2025-12-31', 501, 251, true, [], '2018', 16],
    ['2026-01-01', 501, 251, true, [], '2025', 19],
    ['2026-01-01', 501, 250, false, ['RECALL_MAJORITY_NOT_MET'], '2025', 19],
    ['2026-01-01', 600, 300, false, ['RECALL_MAJORITY_NOT_MET'], '2025', 19],
    ['2026-01-01', 600, 301, true, [], '2025', 19],
  ] as const)(
    'on %s a recall vote with %i of 1000 voting and %i in favour passes: %s',
    (date, ballotsCast, votesFor, passed, codes, version, article) => {
      const result = checkRecall({
        date,
        registeredVoters: 1000,
        eligibleVoters: 1100,
        initiatingVoters: 300,
        ballotsCast,
        votesFor,
      });
      expect(result.initiated).toBe(true);
      expect(result.passed).toBe(passed);
      expect(result.problems.map((p) => p.code)).toEqual(codes);
      for (const p of result.problems) expect(p.citation).toEqual(organic(version, article));
    },
  );

  it.each([
    [{ eligibleVoters: 1000, initiatingVoters: 1001 }, 'initiatingVoters'],
    [{ initiatingVoters: 300 }, 'eligibleVoters'],
    [{ eligibleVoters: 0, initiatingVoters: 0 }, 'eligibleVoters'],
    [{ initiatingRepresentatives: 3 }, 'representatives'],
    [{ representatives: 3, initiatingRepresentatives: 4 }, 'initiatingRepresentatives'],
    [{ eligibleVoters: 1000, initiatingVoters: 300, ballotsCast: 1001 }, 'ballotsCast'],
    [{ eligibleVoters: 1000, initiatingVoters: 300, ballotsCast: 10, votesFor: 11 }, 'votesFor'],
    [{ eligibleVoters: 1000, initiatingVoters: 300, votesFor: 11 }, 'ballotsCast'],
    [{ eligibleVoters: 1000, initiatingVoters: -1 }, 'initiatingVoters'],
    [{ date: '2026-04-31' }, 'date'],
  ] as Array<[Partial<RecallInput>, string]>)(
    'impossible input %j is INVALID_INPUT on %s with every boolean false',
    (over, field) => {
      const result = checkRecall({ date: '2026-03-01', registeredVoters: 1000, ...over });
      expect(result.initiated).toBe(false);
      expect(result.passed).toBe(false);
      expect(result.problems).toContainEqual(
        expect.objectContaining({ code: 'INVALID_INPUT', field }),
      );
    },
  );

  it('never mutates its input and every problem is well formed', () => {
    const arb = fc.integer({ min: 1, max: 200 }).chain((registeredVoters) =>
      fc.integer({ min: 0, max: registeredVoters }).chain((ballotsCast) =>
        fc.record({
          date: fc.constantFrom('2025-12-31', '2026-01-01'),
          registeredVoters: fc.constant(registeredVoters),
          eligibleVoters: fc.constant(registeredVoters + 10),
          initiatingVoters: fc.integer({ min: 0, max: registeredVoters }),
          ballotsCast: fc.constant(ballotsCast),
          votesFor: fc.integer({ min: 0, max: ballotsCast }),
        }),
      ),
    );
    fc.assert(
      fc.property(arb, (input) => {
        const result = checkRecall(deepFreeze(input));
        expect(result.passed && !result.initiated).toBe(false);
        expect(
          problemShapeErrors(result.problems, [
            'RECALL_NOT_INITIATED',
            'RECALL_TURNOUT_NOT_MET',
            'RECALL_MAJORITY_NOT_MET',
          ]),
        ).toEqual([]);
      }),
    );
  });
});
