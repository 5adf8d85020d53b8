import { describe, expect, it } from 'vitest';
import { checkCorrectionFigures } from './check-corrections.js';
import { correctionRates, type CorrectionFigures } from './correction-figures.js';

const base: CorrectionFigures = {
  underCorrection: 12,
  newlyReceived: 2,
  released: 10,
  helped: 9,
  filesOpened: 2,
};
const codes = (f: Partial<CorrectionFigures>, today = '2026-11-05') =>
  checkCorrectionFigures('2026-10', { ...base, ...f }, { today }).map((p) => p.code);

describe('checkCorrectionFigures', () => {
  it('consistent figures of an ended month have no problem', () => {
    expect(codes({})).toEqual([]);
  });

  it.each([
    ['2026-10-31', ['MONTH_NOT_ENDED']],
    ['2026-11-01', []],
  ])('October’s figures on %s: %j', (today, expected) => {
    expect(codes({}, today)).toEqual(expected);
  });

  it.each([
    [10, []],
    [11, ['HELPED_MORE_THAN_RELEASED']],
  ])('%i helped of 10 released: %j', (helped, expected) => {
    expect(codes({ helped })).toEqual(expected);
  });

  it.each([
    [3, ['FILES_MORE_THAN_RECEIVED']],
    [2, []],
    [1, ['FILES_MISSING']],
  ])('%i files for 2 received: %j', (filesOpened, expected) => {
    expect(codes({ filesOpened })).toEqual(expected);
  });

  it('warns when more were received than are under correction, errors first', () => {
    const found = checkCorrectionFigures(
      '2026-10',
      { ...base, underCorrection: 1, helped: 11 },
      { today: '2026-11-05' },
    );
    expect(found.map((p) => [p.code, p.severity])).toEqual([
      ['HELPED_MORE_THAN_RELEASED', 'error'],
      ['RECEIVED_MORE_THAN_UNDER_CORRECTION', 'warning'],
    ]);
    for (const p of found) expect(p.message.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('correctionRates', () => {
  it('divides helped by released and files by people received', () => {
    expect(correctionRates(base)).toEqual({ placementRate: 0.9, filingRate: 1 });
  });

  it('has no rate without a denominator', () => {
    expect(
      correctionRates({ ...base, released: 0, helped: 0, newlyReceived: 0, filesOpened: 0 }),
    ).toEqual({
      placementRate: null,
      filingRate: null,
    });
  });
});
