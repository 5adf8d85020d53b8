import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { campaignModes, subjectLevels, type CampaignFlow } from './campaign-mode.js';
import {
  campaignStageName,
  campaignStages,
  campaignStagesOf,
  eventAllowedAt,
  nextCampaignStage,
  participationEventTypes,
} from './campaign-stage.js';

describe('campaignStagesOf', () => {
  it.each([
    [
      { mode: 'creation', subjectLevel: 'village' },
      [
        'deploy',
        'declare',
        'self_assess',
        'township_review',
        'county_acceptance',
        'public_notice',
        'naming',
        'recheck',
      ],
    ],
    [
      { mode: 'annual', subjectLevel: 'township' },
      ['deploy', 'self_assess', 'county_acceptance', 'concluded'],
    ],
    [
      { mode: 'annual', subjectLevel: 'village' },
      ['deploy', 'self_assess', 'township_review', 'county_acceptance', 'concluded'],
    ],
    [
      { mode: 'annual', subjectLevel: 'county_unit', publicNotice: true },
      ['deploy', 'self_assess', 'county_acceptance', 'public_notice', 'naming', 'concluded'],
    ],
    [
      { mode: 'recommendation', subjectLevel: 'village' },
      [
        'deploy',
        'declare',
        'self_assess',
        'township_review',
        'county_acceptance',
        'public_notice',
        'recommend',
        'concluded',
      ],
    ],
  ] as [CampaignFlow, string[]][])('%j runs %j', (flow, stages) => {
    expect(campaignStagesOf(flow)).toEqual(stages);
  });

  it('keeps the global order of stages in every flow, starting at deploy', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...campaignModes),
        fc.constantFrom(...subjectLevels),
        fc.boolean(),
        (mode, subjectLevel, publicNotice) => {
          const stages = campaignStagesOf({ mode, subjectLevel, publicNotice });
          expect(stages[0]).toBe('deploy');
          const idx = stages.map((s) => campaignStages.indexOf(s));
          expect([...idx].sort((a, b) => a - b)).toEqual(idx);
          expect(stages.includes('declare')).toBe(mode !== 'annual');
          expect(stages.includes('township_review')).toBe(subjectLevel === 'village');
          expect(stages.includes('naming')).toBe(
            mode === 'creation' || (mode === 'annual' && publicNotice),
          );
          expect(
            nextCampaignStage({ mode, subjectLevel, publicNotice }, stages.at(-1)!),
          ).toBeNull();
        },
      ),
    );
  });
});

describe('nextCampaignStage', () => {
  it('skips the township review for townships', () => {
    expect(nextCampaignStage({ mode: 'annual', subjectLevel: 'township' }, 'self_assess')).toBe(
      'county_acceptance',
    );
    expect(nextCampaignStage({ mode: 'creation', subjectLevel: 'village' }, 'self_assess')).toBe(
      'township_review',
    );
  });
});

describe('eventAllowedAt', () => {
  it.each([
    ['submit_self_assessment', 'self_assess', true],
    ['submit_self_assessment', 'county_acceptance', false],
    ['approve', 'township_review', true],
    ['approve', 'county_acceptance', false],
    ['accept', 'county_acceptance', true],
    ['post', 'naming', false],
    ['name', 'naming', true],
    ['recommend', 'recommend', true],
    ['record_decision', 'naming', false],
    ['withdraw', 'deploy', false],
    ['withdraw', 'concluded', false],
  ] as const)('%s at %s: %s', (event, stage, ok) => {
    expect(eventAllowedAt(event, stage)).toBe(ok);
  });

  it('every event has a stage and every stage a name', () => {
    for (const e of participationEventTypes) {
      expect(campaignStages.some((s) => eventAllowedAt(e, s))).toBe(true);
    }
    for (const s of campaignStages) expect(campaignStageName(s).zh).not.toBe('');
  });
});
