import { describe, expect, it } from 'vitest';
import { campaignModes } from './campaign-mode.js';
import { campaignLevelProblem, lowerTitleLevel, titleLevels } from './title-level.js';

describe('title levels', () => {
  it('each level but the county has the one below', () => {
    expect(titleLevels.map(lowerTitleLevel)).toEqual([null, 'county', 'municipal', 'provincial']);
  });

  it('a county names only county titles and recommends only higher ones', () => {
    for (const mode of campaignModes) {
      for (const level of titleLevels) {
        const problem = campaignLevelProblem(mode, level);
        const ok = mode === 'recommendation' ? level !== 'county' : level === 'county';
        expect(problem === null).toBe(ok);
      }
    }
  });
});
