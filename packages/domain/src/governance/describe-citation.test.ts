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

  it('has a name in both languages for every law', () => {
    for (const name of Object.values(lawNames)) {
      expect(name.zh).not.toBe('');
      expect(name.en).not.toBe('');
    }
  });
});
