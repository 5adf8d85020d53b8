import { describe, expect, it } from 'vitest';
import { recheckDecisionProblem, statusAfterRecheck } from './recheck-decision.js';
import { recommendationQuotaProblem } from './recommendation-quota.js';

describe('recheckDecisionProblem', () => {
  it.each([
    [{ outcome: 'keep', reasons: [] }, null],
    [{ outcome: 'revoke', reasons: [] }, 'reasons'],
    [{ outcome: 'revoke', reasons: ['major_crime'] }, null],
    [{ outcome: 'cancel', reasons: [], note: '  ' }, 'note'],
    [{ outcome: 'cancel', reasons: [], note: '与邻村合并' }, null],
  ] as const)('%j → %s', (decision, field) => {
    expect(recheckDecisionProblem(decision)?.field ?? null).toBe(field);
  });

  it('maps each outcome to a status', () => {
    expect(statusAfterRecheck).toEqual({ keep: 'active', revoke: 'revoked', cancel: 'cancelled' });
  });
});

describe('recommendationQuotaProblem', () => {
  it.each([
    [0, 3, null],
    [2, 3, null],
    [3, 3, 'QUOTA_EXCEEDED'],
    [0, 0, 'QUOTA_EXCEEDED'],
    [0, null, 'NO_QUOTA'],
  ])('with %i recommended and a quota of %s: %s', (recommended, quota, code) => {
    expect(recommendationQuotaProblem({ recommended, quota })?.code ?? null).toBe(code);
  });
});
