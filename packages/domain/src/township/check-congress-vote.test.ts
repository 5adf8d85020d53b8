import { describe, expect, it } from 'vitest';
import { checkCongressVote } from './check-congress-vote.js';

const vote = (present: number, votesFor: number, votesAgainst = 0, abstentions = 0) =>
  checkCongressVote({ deputies: 60, present, votesFor, votesAgainst, abstentions });

describe('checkCongressVote', () => {
  it.each([
    [40, true], // exactly two thirds of 60 present: the meeting is held
    [39, false],
  ])('%i of 60 deputies present: quorum %s', (present, met) => {
    const r = vote(present, 31);
    expect(r.quorumMet).toBe(met);
    expect(r.problems.some((p) => p.code === 'QUORUM_NOT_MET')).toBe(!met);
  });

  it.each([
    [31, true], // more than half of ALL 60 deputies
    [30, false], // exactly half is not more than half
  ])('%i votes for of 60 deputies: passed %s', (votesFor, passed) => {
    const r = vote(45, votesFor, 45 - votesFor);
    expect(r.passed).toBe(passed);
    expect(r.votesNeeded).toBe(31);
  });

  it('counts the majority of all deputies, not of those present', () => {
    // 30 of 40 present is three quarters of the room but only half of the congress
    const r = vote(40, 30, 10);
    expect(r.quorumMet).toBe(true);
    expect(r.passed).toBe(false);
    expect(r.problems[0]).toMatchObject({ code: 'MAJORITY_NOT_MET', field: 'votesFor' });
    expect(r.problems[0]!.citation).toMatchObject({
      law: 'local_congresses_organic_law',
      version: '2022',
      unverified: true,
    });
  });

  it('a vote without a quorum does not pass, however many vote for', () => {
    const r = checkCongressVote({
      deputies: 60,
      present: 35,
      votesFor: 35,
      votesAgainst: 0,
      abstentions: 0,
    });
    expect(r.passed).toBe(false);
  });

  it.each([
    [41, 40, 1, 0], // one vote more than deputies present
    [40, 40, 0, 1],
  ])('a tally above the deputies present is refused with the article', (present, f, a, ab) => {
    const r = vote(present - 1, f, a, ab);
    expect(r.passed).toBe(false);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.code).toBe('TALLY_EXCEEDS_PRESENT');
    expect(r.problems[0]!.citation?.article).toBeGreaterThan(0);
    expect(r.problems[0]!.message.zh).toContain('超过出席代表人数');
  });

  it('a tally equal to the deputies present is accepted', () => {
    expect(vote(40, 31, 5, 4).problems).toEqual([]);
  });

  it.each([
    [{ deputies: 0, present: 0, votesFor: 0, votesAgainst: 0, abstentions: 0 }, 'deputies'],
    [{ deputies: 60, present: 61, votesFor: 0, votesAgainst: 0, abstentions: 0 }, 'present'],
    [{ deputies: 60, present: 40, votesFor: -1, votesAgainst: 0, abstentions: 0 }, 'votesFor'],
    [{ deputies: 60, present: 40, votesFor: 1.5, votesAgainst: 0, abstentions: 0 }, 'votesFor'],
  ])('bad input is an INVALID_INPUT problem on its field', (input, field) => {
    const r = checkCongressVote(input);
    expect(r.passed).toBe(false);
    expect(r.problems[0]).toMatchObject({ code: 'INVALID_INPUT', field });
  });
});
