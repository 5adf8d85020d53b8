import { describe, expect, it } from 'vitest';
import {
  checkMediationCase,
  checkMonthlyFigures,
  type MediationCaseFacts,
} from './check-mediation.js';

const today = '2026-04-01';
const base: MediationCaseFacts = {
  receivedOn: '2026-03-02',
  closedOn: '2026-03-10',
  parties: 2,
  method: 'oral',
  outcome: 'succeeded',
};
const codes = (facts: Partial<MediationCaseFacts>) =>
  checkMediationCase({ ...base, ...facts }, { today }).map((p) => p.code);

describe('checkMediationCase', () => {
  it('a complete oral case has no problem', () => {
    expect(codes({})).toEqual([]);
  });

  it.each([
    ['2026-03-01', ['CLOSED_BEFORE_RECEIVED']],
    ['2026-03-02', []],
    ['2026-03-03', []],
  ])('a case received 2026-03-02 and closed %s: %j', (closedOn, expected) => {
    expect(codes({ closedOn })).toEqual(expected);
  });

  it.each([
    ['2026-04-01', []],
    ['2026-04-02', ['RECEIVED_IN_FUTURE']],
  ])('a case received %s with today 2026-04-01: %j', (receivedOn, expected) => {
    expect(codes({ receivedOn, closedOn: null, outcome: 'open' })).toEqual(expected);
  });

  it('a case closed tomorrow is refused', () => {
    expect(codes({ closedOn: '2026-04-02' })).toEqual(['CLOSED_IN_FUTURE']);
  });

  it('an outcome needs its date closed, an open case has none', () => {
    expect(codes({ closedOn: null })).toEqual(['CLOSED_ON_MISSING']);
    expect(codes({ outcome: 'open', closedOn: '2026-03-31' })).toEqual(['OPEN_CASE_CLOSED_ON']);
  });

  it.each([
    ['written', 'succeeded', 0, ['AGREEMENT_MISSING']],
    ['written', 'succeeded', 1, []],
    ['written', 'succeeded', undefined, []], // not stored yet: its file comes after it
    ['written', 'failed', 0, []],
    ['oral', 'succeeded', 0, []],
  ] as const)('%s / %s with %j files: %j', (method, outcome, files, expected) => {
    expect(codes({ method, outcome, files })).toEqual(expected);
  });

  it('a written agreement without its file is an error on the files', () => {
    const [problem] = checkMediationCase(
      { ...base, method: 'written', outcome: 'succeeded', files: 0 },
      { today },
    );
    expect(problem).toMatchObject({ code: 'AGREEMENT_MISSING', severity: 'error', field: 'files' });
  });

  it.each([
    [1, ['TOO_FEW_PARTIES']],
    [2, []],
  ])('%i parties: %j', (parties, expected) => {
    expect(codes({ parties })).toEqual(expected);
  });

  it.each([
    ['2026-03-02', []], // open 30 days on 2026-04-01
    ['2026-03-01', ['OPEN_TOO_LONG']], // 31 days
  ])('an open case received %s warns after 30 days: %j', (receivedOn, expected) => {
    const found = checkMediationCase(
      { ...base, receivedOn, closedOn: null, outcome: 'open' },
      { today },
    );
    expect(found.map((p) => p.code)).toEqual(expected);
    for (const p of found) expect(p.severity).toBe('warning');
  });

  it('lists errors before warnings, each with Chinese and English', () => {
    const found = checkMediationCase(
      { ...base, receivedOn: '2026-01-01', closedOn: '2026-03-01', outcome: 'open', parties: 1 },
      { today },
    );
    expect(found.map((p) => [p.code, p.severity])).toEqual([
      ['OPEN_CASE_CLOSED_ON', 'error'],
      ['TOO_FEW_PARTIES', 'error'],
      ['OPEN_TOO_LONG', 'warning'],
    ]);
    for (const p of found) {
      expect(p.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(p.message.en).toMatch(/[a-z]/);
    }
  });
});

describe('checkMonthlyFigures', () => {
  it.each([
    ['2026-03-31', ['MONTH_NOT_ENDED']],
    ['2026-04-01', []],
  ])('March 2026 on %s: %j', (day, expected) => {
    expect(
      checkMonthlyFigures('2026-03', { received: 2, closed: 2, succeeded: 1 }, { today: day }).map(
        (p) => p.code,
      ),
    ).toEqual(expected);
  });

  it.each([
    [3, 3, 3, []],
    [3, 4, 1, ['CLOSED_MORE_THAN_RECEIVED']],
    [3, 2, 3, ['SUCCEEDED_MORE_THAN_CLOSED']],
    [0, 0, 0, []],
  ])('received %i, handled %i, settled %i: %j', (received, closed, succeeded, expected) => {
    expect(
      checkMonthlyFigures('2026-01', { received, closed, succeeded }, { today }).map((p) => p.code),
    ).toEqual(expected);
  });
});
