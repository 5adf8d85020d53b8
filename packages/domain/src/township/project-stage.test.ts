import { describe, expect, it } from 'vitest';
import { mayChangeProjectStage } from './project-stage.js';

describe('mayChangeProjectStage', () => {
  it.each([
    ['idea', 'shortlisted', true],
    ['idea', 'not_taken', true],
    ['not_taken', 'shortlisted', true],
    ['shortlisted', 'voted_through', false],
    ['idea', 'done', false],
    ['voted_through', 'done', true],
    ['voted_down', 'shortlisted', false],
    ['done', 'voted_through', false],
  ] as const)('%s → %s: %s', (from, to, allowed) => {
    expect(mayChangeProjectStage(from, to)).toBe(allowed);
  });
});
