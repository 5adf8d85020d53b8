import { describe, expect, it } from 'vitest';
import { checkResolution } from './check-resolution.js';
import { describeCitation, lawNames } from './describe-citation.js';

describe('describeCitation', () => {
  it('names the law, the version and the article', () => {
    expect(
      describeCitation({ law: 'village_committees_organic_law', version: '2025', article: 26 }),
    ).toEqual({
      zh: '《村民委员会组织法》（2025年版）第26条',
      en: 'Organic Law of the Villagers’ Committees (2025 text), Art. 26',
    });
    expect(
      describeCitation({ law: 'rural_land_contracting_law', version: '2018', article: 28 }).zh,
    ).toBe('《农村土地承包法》（2018年版）第28条');
  });

  it('the same rule reads with the article of the version in force on each side of 2026-01-01', () => {
    const cited = (date: string) =>
      checkResolution({
        body: 'villagers_meeting',
        date,
        eligible: 100,
        attendees: 51,
        votesFor: 26,
        votesAgainst: 25,
        abstentions: 0,
      }).citations.map((c) => describeCitation(c).zh);
    const before = cited('2025-12-31');
    const after = cited('2026-01-01');
    expect(before.every((text) => text.includes('（2018年版）'))).toBe(true);
    expect(after.every((text) => text.includes('（2025年版）'))).toBe(true);
    expect(before).not.toEqual(after.map((text) => text.replace('2025年版', '2018年版')));
  });

  it.each([
    [
      { law: 'village_committees_organic_law', version: '2018', article: 28, paragraph: 3 },
      '《村民委员会组织法》（2018年版）第28条第3款',
      'Organic Law of the Villagers’ Committees (2018 text), Art. 28 para. 3',
    ],
    [
      { law: 'rural_land_contracting_law', version: '2002', article: 48, unverified: true },
      '《农村土地承包法》（2002年版）第48条（条文序号待核实）',
      'Rural Land Contracting Law (2002 text), Art. 48 (article number unverified)',
    ],
    [
      { law: 'party_branch_work_regulation', version: '2018', article: 11 },
      '《中国共产党支部工作条例（试行）》（2018年版）第11条',
      'Regulation on the Work of CPC Branches (Trial) (2018 text), Art. 11',
    ],
  ] as const)('names a paragraph and flags an unverified article: %o', (citation, zh, en) => {
    expect(describeCitation(citation)).toEqual({ zh, en });
  });

  it('has a name in both languages for every law', () => {
    for (const name of Object.values(lawNames)) {
      expect(name.zh).not.toBe('');
      expect(name.en).not.toBe('');
    }
  });
});
