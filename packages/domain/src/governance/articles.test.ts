import { describe, expect, it } from 'vitest';
import { organicLawArticles, organicLawCitation, type OrganicLawRule } from './articles.js';

describe('organicLawCitation', () => {
  it.each([
    ['committee_election', 15, 18],
    ['proxy_voting', 15, 18],
    ['recall', 16, 19],
    ['villagers_meeting', 22, 26],
    ['villagers_meeting_matters', 24, 28],
    ['representatives_composition', 25, 29],
    ['representatives_meeting', 26, 30],
    ['village_rules', 27, 31],
    ['group_meeting', 28, 32],
    ['disclosure', 30, 35],
    ['appraisal', 33, 38],
  ] as Array<[OrganicLawRule, number, number]>)(
    '%s is Art. %i on 2025-12-31 and Art. %i on 2026-01-01',
    (rule, article2018, article2025) => {
      expect(organicLawCitation(rule, '2025-12-31')).toEqual({
        law: 'village_committees_organic_law',
        version: '2018',
        article: article2018,
      });
      expect(organicLawCitation(rule, '2026-01-01')).toEqual({
        law: 'village_committees_organic_law',
        version: '2025',
        article: article2025,
      });
    },
  );

  it('the article table is frozen', () => {
    expect(Object.isFrozen(organicLawArticles)).toBe(true);
  });
});
